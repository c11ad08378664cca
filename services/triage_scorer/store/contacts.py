"""SQL for the contacts a case's collection plan schedules."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import asyncpg


@dataclass(frozen=True)
class Scheduled:
    command_id: str
    plaintiff_id: str
    case_id: str
    purpose: str
    channel: str
    due_at: datetime


INSERT = """
INSERT INTO scheduled_contacts (command_id, plaintiff_id, case_id, purpose, channel,
                                due_at)
VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (command_id) DO NOTHING
"""
DUE = """
SELECT s.command_id, s.plaintiff_id, s.case_id, s.purpose, s.channel, s.due_at,
       c.report
FROM scheduled_contacts s
JOIN cases c USING (plaintiff_id, case_id)
WHERE s.status = 'scheduled' AND s.due_at <= $1
ORDER BY s.due_at, s.command_id
LIMIT $2
FOR UPDATE OF s SKIP LOCKED
"""


async def schedule(conn: asyncpg.Connection, contacts: Sequence[Scheduled]) -> None:
    await conn.executemany(
        INSERT,
        [
            (c.command_id, c.plaintiff_id, c.case_id, c.purpose, c.channel, c.due_at)
            for c in contacts
        ],
    )


async def due(
    conn: asyncpg.Connection, now: datetime, limit: int
) -> list[asyncpg.Record]:
    """Contacts whose time has come, with their case's report, locked."""
    return list(await conn.fetch(DUE, now, limit))


async def mark_sent(
    conn: asyncpg.Connection, command_ids: Sequence[str], at: datetime
) -> None:
    await conn.execute(
        "UPDATE scheduled_contacts SET status = 'sent', sent_at = $2"
        " WHERE command_id = ANY($1::text[])",
        list(command_ids),
        at,
    )


async def cancel_open(
    conn: asyncpg.Connection, plaintiff_id: str, case_id: str, purposes: Sequence[str]
) -> int:
    """Cancel what the case has not sent yet for these purposes; returns how many."""
    status = await conn.execute(
        "UPDATE scheduled_contacts SET status = 'cancelled'"
        " WHERE plaintiff_id = $1 AND case_id = $2 AND status = 'scheduled'"
        " AND purpose = ANY($3::text[])",
        plaintiff_id,
        case_id,
        list(purposes),
    )
    return int(status.split()[-1])


async def count_privacy(
    conn: asyncpg.Connection, plaintiff_id: str, case_id: str
) -> int:
    query = (
        "SELECT count(*) FROM scheduled_contacts WHERE plaintiff_id = $1"
        " AND case_id = $2 AND purpose = 'privacy_notice'"
    )
    return int(await conn.fetchval(query, plaintiff_id, case_id))
