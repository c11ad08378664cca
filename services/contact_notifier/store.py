"""SQL for the contact schema: notices, attempts (insert-only), documents, rules."""

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import asyncpg

from contracts.contact import ContactAttempted, SendNotice

INSERT_NOTICE = """
INSERT INTO notices (command_id, plaintiff_id, case_id, purpose, channel, command,
                     source_event_id, received_at, due_at)
VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9)
ON CONFLICT (command_id) DO NOTHING
RETURNING 1
"""
DUE_NOTICES = """
SELECT command FROM notices
WHERE status = 'pending' AND due_at <= $1
ORDER BY due_at, command_id
LIMIT $2
FOR UPDATE SKIP LOCKED
"""
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


async def insert_notice(
    conn: asyncpg.Connection,
    command: SendNotice,
    event_id: str,
    received_at: datetime,
    due_at: datetime,
) -> bool:
    """Keep a command until it ends; False when this command id is known."""
    inserted = await conn.fetchval(
        INSERT_NOTICE,
        command.command_id,
        command.plaintiff_id,
        command.case_id,
        command.purpose.value,
        command.channel.value,
        command.model_dump_json(),
        event_id,
        received_at,
        due_at,
    )
    return inserted is not None


async def due_notices(
    conn: asyncpg.Connection, now: datetime, limit: int
) -> list[SendNotice]:
    rows = await conn.fetch(DUE_NOTICES, now, limit)
    return [SendNotice.model_validate_json(row["command"]) for row in rows]


async def count_attempts(conn: asyncpg.Connection, command_id: str) -> int:
    query = "SELECT count(*) FROM attempts WHERE command_id = $1"
    return int(await conn.fetchval(query, command_id))


async def set_notice(
    conn: asyncpg.Connection, command_id: str, status: str, due_at: datetime | None
) -> None:
    await conn.execute(
        "UPDATE notices SET status = $2, due_at = coalesce($3, due_at)"
        " WHERE command_id = $1",
        command_id,
        status,
        due_at,
    )


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


async def do_not_contact_among(
    conn: asyncpg.Connection, plaintiff_id: str, subjects: Sequence[str]
) -> set[str]:
    rows = await conn.fetch(
        "SELECT subject FROM do_not_contact"
        " WHERE plaintiff_id = $1 AND subject = ANY($2::text[])",
        plaintiff_id,
        list(subjects),
    )
    return {row["subject"] for row in rows}


async def add_do_not_contact(
    conn: asyncpg.Connection, plaintiff_id: str, subject: str, at: datetime
) -> None:
    await conn.execute(
        "INSERT INTO do_not_contact (plaintiff_id, subject, added_at)"
        " VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        plaintiff_id,
        subject,
        at,
    )


async def policy_rows(
    conn: asyncpg.Connection, plaintiff_id: str
) -> list[tuple[date, dict[str, Any]]]:
    rows = await conn.fetch(
        "SELECT effective_from, overrides FROM policies WHERE plaintiff_id = $1",
        plaintiff_id,
    )
    return [(row["effective_from"], json.loads(row["overrides"])) for row in rows]
