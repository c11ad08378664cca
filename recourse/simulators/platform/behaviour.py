"""What a platform does, as (due time, topic, key, event): pure, seeded decisions."""

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from contracts import topics
from contracts.assets import (
    Asset,
    AssetKind,
    Guarantee,
    GuaranteeKind,
    MaterialKind,
    PreservationStage,
    Respondent,
)
from contracts.base import Contract
from contracts.contact import Channel, ContactOutcome, StatedReason
from contracts.fees import FeeInvoiceIssued
from contracts.platform import (
    ContactOutcomeReported,
    FeePaymentMade,
    LoanOverdue,
    PreservationRequested,
    RepaymentReceived,
)
from recourse.simulators.loans import LoanFactory
from recourse.simulators.platform.plan import PlatformPlan

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Action:
    due: datetime
    topic: str
    key: str
    event: Contract


def _days(rng: random.Random, span: tuple[float, float]) -> timedelta:
    return timedelta(days=rng.uniform(*span))


def intake(plan: PlatformPlan, platform: str, start: datetime) -> list[Action]:
    """Every overdue report, spread over the intake days, plus call-centre reports."""
    factory = LoanFactory(platform, plan.courts_of(platform), seed=plan.seed)
    rng = random.Random(f"{plan.seed}:{platform}:intake")
    actions = []
    for index in range(plan.loans_of(platform)):
        loan = factory.overdue(index)
        due = start + timedelta(days=rng.uniform(0, plan.intake_days))
        actions.append(
            Action(due, topics.tenant_topic(platform, "overdue"), platform, loan)
        )
        if rng.random() < plan.call_centre_share:
            actions.append(_call_centre(rng, loan, due + timedelta(hours=30)))
        if rng.random() < plan.pre_suit_preservation_share:
            actions.append(
                _preservation(rng, plan, loan, due + timedelta(days=1), pre_suit=True)
            )
    return actions


def _call_centre(rng: random.Random, loan: LoanOverdue, at: datetime) -> Action:
    reached = rng.random() < 0.6
    reason = rng.choice(list(StatedReason)) if reached and rng.random() < 0.3 else None
    outcome = ContactOutcome(
        reached=reached,
        answered=reached,
        right_party=reached and rng.random() < 0.9,
        cooperative=reached and rng.random() < 0.5,
        comprehension=reached,
        stated_reason=reason or StatedReason.NONE,
        transcript_ref=f"callcentre:{loan.case_id}",
    )
    report = ContactOutcomeReported(
        plaintiff_id=loan.plaintiff_id,
        case_id=loan.case_id,
        attempt_id=f"cc-{loan.case_id}",
        channel=Channel.PHONE,
        occurred_at=at,
        outcome=outcome,
    )
    topic = topics.tenant_topic(loan.plaintiff_id, "contact-outcomes")
    return Action(at, topic, loan.plaintiff_id, report)


def _preservation(
    rng: random.Random,
    plan: PlatformPlan,
    loan: LoanOverdue,
    at: datetime,
    pre_suit: bool,
) -> Action:
    claim = loan.arrears.total
    bank = Asset(
        kind=AssetKind.BANK_ACCOUNT,
        identifier=f"6222{rng.randrange(10**12):012d}",
        value=(claim * Decimal("1.1")).quantize(CENT),
        details={"institution": "中国工商银行"},
    )
    lead = Asset(kind=AssetKind.VEHICLE_OR_SHIP, identifier="名下车辆线索", lead=True)
    materials = list(MaterialKind)[:4]
    if rng.random() < plan.incomplete_materials_share:
        materials.remove(rng.choice(materials))
    ratio = Decimal("1") if pre_suit else Decimal("0.3")
    request = PreservationRequested(
        plaintiff_id=loan.plaintiff_id,
        request_id=f"pr-{loan.case_id}-{'pre' if pre_suit else 'in'}",
        case_id=loan.case_id,
        stage=PreservationStage.PRE_SUIT if pre_suit else PreservationStage.IN_SUIT,
        court_id=loan.agreed_court_id,
        respondent=Respondent(
            name=loan.borrower.name, id_number=loan.borrower.id_number
        ),
        assets=(bank, lead) if rng.random() < 0.3 else (bank,),
        materials=tuple(materials),
        guarantee=Guarantee(
            kind=_guarantee_kind(rng), amount=(claim * ratio).quantize(CENT)
        ),
        claim_amount=claim,
        requested_at=at,
    )
    topic = topics.tenant_topic(loan.plaintiff_id, "preservation-requests")
    return Action(at, topic, loan.plaintiff_id, request)


def _guarantee_kind(rng: random.Random) -> GuaranteeKind:
    """Mostly cash or a bank guarantee; an insurance policy goes to review."""
    draw = rng.random()
    if draw < 0.6:
        return GuaranteeKind.CASH_DEPOSIT
    return (
        GuaranteeKind.BANK_GUARANTEE if draw < 0.85 else GuaranteeKind.INSURANCE_POLICY
    )


def pay_invoice(
    plan: PlatformPlan, invoice: FeeInvoiceIssued, now: datetime
) -> list[Action]:
    """Pay in full, in two parts, or too late, as the plan's shares say."""
    rng = random.Random(f"{plan.seed}:{invoice.invoice_id}:pay")
    topic = topics.tenant_topic(invoice.plaintiff_id, "payments")
    if rng.random() < plan.late_payer_share:
        return []
    due = now + _days(rng, plan.pay_delay_days)
    parts = [invoice.amount]
    if rng.random() < plan.partial_payer_share:
        first = (invoice.amount * Decimal("0.6")).quantize(CENT)
        parts = [first, invoice.amount - first]
    return [
        Action(
            due + timedelta(hours=6 * i),
            topic,
            invoice.plaintiff_id,
            FeePaymentMade(
                plaintiff_id=invoice.plaintiff_id,
                payment_id=f"pay-{invoice.invoice_id}-{i}",
                invoice_id=invoice.invoice_id,
                amount=amount,
                paid_at=due + timedelta(hours=6 * i),
            ),
        )
        for i, amount in enumerate(parts)
    ]


def after_docket(plan: PlatformPlan, loan: LoanOverdue, now: datetime) -> list[Action]:
    """Some docketed cases get an in-suit preservation request."""
    rng = random.Random(f"{plan.seed}:{loan.case_id}:docketed")
    if rng.random() >= plan.in_suit_preservation_share:
        return []
    return [_preservation(rng, plan, loan, now + timedelta(hours=12), pre_suit=False)]


def after_judgment(
    plan: PlatformPlan, loan: LoanOverdue, now: datetime
) -> list[Action]:
    """Some borrowers repay in full after judgment."""
    rng = random.Random(f"{plan.seed}:{loan.case_id}:judged")
    if rng.random() >= plan.repay_after_judgment_share:
        return []
    at = now + _days(rng, plan.repay_delay_days)
    repayment = RepaymentReceived(
        plaintiff_id=loan.plaintiff_id,
        case_id=loan.case_id,
        repayment_id=f"rep-{loan.case_id}",
        amount=loan.arrears.total,
        received_at=at,
        fully_repaid=True,
    )
    topic = topics.tenant_topic(loan.plaintiff_id, "payments")
    return [Action(at, topic, loan.plaintiff_id, repayment)]
