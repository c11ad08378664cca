"""SQL for priced cases: admission, batch membership and court answers."""

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal

import asyncpg

from services.filing_batcher.domain.batching import PendingCase


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


async def assign_cases(
    conn: asyncpg.Connection, batch_id: str, plaintiff_id: str, case_ids: Iterable[str]
) -> None:
    await conn.execute(
        "UPDATE cases SET batch_id = $1 WHERE plaintiff_id = $2 AND case_id = ANY($3)",
        batch_id,
        plaintiff_id,
        list(case_ids),
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
