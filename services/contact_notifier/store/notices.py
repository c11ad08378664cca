"""SQL for notices: the commands kept until each ends."""

from datetime import datetime

import asyncpg

from contracts.contact import SendNotice

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
