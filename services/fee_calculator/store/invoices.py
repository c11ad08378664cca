"""SQL for batch invoices and every payment made against them, or not."""

from collections.abc import Iterable
from datetime import date, datetime

import asyncpg

from services.fee_calculator.domain.invoices import (
    Invoice,
    InvoiceStatus,
    PaymentReport,
)


async def invoice_exists(conn: asyncpg.Connection, batch_id: str) -> bool:
    found = await conn.fetchval("SELECT 1 FROM invoices WHERE batch_id = $1", batch_id)
    return found is not None


async def insert_invoice(
    conn: asyncpg.Connection,
    invoice: Invoice,
    court_id: str,
    lines: Iterable[tuple[str, object]],
    due_on: date,
    warn_from: date,
    issued_at: datetime,
) -> None:
    await conn.execute(
        """
        INSERT INTO invoices (invoice_id, plaintiff_id, batch_id, court_id, amount,
                              status, notice_date, due_on, warn_from, issued_at)
        VALUES ($1, $2, $3, $4, $5, 'open', $6, $7, $8, $9)
        """,
        invoice.invoice_id,
        invoice.plaintiff_id,
        invoice.batch_id,
        court_id,
        invoice.amount,
        invoice.notice_date,
        due_on,
        warn_from,
        issued_at,
    )
    await conn.executemany(
        "INSERT INTO invoice_lines (invoice_id, case_id, amount) VALUES ($1, $2, $3)",
        [(invoice.invoice_id, case_id, amount) for case_id, amount in lines],
    )


def invoice_of(row: asyncpg.Record) -> Invoice:
    """The domain invoice of a stored row (its lines are not needed to pay it)."""
    return Invoice(
        invoice_id=row["invoice_id"],
        plaintiff_id=row["plaintiff_id"],
        batch_id=row["batch_id"],
        case_ids=(),
        amount=row["amount"],
        notice_date=row["notice_date"],
        paid=row["paid"],
        status=InvoiceStatus(row["status"]),
    )


async def lock_invoice(
    conn: asyncpg.Connection, invoice_id: str, plaintiff_id: str
) -> asyncpg.Record | None:
    return await conn.fetchrow(
        """
        SELECT * FROM invoices WHERE invoice_id = $1 AND plaintiff_id = $2
        FOR UPDATE
        """,
        invoice_id,
        plaintiff_id,
    )


async def update_invoice(
    conn: asyncpg.Connection, invoice: Invoice, at: datetime
) -> None:
    """Save paid and status; stamp when it was settled or withdrawn."""
    await conn.execute(
        """
        UPDATE invoices SET paid = $2, status = $3,
            settled_at = CASE WHEN $3 = 'settled' THEN $4 ELSE settled_at END,
            withdrawn_at = CASE WHEN $3 = 'withdrawn' THEN $4 ELSE withdrawn_at END
        WHERE invoice_id = $1
        """,
        invoice.invoice_id,
        invoice.paid,
        invoice.status.value,
        at,
    )


async def payment_seen(
    conn: asyncpg.Connection, plaintiff_id: str, payment_id: str
) -> bool:
    found = await conn.fetchval(
        "SELECT 1 FROM payments WHERE plaintiff_id = $1 AND payment_id = $2",
        plaintiff_id,
        payment_id,
    )
    return found is not None


async def insert_payment(
    conn: asyncpg.Connection,
    plaintiff_id: str,
    report: PaymentReport,
    *,
    matched: bool,
    quoted_invoice_id: str | None,
    amount: object,
    paid_at: datetime,
    recorded_at: datetime,
) -> None:
    await conn.execute(
        """
        INSERT INTO payments (plaintiff_id, payment_id, invoice_id, quoted_invoice_id,
                              amount, outcome, balance, credit, paid_at, recorded_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
        """,
        plaintiff_id,
        report.payment_id,
        report.invoice_id if matched else None,
        quoted_invoice_id,
        amount,
        report.outcome.value,
        report.balance,
        report.credit,
        paid_at,
        recorded_at,
    )


async def payments_applied(conn: asyncpg.Connection, invoice_id: str) -> list[str]:
    """Payments that went towards the invoice, oldest first."""
    rows = await conn.fetch(
        """
        SELECT payment_id FROM payments
        WHERE invoice_id = $1 AND outcome IN ('partial', 'settled', 'overpaid')
        ORDER BY recorded_at, payment_id
        """,
        invoice_id,
    )
    return [r["payment_id"] for r in rows]


UNPAID_DUE = """
SELECT * FROM invoices
WHERE status IN ('open', 'partially_paid')
  AND ((warned_at IS NULL AND warn_from <= $1) OR due_on < $1)
ORDER BY due_on, invoice_id
LIMIT $2
FOR UPDATE SKIP LOCKED
"""


async def unpaid_due(
    conn: asyncpg.Connection, today: date, limit: int = 500
) -> list[asyncpg.Record]:
    """Unpaid invoices to warn about or to withdraw on `today`."""
    return await conn.fetch(UNPAID_DUE, today, limit)


async def mark_warned(conn: asyncpg.Connection, invoice_id: str, at: datetime) -> None:
    await conn.execute(
        "UPDATE invoices SET warned_at = $2 WHERE invoice_id = $1", invoice_id, at
    )
