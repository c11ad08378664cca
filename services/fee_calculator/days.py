"""Local days and statutory periods, as fee notices and due dates count them."""

from datetime import date, datetime

from services.fee_calculator.config import CHINA_TIME
from shared.periods import add_days, default_calendar


def local_day(at: datetime) -> date:
    """The day in China on which something happened."""
    return at.astimezone(CHINA_TIME).date()


def statutory_days(start: date, days: int) -> date:
    """A period in days under Art. 85, over the holiday calendar."""
    return add_days(start, days, default_calendar())
