"""Tenant-overridable preservation policy, with statutory defaults by date."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from services.preservation_tracker.domain.assets import AssetKind, Stage

# SPC interpretation of the Civil Procedure Law, Art. 485: deposits 1 year,
# movables 2 years, real estate and other property rights 3 years. "Other"
# assets take the movable cap because their nature is unknown.
STATUTORY_TERM_YEARS: Mapping[AssetKind, int] = {
    AssetKind.BANK_ACCOUNT: 1,
    AssetKind.VEHICLE_OR_SHIP: 2,
    AssetKind.PLANT_EQUIPMENT: 2,
    AssetKind.OTHER: 2,
    AssetKind.REAL_ESTATE: 3,
    AssetKind.SECURITIES_EQUITY: 3,
    AssetKind.THIRD_PARTY_CLAIM: 3,
    AssetKind.INTELLECTUAL_PROPERTY: 3,
}


@dataclass(frozen=True)
class PreservationPolicy:
    """Numbers that drive the checks and clocks; every one overridable."""

    effective_from: date = date(2022, 4, 10)
    guarantee_ratio: Mapping[Stage, Decimal] = field(
        default_factory=lambda: {
            Stage.IN_SUIT: Decimal("0.30"),
            Stage.PRE_SUIT: Decimal("1.00"),
        }
    )
    review_margin: Decimal = Decimal("0.10")
    term_years: Mapping[AssetKind, int] = field(
        default_factory=lambda: dict(STATUTORY_TERM_YEARS)
    )
    renewal_lead_days: int = 30
    renewal_urgent_days: int = 7
    # Renewal must be asked at least this many days before expiry (Art. 485).
    renewal_request_days: int = 7
    auto_renew: bool = True
    lapse_warning_days: tuple[int, ...] = (20, 27)
    lapse_days: int = 30
    review_max_age: timedelta = timedelta(hours=24)


DEFAULT_POLICY = PreservationPolicy()


def policy_on(day: date, policies: Sequence[PreservationPolicy]) -> PreservationPolicy:
    """Pick the policy in force on a day: the latest one already effective."""
    effective = [p for p in policies if p.effective_from <= day]
    if not effective:
        raise LookupError(f"no preservation policy in force on {day}")
    return max(effective, key=lambda p: p.effective_from)
