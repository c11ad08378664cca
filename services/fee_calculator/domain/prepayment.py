"""The 7-day prepayment period after a fee notice (Art. 22), with a warning."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from services.fee_calculator.domain.invoices import Invoice, InvoiceStatus

AddDays = Callable[[date, int], date]


@dataclass(frozen=True)
class PrepaymentTerms:
    period_days: int = 7
    warn_days_before: int = 2


DEFAULT_TERMS = PrepaymentTerms()


class PrepaymentState(StrEnum):
    PAID = "paid"
    PENDING = "pending"
    WARNING = "warning"
    OVERDUE = "overdue"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True)
class PrepaymentCheck:
    """Where an invoice stands; `withdraw_batch` means the suit lapses."""

    invoice_id: str
    batch_id: str
    due: date
    warn_from: date
    state: PrepaymentState

    @property
    def withdraw_batch(self) -> bool:
        return self.state is PrepaymentState.OVERDUE


def prepayment_due(
    notice_date: date, add_days: AddDays, terms: PrepaymentTerms
) -> date:
    """Last day to pay: the period counted by the injected day-period rule."""
    return add_days(notice_date, terms.period_days)


def check_prepayment(
    invoice: Invoice,
    today: date,
    add_days: AddDays,
    terms: PrepaymentTerms = DEFAULT_TERMS,
) -> PrepaymentCheck:
    """Classify an invoice on `today`: paid, pending, warn, or overdue."""
    due = prepayment_due(invoice.notice_date, add_days, terms)
    warn_from = due - timedelta(days=terms.warn_days_before)
    if invoice.status is InvoiceStatus.SETTLED:
        state = PrepaymentState.PAID
    elif invoice.status is InvoiceStatus.WITHDRAWN:
        state = PrepaymentState.WITHDRAWN
    elif today > due:
        state = PrepaymentState.OVERDUE
    elif today >= warn_from:
        state = PrepaymentState.WARNING
    else:
        state = PrepaymentState.PENDING
    return PrepaymentCheck(invoice.invoice_id, invoice.batch_id, due, warn_from, state)
