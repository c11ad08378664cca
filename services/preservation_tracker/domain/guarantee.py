"""Guarantee the applicant must offer for a preservation."""

from decimal import ROUND_HALF_UP, Decimal

from services.preservation_tracker.domain.assets import Stage
from services.preservation_tracker.domain.policy import PreservationPolicy

_CENT = Decimal("0.01")


def required_guarantee(
    amount: Decimal, stage: Stage, policy: PreservationPolicy
) -> Decimal:
    """The least guarantee: a share of the amount in-suit, all of it pre-suit."""
    return (amount * policy.guarantee_ratio[stage]).quantize(_CENT, ROUND_HALF_UP)


def guarantee_shortfall(
    offered: Decimal, amount: Decimal, stage: Stage, policy: PreservationPolicy
) -> Decimal:
    """How much the offered guarantee falls short; zero when it suffices."""
    return max(required_guarantee(amount, stage, policy) - offered, Decimal("0.00"))
