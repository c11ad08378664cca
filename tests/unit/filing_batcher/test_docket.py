import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.filing_batcher.domain.docket import (
    CASE_TYPES,
    PROVINCES,
    DocketNumber,
    format_docket,
    parse_docket,
)
from services.filing_batcher.domain.errors import InvalidDocketNumberError


def test_parses_ascii_parentheses() -> None:
    assert parse_docket("(2026)京0105民初1234号") == DocketNumber(
        2026, "京0105", "民初", 1234
    )


def test_parses_full_width_parentheses() -> None:
    assert parse_docket("（2026）沪0115民初88号") == DocketNumber(
        2026, "沪0115", "民初", 88
    )


def test_parses_the_zhiyi_suffix() -> None:
    assert parse_docket("（2025）浙0192民初7号之一").suffix == "之一"


@pytest.mark.parametrize("case_type", ["财保", "执", "执保", "民终", "执恢"])
def test_parses_other_case_types(case_type: str) -> None:
    assert parse_docket(f"(2026)粤0305{case_type}5号").case_type == case_type


def test_parses_intermediate_and_high_court_codes() -> None:
    assert parse_docket("(2026)京01民终9号").court_code == "京01"
    assert parse_docket("(2026)京民终9号").court_code == "京"


def test_ignores_surrounding_whitespace() -> None:
    assert parse_docket("  (2026)京0105执12号\n").serial == 12


@pytest.mark.parametrize(
    "text",
    [
        "(2026)京0105民初1234",
        "(2026)京0105民初0123号",
        "(2026)XX0105民初1号",
        "(2026)京0105审初1号",
        "(26)京0105民初1号",
        "2026京0105民初1号",
        "(2026)京0105民初1号之",
        "",
    ],
)
def test_rejects_malformed_text(text: str) -> None:
    with pytest.raises(InvalidDocketNumberError):
        parse_docket(text)


def test_formats_with_ascii_parentheses_by_default() -> None:
    docket = DocketNumber(2026, "京0105", "民初", 1234, "之一")

    assert format_docket(docket) == "(2026)京0105民初1234号之一"
    assert format_docket(docket, fullwidth=True) == "（2026）京0105民初1234号之一"


dockets = st.builds(
    DocketNumber,
    year=st.integers(1990, 2099),
    court_code=st.builds(
        lambda p, d: p + d,
        st.sampled_from(PROVINCES),
        st.sampled_from(["", "01", "0105", "0192"]),
    ),
    case_type=st.sampled_from(sorted(CASE_TYPES)),
    serial=st.integers(1, 10**6),
    suffix=st.sampled_from([None, "之一", "之二", "之十一"]),
)


@given(dockets, st.booleans())
def test_format_then_parse_round_trips(docket: DocketNumber, fullwidth: bool) -> None:
    assert parse_docket(format_docket(docket, fullwidth)) == docket


@given(dockets)
def test_parse_then_format_gives_back_canonical_text(docket: DocketNumber) -> None:
    text = format_docket(docket, fullwidth=True)

    assert format_docket(parse_docket(text), fullwidth=True) == text
