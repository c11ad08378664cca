from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from services.filing_batcher.domain.complaint import build_complaint
from services.filing_batcher.domain.complaint_input import (
    LoanCase,
    Party,
    PartyRole,
    Repayment,
)
from services.filing_batcher.domain.errors import ComplaintError, UnknownCourtError

LENDER = Party(
    PartyRole.PLAINTIFF,
    "某某小额贷款有限公司",
    "unified_social_credit_code",
    "91110105MA00000000",
    "北京市朝阳区某路1号",
    representative="张三",
)
BORROWER = Party(
    PartyRole.DEFENDANT,
    "李四",
    "resident_id",
    "110105199001011234",
    "北京市海淀区某街2号",
    e_service_consent=True,
    e_service_address="13800000000",
)
CASE = LoanCase(
    case_id="c1",
    plaintiff=LENDER,
    defendants=(BORROWER,),
    contract_number="LN-2025-0001",
    contract_date=date(2025, 1, 10),
    annual_rate=Decimal("0.18"),
    term_months=12,
    disbursed_on=date(2025, 1, 10),
    disbursed_amount=Decimal("12000"),
    repayments=(
        Repayment(date(2025, 3, 10), Decimal("1100")),
        Repayment(date(2025, 2, 10), Decimal("1100")),
    ),
    principal_owed=Decimal("10234.5"),
    interest_owed=Decimal("812.345"),
    penalty_owed=Decimal("0"),
    as_of=date(2025, 6, 30),
    overdue_since=date(2025, 4, 10),
    security="无担保",
    agreed_court_id="cn-110105",
)


def test_lays_out_the_amounts_owed_as_of_a_date() -> None:
    elements = build_complaint(CASE)

    assert elements.principal_owed == Decimal("10234.50")
    assert elements.interest_owed == Decimal("812.35")
    assert elements.total_owed == Decimal("11046.85")
    assert elements.as_of == date(2025, 6, 30)


def test_counts_overdue_days_without_the_first_day() -> None:
    assert build_complaint(CASE).overdue_days == 81


def test_sorts_repayments_and_totals_them() -> None:
    elements = build_complaint(CASE)

    assert [r.paid_on.month for r in elements.repayments] == [2, 3]
    assert elements.total_repaid == Decimal("2200.00")


def test_names_the_agreed_court_and_parties() -> None:
    elements = build_complaint(CASE)

    assert elements.agreed_court is not None
    assert elements.agreed_court.code == "京0105"
    assert [p.role for p in elements.parties] == ["plaintiff", "defendant"]
    assert elements.e_service_consent


def test_claims_penalty_only_when_owed() -> None:
    without = [c.kind for c in build_complaint(CASE).claims]
    with_penalty = build_complaint(replace(CASE, penalty_owed=Decimal("50")))

    assert without == ["principal", "interest", "costs"]
    assert [c.kind for c in with_penalty.claims] == [
        "principal",
        "interest",
        "penalty",
        "costs",
    ]


def test_e_service_consent_needs_an_address() -> None:
    borrower = replace(BORROWER, e_service_address=None)

    with pytest.raises(ComplaintError):
        build_complaint(replace(CASE, defendants=(borrower,)))


def test_case_not_yet_overdue_is_rejected() -> None:
    with pytest.raises(ComplaintError):
        build_complaint(replace(CASE, overdue_since=date(2025, 7, 1)))


def test_unknown_agreed_court_is_rejected() -> None:
    with pytest.raises(UnknownCourtError):
        build_complaint(replace(CASE, agreed_court_id="cn-000000"))
