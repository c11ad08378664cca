"""A court's preservation order: measures per asset, their terms and renewals."""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum

from services.preservation_tracker.domain.assets import AssetKind, Stage
from services.preservation_tracker.domain.errors import InvalidOrderError
from services.preservation_tracker.domain.policy import PreservationPolicy
from shared.periods import add_years


class MeasureKind(StrEnum):
    FREEZE = "freeze"
    SEAL = "seal"
    DETAIN = "detain"


@dataclass(frozen=True)
class Measure:
    """One asset under one measure, with the term the court states."""

    asset_ref: str
    asset_kind: AssetKind
    kind: MeasureKind
    starts_on: date
    expires_on: date
    preserved_value: Decimal


@dataclass(frozen=True)
class CourtOrder:
    order_id: str
    case_id: str
    stage: Stage
    taken_on: date
    measures: tuple[Measure, ...]
    case_filed_on: date | None = None
    lifted_on: date | None = None


@dataclass(frozen=True)
class TermExcess:
    """A measure whose stated expiry lies beyond the legal maximum."""

    asset_ref: str
    asset_kind: AssetKind
    expires_on: date
    latest_allowed: date


def latest_expiry(measure: Measure, policy: PreservationPolicy) -> date:
    """The last expiry the law allows for the measure's current term."""
    return add_years(measure.starts_on, policy.term_years[measure.asset_kind])


def excess_terms(order: CourtOrder, policy: PreservationPolicy) -> list[TermExcess]:
    """Flag every measure that expires after the cap of its asset kind."""
    return [
        TermExcess(m.asset_ref, m.asset_kind, m.expires_on, latest_expiry(m, policy))
        for m in order.measures
        if m.expires_on > latest_expiry(m, policy)
    ]


def renew(order: CourtOrder, asset_ref: str, new_expiry: date) -> CourtOrder:
    """Apply a renewal order: the new term runs from the old expiry."""
    measures: list[Measure] = []
    for m in order.measures:
        if m.asset_ref == asset_ref:
            if new_expiry <= m.expires_on:
                raise InvalidOrderError(f"renewal of {asset_ref} does not extend it")
            m = replace(m, starts_on=m.expires_on, expires_on=new_expiry)
        measures.append(m)
    if measures == list(order.measures):
        raise InvalidOrderError(f"order {order.order_id} has no asset {asset_ref}")
    return replace(order, measures=tuple(measures))


def preserved_value(orders: Sequence[CourtOrder]) -> Decimal:
    """Total value held under the orders that are not lifted."""
    return sum(
        (m.preserved_value for o in orders if o.lifted_on is None for m in o.measures),
        Decimal("0.00"),
    )
