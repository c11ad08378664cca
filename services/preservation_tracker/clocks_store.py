"""SQL for the court's measures and the deadlines they start."""

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import TypeAlias

import asyncpg

from contracts.assets import Measure
from services.preservation_tracker.domain.deadlines import Deadline
from shared.periods import start_of

Row: TypeAlias = asyncpg.Record


async def insert_measures(
    conn: asyncpg.Connection,
    application_id: str,
    measures: Sequence[Measure],
    latest_allowed: Sequence[date],
) -> None:
    await conn.executemany(
        "INSERT INTO measures (application_id, asset_identifier, asset_kind, measure,"
        " amount, from_lead, start_date, expiry_date, latest_allowed)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING",
        [
            (
                application_id,
                m.asset_identifier,
                m.asset_kind.value,
                m.measure.value,
                m.amount,
                m.from_lead,
                m.start_date,
                m.expiry_date,
                latest,
            )
            for m, latest in zip(measures, latest_allowed, strict=True)
        ],
    )


async def measures_of(
    conn: asyncpg.Connection, application_id: str, status: str | None = "live"
) -> list[Row]:
    return await conn.fetch(
        "SELECT * FROM measures WHERE application_id = $1"
        " AND ($2::text IS NULL OR status = $2) ORDER BY asset_identifier FOR UPDATE",
        application_id,
        status,
    )


async def renew_measure(
    conn: asyncpg.Connection,
    application_id: str,
    asset: str,
    starts_on: date,
    expires_on: date,
    latest_allowed: date,
) -> None:
    await conn.execute(
        "UPDATE measures SET start_date = $3, expiry_date = $4, latest_allowed = $5,"
        " renewals = renewals + 1 WHERE application_id = $1 AND asset_identifier = $2",
        application_id,
        asset,
        starts_on,
        expires_on,
        latest_allowed,
    )


async def mark_renewal_applied(
    conn: asyncpg.Connection, application_id: str, asset: str, expiry: date
) -> bool:
    """Note a renewal asked for this expiry; False when it was asked already."""
    marked = await conn.fetchval(
        "UPDATE measures SET renewal_applied_for = $3 WHERE application_id = $1"
        " AND asset_identifier = $2 AND renewal_applied_for IS DISTINCT FROM $3"
        " RETURNING 1",
        application_id,
        asset,
        expiry,
    )
    return marked is not None


async def set_measure_status(
    conn: asyncpg.Connection, application_id: str, asset: str | None, status: str
) -> None:
    """End one live measure, or every live one of the application when asset=None."""
    await conn.execute(
        "UPDATE measures SET status = $3 WHERE application_id = $1"
        " AND ($2::text IS NULL OR asset_identifier = $2) AND status = 'live'",
        application_id,
        asset,
        status,
    )


async def insert_deadlines(
    conn: asyncpg.Connection, application_id: str, deadlines: Iterable[Deadline]
) -> None:
    await conn.executemany(
        "INSERT INTO deadlines (application_id, kind, asset_identifier, due_on, due_at)"
        " VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
        [
            (
                application_id,
                d.kind.value,
                d.asset_ref or "",
                d.due_at,
                start_of(d.due_at),
            )
            for d in deadlines
        ],
    )


async def cancel_deadlines(
    conn: asyncpg.Connection,
    application_id: str,
    kinds: Sequence[str] | None,
    at: datetime,
    asset: str | None = None,
) -> None:
    """Cancel open deadlines of an application, optionally by kind and asset."""
    await conn.execute(
        "UPDATE deadlines SET cancelled_at = $4 WHERE application_id = $1"
        " AND ($2::text[] IS NULL OR kind = ANY($2)) AND ($3::text IS NULL"
        " OR asset_identifier = $3) AND done_at IS NULL AND cancelled_at IS NULL",
        application_id,
        list(kinds) if kinds is not None else None,
        asset,
        at,
    )


async def due_deadlines(
    conn: asyncpg.Connection, now: datetime, limit: int = 500
) -> list[Row]:
    return await conn.fetch(
        "SELECT d.*, a.plaintiff_id, a.case_id, a.court_id, a.stage, a.taken_on,"
        " a.suit_due_on, a.ruling_docket, a.status AS application_status"
        " FROM deadlines d"
        " JOIN applications a USING (application_id)"
        " WHERE d.done_at IS NULL AND d.cancelled_at IS NULL AND d.due_at <= $1"
        " ORDER BY d.due_at, d.deadline_id LIMIT $2 FOR UPDATE OF d",
        now,
        limit,
    )


async def mark_done(conn: asyncpg.Connection, deadline_id: int, at: datetime) -> None:
    await conn.execute(
        "UPDATE deadlines SET done_at = $2 WHERE deadline_id = $1 AND done_at IS NULL",
        deadline_id,
        at,
    )


async def upcoming(conn: asyncpg.Connection, until: datetime) -> list[Row]:
    """Open deadlines due by `until`, earliest first, for the operator."""
    return await conn.fetch(
        "SELECT d.deadline_id, d.kind, d.asset_identifier, d.due_on, d.due_at,"
        " a.application_id, a.plaintiff_id, a.case_id, a.court_id, a.stage"
        " FROM deadlines d JOIN applications a USING (application_id)"
        " WHERE d.done_at IS NULL AND d.cancelled_at IS NULL AND d.due_at <= $1"
        " ORDER BY d.due_at, d.deadline_id",
        until,
    )
