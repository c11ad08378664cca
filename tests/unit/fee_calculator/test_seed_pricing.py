from dataclasses import replace
from decimal import Decimal

import pytest

from services.fee_calculator.domain.errors import InvalidAmountError
from services.fee_calculator.domain.pricing import (
    DEFAULT_PRICING,
    CasePricingInput,
    Complexity,
    policy_for,
    seed_price,
)


def case(
    claim: str,
    term: int = 12,
    reach: str = "0.5",
    complexity: Complexity = Complexity.STANDARD,
) -> CasePricingInput:
    return CasePricingInput(Decimal(claim), term, Decimal(reach), complexity)


def test_claim_below_threshold_pays_the_fixed_fee() -> None:
    assert seed_price(case("9999.99", term=36, reach="0")) == Decimal("50.00")


def test_claim_at_threshold_is_priced_by_the_formula() -> None:
    assert seed_price(case("10000")) == Decimal("78.75")


def test_price_combines_amount_term_reach_and_complexity() -> None:
    priced = case("20000", term=24, reach="0.2", complexity=Complexity.COMPLEX)

    assert seed_price(priced) == Decimal("231.00")


def test_lower_reach_rate_costs_more() -> None:
    assert seed_price(case("30000", reach="0.1")) > seed_price(
        case("30000", reach="0.9")
    )


def test_price_never_falls_below_the_fixed_fee() -> None:
    cheap = replace(
        DEFAULT_PRICING,
        complexity_multipliers={c: Decimal("0.1") for c in Complexity},
    )

    assert seed_price(case("10000", reach="1"), cheap) == Decimal("50.00")


def test_tenant_override_replaces_the_default_policy() -> None:
    acme = replace(DEFAULT_PRICING, threshold=Decimal("5000"), fixed_fee=Decimal("80"))
    overrides = {"acme": acme}

    assert policy_for("acme", overrides) is acme
    assert policy_for("other", overrides) is DEFAULT_PRICING
    assert seed_price(case("4000"), acme) == Decimal("80.00")


def test_reach_rate_outside_unit_interval_is_rejected() -> None:
    with pytest.raises(InvalidAmountError):
        seed_price(case("20000", reach="1.2"))
