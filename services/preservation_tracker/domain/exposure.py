"""Wrongful-application exposure when a preserved case is dismissed."""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from services.preservation_tracker.domain.order import CourtOrder, preserved_value


@dataclass(frozen=True)
class WrongfulExposure:
    """The applicant may owe the respondent's losses (Art. 108)."""

    case_id: str
    preserved_value: Decimal
    order_ids: tuple[str, ...]


def wrongful_exposure(
    case_id: str, dismissed: bool, orders: Sequence[CourtOrder]
) -> WrongfulExposure | None:
    """Flag the preserved amount of a dismissed case; None otherwise."""
    own = [o for o in orders if o.case_id == case_id]
    if not dismissed or not own:
        return None
    return WrongfulExposure(
        case_id, preserved_value(own), tuple(o.order_id for o in own)
    )
