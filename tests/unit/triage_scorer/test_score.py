from dataclasses import replace
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from services.triage_scorer.domain.features import CaseFeatures
from services.triage_scorer.domain.score import recovery_score

BASE = CaseFeatures(
    case_id="c-1",
    attempts=5,
    reach_rate=0.4,
    answered_rate=0.4,
    right_party_rate=0.2,
    cooperation_rate=0.2,
    comprehension_rate=0.2,
    stated_reasons=frozenset(),
    marketing_reached=0,
    principal=Decimal("5000"),
    term_months=12,
    overdue_days=30,
    product_complexity=2,
)
money = st.decimals(min_value=0, max_value=10_000_000, places=2)
months = st.integers(min_value=0, max_value=600)
rate = st.floats(min_value=0, max_value=1)


@given(money, money)
def test_score_never_rises_with_principal(a: Decimal, b: Decimal) -> None:
    low, high = sorted((a, b))
    assert recovery_score(replace(BASE, principal=high)) <= recovery_score(
        replace(BASE, principal=low)
    )


@given(months, months)
def test_score_never_rises_with_term(a: int, b: int) -> None:
    short, long = sorted((a, b))
    assert recovery_score(replace(BASE, term_months=long)) <= recovery_score(
        replace(BASE, term_months=short)
    )


@given(rate, rate)
def test_score_never_falls_with_reach_or_cooperation(a: float, b: float) -> None:
    low, high = sorted((a, b))
    assert recovery_score(replace(BASE, reach_rate=low)) <= recovery_score(
        replace(BASE, reach_rate=high)
    )
    assert recovery_score(replace(BASE, cooperation_rate=low)) <= recovery_score(
        replace(BASE, cooperation_rate=high)
    )


def test_score_strictly_drops_from_small_short_loan_to_large_long_one() -> None:
    small = replace(BASE, principal=Decimal("2000"), term_months=3)
    large = replace(BASE, principal=Decimal("50000"), term_months=36)
    assert recovery_score(large) < recovery_score(small)


@given(money, months, rate, rate)
def test_score_is_a_probability(p: Decimal, t: int, r: float, c: float) -> None:
    features = replace(
        BASE, principal=p, term_months=t, reach_rate=r, cooperation_rate=c
    )
    assert 0.0 <= recovery_score(features) <= 1.0
