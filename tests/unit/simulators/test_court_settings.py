import pytest
from pydantic import ValidationError

from recourse.simulators.court.runtime import CourtSettings


def test_judgments_come_twenty_to_sixty_days_after_docketing_by_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("RECOURSE_COURT_JUDGMENT_DAYS", raising=False)

    assert CourtSettings().behaviour().judgment_days == (20, 60)


def test_judgment_delay_is_read_as_min_comma_max_days(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("RECOURSE_COURT_JUDGMENT_DAYS", "3, 9")

    assert CourtSettings().behaviour().judgment_days == (3, 9)


@pytest.mark.parametrize("value", ["9,3", "5", "-1,4", "a,b", "1,2,3"])
def test_judgment_delay_that_is_not_an_ordered_pair_is_refused(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("RECOURSE_COURT_JUDGMENT_DAYS", value)

    with pytest.raises(ValidationError):
        CourtSettings()
