"""SQL for batches: the open one per group, batch numbers, sealing, filing."""

from collections.abc import Mapping
from datetime import datetime

import asyncpg

from services.filing_batcher.domain.batching import OpenBatch, PendingCase

OPEN_BATCH = """
SELECT b.batch_id, b.opened_at, b.checked_until, c.case_id, c.arrived_at
FROM batches b JOIN cases c ON c.batch_id = b.batch_id
WHERE b.plaintiff_id = $1 AND b.court_id = $2 AND b.status = 'open'
ORDER BY c.arrived_at, c.case_id
"""


async def open_batch(
    conn: asyncpg.Connection, plaintiff_id: str, court_id: str
) -> OpenBatch | None:
    """The group's open batch with its cases, if one is open."""
    rows = await conn.fetch(OPEN_BATCH, plaintiff_id, court_id)
    if not rows:
        return None
    first = rows[0]
    return OpenBatch(
        batch_id=first["batch_id"],
        plaintiff_id=plaintiff_id,
        court_id=court_id,
        opened_at=first["opened_at"],
        checked_until=first["checked_until"],
        cases=[
            PendingCase(r["case_id"], plaintiff_id, court_id, r["arrived_at"])
            for r in rows
        ],
    )


async def open_groups(conn: asyncpg.Connection) -> list[tuple[str, str]]:
    rows = await conn.fetch(
        "SELECT plaintiff_id, court_id FROM batches WHERE status = 'open'"
    )
    return [(r["plaintiff_id"], r["court_id"]) for r in rows]


async def used_sequences(conn: asyncpg.Connection, prefix: str) -> dict[str, int]:
    """The last batch number used under the prefix; empty when none was yet."""
    value = await conn.fetchval(
        "SELECT last_sequence FROM batch_sequences WHERE prefix = $1", prefix
    )
    return {} if value is None else {prefix: int(value)}


async def save_sequences(
    conn: asyncpg.Connection, sequences: Mapping[str, int]
) -> None:
    await conn.executemany(
        """
        INSERT INTO batch_sequences (prefix, last_sequence) VALUES ($1, $2)
        ON CONFLICT (prefix) DO UPDATE
        SET last_sequence = GREATEST(
            batch_sequences.last_sequence, EXCLUDED.last_sequence
        )
        """,
        list(sequences.items()),
    )


async def save_open_batch(conn: asyncpg.Connection, batch: OpenBatch) -> None:
    """Insert the batch if new, remember how far its cut-off was checked."""
    await conn.execute(
        """
        INSERT INTO batches (batch_id, plaintiff_id, court_id, status, opened_at,
                             checked_until)
        VALUES ($1, $2, $3, 'open', $4, $5)
        ON CONFLICT (batch_id) DO UPDATE SET checked_until = EXCLUDED.checked_until
        """,
        batch.batch_id,
        batch.plaintiff_id,
        batch.court_id,
        batch.opened_at,
        batch.checked_until,
    )


async def seal_batch(
    conn: asyncpg.Connection,
    batch_id: str,
    sealed_at: datetime,
    reason: str,
    case_count: int,
) -> None:
    await conn.execute(
        """
        UPDATE batches SET status = 'sealed', sealed_at = $2, seal_reason = $3,
                           case_count = $4, checked_until = $2
        WHERE batch_id = $1 AND status = 'open'
        """,
        batch_id,
        sealed_at,
        reason,
        case_count,
    )


async def lock_batch(conn: asyncpg.Connection, batch_id: str) -> asyncpg.Record | None:
    return await conn.fetchrow(
        "SELECT * FROM batches WHERE batch_id = $1 FOR UPDATE", batch_id
    )


async def mark_filed(
    conn: asyncpg.Connection, batch_id: str, invoice_id: str, at: datetime
) -> None:
    await conn.execute(
        """
        UPDATE batches SET status = 'filed', invoice_id = $2, filed_at = $3
        WHERE batch_id = $1
        """,
        batch_id,
        invoice_id,
        at,
    )


async def mark_withdrawn(
    conn: asyncpg.Connection, batch_id: str, invoice_id: str, at: datetime
) -> None:
    await conn.execute(
        """
        UPDATE batches SET status = 'withdrawn', invoice_id = $2, withdrawn_at = $3
        WHERE batch_id = $1
        """,
        batch_id,
        invoice_id,
        at,
    )
