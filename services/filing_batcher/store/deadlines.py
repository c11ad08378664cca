"""SQL for batch clocks: rows with due and warning times, closed when answered."""

from collections.abc import Iterable
from datetime import datetime

import asyncpg


async def insert_deadlines(
    conn: asyncpg.Connection,
    batch_id: str,
    clocks: Iterable[tuple[str, datetime, datetime, datetime]],
) -> None:
    """Clocks as (level, started_at, due_at, warn_at); a repeat is ignored."""
    await conn.executemany(
        """
        INSERT INTO deadlines (batch_id, level, started_at, due_at, warn_at)
        VALUES ($1, $2, $3, $4, $5) ON CONFLICT (batch_id, level) DO NOTHING
        """,
        [(batch_id, *clock) for clock in clocks],
    )


async def close_deadlines(
    conn: asyncpg.Connection, batch_id: str, at: datetime
) -> None:
    await conn.execute(
        "UPDATE deadlines SET closed_at = $2 WHERE batch_id = $1 AND closed_at IS NULL",
        batch_id,
        at,
    )


DUE_DEADLINES = """
SELECT d.*, b.plaintiff_id, b.court_id FROM deadlines d
JOIN batches b ON b.batch_id = d.batch_id
WHERE d.closed_at IS NULL
  AND ((d.warned_at IS NULL AND d.warn_at <= $1)
       OR (d.breached_at IS NULL AND d.due_at < $1))
ORDER BY d.due_at
LIMIT $2
FOR UPDATE OF d SKIP LOCKED
"""


async def due_deadlines(
    conn: asyncpg.Connection, now: datetime, limit: int = 500
) -> list[asyncpg.Record]:
    return await conn.fetch(DUE_DEADLINES, now, limit)


async def mark_deadline(
    conn: asyncpg.Connection,
    batch_id: str,
    level: str,
    *,
    warned_at: datetime | None = None,
    breached_at: datetime | None = None,
    closed_at: datetime | None = None,
) -> None:
    await conn.execute(
        """
        UPDATE deadlines SET warned_at = COALESCE(warned_at, $3),
                             breached_at = COALESCE(breached_at, $4),
                             closed_at = COALESCE(closed_at, $5)
        WHERE batch_id = $1 AND level = $2
        """,
        batch_id,
        level,
        warned_at,
        breached_at,
        closed_at,
    )
