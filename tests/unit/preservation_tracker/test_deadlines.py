from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from services.preservation_tracker.domain.assets import AssetKind, Stage
from services.preservation_tracker.domain.deadlines import (
    DeadlineKind,
    deadlines_for,
    due,
)
from services.preservation_tracker.domain.order import (
    CourtOrder,
    Measure,
    MeasureKind,
    renew,
)
from services.preservation_tracker.domain.policy import DEFAULT_POLICY
from shared.periods import default_calendar

TAKEN = date(2026, 3, 2)
EXPIRY = date(2027, 3, 2)
ACCOUNT = Measure(
    "a1", AssetKind.BANK_ACCOUNT, MeasureKind.FREEZE, TAKEN, EXPIRY, Decimal("5000")
)
PRE_SUIT = CourtOrder("ord-1", "case-1", Stage.PRE_SUIT, TAKEN, (ACCOUNT,))
IN_SUIT = replace(PRE_SUIT, stage=Stage.IN_SUIT)


def kinds_due(order: CourtOrder, now: date) -> list[DeadlineKind]:
    return [d.kind for d in due(deadlines_for(order, DEFAULT_POLICY), now)]


def day(n: int) -> date:
    return TAKEN + timedelta(days=n)


@pytest.mark.parametrize(
    ("n", "warnings"), [(19, 0), (20, 1), (26, 1), (27, 2), (29, 2), (30, 2)]
)
def test_pre_suit_lapse_warnings_fall_on_days_20_and_27(n: int, warnings: int) -> None:
    assert kinds_due(PRE_SUIT, day(n)).count(DeadlineKind.LAPSE_WARNING) == warnings


def test_pre_suit_measures_are_not_lifted_on_day_29() -> None:
    assert DeadlineKind.LAPSE_LIFT not in kinds_due(PRE_SUIT, day(29))


def test_pre_suit_measures_are_lifted_on_day_30() -> None:
    assert DeadlineKind.LAPSE_LIFT in kinds_due(PRE_SUIT, day(30))


def test_lapse_day_on_a_holiday_moves_to_the_next_working_day() -> None:
    order = replace(PRE_SUIT, taken_on=date(2026, 9, 2))
    deadlines = deadlines_for(order, DEFAULT_POLICY, default_calendar())

    assert [d.due_at for d in deadlines if d.kind is DeadlineKind.LAPSE_LIFT] == [
        date(2026, 10, 8)
    ]


def test_filing_within_30_days_stops_the_lapse_clock() -> None:
    filed = replace(PRE_SUIT, case_filed_on=day(30))

    assert not {DeadlineKind.LAPSE_WARNING, DeadlineKind.LAPSE_LIFT} & set(
        kinds_due(filed, day(40))
    )


def test_in_suit_order_has_no_lapse_clock() -> None:
    assert kinds_due(IN_SUIT, day(40)) == []


@pytest.mark.parametrize(
    ("days_before", "expected"),
    [
        (31, []),
        (30, [DeadlineKind.RENEWAL_REMINDER]),
        (8, [DeadlineKind.RENEWAL_REMINDER]),
        (7, [DeadlineKind.RENEWAL_REMINDER, DeadlineKind.RENEWAL_URGENT]),
    ],
)
def test_renewal_reminders_fall_30_and_7_days_before_expiry(
    days_before: int, expected: list[DeadlineKind]
) -> None:
    assert kinds_due(IN_SUIT, EXPIRY - timedelta(days=days_before)) == expected


def test_expiry_itself_is_a_deadline() -> None:
    assert kinds_due(IN_SUIT, EXPIRY)[-1] is DeadlineKind.EXPIRY


def test_renewal_lead_time_is_configurable() -> None:
    policy = replace(DEFAULT_POLICY, renewal_lead_days=45)

    deadlines = deadlines_for(IN_SUIT, policy)

    assert deadlines[0].due_at == EXPIRY - timedelta(days=45)


def test_renewal_order_moves_the_reminders_to_the_new_expiry() -> None:
    renewed = renew(IN_SUIT, "a1", date(2028, 3, 2))

    assert kinds_due(renewed, EXPIRY) == []


def test_lifted_order_has_no_deadlines() -> None:
    assert deadlines_for(replace(PRE_SUIT, lifted_on=day(30)), DEFAULT_POLICY) == []


def test_due_accepts_a_moment_in_time() -> None:
    assert kinds_due(PRE_SUIT, datetime(2026, 3, 22, 0, 1)) == [
        DeadlineKind.LAPSE_WARNING
    ]
