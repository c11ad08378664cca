"""Clocks from settings: the manual clock that several processes share."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from shared.clock import (
    FileClock,
    ScaledClock,
    SystemClock,
    clock_from_setting,
    manual_setting,
    scaled_setting,
)

START = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)


def test_a_manual_clock_moves_only_when_its_file_is_moved(tmp_path: Path) -> None:
    controller = FileClock(tmp_path / "clock")
    controller.set(START)
    reader = clock_from_setting(manual_setting(tmp_path / "clock"))

    assert reader.now() == START
    assert reader.now() == START
    controller.advance(timedelta(hours=1))
    assert reader.now() == START + timedelta(hours=1)


def test_rapid_moves_are_each_seen(tmp_path: Path) -> None:
    controller = FileClock(tmp_path / "clock")
    controller.set(START)
    reader = FileClock(tmp_path / "clock")

    seen = []
    for minute in range(1, 50):
        controller.set(START + timedelta(minutes=minute))
        seen.append(reader.now())

    assert seen == [START + timedelta(minutes=m) for m in range(1, 50)]


def test_a_manual_clock_without_its_file_fails_at_start(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        clock_from_setting(manual_setting(tmp_path / "missing"))


def test_a_manual_clock_refuses_a_naive_time(tmp_path: Path) -> None:
    (tmp_path / "clock").write_text("2026-12-04T09:00:00")

    with pytest.raises(ValueError, match="naive"):
        FileClock(tmp_path / "clock").now()


def test_settings_name_system_and_scaled_clocks() -> None:
    scaled = clock_from_setting(scaled_setting(START, 3600.0, 1_000.0))

    assert isinstance(clock_from_setting("system"), SystemClock)
    assert isinstance(scaled, ScaledClock)
    with pytest.raises(ValueError, match="unknown clock"):
        clock_from_setting("lunar;phase=full")
