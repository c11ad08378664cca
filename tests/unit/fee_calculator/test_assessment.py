from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from contracts.assets import AssetKind, Measure, MeasureKind, PreservationStage
from contracts.contact import StatedReason
from contracts.fees import FeeKind, FeePolicy, Procedure
from contracts.loans import Arrears, CaseSummary
from contracts.preservation import (
    PreservationApplicationCompleted,
    PreservationOrderRecorded,
)
from contracts.triage import CaseFeatures, CaseTriaged, Reason, TriageDecision
from recourse.simulators.loans import LoanFactory
from services.fee_calculator.assessment import (
    acceptance_fee,
    complexity_of,
    preservation_fee,
    preservation_fee_on_order,
)
from services.fee_calculator.config import TenantFees
from services.fee_calculator.domain.errors import InvalidAmountError
from services.fee_calculator.domain.pricing import Complexity

AT = datetime(2026, 12, 3, 2, 0, tzinfo=UTC)


def case_owing(principal: str, interest: str = "0", penalty: str = "0") -> CaseTriaged:
    loan = LoanFactory("acme", ("cn-110105",)).overdue(1)
    arrears = Arrears(
        principal_owed=Decimal(principal),
        interest_owed=Decimal(interest),
        penalty_interest_owed=Decimal(penalty),
        as_of=loan.arrears.as_of,
        overdue_since=loan.arrears.overdue_since,
        overdue_days=loan.arrears.overdue_days,
    )
    return CaseTriaged(
        plaintiff_id="acme",
        case_id=loan.case_id,
        revision=1,
        decision=TriageDecision.FILE_SUIT,
        score=Decimal("0.1"),
        reasons=(Reason(rule="file_suit", text="未触达本人"),),
        features=CaseFeatures(
            principal=loan.loan.principal,
            principal_owed=arrears.principal_owed,
            term_months=loan.loan.term_months,
            overdue_days=arrears.overdue_days,
            attempts=4,
            reached=1,
            reach_rate=Decimal("0.25"),
            right_party_reached=False,
            stated_reason=StatedReason.NONE,
            product_complexity=loan.loan.product_complexity,
            profile=loan.borrower.profile,
        ),
        decided_at=AT,
        case=CaseSummary(
            borrower=loan.borrower,
            loan=loan.loan,
            arrears=arrears,
            agreed_court_id="cn-110105",
            e_service_consent=True,
        ),
    )


def test_claim_is_principal_interest_and_penalty_owed() -> None:
    fee = acceptance_fee(case_owing("10000", "4000", "1000"), TenantFees(), AT)

    assert (fee.claim_amount, fee.amount) == (Decimal("15000"), Decimal("175.00"))
    assert fee.fee_kind is FeeKind.ACCEPTANCE
    assert fee.court_id == "cn-110105"


def test_statutory_fee_carries_its_bands_rounded_to_the_cent() -> None:
    fee = acceptance_fee(case_owing("150000"), TenantFees(), AT)

    assert fee.amount == Decimal("3300.00")
    assert [b.portion for b in fee.breakdown] == [
        Decimal("50"),
        Decimal("2250.00"),
        Decimal("1000.00"),
    ]


def test_tenant_on_simplified_procedure_pays_half() -> None:
    tenant = TenantFees(procedure=Procedure.SIMPLIFIED)

    fee = acceptance_fee(case_owing("150000"), tenant, AT)

    assert (fee.amount, fee.procedure) == (Decimal("1650.00"), Procedure.SIMPLIFIED)


def test_tenant_on_seed_pricing_pays_the_fixed_fee_below_the_threshold() -> None:
    tenant = TenantFees(policy=FeePolicy.SEED)

    fee = acceptance_fee(case_owing("8000"), tenant, AT)

    assert (fee.amount, fee.policy) == (Decimal("50.00"), FeePolicy.SEED)
    assert [b.fixed for b in fee.breakdown] == [Decimal("50.00")]


def test_seed_pricing_follows_the_tenant_numbers() -> None:
    tenant = TenantFees(policy=FeePolicy.SEED)
    dearer = replace(tenant, pricing=replace(tenant.pricing, fixed_fee=Decimal(80)))

    fee = acceptance_fee(case_owing("5000"), dearer, AT)

    assert fee.amount == Decimal("80.00")


def test_case_owing_nothing_cannot_be_priced() -> None:
    with pytest.raises(InvalidAmountError):
        acceptance_fee(case_owing("0"), TenantFees(), AT)


def test_acceptance_fee_carries_the_case_for_filing() -> None:
    case = case_owing("12000")

    fee = acceptance_fee(case, TenantFees(), AT)

    assert fee.case == case.case


@pytest.mark.parametrize(
    ("rating", "level"),
    [(1, Complexity.SIMPLE), (3, Complexity.STANDARD), (5, Complexity.COMPLEX)],
)
def test_platform_complexity_rating_maps_to_pricing_level(
    rating: int, level: Complexity
) -> None:
    assert complexity_of(rating) is level


def completed(value: str, claim: str = "80000") -> PreservationApplicationCompleted:
    return PreservationApplicationCompleted(
        request_id="r1",
        application_id="a1",
        plaintiff_id="acme",
        case_id="c1",
        court_id="cn-110105",
        stage=PreservationStage.IN_SUIT,
        claim_amount=Decimal(claim),
        value_to_preserve=Decimal(value),
        completed_at=AT,
    )


def order_preserving(*amounts: str) -> PreservationOrderRecorded:
    return PreservationOrderRecorded(
        application_id="a1",
        plaintiff_id="acme",
        case_id="c1",
        court_id="cn-110105",
        stage=PreservationStage.IN_SUIT,
        docket_number="(2026)京0105执保12号",
        measures=tuple(
            Measure(
                asset_kind=AssetKind.BANK_ACCOUNT,
                asset_identifier=f"6222-{n}",
                measure=MeasureKind.FREEZE,
                amount=Decimal(amount),
                start_date=date(2026, 12, 4),
                expiry_date=date(2027, 12, 3),
            )
            for n, amount in enumerate(amounts)
        ),
        recorded_at=AT,
    )


def test_preservation_of_fifty_thousand_costs_five_hundred_twenty() -> None:
    fee = preservation_fee(completed("50000"), AT)

    assert (fee.amount, fee.fee_kind, fee.application_id) == (
        Decimal("520.00"),
        FeeKind.PRESERVATION,
        "a1",
    )
    assert fee.claim_amount == Decimal("50000")
    assert fee.case is None


def test_preservation_fee_is_priced_on_the_value_to_preserve_not_the_claim() -> None:
    fee = preservation_fee(completed("800", claim="80000"), AT)

    assert fee.amount == Decimal("30.00")


def test_order_preserving_less_reprices_the_fee_and_refunds_the_difference() -> None:
    reassessed = preservation_fee_on_order(
        order_preserving("20000", "30000"), Decimal("1020.00"), AT
    )

    assert reassessed.preserved_value == Decimal("50000")
    assert (reassessed.amount, reassessed.refund_due, reassessed.balance_due) == (
        Decimal("520.00"),
        Decimal("500.00"),
        Decimal("0"),
    )


def test_order_preserving_nothing_charges_the_fixed_fee() -> None:
    reassessed = preservation_fee_on_order(order_preserving(), Decimal("520.00"), AT)

    assert (reassessed.preserved_value, reassessed.amount) == (
        Decimal("0"),
        Decimal("30.00"),
    )
    assert reassessed.refund_due == Decimal("490.00")
