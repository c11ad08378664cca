from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from services.preservation_tracker.config import Policies, PreservationSettings
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
from services.preservation_tracker.domain.renewal import (
    applies_for_renewal,
    last_request_day,
)
from shared.clock import ManualClock
from shared.periods import local_day

EXPIRY = date(2027, 3, 2)
ACCOUNT = Measure(
    "a1",
    AssetKind.BANK_ACCOUNT,
    MeasureKind.FREEZE,
    date(2026, 3, 2),
    EXPIRY,
    Decimal("5000"),
)
ORDER = CourtOrder("ord-1", "case-1", Stage.IN_SUIT, date(2026, 3, 2), (ACCOUNT,))


def clock_on(day: date) -> ManualClock:
    return ManualClock(datetime(day.year, day.month, day.day, 2, tzinfo=UTC))


def reminders_due(order: CourtOrder, clock: ManualClock) -> list[DeadlineKind]:
    deadlines = deadlines_for(order, DEFAULT_POLICY)
    return [d.kind for d in due(deadlines, local_day(clock.now()))]


def test_renewal_is_not_applied_for_the_day_before_the_reminder() -> None:
    clock = clock_on(EXPIRY - timedelta(days=31))

    assert reminders_due(ORDER, clock) == []


def test_renewal_is_applied_for_on_the_reminder_day() -> None:
    clock = clock_on(EXPIRY - timedelta(days=30))

    assert reminders_due(ORDER, clock) == [DeadlineKind.RENEWAL_REMINDER]
    assert applies_for_renewal(ACCOUNT, DEFAULT_POLICY, local_day(clock.now()))


def test_renewal_may_still_be_asked_seven_days_before_expiry() -> None:
    clock = clock_on(EXPIRY - timedelta(days=7))

    assert last_request_day(ACCOUNT, DEFAULT_POLICY) == local_day(clock.now())
    assert applies_for_renewal(ACCOUNT, DEFAULT_POLICY, local_day(clock.now()))


def test_renewal_is_too_late_six_days_before_expiry() -> None:
    clock = clock_on(EXPIRY - timedelta(days=7))
    clock.advance(timedelta(days=1))

    assert not applies_for_renewal(ACCOUNT, DEFAULT_POLICY, local_day(clock.now()))


def test_urgent_reminder_still_falls_seven_days_before_expiry_without_renewal() -> None:
    clock = clock_on(EXPIRY - timedelta(days=7))

    assert reminders_due(ORDER, clock) == [
        DeadlineKind.RENEWAL_REMINDER,
        DeadlineKind.RENEWAL_URGENT,
    ]


def test_tenant_that_renews_by_hand_is_never_renewed_automatically() -> None:
    settings = PreservationSettings(tenant_overrides={"acme": {"auto_renew": False}})
    policies = Policies(settings)
    today = EXPIRY - timedelta(days=30)

    assert not applies_for_renewal(ACCOUNT, policies.for_tenant("acme"), today)
    assert applies_for_renewal(ACCOUNT, policies.for_tenant("other"), today)


def test_renewal_order_moves_every_reminder_past_the_old_expiry() -> None:
    renewed = renew(ORDER, "a1", date(2028, 3, 1))
    clock = clock_on(EXPIRY)

    assert reminders_due(renewed, clock) == []
    clock.set(datetime(2028, 1, 31, 2, tzinfo=UTC))
    assert reminders_due(renewed, clock) == [DeadlineKind.RENEWAL_REMINDER]


def test_renewal_lead_time_is_the_tenants() -> None:
    policy = replace(DEFAULT_POLICY, renewal_lead_days=60)
    kinds = {d.due_at: d.kind for d in deadlines_for(ORDER, policy)}

    assert kinds[EXPIRY - timedelta(days=60)] is DeadlineKind.RENEWAL_REMINDER
