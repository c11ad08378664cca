from datetime import date, timedelta
from decimal import Decimal

from services.fee_calculator.domain.invoices import (
    Invoice,
    InvoiceStatus,
)
from services.fee_calculator.domain.prepayment import (
    PrepaymentState,
    PrepaymentTerms,
    check_prepayment,
)

NOTICE = date(2026, 12, 1)


def calendar_days(start: date, days: int) -> date:
    return start + timedelta(days=days)


def skip_weekends(start: date, days: int) -> date:
    end = start + timedelta(days=days)
    while end.weekday() >= 5:
        end += timedelta(days=1)
    return end


def invoice(status: InvoiceStatus = InvoiceStatus.OPEN) -> Invoice:
    return Invoice("inv-1", "acme", "b1", ("c1",), Decimal("50"), NOTICE, status=status)


def state_on(day: int, **kw: PrepaymentTerms) -> PrepaymentState:
    return check_prepayment(invoice(), date(2026, 12, day), calendar_days, **kw).state


def test_due_seven_days_after_the_notice() -> None:
    check = check_prepayment(invoice(), NOTICE, calendar_days)

    assert check.due == date(2026, 12, 8)
    assert check.warn_from == date(2026, 12, 6)


def test_pending_before_the_warning_window() -> None:
    assert state_on(5) is PrepaymentState.PENDING


def test_warns_two_days_before_through_the_due_day() -> None:
    assert state_on(6) is PrepaymentState.WARNING
    assert state_on(8) is PrepaymentState.WARNING


def test_overdue_the_day_after_due_withdraws_the_batch() -> None:
    check = check_prepayment(invoice(), date(2026, 12, 9), calendar_days)

    assert check.state is PrepaymentState.OVERDUE
    assert check.withdraw_batch
    assert check.batch_id == "b1"


def test_warning_lead_is_configurable() -> None:
    assert state_on(4, terms=PrepaymentTerms(warn_days_before=4)) is (
        PrepaymentState.WARNING
    )


def test_uses_the_injected_day_period_rule() -> None:
    saturday_notice = Invoice(
        "inv-2", "acme", "b2", ("c2",), Decimal("50"), date(2026, 11, 28)
    )

    check = check_prepayment(saturday_notice, date(2026, 12, 6), skip_weekends)

    assert check.due == date(2026, 12, 7)
    assert check.state is PrepaymentState.WARNING


def test_settled_invoice_is_paid_even_after_the_due_day() -> None:
    check = check_prepayment(
        invoice(InvoiceStatus.SETTLED), date(2026, 12, 20), calendar_days
    )

    assert check.state is PrepaymentState.PAID
    assert not check.withdraw_batch
