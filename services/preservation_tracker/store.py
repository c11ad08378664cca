"""SQL for applications, reviewer items and docketed cases."""

from datetime import date, datetime
from decimal import Decimal
from typing import Any, TypeAlias

import asyncpg

from contracts.platform import PreservationRequested
from services.preservation_tracker.domain.review import ReviewItem

Row: TypeAlias = asyncpg.Record

INSERT_APPLICATION = """
INSERT INTO applications (application_id, plaintiff_id, request_id, case_id,
    court_id, stage, claim_amount, status, request, received_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10)
ON CONFLICT DO NOTHING
RETURNING 1
"""


async def insert_application(
    conn: asyncpg.Connection,
    application_id: str,
    request: PreservationRequested,
    status: str,
    received_at: datetime,
) -> bool:
    """Store a new request; False when this request was already received."""
    inserted = await conn.fetchval(
        INSERT_APPLICATION,
        application_id,
        request.plaintiff_id,
        request.request_id,
        request.case_id,
        request.court_id,
        request.stage.value,
        request.claim_amount,
        status,
        request.model_dump_json(),
        received_at,
    )
    return inserted is not None


async def application(conn: asyncpg.Connection, application_id: str) -> Row | None:
    return await conn.fetchrow(
        "SELECT * FROM applications WHERE application_id = $1 FOR UPDATE",
        application_id,
    )


async def application_by_request(
    conn: asyncpg.Connection, plaintiff_id: str, request_id: str
) -> Row | None:
    return await conn.fetchrow(
        "SELECT * FROM applications WHERE plaintiff_id = $1 AND request_id = $2"
        " FOR UPDATE",
        plaintiff_id,
        request_id,
    )


async def applications_of_case(
    conn: asyncpg.Connection, plaintiff_id: str, case_id: str, status: str
) -> list[Row]:
    return await conn.fetch(
        "SELECT * FROM applications WHERE plaintiff_id = $1 AND case_id = $2"
        " AND status = $3 ORDER BY application_id FOR UPDATE",
        plaintiff_id,
        case_id,
        status,
    )


async def set_status(
    conn: asyncpg.Connection, application_id: str, status: str, **fields: Any
) -> None:
    """Move an application on; extra columns are set from keyword arguments."""
    names = list(fields)
    sets = ", ".join(f"{name} = ${i}" for i, name in enumerate(names, start=3))
    extra = f", {sets}" if sets else ""
    await conn.execute(
        f"UPDATE applications SET status = $2{extra} WHERE application_id = $1",
        application_id,
        status,
        *fields.values(),
    )


async def mark_applied(
    conn: asyncpg.Connection, application_id: str, fee: Decimal, at: datetime
) -> None:
    await set_status(conn, application_id, "applied", fee=fee, applied_at=at)


async def mark_awaiting_fee(
    conn: asyncpg.Connection, application_id: str, value: Decimal
) -> None:
    await set_status(conn, application_id, "awaiting_fee", value_to_preserve=value)


async def preserved_applications(
    conn: asyncpg.Connection, plaintiff_id: str, case_id: str
) -> list[Row]:
    """Applications of a case whose measures were ever ordered, not yet flagged."""
    return await conn.fetch(
        "SELECT * FROM applications WHERE plaintiff_id = $1 AND case_id = $2"
        " AND status IN ('ordered', 'lifted') AND taken_on IS NOT NULL"
        " AND exposure_flagged_at IS NULL ORDER BY application_id FOR UPDATE",
        plaintiff_id,
        case_id,
    )


async def mark_exposure_flagged(
    conn: asyncpg.Connection, application_id: str, at: datetime
) -> None:
    await conn.execute(
        "UPDATE applications SET exposure_flagged_at = $2 WHERE application_id = $1",
        application_id,
        at,
    )


async def insert_review_items(
    conn: asyncpg.Connection, items: list[ReviewItem]
) -> None:
    await conn.executemany(
        "INSERT INTO review_items (application_id, element, detail, queued_at)"
        " VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        [(i.application_id, i.element.value, i.detail, i.queued_at) for i in items],
    )


async def open_review_items(
    conn: asyncpg.Connection, application_id: str, element: str | None
) -> list[Row]:
    return await conn.fetch(
        "SELECT * FROM review_items WHERE application_id = $1 AND decision IS NULL"
        " AND ($2::text IS NULL OR element = $2) ORDER BY item_id FOR UPDATE",
        application_id,
        element,
    )


async def record_review_decision(
    conn: asyncpg.Connection, item: ReviewItem, note: str | None
) -> None:
    await conn.execute(
        "UPDATE review_items SET decision = $3, reviewer = $4, note = $5,"
        " decided_at = $6 WHERE application_id = $1 AND element = $2",
        item.application_id,
        item.element.value,
        item.decision.value if item.decision else None,
        item.reviewer,
        note,
        item.decided_at,
    )


async def mark_escalated(
    conn: asyncpg.Connection, application_id: str, element: str, at: datetime
) -> None:
    await conn.execute(
        "UPDATE review_items SET escalated_at = $3"
        " WHERE application_id = $1 AND element = $2",
        application_id,
        element,
        at,
    )


async def count_open_reviews(conn: asyncpg.Connection, application_id: str) -> int:
    return int(
        await conn.fetchval(
            "SELECT count(*) FROM review_items"
            " WHERE application_id = $1 AND decision IS NULL",
            application_id,
        )
    )


async def stale_review_items(
    conn: asyncpg.Connection, queued_before: datetime, limit: int = 500
) -> list[Row]:
    return await conn.fetch(
        "SELECT r.*, a.plaintiff_id, a.request_id, a.case_id FROM review_items r"
        " JOIN applications a USING (application_id)"
        " WHERE r.decision IS NULL AND r.escalated_at IS NULL"
        " AND a.status = 'in_review' AND r.queued_at <= $1"
        " ORDER BY r.queued_at LIMIT $2",
        queued_before,
        limit,
    )


async def insert_case(
    conn: asyncpg.Connection,
    plaintiff_id: str,
    case_id: str,
    docket_number: str,
    filed_on: date,
) -> bool:
    inserted = await conn.fetchval(
        "INSERT INTO cases (plaintiff_id, case_id, docket_number, filed_on)"
        " VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1",
        plaintiff_id,
        case_id,
        docket_number,
        filed_on,
    )
    return inserted is not None


async def docketed_case(
    conn: asyncpg.Connection, plaintiff_id: str, case_id: str
) -> Row | None:
    return await conn.fetchrow(
        "SELECT * FROM cases WHERE plaintiff_id = $1 AND case_id = $2",
        plaintiff_id,
        case_id,
    )
