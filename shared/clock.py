"""Where "now" comes from: the system, a manual clock, or a scaled one."""

import os
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
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


class FileClock:
    """A manual clock shared by processes: the time written in a file.

    Whoever owns the file moves time with `set` or `advance`; every process
    reading it sees the new time at its next `now()`. The file is replaced
    atomically, so a reader never sees half a timestamp.
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._seen: tuple[tuple[int, int, int], datetime] | None = None

    def now(self) -> datetime:
        # Each write is a new file, so its inode tells writes apart even when
        # two land within one tick of the file system's coarse mtime.
        info = self._path.stat()
        stamp = (info.st_ino, info.st_mtime_ns, info.st_size)
        if self._seen is None or self._seen[0] != stamp:
            moment = datetime.fromisoformat(self._path.read_text("utf-8").strip())
            if moment.tzinfo is None:
                raise ValueError(f"clock file {self._path} holds a naive time")
            self._seen = (stamp, moment)
        return self._seen[1]

    def set(self, moment: datetime) -> None:
        if moment.tzinfo is None:
            raise ValueError("FileClock needs an aware datetime")
        partial = self._path.with_name(f".{self._path.name}.{os.getpid()}")
        partial.write_text(moment.isoformat(), "utf-8")
        os.replace(partial, self._path)

    def advance(self, delta: timedelta) -> datetime:
        moment = self.now() + delta
        self.set(moment)
        return moment


def clock_from_setting(value: str) -> Clock:
    """Parse `system`, `manual;file=<path>` or
    `scaled;factor=F;start=<ISO time>[;anchor=<epoch s>]`."""
    if value == "system":
        return SystemClock()
    kind, *parts = value.split(";")
    fields = dict(part.split("=", 1) for part in parts)
    if kind == "manual":
        clock = FileClock(Path(fields["file"]))
        clock.now()
        return clock
    if kind != "scaled":
        raise ValueError(f"unknown clock setting {value!r}")
    anchor = float(fields["anchor"]) if "anchor" in fields else None
    start = datetime.fromisoformat(fields["start"])
    return ScaledClock(start, float(fields["factor"]), anchor)


def manual_setting(path: Path) -> str:
    """The setting string that makes processes read time from `path`."""
    return f"manual;file={path}"


def scaled_setting(start: datetime, factor: float, anchor: float) -> str:
    """The setting string that makes every process share one scaled clock."""
    return f"scaled;factor={factor};start={start.isoformat()};anchor={anchor}"
