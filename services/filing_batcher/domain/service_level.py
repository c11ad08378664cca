"""Service-level clocks from sealing to docket numbers, and the court's 7 days."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum

from services.filing_batcher.domain.seal_policy import CHINA_TIME

AddDays = Callable[[date, int], date]


class ClockState(StrEnum):
    ON_TRACK = "on_track"
    WARNING = "warning"
    BREACHED = "breached"
    MET = "met"


@dataclass(frozen=True)
class ClockSpec:
    name: str
    duration: timedelta
    warn_lead: timedelta


DEFAULT_CLOCKS: tuple[ClockSpec, ...] = (
    ClockSpec("ready", timedelta(days=1), timedelta(hours=4)),
    ClockSpec("normal", timedelta(days=7), timedelta(days=1)),
    ClockSpec("maximum", timedelta(days=15), timedelta(days=2)),
)


@dataclass(frozen=True)
class ClockReading:
    """One clock: due at `due`, warned from `warn_at`, breached only after `due`."""

    name: str
    started_at: datetime
    due: datetime
    warn_at: datetime
    state: ClockState


def read_clock(
    name: str,
    started_at: datetime,
    due: datetime,
    warn_lead: timedelta,
    now: datetime,
    done_at: datetime | None = None,
) -> ClockReading:
    """Classify a clock at `now`; a finished one is met or breached for good."""
    warn_at = due - warn_lead
    if done_at is not None and done_at <= now:
        state = ClockState.MET if done_at <= due else ClockState.BREACHED
    elif now > due:
        state = ClockState.BREACHED
    elif now >= warn_at:
        state = ClockState.WARNING
    else:
        state = ClockState.ON_TRACK
    return ClockReading(name, started_at, due, warn_at, state)


def service_level_clocks(
    sealed_at: datetime,
    now: datetime,
    docketed_at: datetime | None = None,
    specs: Iterable[ClockSpec] = DEFAULT_CLOCKS,
) -> list[ClockReading]:
    """The 1-day, 7-day and 15-day clocks from sealing to docket numbers."""
    return [
        read_clock(
            s.name, sealed_at, sealed_at + s.duration, s.warn_lead, now, docketed_at
        )
        for s in specs
    ]


def court_decision_clock(
    received_at: datetime,
    now: datetime,
    add_days: AddDays,
    decided_at: datetime | None = None,
    days: int = 7,
    warn_lead: timedelta = timedelta(days=1),
    tz: tzinfo = CHINA_TIME,
) -> ClockReading:
    """The court decides on filing within 7 days of receipt (CPL Art. 126).

    The period is counted by the injected day-period rule and ends at the
    close of its last local day.
    """
    last_day = add_days(received_at.astimezone(tz).date(), days)
    due = datetime.combine(last_day, time.max, tzinfo=tz)
    return read_clock("court_decision", received_at, due, warn_lead, now, decided_at)


def breaches(readings: Iterable[ClockReading]) -> list[ClockReading]:
    """The readings to record as breaches."""
    return [r for r in readings if r.state is ClockState.BREACHED]


def warnings(readings: Iterable[ClockReading]) -> list[ClockReading]:
    return [r for r in readings if r.state is ClockState.WARNING]
