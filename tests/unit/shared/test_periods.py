from datetime import date

import pytest

from shared.periods import (
    HolidayCalendar,
    add_days,
    add_months,
    add_working_days,
    add_years,
    default_calendar,
)

CALENDAR = default_calendar()


def test_day_period_does_not_count_its_first_day() -> None:
    assert add_days(date(2026, 3, 2), 7, CALENDAR) == date(2026, 3, 9)


def test_day_period_ending_on_a_saturday_moves_to_monday() -> None:
    assert add_days(date(2026, 3, 4), 10, CALENDAR) == date(2026, 3, 16)


def test_day_period_ending_in_national_day_week_moves_past_it() -> None:
    assert add_days(date(2026, 9, 24), 7, CALENDAR) == date(2026, 10, 8)


def test_day_period_ending_in_spring_festival_moves_past_it() -> None:
    assert add_days(date(2025, 1, 20), 10, CALENDAR) == date(2025, 2, 5)


def test_day_period_ending_on_a_make_up_saturday_stays_there() -> None:
    assert add_days(date(2026, 10, 3), 7, CALENDAR) == date(2026, 10, 10)


def test_make_up_saturday_is_a_working_day() -> None:
    assert CALENDAR.is_working_day(date(2025, 2, 8))


def test_public_holiday_on_a_weekday_is_not_a_working_day() -> None:
    assert not CALENDAR.is_working_day(date(2025, 10, 8))


def test_plain_weekday_is_a_working_day() -> None:
    assert CALENDAR.is_working_day(date(2026, 3, 4))


def test_negative_day_period_is_rejected() -> None:
    with pytest.raises(ValueError):
        add_days(date(2026, 3, 4), -1, CALENDAR)


def test_month_period_ends_on_the_same_day_number() -> None:
    assert add_months(date(2026, 3, 15), 2) == date(2026, 5, 15)


def test_month_period_from_january_31_ends_on_february_28() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)


def test_month_period_from_january_31_ends_on_february_29_in_a_leap_year() -> None:
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)


def test_month_period_crosses_the_year_end() -> None:
    assert add_months(date(2025, 11, 30), 3) == date(2026, 2, 28)


def test_month_period_rolls_over_a_holiday_when_given_a_calendar() -> None:
    assert add_months(date(2026, 9, 1), 1, CALENDAR) == date(2026, 10, 8)


def test_year_period_from_february_29_ends_on_february_28() -> None:
    assert add_years(date(2028, 2, 29), 1) == date(2029, 2, 28)


def test_year_period_ends_on_the_same_date() -> None:
    assert add_years(date(2026, 4, 10), 3) == date(2029, 4, 10)


def test_working_days_skip_a_weekend() -> None:
    assert add_working_days(date(2026, 3, 6), 3, CALENDAR) == date(2026, 3, 11)


def test_working_days_skip_a_holiday_and_count_a_make_up_saturday() -> None:
    assert add_working_days(date(2026, 9, 30), 3, CALENDAR) == date(2026, 10, 10)


def test_zero_working_days_is_the_start_itself() -> None:
    assert add_working_days(date(2026, 3, 7), 0, CALENDAR) == date(2026, 3, 7)


def test_calendar_without_holidays_only_rests_on_weekends() -> None:
    plain = HolidayCalendar()

    assert plain.is_working_day(date(2026, 10, 1))
    assert not plain.is_working_day(date(2026, 10, 3))


def test_packaged_calendar_covers_2025_to_2027() -> None:
    assert {d.year for d in CALENDAR.holidays} == {2025, 2026, 2027}
