"""SQL for the filing schema: cases, batches, batch numbers and clocks."""

from collections.abc import Iterable, Mapping
from datetime import datetime
from decimal import Decimal

import asyncpg

from services.filing_batcher.domain.batching import OpenBatch, PendingCase


async def lock_group(
    conn: asyncpg.Connection, plaintiff_id: str, court_id: str
) -> None:
    """Serialize work on one plaintiff's batch for one court until commit."""
    await conn.execute(
        "SELECT pg_advisory_xact_lock(hashtext($1))", f"{plaintiff_id}/{court_id}"
    )


async def try_lock_group(
    conn: asyncpg.Connection, plaintiff_id: str, court_id: str
) -> bool:
    return bool(
        await conn.fetchval(
            "SELECT pg_try_advisory_xact_lock(hashtext($1))",
            f"{plaintiff_id}/{court_id}",
        )
    )


INSERT_CASE = """
INSERT INTO cases (plaintiff_id, case_id, court_id, source_event_id, fee, complaint,
                   arrived_at)
VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)
ON CONFLICT (plaintiff_id, case_id) DO NOTHING
RETURNING 1
"""


async def insert_case(
    conn: asyncpg.Connection,
    case: PendingCase,
    source_event_id: str,
    fee: Decimal,
    complaint_json: str,
) -> bool:
    """Store a priced case; False when it is already known."""
    inserted = await conn.fetchval(
        INSERT_CASE,
        case.plaintiff_id,
        case.case_id,
        case.court_id,
        source_event_id,
        fee,
        complaint_json,
        case.arrived_at,
    )
    return inserted is not None


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


async def last_sequence(conn: asyncpg.Connection, prefix: str) -> int:
    value = await conn.fetchval(
        "SELECT last_sequence FROM batch_sequences WHERE prefix = $1", prefix
    )
    return int(value or 0)


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


async def assign_cases(
    conn: asyncpg.Connection, batch_id: str, plaintiff_id: str, case_ids: Iterable[str]
) -> None:
    await conn.execute(
        "UPDATE cases SET batch_id = $1 WHERE plaintiff_id = $2 AND case_id = ANY($3)",
        batch_id,
        plaintiff_id,
        list(case_ids),
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


async def batch_cases(conn: asyncpg.Connection, batch_id: str) -> list[asyncpg.Record]:
    """The batch's cases in arrival order, with complaint and fee."""
    return await conn.fetch(
        """
        SELECT case_id, fee, complaint FROM cases WHERE batch_id = $1
        ORDER BY arrived_at, case_id
        """,
        batch_id,
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


async def case_for_answer(
    conn: asyncpg.Connection, plaintiff_id: str, case_id: str
) -> asyncpg.Record | None:
    return await conn.fetchrow(
        """
        SELECT c.*, b.status AS batch_status FROM cases c
        LEFT JOIN batches b ON b.batch_id = c.batch_id
        WHERE c.plaintiff_id = $1 AND c.case_id = $2 FOR UPDATE OF c
        """,
        plaintiff_id,
        case_id,
    )


async def docket_holder(
    conn: asyncpg.Connection, court_id: str, docket_number: str
) -> str | None:
    value = await conn.fetchval(
        "SELECT case_id FROM cases WHERE court_id = $1 AND docket_number = $2",
        court_id,
        docket_number,
    )
    return None if value is None else str(value)


async def record_docket(
    conn: asyncpg.Connection,
    plaintiff_id: str,
    case_id: str,
    docket_number: str,
    at: datetime,
) -> None:
    await conn.execute(
        """
        UPDATE cases SET docket_number = $3, docketed_at = $4
        WHERE plaintiff_id = $1 AND case_id = $2
        """,
        plaintiff_id,
        case_id,
        docket_number,
        at,
    )


async def record_rejection(
    conn: asyncpg.Connection, plaintiff_id: str, case_id: str, reason: str, at: datetime
) -> None:
    await conn.execute(
        """
        UPDATE cases SET rejection_reason = $3, rejected_at = $4
        WHERE plaintiff_id = $1 AND case_id = $2
        """,
        plaintiff_id,
        case_id,
        reason,
        at,
    )


async def unanswered(conn: asyncpg.Connection, batch_id: str) -> int:
    """Cases of the batch with neither a docket number nor a rejection."""
    value = await conn.fetchval(
        """
        SELECT count(*) FROM cases WHERE batch_id = $1
        AND docket_number IS NULL AND rejection_reason IS NULL
        """,
        batch_id,
    )
    return int(value)


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
