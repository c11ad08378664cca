"""SQL for the per-court ledger of case panel incentives."""

from collections.abc import Iterable

import asyncpg

from services.fee_calculator.domain.panel import LedgerEntry


async def insert_ledger(
    conn: asyncpg.Connection,
    entries: Iterable[LedgerEntry],
    plaintiff_id: str,
    docket_number: str,
) -> None:
    await conn.executemany(
        """
        INSERT INTO panel_ledger (court_id, case_id, plaintiff_id, docket_number, role,
                                  seat, amount, entry_date)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        ON CONFLICT DO NOTHING
        """,
        [
            (
                e.court_id,
                e.case_id,
                plaintiff_id,
                docket_number,
                e.role.value,
                e.person_id,
                e.amount,
                e.on,
            )
            for e in entries
        ],
    )
