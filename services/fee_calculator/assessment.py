"""Prices one case or one preservation application as a FeeAssessed event."""

from datetime import datetime
from decimal import Decimal

from contracts.fees import (
    FeeAssessed,
    FeeBand,
    FeeKind,
    FeePolicy,
    PreservationFeeReassessed,
    Procedure,
)
from contracts.preservation import (
    PreservationApplicationCompleted,
    PreservationOrderRecorded,
)
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


def _preservation_quote(value: Decimal, at: datetime) -> statutory.FeeQuote:
    return statutory.quote_fee(
        schedules.FeeKind.PRESERVATION, value, at.astimezone(CHINA_TIME).date()
    )


def preservation_fee(
    completed: PreservationApplicationCompleted, at: datetime
) -> FeeAssessed:
    """The statutory fee (Art. 14(2)) on the value the application asks to preserve."""
    quote = _preservation_quote(completed.value_to_preserve, at)
    return FeeAssessed(
        plaintiff_id=completed.plaintiff_id,
        case_id=completed.case_id,
        court_id=completed.court_id,
        fee_kind=FeeKind.PRESERVATION,
        procedure=Procedure.ORDINARY,
        policy=FeePolicy.STATUTORY,
        claim_amount=completed.value_to_preserve,
        amount=quote.amount,
        breakdown=_bands(quote),
        assessed_at=at,
        application_id=completed.application_id,
    )


def preserved_value(recorded: PreservationOrderRecorded) -> Decimal:
    """The value the court's order actually preserved: its measures' amounts."""
    return sum((m.amount or ZERO for m in recorded.measures), Decimal("0.00"))


def preservation_fee_on_order(
    recorded: PreservationOrderRecorded, prepaid: Decimal, at: datetime
) -> PreservationFeeReassessed:
    """The fee on the value actually preserved, against what was prepaid."""
    value = preserved_value(recorded)
    quote = _preservation_quote(value, at)
    return PreservationFeeReassessed(
        plaintiff_id=recorded.plaintiff_id,
        case_id=recorded.case_id,
        court_id=recorded.court_id,
        application_id=recorded.application_id,
        preserved_value=value,
        prepaid=prepaid,
        amount=quote.amount,
        refund_due=max(prepaid - quote.amount, ZERO),
        balance_due=max(quote.amount - prepaid, ZERO),
        breakdown=_bands(quote),
        reassessed_at=at,
    )
