from datetime import date
from decimal import Decimal

import pytest

from services.sanctions_publisher.domain.errors import SanctionsError
from services.sanctions_publisher.domain.listing import DishonestConduct, Listing
from services.sanctions_publisher.domain.performance import (
    LiftReason,
    Performance,
    PerformanceStatus,
    Repaid,
    apply_repayment,
    lift_due,
    needs_listing,
    perform,
    settle,
)
from shared.periods import default_calendar

CALENDAR = default_calendar()
OWED = Performance(Decimal("10000.00"))


def listing(conduct: DishonestConduct, listed_on: date) -> Listing:
    return Listing("(2026)京0105执88号", "北京市朝阳区人民法院", conduct, listed_on)


OPEN = listing(DishonestConduct.ABLE_BUT_REFUSES, date(2026, 3, 2))


def test_unpaid_debt_is_unperformed() -> None:
    assert OWED.status is PerformanceStatus.UNPERFORMED


def test_part_repayment_makes_the_debt_partially_performed() -> None:
    paid = apply_repayment(OWED, Decimal("4000"), date(2026, 4, 1))

    assert paid.status is PerformanceStatus.PARTIALLY_PERFORMED
    assert paid.fully_performed_on is None


def test_last_repayment_makes_the_debt_fully_performed_on_its_day() -> None:
    part = apply_repayment(OWED, Decimal("4000"), date(2026, 4, 1))

    full = apply_repayment(part, Decimal("6000"), date(2026, 4, 8))

    assert full.status is PerformanceStatus.FULLY_PERFORMED
    assert full.fully_performed_on == date(2026, 4, 8)


def test_non_positive_repayment_is_rejected() -> None:
    with pytest.raises(SanctionsError):
        apply_repayment(OWED, Decimal("0"), date(2026, 4, 1))


def test_open_listing_of_an_unpaid_debt_is_never_lifted() -> None:
    assert lift_due(OPEN, OWED, CALENDAR) is None


def test_performance_on_friday_lifts_by_wednesday_across_the_weekend() -> None:
    paid = apply_repayment(OWED, Decimal("10000"), date(2026, 3, 6))

    lift = lift_due(OPEN, paid, CALENDAR)

    assert lift is not None
    assert (lift.reason, lift.earliest, lift.due_by) == (
        LiftReason.PERFORMED,
        date(2026, 3, 6),
        date(2026, 3, 11),
    )


def test_performance_before_national_day_lifts_on_the_make_up_saturday() -> None:
    paid = apply_repayment(OWED, Decimal("10000"), date(2026, 9, 30))

    lift = lift_due(OPEN, paid, CALENDAR)

    assert lift is not None
    assert lift.due_by == date(2026, 10, 10)


def test_term_end_lifts_a_fixed_term_listing_within_three_working_days() -> None:
    fixed = listing(DishonestConduct.EVADES_ENFORCEMENT, date(2024, 10, 1))

    lift = lift_due(fixed, OWED, CALENDAR)

    assert lift is not None
    assert (lift.reason, lift.earliest, lift.due_by) == (
        LiftReason.TERM_ENDED,
        date(2026, 10, 1),
        date(2026, 10, 10),
    )


def test_earlier_of_performance_and_term_end_wins() -> None:
    fixed = listing(DishonestConduct.EVADES_ENFORCEMENT, date(2024, 10, 1))
    paid = apply_repayment(OWED, Decimal("10000"), date(2026, 3, 6))

    lift = lift_due(fixed, paid, CALENDAR)

    assert lift is not None
    assert lift.reason is LiftReason.PERFORMED


def test_creditor_reporting_full_repayment_settles_a_short_payment() -> None:
    part = apply_repayment(OWED, Decimal("9500"), date(2026, 4, 1))

    settled = settle(part, date(2026, 4, 1))

    assert settled.status is PerformanceStatus.FULLY_PERFORMED
    assert settled.fully_performed_on == date(2026, 4, 1)


def test_repayments_parked_before_judgment_count_in_the_order_received() -> None:
    early = [
        Repaid(Decimal("6000"), date(2026, 2, 1)),
        Repaid(Decimal("4000"), date(2026, 2, 9)),
    ]

    performed = perform(OWED, early)

    assert performed.paid == Decimal("10000")
    assert performed.fully_performed_on == date(2026, 2, 9)


def test_creditor_settling_a_parked_repayment_performs_the_debt_that_day() -> None:
    performed = perform(OWED, [Repaid(Decimal("9000"), date(2026, 2, 1), True)])

    assert performed.fully_performed_on == date(2026, 2, 1)


def test_debt_performed_before_listing_is_never_listed() -> None:
    performed = perform(OWED, [Repaid(Decimal("10000"), date(2026, 2, 1))])

    assert not needs_listing(performed)
    assert needs_listing(perform(OWED, [Repaid(Decimal("1"), date(2026, 2, 1))]))


@pytest.mark.parametrize("amount", ["0", "-5", "NaN"])
def test_repayment_that_is_not_positive_is_invalid_in_itself(amount: str) -> None:
    with pytest.raises(SanctionsError):
        Repaid(Decimal(amount), date(2026, 2, 1))
