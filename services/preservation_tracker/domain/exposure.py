"""Wrongful-application exposure when a preserved case is dismissed."""

from collections.abc import Sequence
from dataclasses import dataclass, replace
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
    """Flag a dismissed case whose measures were ever taken; None otherwise.

    Measures already lifted (the 30-day rule) or expired still caused the
    respondent's losses, so every order with measures counts, lifted or not.
    """
    own = [o for o in orders if o.case_id == case_id and o.measures]
    if not dismissed or not own:
        return None
    ever = [replace(o, lifted_on=None) for o in own]
    return WrongfulExposure(
        case_id, preserved_value(ever), tuple(o.order_id for o in own)
    )
