"""The 7-day prepayment period (Art. 22): a warning, then the batch withdrawn."""

from dataclasses import replace

import structlog

from contracts import topics
from contracts.fees import BatchWithdrawn, InvoiceOverdue, PrepaymentDeadlineApproaching
from services.fee_calculator import config
from services.fee_calculator.days import local_day, statutory_days
from services.fee_calculator.domain.invoices import InvoiceStatus
from services.fee_calculator.domain.prepayment import PrepaymentState, check_prepayment
from services.fee_calculator.store import invoices
from shared.delivery.unit_of_work import UnitOfWork

log = structlog.get_logger(__name__)


async def watch_prepayment(uow: UnitOfWork) -> None:
    """Warn about invoices near their due day; withdraw the batch of overdue ones."""
    now = uow.now()
    today = local_day(now)
    for row in await invoices.unpaid_due(uow.conn, today):
        invoice = invoices.invoice_of(row)
        terms = config.settings().tenant(invoice.plaintiff_id).prepayment
        check = check_prepayment(invoice, today, statutory_days, terms)
        notices = topics.tenant_topic(invoice.plaintiff_id, "notices")
        cause_id = f"invoice:{invoice.invoice_id}"
        if check.state is PrepaymentState.OVERDUE:
            overdue = InvoiceOverdue(
                invoice_id=invoice.invoice_id,
                plaintiff_id=invoice.plaintiff_id,
                batch_id=invoice.batch_id,
                due_on=check.due,
                outstanding=invoice.balance,
                detected_at=now,
            )
            withdrawn = BatchWithdrawn(
                batch_id=invoice.batch_id,
                plaintiff_id=invoice.plaintiff_id,
                court_id=row["court_id"],
                invoice_id=invoice.invoice_id,
                withdrawn_at=now,
            )
            uow.emit(
                overdue,
                topic=notices,
                key=invoice.batch_id,
                cause_id=cause_id,
                name="InvoiceOverdue",
                subject=invoice.batch_id,
            )
            uow.emit(
                withdrawn,
                topic=topics.FEES,
                key=invoice.batch_id,
                cause_id=cause_id,
                name="BatchWithdrawn",
                subject=invoice.batch_id,
            )
            lapsed = replace(invoice, status=InvoiceStatus.WITHDRAWN)
            await invoices.update_invoice(uow.conn, lapsed, now)
            log.info("batch_withdrawn_unpaid", batch_id=invoice.batch_id)
        elif check.state is PrepaymentState.WARNING and row["warned_at"] is None:
            approaching = PrepaymentDeadlineApproaching(
                invoice_id=invoice.invoice_id,
                plaintiff_id=invoice.plaintiff_id,
                batch_id=invoice.batch_id,
                due_on=check.due,
                outstanding=invoice.balance,
                warned_at=now,
            )
            uow.emit(
                approaching,
                topic=notices,
                key=invoice.batch_id,
                cause_id=cause_id,
                name="PrepaymentDeadlineApproaching",
                subject=invoice.batch_id,
            )
            await invoices.mark_warned(uow.conn, invoice.invoice_id, now)
            log.info("prepayment_warned", invoice_id=invoice.invoice_id)
