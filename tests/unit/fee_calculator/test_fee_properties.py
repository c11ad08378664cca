from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.fee_calculator.domain.schedules import STATUTORY_SCHEDULES, FeeKind
from services.fee_calculator.domain.statutory import Procedure, quote_fee
from shared.money import round_money

ON = date(2026, 12, 3)
CENT = Decimal("0.01")

claims = st.decimals(min_value=0, max_value=50_000_000, places=2)
kinds = st.sampled_from(list(FeeKind))
EDGES = [(s.kind, band.lower) for s in STATUTORY_SCHEDULES for band in s.bands[1:]]


def amount(kind: FeeKind, claim: Decimal) -> Decimal:
    return quote_fee(kind, claim, ON).amount


@given(kinds, claims, claims)
def test_fee_never_decreases_as_the_claim_grows(
    kind: FeeKind, a: Decimal, b: Decimal
) -> None:
    low, high = sorted((a, b))

    assert amount(kind, low) <= amount(kind, high)


@given(kinds, claims)
def test_one_more_cent_of_claim_adds_at_most_one_cent_of_fee(
    kind: FeeKind, claim: Decimal
) -> None:
    step = amount(kind, claim + CENT) - amount(kind, claim)

    assert Decimal(0) <= step <= CENT


@pytest.mark.parametrize(("kind", "edge"), EDGES)
def test_fee_is_continuous_at_each_band_edge(kind: FeeKind, edge: Decimal) -> None:
    step = amount(kind, edge + CENT) - amount(kind, edge)

    assert Decimal(0) <= step <= CENT


@given(claims, st.sampled_from([Procedure.SIMPLIFIED, Procedure.MEDIATION]))
def test_halving_is_exactly_half_of_the_unrounded_fee(
    claim: Decimal, procedure: Procedure
) -> None:
    ordinary = quote_fee(FeeKind.ACCEPTANCE, claim, ON)
    halved = quote_fee(FeeKind.ACCEPTANCE, claim, ON, procedure)

    assert halved.unrounded * 2 == ordinary.unrounded
    assert halved.amount == round_money(ordinary.unrounded / 2)


@given(claims)
def test_preservation_fee_never_exceeds_5000(claim: Decimal) -> None:
    assert amount(FeeKind.PRESERVATION, claim) <= Decimal("5000")


@given(st.decimals(min_value=896_000, max_value=10**12, places=2))
def test_preservation_fee_is_5000_once_the_cap_is_reached(claim: Decimal) -> None:
    assert amount(FeeKind.PRESERVATION, claim) == Decimal("5000.00")
