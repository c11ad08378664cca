"""SQL for the triage schema."""

import asyncpg

from contracts.platform import LoanOverdue

INSERT_CASE = """
INSERT INTO cases (plaintiff_id, case_id, source_event_id, principal, term_months,
                   court_id, report, opened_at)
VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)
ON CONFLICT (plaintiff_id, case_id) DO NOTHING
RETURNING 1
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
