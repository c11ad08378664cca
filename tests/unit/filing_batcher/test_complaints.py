from decimal import Decimal

import pytest

from contracts.court import ClaimKind
from contracts.loans import CaseSummary
from recourse.simulators.loans import LoanFactory
from services.filing_batcher.complaints import complaint_for
from services.filing_batcher.domain.courts import load_courts
from services.filing_batcher.domain.errors import UnknownCourtError
from services.filing_batcher.domain.plaintiffs import load_plaintiffs

ACME = load_plaintiffs().by_id("acme")


def summary(index: int = 0, court: str = "cn-110105") -> tuple[str, CaseSummary]:
    loan = LoanFactory("acme", (court,)).overdue(index)
    return loan.case_id, CaseSummary(
        borrower=loan.borrower,
        loan=loan.loan,
        arrears=loan.arrears,
        agreed_court_id=loan.agreed_court_id,
        e_service_consent=loan.e_service_consent,
    )


def test_complaint_claims_principal_interest_penalty_and_costs() -> None:
    case_id, case = summary()

    complaint = complaint_for(case_id, case, ACME, load_courts())

    kinds = [c.kind for c in complaint.claims]
    assert kinds == [
        ClaimKind.PRINCIPAL,
        ClaimKind.INTEREST,
        ClaimKind.PENALTY_INTEREST,
        ClaimKind.COSTS,
    ]
    assert complaint.claim_amount == case.arrears.total
    assert sum(c.amount or Decimal(0) for c in complaint.claims) == case.arrears.total


def test_complaint_names_the_registered_plaintiff_and_the_borrower() -> None:
    case_id, case = summary(3)

    complaint = complaint_for(case_id, case, ACME, load_courts())

    assert complaint.plaintiff.credit_code == ACME.credit_code
    assert complaint.defendant.id_number == case.borrower.id_number
    assert complaint.e_service_consent is case.e_service_consent
    assert complaint.agreed_court_id == "cn-110105"


def test_overdue_days_are_counted_from_the_first_overdue_day() -> None:
    case_id, case = summary(5)

    complaint = complaint_for(case_id, case, ACME, load_courts())

    arrears = case.arrears
    assert complaint.overdue_days == (arrears.as_of - arrears.overdue_since).days


def test_complaint_for_an_unregistered_court_is_refused() -> None:
    case_id, case = summary(court="cn-999999")

    with pytest.raises(UnknownCourtError):
        complaint_for(case_id, case, ACME, load_courts())
