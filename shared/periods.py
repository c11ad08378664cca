"""Legal periods: days, months, years and working days over a holiday calendar."""

import calendar as _calendar
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from importlib import resources
from typing import Any
from zoneinfo import ZoneInfo

_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class HolidayCalendar:
    """Public holidays and make-up working days; other weekdays work."""

    holidays: frozenset[date] = frozenset()
    makeup_workdays: frozenset[date] = frozenset()

    def is_working_day(self, day: date) -> bool:
        """Tell whether courts and offices work on the day."""
        if day in self.makeup_workdays:
            return True
        return day not in self.holidays and day.weekday() < 5

    def next_working_day(self, day: date) -> date:
        """Return the day itself when it is a working day, else the next one."""
        while not self.is_working_day(day):
            day += _ONE_DAY
        return day

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> "HolidayCalendar":
        """Build a calendar from the `holidays_cn.json` layout."""
        holidays: set[date] = set()
        makeups: set[date] = set()
        for year in data["years"].values():
            for span in year["holidays"]:
                holidays.update(_span(span["from"], span["to"]))
            makeups.update(date.fromisoformat(d) for d in year["makeup_workdays"])
        return cls(frozenset(holidays), frozenset(makeups))


def _span(first: str, last: str) -> Iterable[date]:
    day, end = date.fromisoformat(first), date.fromisoformat(last)
    while day <= end:
        yield day
        day += _ONE_DAY


@cache
def default_calendar() -> HolidayCalendar:
    """Return the packaged PRC calendar (2025 to 2027)."""
    text = resources.files("shared").joinpath("holidays_cn.json").read_text("utf-8")
    return HolidayCalendar.from_mapping(json.loads(text))


def add_days(start: date, days: int, calendar: HolidayCalendar) -> date:
    """End of a period in days: the first day is not counted, holidays roll over."""
    if days < 0:
        raise ValueError("a period cannot be negative")
    return calendar.next_working_day(start + timedelta(days=days))


def add_months(
    start: date, months: int, calendar: HolidayCalendar | None = None
) -> date:
    """End of a period in months: same day-number, else that month's last day."""
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    last = _calendar.monthrange(year, month + 1)[1]
    end = date(year, month + 1, min(start.day, last))
    return calendar.next_working_day(end) if calendar else end


def add_years(start: date, years: int, calendar: HolidayCalendar | None = None) -> date:
    """End of a period in years, counted as twelve months each."""
    return add_months(start, 12 * years, calendar)


def add_working_days(start: date, n: int, calendar: HolidayCalendar) -> date:
    """The n-th working day after start, start itself not counted."""
    if n < 0:
        raise ValueError("a period cannot be negative")
    day = start
    for _ in range(n):
        day = calendar.next_working_day(day + _ONE_DAY)
    return day


CHINA_TIME = ZoneInfo("Asia/Shanghai")


def local_day(moment: datetime) -> date:
    """The calendar day in China at an instant, as courts count days."""
    return moment.astimezone(CHINA_TIME).date()


def start_of(day: date) -> datetime:
    """The first instant of a calendar day in China."""
    return datetime.combine(day, time.min, CHINA_TIME)
