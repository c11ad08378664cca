"""Renewal and pre-suit lapse clocks of a preservation order."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from services.preservation_tracker.domain.assets import Stage
from services.preservation_tracker.domain.order import CourtOrder
from services.preservation_tracker.domain.policy import PreservationPolicy
from shared.periods import HolidayCalendar, add_days, default_calendar


class DeadlineKind(StrEnum):
    RENEWAL_REMINDER = "renewal_reminder"
    RENEWAL_URGENT = "renewal_urgent"
    EXPIRY = "expiry"
    LAPSE_WARNING = "lapse_warning"
    LAPSE_LIFT = "lapse_lift"


@dataclass(frozen=True, order=True)
class Deadline:
    """Something to do about an order on or after due_at."""

    due_at: date
    kind: DeadlineKind
    order_id: str
    asset_ref: str | None = None


def lapse_date(
    order: CourtOrder, policy: PreservationPolicy, calendar: HolidayCalendar
) -> date:
    """Last day to file suit after pre-suit measures (Art. 104, Art. 85)."""
    return add_days(order.taken_on, policy.lapse_days, calendar)


def _renewals(order: CourtOrder, policy: PreservationPolicy) -> list[Deadline]:
    deadlines: list[Deadline] = []
    lead = timedelta(days=policy.renewal_lead_days)
    urgent = timedelta(days=policy.renewal_urgent_days)
    for m in order.measures:
        ref = m.asset_ref
        deadlines += [
            Deadline(
                m.expires_on - lead, DeadlineKind.RENEWAL_REMINDER, order.order_id, ref
            ),
            Deadline(
                m.expires_on - urgent, DeadlineKind.RENEWAL_URGENT, order.order_id, ref
            ),
            Deadline(m.expires_on, DeadlineKind.EXPIRY, order.order_id, ref),
        ]
    return deadlines


def _lapses(
    order: CourtOrder, policy: PreservationPolicy, calendar: HolidayCalendar
) -> list[Deadline]:
    last_day = lapse_date(order, policy, calendar)
    filed = order.case_filed_on
    if order.stage is not Stage.PRE_SUIT or (filed is not None and filed <= last_day):
        return []
    warnings = [
        Deadline(
            order.taken_on + timedelta(days=d),
            DeadlineKind.LAPSE_WARNING,
            order.order_id,
        )
        for d in policy.lapse_warning_days
    ]
    return [*warnings, Deadline(last_day, DeadlineKind.LAPSE_LIFT, order.order_id)]


def deadlines_for(
    order: CourtOrder,
    policy: PreservationPolicy,
    calendar: HolidayCalendar | None = None,
) -> list[Deadline]:
    """Every renewal and lapse deadline of a live order, earliest first."""
    if order.lifted_on is not None:
        return []
    calendar = default_calendar() if calendar is None else calendar
    return sorted(_renewals(order, policy) + _lapses(order, policy, calendar))


def due(deadlines: Iterable[Deadline], now: date) -> list[Deadline]:
    """The deadlines whose day has come by now, earliest first."""
    today = now.date() if isinstance(now, datetime) else now
    return sorted(d for d in deadlines if d.due_at <= today)
