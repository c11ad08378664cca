"""Where "now" comes from: the system, a manual clock, or a scaled one."""

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """A source of the current aware UTC time."""

    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class ManualClock:
    """A clock that moves only when told to."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("ManualClock needs an aware datetime")
        self._now = start

    def now(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta) -> datetime:
        self._now += delta
        return self._now

    def set(self, moment: datetime) -> None:
        self._now = moment


class ScaledClock:
    """Simulated time running `factor` times faster than the wall clock."""

    def __init__(self, start: datetime, factor: float, anchor: float | None = None):
        if start.tzinfo is None:
            raise ValueError("ScaledClock needs an aware datetime")
        self._start = start
        self._factor = factor
        self._anchor = time.time() if anchor is None else anchor

    def now(self) -> datetime:
        elapsed = (time.time() - self._anchor) * self._factor
        return self._start + timedelta(seconds=elapsed)


def clock_from_setting(value: str) -> Clock:
    """Parse `system` or `scaled;factor=F;start=<ISO time>[;anchor=<epoch s>]`."""
    if value == "system":
        return SystemClock()
    kind, *parts = value.split(";")
    if kind != "scaled":
        raise ValueError(f"unknown clock setting {value!r}")
    fields = dict(part.split("=", 1) for part in parts)
    anchor = float(fields["anchor"]) if "anchor" in fields else None
    start = datetime.fromisoformat(fields["start"])
    return ScaledClock(start, float(fields["factor"]), anchor)


def scaled_setting(start: datetime, factor: float, anchor: float) -> str:
    """The setting string that makes every process share one scaled clock."""
    return f"scaled;factor={factor};start={start.isoformat()};anchor={anchor}"
