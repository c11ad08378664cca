"""SQL for cases."""

from datetime import datetime

import asyncpg

from contracts.platform import LoanOverdue

INSERT_CASE = """
INSERT INTO cases (plaintiff_id, case_id, source_event_id, principal, term_months,
                   court_id, report, opened_at)
VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)
ON CONFLICT (plaintiff_id, case_id) DO NOTHING
RETURNING 1
"""
CASE_FOR_UPDATE = """
SELECT * FROM cases WHERE plaintiff_id = $1 AND case_id = $2 FOR UPDATE
"""
CLOSED_WINDOWS = """
SELECT * FROM cases
WHERE status = 'collecting' AND window_closes_at <= $1
ORDER BY window_closes_at
LIMIT $2
FOR UPDATE SKIP LOCKED
"""


async def insert_case(
    conn: asyncpg.Connection, report: LoanOverdue, event_id: str, opened_at: object
) -> bool:
    """Store a newly reported case; False when the case is already open."""
    inserted = await conn.fetchval(
        INSERT_CASE,
        report.plaintiff_id,
        report.case_id,
        event_id,
        report.loan.principal,
        report.loan.term_months,
        report.agreed_court_id,
        report.model_dump_json(),
        opened_at,
    )
    return inserted is not None


async def lock_case(
    conn: asyncpg.Connection, plaintiff_id: str, case_id: str
) -> asyncpg.Record | None:
    """The case row, locked until the transaction ends; None if unknown."""
    row: asyncpg.Record | None = await conn.fetchrow(
        CASE_FOR_UPDATE, plaintiff_id, case_id
    )
    return row


async def closed_windows(
    conn: asyncpg.Connection, now: datetime, limit: int
) -> list[asyncpg.Record]:
    """Cases still collecting whose window has closed, locked, oldest first."""
    return list(await conn.fetch(CLOSED_WINDOWS, now, limit))


async def set_window(
    conn: asyncpg.Connection, plaintiff_id: str, case_id: str, closes_at: datetime
) -> None:
    await conn.execute(
        "UPDATE cases SET window_closes_at = $3 WHERE plaintiff_id = $1"
        " AND case_id = $2",
        plaintiff_id,
        case_id,
        closes_at,
    )


async def set_status(
    conn: asyncpg.Connection, plaintiff_id: str, case_id: str, status: str
) -> None:
    await conn.execute(
        "UPDATE cases SET status = $3 WHERE plaintiff_id = $1 AND case_id = $2",
        plaintiff_id,
        case_id,
        status,
    )


async def set_privacy_attempt(
    conn: asyncpg.Connection, plaintiff_id: str, case_id: str, attempt_id: str
) -> None:
    await conn.execute(
        "UPDATE cases SET privacy_attempt_id = $3"
        " WHERE plaintiff_id = $1 AND case_id = $2",
        plaintiff_id,
        case_id,
        attempt_id,
    )
