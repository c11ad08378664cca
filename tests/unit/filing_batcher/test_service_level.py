from datetime import date, datetime, timedelta

from services.filing_batcher.domain.seal_policy import CHINA_TIME
from services.filing_batcher.domain.service_level import (
    AddDays,
    ClockReading,
    ClockState,
    breaches,
    court_decision_clock,
    service_level_clocks,
    warnings,
)

SEALED = datetime(2026, 12, 3, 16, 0, tzinfo=CHINA_TIME)
TICK = timedelta(microseconds=1)


def states(now: datetime, docketed: datetime | None = None) -> dict[str, ClockState]:
    readings = service_level_clocks(SEALED, now, docketed)
    return {r.name: r.state for r in readings}


def test_due_times_are_1_7_and_15_days_after_sealing() -> None:
    readings = service_level_clocks(SEALED, SEALED)

    assert [r.due - SEALED for r in readings] == [
        timedelta(days=1),
        timedelta(days=7),
        timedelta(days=15),
    ]
    assert all(r.state is ClockState.ON_TRACK for r in readings)


def test_warns_from_the_lead_before_due() -> None:
    warn_at = SEALED + timedelta(days=1) - timedelta(hours=4)

    assert states(warn_at - TICK)["ready"] is ClockState.ON_TRACK
    assert states(warn_at)["ready"] is ClockState.WARNING


def test_at_due_time_is_a_warning_not_a_breach() -> None:
    assert states(SEALED + timedelta(days=7))["normal"] is ClockState.WARNING


def test_breach_starts_just_after_due() -> None:
    readings = service_level_clocks(SEALED, SEALED + timedelta(days=7) + TICK)

    assert [r.name for r in breaches(readings)] == ["ready", "normal"]
    assert warnings(readings) == []


def test_docket_numbers_on_time_meet_every_clock() -> None:
    result = states(SEALED + timedelta(days=30), SEALED + timedelta(days=1))

    assert set(result.values()) == {ClockState.MET}


def test_late_docket_numbers_record_the_breach() -> None:
    result = states(SEALED + timedelta(days=30), SEALED + timedelta(days=8))

    assert result == {
        "ready": ClockState.BREACHED,
        "normal": ClockState.BREACHED,
        "maximum": ClockState.MET,
    }


def plain_days(start: date, days: int) -> date:
    return start + timedelta(days=days)


def court_clock(now: datetime, add_days: AddDays = plain_days) -> ClockReading:
    return court_decision_clock(SEALED, now, add_days)


def test_court_decides_by_the_end_of_the_seventh_day() -> None:
    end = datetime(2026, 12, 10, 23, 59, 59, 999999, tzinfo=CHINA_TIME)

    assert court_clock(SEALED).due == end
    assert court_clock(end).state is ClockState.WARNING
    assert court_clock(end + TICK).state is ClockState.BREACHED


def test_court_clock_uses_the_injected_day_period_rule() -> None:
    def to_monday(start: date, days: int) -> date:
        return date(2026, 12, 14)

    assert court_clock(SEALED, to_monday).due.date() == date(2026, 12, 14)
