"""Statutory fees summed band by band, halved once, rounded at the end."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from services.fee_calculator.domain.errors import (
    InvalidAmountError,
    ReductionNotAllowedError,
)
from services.fee_calculator.domain.schedules import (
    Band,
    FeeKind,
    FeeSchedule,
    schedule_for,
)
from shared.money import round_money


class Procedure(StrEnum):
    """How the case ends or runs; all but ordinary halve the acceptance fee."""

    ORDINARY = "ordinary"
    SIMPLIFIED = "simplified"
    MEDIATION = "mediation"
    WITHDRAWAL = "withdrawal"


HALVING_PROCEDURES = frozenset(
    {Procedure.SIMPLIFIED, Procedure.MEDIATION, Procedure.WITHDRAWAL}
)
HALF = Decimal("0.5")


@dataclass(frozen=True)
class BandCharge:
    """One band's share: the part of the claim inside it and the unrounded fee."""

    lower: Decimal
    upper: Decimal | None
    rate: Decimal | None
    fixed: Decimal | None
    claim_in_band: Decimal
    portion: Decimal


@dataclass(frozen=True)
class FeeQuote:
    kind: FeeKind
    claim: Decimal
    procedure: Procedure
    amount: Decimal
    unrounded: Decimal
    halved: bool
    capped: bool
    breakdown: tuple[BandCharge, ...]
    source: str


def _charge(band: Band, claim: Decimal) -> BandCharge | None:
    reached = claim > band.lower or (band.fixed is not None and band.lower == 0)
    if not reached:
        return None
    top = claim if band.upper is None else min(claim, band.upper)
    inside = max(top - band.lower, Decimal(0))
    portion = band.fixed if band.fixed is not None else inside * (band.rate or 0)
    return BandCharge(band.lower, band.upper, band.rate, band.fixed, inside, portion)


def compute_fee(
    schedule: FeeSchedule, claim: Decimal, procedure: Procedure = Procedure.ORDINARY
) -> FeeQuote:
    """Sum the bands, apply the cap, halve once if due, then round half-up."""
    if not claim.is_finite() or claim < 0:
        raise InvalidAmountError(f"claim must be a non-negative amount: {claim}")
    halved = procedure in HALVING_PROCEDURES
    if halved and not schedule.halvable:
        raise ReductionNotAllowedError(
            f"{schedule.kind} fees are not halved for {procedure} procedure"
        )
    charges = tuple(c for b in schedule.bands if (c := _charge(b, claim)))
    fee = sum((c.portion for c in charges), Decimal(0))
    capped = schedule.cap is not None and fee > schedule.cap
    if schedule.cap is not None and capped:
        fee = schedule.cap
    if halved:
        fee = fee * HALF
    return FeeQuote(
        kind=schedule.kind,
        claim=claim,
        procedure=procedure,
        amount=round_money(fee),
        unrounded=fee,
        halved=halved,
        capped=capped,
        breakdown=charges,
        source=schedule.source,
    )


def quote_fee(
    kind: FeeKind,
    claim: Decimal,
    on: date,
    procedure: Procedure = Procedure.ORDINARY,
) -> FeeQuote:
    """The statutory fee of `kind` for `claim` under the schedule in force `on`."""
    return compute_fee(schedule_for(kind, on), claim, procedure)


def claim_amount(principal: Decimal, interest: Decimal, penalty: Decimal) -> Decimal:
    """The claim a fee is computed on: principal, interest and penalty owed."""
    parts = (principal, interest, penalty)
    if any(not p.is_finite() or p < 0 for p in parts):
        raise InvalidAmountError("owed amounts must be non-negative")
    return principal + interest + penalty
