"""The seed's own per-case pricing, offered beside the statutory fee."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from services.fee_calculator.domain.errors import InvalidAmountError
from shared.money import round_money


class Complexity(StrEnum):
    """How much work the loan product makes for the complaint and evidence."""

    SIMPLE = "simple"
    STANDARD = "standard"
    COMPLEX = "complex"


def _default_multipliers() -> dict[Complexity, Decimal]:
    return {
        Complexity.SIMPLE: Decimal("1.0"),
        Complexity.STANDARD: Decimal("1.2"),
        Complexity.COMPLEX: Decimal("1.5"),
    }


@dataclass(frozen=True)
class PricingPolicy:
    """A tenant's pricing numbers; the defaults are the seed's own."""

    threshold: Decimal = Decimal("10000")
    fixed_fee: Decimal = Decimal("50")
    rate_above_threshold: Decimal = Decimal("0.005")
    term_weight_per_year: Decimal = Decimal("0.05")
    unreached_weight: Decimal = Decimal("0.5")
    complexity_multipliers: Mapping[Complexity, Decimal] = field(
        default_factory=_default_multipliers
    )


DEFAULT_PRICING = PricingPolicy()


def policy_for(
    tenant_id: str,
    overrides: Mapping[str, PricingPolicy],
    default: PricingPolicy = DEFAULT_PRICING,
) -> PricingPolicy:
    """The tenant's own policy if it has one, else the default."""
    return overrides.get(tenant_id, default)


@dataclass(frozen=True)
class CasePricingInput:
    claim: Decimal
    term_months: int
    reach_rate: Decimal
    complexity: Complexity = Complexity.STANDARD


def seed_price(
    case: CasePricingInput, policy: PricingPolicy = DEFAULT_PRICING
) -> Decimal:
    """Price one case under the seed policy.

    Below `threshold` the price is `fixed_fee`. From the threshold up:

        base  = fixed_fee + rate_above_threshold * (claim - threshold)
        price = base * (1 + term_weight_per_year * term_months / 12)
                     * (1 + unreached_weight * (1 - reach_rate))
                     * complexity_multipliers[complexity]

    A larger claim and a longer term mean more interest to reconstruct and
    argue; a low reach rate means service of process is harder; a complex
    product needs more evidence. The price never falls below `fixed_fee`,
    whatever a tenant's multipliers are, and is rounded half-up to 0.01.
    """
    if case.claim < 0 or case.term_months < 0:
        raise InvalidAmountError("claim and term must be non-negative")
    if not Decimal(0) <= case.reach_rate <= Decimal(1):
        raise InvalidAmountError(f"reach rate outside [0, 1]: {case.reach_rate}")
    if case.claim < policy.threshold:
        return round_money(policy.fixed_fee)
    base = policy.fixed_fee + policy.rate_above_threshold * (
        case.claim - policy.threshold
    )
    term = 1 + policy.term_weight_per_year * Decimal(case.term_months) / 12
    reach = 1 + policy.unreached_weight * (1 - case.reach_rate)
    complexity = policy.complexity_multipliers[case.complexity]
    return round_money(max(policy.fixed_fee, base * term * reach * complexity))
