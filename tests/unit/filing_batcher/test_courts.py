import re

import pytest

from services.filing_batcher.domain.courts import load_courts
from services.filing_batcher.domain.docket import parse_docket
from services.filing_batcher.domain.errors import UnknownCourtError


def test_finds_chaoyang_court_by_ascii_id() -> None:
    court = load_courts().by_id("cn-110105")

    assert (court.code, court.name) == ("京0105", "北京市朝阳区人民法院")


def test_finds_guangzhou_internet_court_by_code() -> None:
    assert load_courts().by_code("粤0192").name == "广州互联网法院"


def test_unknown_court_raises() -> None:
    with pytest.raises(UnknownCourtError):
        load_courts().by_id("cn-999999")
    with pytest.raises(UnknownCourtError):
        load_courts().by_code("京9999")


def test_registry_holds_at_least_ten_courts_with_unique_ascii_ids() -> None:
    courts = list(load_courts())

    assert len(courts) >= 10
    assert len({c.court_id for c in courts}) == len(courts)
    assert all(re.fullmatch(r"cn-\d{6}", c.court_id) for c in courts)


def test_every_court_code_fits_a_docket_number() -> None:
    for court in load_courts():
        assert parse_docket(f"(2026){court.code}民初1号").court_code == court.code
