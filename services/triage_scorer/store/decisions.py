"""SQL for the attempts triage has seen and the decisions it has made."""

from datetime import datetime

import asyncpg

from contracts.contact import AttemptStatus, ContactAttempted, StatedReason
from contracts.triage import CaseTriaged

INSERT_ATTEMPT = """
INSERT INTO attempts (plaintiff_id, attempt_id, case_id, command_id, purpose, channel,
                      status, attempted_at, reached, answered, right_party,
                      cooperative, comprehension, stated_reason, sentiment,
                      marketing, final, source_event_id)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
        $18)
ON CONFLICT (plaintiff_id, attempt_id) DO NOTHING
RETURNING 1
"""
COLLECTION_ATTEMPTS = """
SELECT * FROM attempts
WHERE plaintiff_id = $1 AND case_id = $2 AND purpose = 'collection'
  AND status <> 'blocked'
ORDER BY attempted_at, attempt_id
"""
INSERT_DECISION = """
INSERT INTO decisions (plaintiff_id, case_id, revision, decision, cause, score,
                       triaged, decided_at)
VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)
"""
DECISION_SCORES = """
SELECT plaintiff_id, case_id, revision, score FROM decisions
WHERE case_id = ANY($1::text[]) AND ($2::text IS NULL OR plaintiff_id = $2)
"""
LATEST_DECISION = """
SELECT * FROM decisions WHERE plaintiff_id = $1 AND case_id = $2
ORDER BY revision DESC LIMIT 1
"""


async def insert_attempt(
    conn: asyncpg.Connection,
    attempt: ContactAttempted,
    stated_reason: StatedReason | None,
    sentiment: str | None,
    event_id: str,
) -> bool:
    """Keep one attempt; False when it was seen already."""
    outcome = attempt.outcome
    final = attempt.status is not AttemptStatus.BLOCKED or not attempt.rescheduled_to
    inserted = await conn.fetchval(
        INSERT_ATTEMPT,
        attempt.plaintiff_id,
        attempt.attempt_id,
        attempt.case_id,
        attempt.command_id,
        attempt.purpose.value,
        attempt.channel.value,
        attempt.status.value,
        attempt.attempted_at,
        outcome.reached,
        outcome.answered,
        outcome.right_party,
        outcome.cooperative,
        outcome.comprehension,
        stated_reason.value if stated_reason else None,
        sentiment,
        attempt.marketing,
        final,
        event_id,
    )
    return inserted is not None


async def collection_attempts(
    conn: asyncpg.Connection, plaintiff_id: str, case_id: str
) -> list[asyncpg.Record]:
    """Collection attempts that were made (not blocked), oldest first."""
    return list(await conn.fetch(COLLECTION_ATTEMPTS, plaintiff_id, case_id))


async def insert_decision(conn: asyncpg.Connection, triaged: CaseTriaged) -> None:
    """Add a revision to the case's history; revisions are never rewritten."""
    await conn.execute(
        INSERT_DECISION,
        triaged.plaintiff_id,
        triaged.case_id,
        triaged.revision,
        triaged.decision.value,
        triaged.cause.value if triaged.cause else "",
        triaged.score,
        triaged.model_dump_json(),
        triaged.decided_at,
    )


async def latest_decision(
    conn: asyncpg.Connection, plaintiff_id: str, case_id: str
) -> CaseTriaged | None:
    row = await conn.fetchrow(LATEST_DECISION, plaintiff_id, case_id)
    return CaseTriaged.model_validate_json(row["triaged"]) if row else None


async def mark_published(
    conn: asyncpg.Connection, triaged: CaseTriaged, at: datetime
) -> None:
    """Note when the revision went out, and the event exactly as it went."""
    await conn.execute(
        "UPDATE decisions SET published_at = $4, triaged = $5::jsonb"
        " WHERE plaintiff_id = $1 AND case_id = $2 AND revision = $3",
        triaged.plaintiff_id,
        triaged.case_id,
        triaged.revision,
        at,
        triaged.model_dump_json(),
    )


async def decision_scores(
    conn: asyncpg.Connection, case_ids: list[str], plaintiff_id: str | None
) -> list[tuple[str, str, int, float]]:
    """Every revision's score of the named cases, of one plaintiff when given."""
    rows = await conn.fetch(DECISION_SCORES, case_ids, plaintiff_id)
    return [
        (r["plaintiff_id"], r["case_id"], r["revision"], float(r["score"]))
        for r in rows
    ]
