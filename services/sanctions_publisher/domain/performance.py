"""Performance of the judgment debt and when a listing must be lifted."""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum

from services.sanctions_publisher.domain.errors import SanctionsError
from services.sanctions_publisher.domain.listing import (
    DEFAULT_RULES,
    Listing,
    ListingRules,
    term_end,
)
from shared.periods import HolidayCalendar, add_working_days


class PerformanceStatus(StrEnum):
    UNPERFORMED = "unperformed"
    PARTIALLY_PERFORMED = "partially_performed"
    FULLY_PERFORMED = "fully_performed"


STATUS_LABELS = {
    PerformanceStatus.UNPERFORMED: "全部未履行",
    PerformanceStatus.PARTIALLY_PERFORMED: "部分未履行",
    PerformanceStatus.FULLY_PERFORMED: "全部已履行",
}


@dataclass(frozen=True)
class Performance:
    """What has been paid against the judgment obligation."""

    obligation: Decimal
    paid: Decimal = Decimal("0.00")
    fully_performed_on: date | None = None

    @property
    def status(self) -> PerformanceStatus:
        if self.fully_performed_on is not None or self.paid >= self.obligation:
            return PerformanceStatus.FULLY_PERFORMED
        if self.paid > 0:
            return PerformanceStatus.PARTIALLY_PERFORMED
        return PerformanceStatus.UNPERFORMED


@dataclass(frozen=True)
class Repaid:
    """One repayment; `settles` when the creditor reports the debt fully repaid."""

    amount: Decimal
    paid_on: date
    settles: bool = False

    def __post_init__(self) -> None:
        if not self.amount.is_finite() or self.amount <= 0:
            raise SanctionsError("a repayment must be positive")


def apply_repayment(perf: Performance, amount: Decimal, paid_on: date) -> Performance:
    """Add a repayment; the day the debt becomes fully paid is kept."""
    if amount <= 0:
        raise SanctionsError("a repayment must be positive")
    paid = perf.paid + amount
    done_on = perf.fully_performed_on
    if done_on is None and paid >= perf.obligation:
        done_on = paid_on
    return replace(perf, paid=paid, fully_performed_on=done_on)


def settle(perf: Performance, on: date) -> Performance:
    """Mark the debt fully performed on a day, as the creditor reports it."""
    if perf.fully_performed_on is not None:
        return perf
    return replace(perf, fully_performed_on=on)


def perform(perf: Performance, repayments: Iterable[Repaid]) -> Performance:
    """Apply repayments in the order given, settling where the creditor says so."""
    for repaid in repayments:
        perf = apply_repayment(perf, repaid.amount, repaid.paid_on)
        if repaid.settles:
            perf = settle(perf, repaid.paid_on)
    return perf


def needs_listing(perf: Performance) -> bool:
    """Only a debt still owed is listed; one performed before listing never is."""
    return perf.status is not PerformanceStatus.FULLY_PERFORMED


class LiftReason(StrEnum):
    PERFORMED = "performed"
    TERM_ENDED = "term_ended"


@dataclass(frozen=True)
class LiftDue:
    """A listing to lift from `earliest`, at the latest on `due_by`."""

    reason: LiftReason
    earliest: date
    due_by: date


def lift_due(
    listing: Listing,
    performance: Performance,
    calendar: HolidayCalendar,
    rules: ListingRules = DEFAULT_RULES,
) -> LiftDue | None:
    """The first lift the listing owes, or None while it must stay listed."""
    n = rules.lift_working_days
    candidates: list[LiftDue] = []
    if performance.fully_performed_on is not None:
        on = performance.fully_performed_on
        candidates.append(
            LiftDue(LiftReason.PERFORMED, on, add_working_days(on, n, calendar))
        )
    ends = term_end(listing, rules)
    if ends is not None:
        candidates.append(
            LiftDue(LiftReason.TERM_ENDED, ends, add_working_days(ends, n, calendar))
        )
    return min(candidates, key=lambda c: c.due_by, default=None)
