"""SQL for the evidence: attempts and documents, both insert-only."""

from datetime import datetime

import asyncpg

from contracts.contact import ContactAttempted

INSERT_ATTEMPT = """
INSERT INTO attempts (plaintiff_id, attempt_id, command_id, case_id, purpose,
                      channel, contact_point, attempted_at, status, blocked_reason,
                      rescheduled_to, outcome, document_ref, marketing, event_id)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13, $14, $15)
ON CONFLICT (plaintiff_id, attempt_id) DO NOTHING
RETURNING 1
"""
PRIOR_CALLS = """
SELECT attempted_at, (outcome->>'answered')::boolean AS answered FROM attempts
WHERE channel = 'phone' AND status <> 'blocked' AND contact_point = $1
  AND attempted_at >= $2
"""


async def count_attempts(conn: asyncpg.Connection, command_id: str) -> int:
    query = "SELECT count(*) FROM attempts WHERE command_id = $1"
    return int(await conn.fetchval(query, command_id))


async def insert_attempt(
    conn: asyncpg.Connection,
    attempt: ContactAttempted,
    contact_point: str | None,
    event_id: str,
) -> bool:
    """Record an attempt as evidence; False when it is recorded already."""
    inserted = await conn.fetchval(
        INSERT_ATTEMPT,
        attempt.plaintiff_id,
        attempt.attempt_id,
        attempt.command_id,
        attempt.case_id,
        attempt.purpose.value,
        attempt.channel.value,
        contact_point,
        attempt.attempted_at,
        attempt.status.value,
        attempt.blocked_reason.value if attempt.blocked_reason else None,
        attempt.rescheduled_to,
        attempt.outcome.model_dump_json(),
        attempt.outcome.transcript_ref,
        attempt.marketing,
        event_id,
    )
    return inserted is not None


async def store_document(
    conn: asyncpg.Connection, ref: str, media_type: str, content: str
) -> None:
    await conn.execute(
        "INSERT INTO documents (ref, media_type, content) VALUES ($1, $2, $3)"
        " ON CONFLICT (ref) DO NOTHING",
        ref,
        media_type,
        content,
    )


async def prior_calls(
    conn: asyncpg.Connection, number: str, since: datetime
) -> list[asyncpg.Record]:
    return list(await conn.fetch(PRIOR_CALLS, number, since))
