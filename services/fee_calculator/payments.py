"""Platform payments against invoices: settled, short, over, late or unmatched."""

import structlog

from contracts import topics
from contracts.cloudevents import derived_id
from contracts.fees import InvoicePaymentReported, InvoiceSettled, PaymentStatus
from contracts.notices import NoticeKind, PlatformNotice
from contracts.platform import FeePaymentMade
from services.fee_calculator.days import local_day
from services.fee_calculator.domain.invoices import (
    Invoice,
    Payment,
    PaymentOutcome,
    PaymentReport,
    apply_payment,
)
from services.fee_calculator.store import invoices
from shared.delivery.unit_of_work import Incoming, UnitOfWork

log = structlog.get_logger(__name__)
REPORTED = {
    PaymentOutcome.PARTIAL: PaymentStatus.PARTIAL,
    PaymentOutcome.OVERPAID: PaymentStatus.OVERPAID,
    PaymentOutcome.UNMATCHED: PaymentStatus.UNKNOWN_INVOICE,
    PaymentOutcome.AFTER_WITHDRAWAL: PaymentStatus.AFTER_WITHDRAWAL,
    PaymentOutcome.ALREADY_SETTLED: PaymentStatus.ALREADY_SETTLED,
}
SETTLING = (PaymentOutcome.SETTLED, PaymentOutcome.OVERPAID)
TEXTS = {
    PaymentStatus.PARTIAL: "付款不足，尚欠{outstanding}元",
    PaymentStatus.OVERPAID: "付款超出应付金额{excess}元，超付部分将退还或抵扣",
    PaymentStatus.UNKNOWN_INVOICE: "付款未能匹配任何缴费通知，款项{amount}元已记录待核",
    PaymentStatus.AFTER_WITHDRAWAL: "批次已按撤诉处理，款项{amount}元将退还",
    PaymentStatus.ALREADY_SETTLED: "该缴费通知已结清，款项{amount}元将退还或抵扣",
}


async def record_payment(uow: UnitOfWork, incoming: Incoming) -> None:
    """Apply a payment once; report anything but an exact settlement."""
    paid = incoming.event
    assert isinstance(paid, FeePaymentMade)
    if await invoices.payment_seen(uow.conn, paid.plaintiff_id, paid.payment_id):
        log.info("payment_already_recorded", payment_id=paid.payment_id)
        return
    now = uow.now()
    row = None
    if paid.invoice_id is not None:
        row = await invoices.lock_invoice(uow.conn, paid.invoice_id, paid.plaintiff_id)
    if row is None:
        report = PaymentReport(
            paid.payment_id,
            paid.invoice_id or "",
            PaymentOutcome.UNMATCHED,
            credit=paid.amount,
        )
    else:
        payment = Payment(
            paid.payment_id, row["invoice_id"], paid.amount, local_day(now)
        )
        updated, report = apply_payment(invoices.invoice_of(row), payment)
        await invoices.update_invoice(uow.conn, updated, now)
    await invoices.insert_payment(
        uow.conn,
        paid.plaintiff_id,
        report,
        matched=row is not None,
        quoted_invoice_id=paid.invoice_id,
        amount=paid.amount,
        paid_at=paid.paid_at,
        recorded_at=now,
    )
    if row is not None and report.outcome in SETTLING:
        await _settle(uow, incoming, updated, row["court_id"])
    if report.outcome in REPORTED:
        _report(uow, incoming, paid, report)
    log.info("payment_recorded", payment_id=paid.payment_id, outcome=report.outcome)


async def _settle(
    uow: UnitOfWork, incoming: Incoming, invoice: Invoice, court_id: str
) -> None:
    invoice_id = invoice.invoice_id
    settled = InvoiceSettled(
        invoice_id=invoice_id,
        plaintiff_id=invoice.plaintiff_id,
        batch_id=invoice.batch_id,
        court_id=court_id,
        amount_paid=invoice.paid,
        payment_ids=tuple(
            await invoices.payments_applied(uow.conn, invoice.invoice_id)
        ),
        settled_at=uow.now(),
    )
    uow.emit(
        settled,
        topic=topics.FEES,
        key=invoice.batch_id,
        cause_id=incoming.meta.id,
        name="InvoiceSettled",
        subject=invoice.batch_id,
    )


def _report(
    uow: UnitOfWork, incoming: Incoming, paid: FeePaymentMade, report: PaymentReport
) -> None:
    status = REPORTED[report.outcome]
    now = uow.now()
    reported = InvoicePaymentReported(
        payment_id=paid.payment_id,
        plaintiff_id=paid.plaintiff_id,
        invoice_id=paid.invoice_id,
        amount=paid.amount,
        status=status,
        outstanding=report.balance,
        excess=report.credit,
        reported_at=now,
    )
    uow.emit(
        reported,
        topic=topics.FEES,
        key=paid.plaintiff_id,
        cause_id=incoming.meta.id,
        name="InvoicePaymentReported",
        subject=paid.payment_id,
    )
    text = TEXTS[status].format(
        outstanding=report.balance, excess=report.credit, amount=paid.amount
    )
    data = {
        "payment_id": paid.payment_id,
        "status": status.value,
        "amount": str(paid.amount),
        "outstanding": str(report.balance),
        "excess": str(report.credit),
    }
    if paid.invoice_id is not None:
        data["invoice_id"] = paid.invoice_id
    notice = PlatformNotice(
        notice_id=derived_id(incoming.meta.id, "PlatformNotice"),
        plaintiff_id=paid.plaintiff_id,
        kind=NoticeKind.PAYMENT_REPORTED,
        text=text,
        data=data,
        issued_at=now,
    )
    uow.emit(
        notice,
        topic=topics.tenant_topic(paid.plaintiff_id, "notices"),
        key=paid.plaintiff_id,
        cause_id=incoming.meta.id,
        name="PlatformNotice",
        subject=paid.payment_id,
    )
