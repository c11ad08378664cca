"""SQL for the sanctions schema."""

from datetime import date, datetime
from decimal import Decimal
from typing import TypeAlias

import asyncpg

from contracts.platform import RepaymentReceived
from contracts.rulings import JudgmentIssued
from contracts.sanctions import PublicSanctionEntry, SanctionRecorded

Row: TypeAlias = asyncpg.Record


async def lock_case(conn: asyncpg.Connection, plaintiff_id: str, case_id: str) -> None:
    """Serialize a case's judgment and repayments until commit, so none is missed."""
    await conn.execute(
        "SELECT pg_advisory_xact_lock(hashtext($1))", f"case:{plaintiff_id}/{case_id}"
    )


async def insert_judgment(
    conn: asyncpg.Connection,
    issued: JudgmentIssued,
    obligation: Decimal,
    recorded_at: datetime,
) -> bool:
    """Store a judgment; False when the case already has one."""
    inserted = await conn.fetchval(
        "INSERT INTO judgments (plaintiff_id, case_id, court_id, docket_number,"
        " outcome, obligation, judged_at, recorded_at)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING 1",
        issued.plaintiff_id,
        issued.case_id,
        issued.court_id,
        issued.docket_number,
        issued.outcome.value,
        obligation,
        issued.judged_at,
        recorded_at,
    )
    return inserted is not None


async def judgment(
    conn: asyncpg.Connection, plaintiff_id: str, case_id: str
) -> Row | None:
    return await conn.fetchrow(
        "SELECT * FROM judgments WHERE plaintiff_id = $1 AND case_id = $2 FOR UPDATE",
        plaintiff_id,
        case_id,
    )


async def insert_sanction(
    conn: asyncpg.Connection,
    recorded: SanctionRecorded,
    entry: PublicSanctionEntry | None,
) -> None:
    """Store a sanction with its restrictions and its public entry, if listed."""
    listing = recorded.listing
    await conn.execute(
        "INSERT INTO sanctions (sanction_id, plaintiff_id, case_id, court_id,"
        " art1_item, term_years, extension_years, listed_on, listed_until,"
        " penalties, restrictions, entry_id, public_entry, recorded_at)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
        recorded.sanction_id,
        recorded.plaintiff_id,
        recorded.case_id,
        recorded.court_id,
        listing.art1_item if listing else None,
        listing.term_years if listing else None,
        listing.extension_years if listing else None,
        recorded.listed_on,
        recorded.listed_until,
        [p.value for p in recorded.penalties],
        [r.value for r in recorded.restrictions],
        entry.entry_id if entry else None,
        entry.model_dump_json() if entry else None,
        recorded.recorded_at,
    )


async def replace_public_entry(
    conn: asyncpg.Connection, sanction_id: str, entry: PublicSanctionEntry
) -> None:
    """Keep the entry as last published."""
    await conn.execute(
        "UPDATE sanctions SET public_entry = $2 WHERE sanction_id = $1",
        sanction_id,
        entry.model_dump_json(),
    )


async def listing_of_case(
    conn: asyncpg.Connection, plaintiff_id: str, case_id: str
) -> Row | None:
    """The case's listing still on the public list, if any."""
    return await conn.fetchrow(
        "SELECT * FROM sanctions WHERE plaintiff_id = $1 AND case_id = $2"
        " AND entry_id IS NOT NULL AND lifted_at IS NULL FOR UPDATE",
        plaintiff_id,
        case_id,
    )


async def schedule_lift(
    conn: asyncpg.Connection,
    sanction_id: str,
    reason: str,
    due_at: datetime,
    due_by: date,
) -> None:
    await conn.execute(
        "UPDATE sanctions SET lift_reason = $2, lift_due_at = $3, lift_due_by = $4"
        " WHERE sanction_id = $1",
        sanction_id,
        reason,
        due_at,
        due_by,
    )


async def insert_repayment(
    conn: asyncpg.Connection, paid: RepaymentReceived, parked: bool = False
) -> bool:
    """Store a repayment, parked while its case has no judgment; False if known."""
    inserted = await conn.fetchval(
        "INSERT INTO repayments (plaintiff_id, repayment_id, case_id, amount,"
        " fully_repaid, received_at, parked) VALUES ($1, $2, $3, $4, $5, $6, $7)"
        " ON CONFLICT DO NOTHING RETURNING 1",
        paid.plaintiff_id,
        paid.repayment_id,
        paid.case_id,
        paid.amount,
        paid.fully_repaid,
        paid.received_at,
        parked,
    )
    return inserted is not None


async def unpark_repayments(
    conn: asyncpg.Connection, plaintiff_id: str, case_id: str
) -> list[Row]:
    """Take the case's parked repayments off the shelf, in the order received."""
    rows = await conn.fetch(
        "UPDATE repayments SET parked = false"
        " WHERE plaintiff_id = $1 AND case_id = $2 AND parked"
        " RETURNING amount, fully_repaid, received_at, repayment_id",
        plaintiff_id,
        case_id,
    )
    return sorted(rows, key=lambda r: (r["received_at"], r["repayment_id"]))


async def update_performance(
    conn: asyncpg.Connection,
    plaintiff_id: str,
    case_id: str,
    paid: Decimal,
    fully_performed_on: date | None,
) -> None:
    await conn.execute(
        "UPDATE judgments SET paid = $3, fully_performed_on = $4"
        " WHERE plaintiff_id = $1 AND case_id = $2",
        plaintiff_id,
        case_id,
        paid,
        fully_performed_on,
    )


async def due_lifts(
    conn: asyncpg.Connection, now: datetime, limit: int = 500
) -> list[Row]:
    return await conn.fetch(
        "SELECT * FROM sanctions WHERE lifted_at IS NULL AND lift_due_at <= $1"
        " ORDER BY lift_due_at, sanction_id LIMIT $2 FOR UPDATE",
        now,
        limit,
    )


async def mark_lifted(conn: asyncpg.Connection, sanction_id: str, at: datetime) -> None:
    await conn.execute(
        "UPDATE sanctions SET lifted_at = $2 WHERE sanction_id = $1", sanction_id, at
    )
