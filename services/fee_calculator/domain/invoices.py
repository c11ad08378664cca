"""One invoice per plaintiff per batch, and what each payment does to it."""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum

from services.fee_calculator.domain.errors import InvalidAmountError, InvoiceError

ZERO = Decimal("0.00")


class InvoiceStatus(StrEnum):
    OPEN = "open"
    PARTIALLY_PAID = "partially_paid"
    SETTLED = "settled"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True)
class CaseFee:
    case_id: str
    plaintiff_id: str
    batch_id: str
    amount: Decimal


@dataclass(frozen=True)
class Invoice:
    invoice_id: str
    plaintiff_id: str
    batch_id: str
    case_ids: tuple[str, ...]
    amount: Decimal
    notice_date: date
    paid: Decimal = ZERO
    status: InvoiceStatus = InvoiceStatus.OPEN

    @property
    def balance(self) -> Decimal:
        return max(self.amount - self.paid, ZERO)

    @property
    def credit(self) -> Decimal:
        return max(self.paid - self.amount, ZERO)


def invoice_id_for(batch_id: str) -> str:
    """The invoice of a batch; batch ids already name plaintiff and court."""
    return f"inv-{batch_id}"


def build_invoices(fees: Iterable[CaseFee], notice_date: date) -> list[Invoice]:
    """Group case fees by (plaintiff, batch); each invoice is their exact sum."""
    groups: dict[tuple[str, str], list[CaseFee]] = {}
    for fee in fees:
        if fee.amount < 0:
            raise InvalidAmountError(f"negative fee for case {fee.case_id}")
        groups.setdefault((fee.plaintiff_id, fee.batch_id), []).append(fee)
    invoices = []
    for (plaintiff_id, batch_id), group in groups.items():
        case_ids = tuple(f.case_id for f in group)
        if len(set(case_ids)) != len(case_ids):
            raise InvoiceError(f"a case is charged twice in batch {batch_id}")
        invoices.append(
            Invoice(
                invoice_id=invoice_id_for(batch_id),
                plaintiff_id=plaintiff_id,
                batch_id=batch_id,
                case_ids=case_ids,
                amount=sum((f.amount for f in group), ZERO),
                notice_date=notice_date,
            )
        )
    return invoices


class PaymentOutcome(StrEnum):
    SETTLED = "settled"
    PARTIAL = "partial"
    OVERPAID = "overpaid"
    UNMATCHED = "unmatched"
    AFTER_WITHDRAWAL = "after_withdrawal"
    ALREADY_SETTLED = "already_settled"
    DUPLICATE = "duplicate"


@dataclass(frozen=True)
class Payment:
    payment_id: str
    invoice_id: str
    amount: Decimal
    received_on: date


@dataclass(frozen=True)
class PaymentReport:
    """What a payment did: the balance still owed and any excess credit."""

    payment_id: str
    invoice_id: str
    outcome: PaymentOutcome
    balance: Decimal = ZERO
    credit: Decimal = ZERO


def apply_payment(invoice: Invoice, payment: Payment) -> tuple[Invoice, PaymentReport]:
    """Move the invoice on by one payment and report the result."""
    if payment.amount <= 0:
        raise InvalidAmountError(f"payment {payment.payment_id} must be positive")
    late = {
        InvoiceStatus.WITHDRAWN: PaymentOutcome.AFTER_WITHDRAWAL,
        InvoiceStatus.SETTLED: PaymentOutcome.ALREADY_SETTLED,
    }.get(invoice.status)
    if late is not None:
        report = PaymentReport(
            payment.payment_id, invoice.invoice_id, late, credit=payment.amount
        )
        return invoice, report
    credit_before = invoice.credit
    paid = invoice.paid + payment.amount
    if paid < invoice.amount:
        status, outcome = InvoiceStatus.PARTIALLY_PAID, PaymentOutcome.PARTIAL
    elif paid == invoice.amount:
        status, outcome = InvoiceStatus.SETTLED, PaymentOutcome.SETTLED
    else:
        status, outcome = InvoiceStatus.SETTLED, PaymentOutcome.OVERPAID
    updated = replace(invoice, paid=paid, status=status)
    report = PaymentReport(
        payment.payment_id,
        invoice.invoice_id,
        outcome,
        balance=updated.balance,
        credit=updated.credit - credit_before,
    )
    return updated, report
