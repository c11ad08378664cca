"""Prices one case or one preservation application as a FeeAssessed event."""

from datetime import datetime
from decimal import Decimal

from contracts.fees import FeeAssessed, FeeBand, FeeKind, FeePolicy, Procedure
from contracts.preservation import PreservationApplied
from contracts.triage import CaseTriaged
from services.fee_calculator.config import CHINA_TIME, TenantFees
from services.fee_calculator.domain import schedules, statutory
from services.fee_calculator.domain.errors import InvalidAmountError
from services.fee_calculator.domain.pricing import (
    CasePricingInput,
    Complexity,
    seed_price,
)
from shared.money import round_money

ZERO = Decimal("0")


def complexity_of(rating: int) -> Complexity:
    """The platform rates products 1 (simple) to 5; pricing knows three levels."""
    if rating <= 2:
        return Complexity.SIMPLE
    return Complexity.STANDARD if rating == 3 else Complexity.COMPLEX


def _bands(quote: statutory.FeeQuote) -> tuple[FeeBand, ...]:
    return tuple(
        FeeBand(
            lower=c.lower,
            upper=c.upper,
            rate=c.rate,
            fixed=c.fixed,
            portion=round_money(c.portion),
        )
        for c in quote.breakdown
    )


def acceptance_fee(
    triaged: CaseTriaged, tenant: TenantFees, at: datetime
) -> FeeAssessed:
    """The acceptance fee on principal, interest and penalty owed."""
    case = triaged.case
    if case is None:
        raise InvalidAmountError(f"case {triaged.case_id} carries no summary")
    arrears = case.arrears
    claim = statutory.claim_amount(
        arrears.principal_owed, arrears.interest_owed, arrears.penalty_interest_owed
    )
    if claim <= ZERO:
        raise InvalidAmountError(f"case {triaged.case_id} claims nothing")
    if tenant.policy is FeePolicy.SEED:
        pricing = CasePricingInput(
            claim=claim,
            term_months=case.loan.term_months,
            reach_rate=triaged.features.reach_rate,
            complexity=complexity_of(case.loan.product_complexity),
        )
        amount = seed_price(pricing, tenant.pricing)
        bands: tuple[FeeBand, ...] = (
            FeeBand(lower=ZERO, upper=None, fixed=amount, portion=amount),
        )
    else:
        quote = statutory.quote_fee(
            schedules.FeeKind.ACCEPTANCE,
            claim,
            at.astimezone(CHINA_TIME).date(),
            statutory.Procedure(tenant.procedure.value),
        )
        amount, bands = quote.amount, _bands(quote)
    return FeeAssessed(
        plaintiff_id=triaged.plaintiff_id,
        case_id=triaged.case_id,
        court_id=case.agreed_court_id,
        fee_kind=FeeKind.ACCEPTANCE,
        procedure=tenant.procedure,
        policy=tenant.policy,
        claim_amount=claim,
        amount=amount,
        breakdown=bands,
        assessed_at=at,
        case=case,
    )


def preservation_fee(applied: PreservationApplied, at: datetime) -> FeeAssessed:
    """The statutory preservation fee (Art. 14(2)) on the value to preserve."""
    quote = statutory.quote_fee(
        schedules.FeeKind.PRESERVATION,
        applied.claim_amount,
        at.astimezone(CHINA_TIME).date(),
    )
    return FeeAssessed(
        plaintiff_id=applied.plaintiff_id,
        case_id=applied.case_id,
        court_id=applied.court_id,
        fee_kind=FeeKind.PRESERVATION,
        procedure=Procedure.ORDINARY,
        policy=FeePolicy.STATUTORY,
        claim_amount=applied.claim_amount,
        amount=quote.amount,
        breakdown=_bands(quote),
        assessed_at=at,
        application_id=applied.application_id,
    )
