"""Statutory periods as fee notices and due dates count them."""

from datetime import date

from shared.periods import add_days, default_calendar, local_day

__all__ = ["local_day", "statutory_days"]


def statutory_days(start: date, days: int) -> date:
    """A period in days under Art. 85, over the holiday calendar."""
    return add_days(start, days, default_calendar())
