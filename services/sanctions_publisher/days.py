"""Calendar days as courts count them: in China Standard Time."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

CHINA = ZoneInfo("Asia/Shanghai")


def local_day(moment: datetime) -> date:
    """The court's calendar day at an instant."""
    return moment.astimezone(CHINA).date()


def start_of(day: date) -> datetime:
    """The first instant of a calendar day in China."""
    return datetime.combine(day, time.min, CHINA)
