"""Lays a priced case out as the complaint elements the court receives."""

from contracts.court import (
    Claim,
    ClaimKind,
    ComplaintElements,
    DefendantParty,
    PlaintiffParty,
)
from contracts.loans import CaseSummary, Repayment
from services.filing_batcher.domain import complaint_input as raw
from services.filing_batcher.domain.complaint import build_complaint
from services.filing_batcher.domain.courts import CourtRegistry
from services.filing_batcher.domain.plaintiffs import Plaintiff

CLAIM_KINDS = {
    "principal": ClaimKind.PRINCIPAL,
    "interest": ClaimKind.INTEREST,
    "penalty": ClaimKind.PENALTY_INTEREST,
    "costs": ClaimKind.COSTS,
}


def loan_case(case_id: str, case: CaseSummary, plaintiff: Plaintiff) -> raw.LoanCase:
    """The domain's view of one case: parties, contract, history and arrears."""
    borrower, loan, arrears = case.borrower, case.loan, case.arrears
    lender = raw.Party(
        role=raw.PartyRole.PLAINTIFF,
        name=plaintiff.name,
        id_kind="统一社会信用代码",
        id_number=plaintiff.credit_code,
        service_address=plaintiff.address,
        representative=plaintiff.representative,
    )
    defendant = raw.Party(
        role=raw.PartyRole.DEFENDANT,
        name=borrower.name,
        id_kind="居民身份证",
        id_number=borrower.id_number,
        service_address=borrower.address,
        e_service_consent=case.e_service_consent,
        e_service_address=borrower.phone if case.e_service_consent else None,
    )
    return raw.LoanCase(
        case_id=case_id,
        plaintiff=lender,
        defendants=(defendant,),
        contract_number=loan.contract_number,
        contract_date=loan.contract_date,
        annual_rate=loan.annual_rate,
        term_months=loan.term_months,
        disbursed_on=loan.disbursed_on,
        disbursed_amount=loan.disbursed_amount,
        repayments=tuple(raw.Repayment(r.paid_on, r.amount) for r in loan.repayments),
        principal_owed=arrears.principal_owed,
        interest_owed=arrears.interest_owed,
        penalty_owed=arrears.penalty_interest_owed,
        as_of=arrears.as_of,
        overdue_since=arrears.overdue_since,
        security=loan.security,
        agreed_court_id=case.agreed_court_id,
    )


def complaint_for(
    case_id: str, case: CaseSummary, plaintiff: Plaintiff, courts: CourtRegistry
) -> ComplaintElements:
    """Check the case and build its complaint elements (要素式起诉状)."""
    elements = build_complaint(loan_case(case_id, case, plaintiff), courts)
    borrower = case.borrower
    return ComplaintElements(
        case_id=case_id,
        plaintiff=PlaintiffParty(
            name=plaintiff.name,
            credit_code=plaintiff.credit_code,
            representative=plaintiff.representative,
            address=plaintiff.address,
        ),
        defendant=DefendantParty(
            name=borrower.name,
            sex=borrower.sex,
            birth_date=borrower.birth_date,
            id_number=borrower.id_number,
            address=borrower.address,
            service_address=borrower.address,
            phone=borrower.phone,
        ),
        e_service_consent=elements.e_service_consent,
        principal_owed=elements.principal_owed,
        interest_owed=elements.interest_owed,
        penalty_interest_owed=elements.penalty_owed,
        owed_as_of=elements.as_of,
        annual_rate=elements.annual_rate,
        term_months=elements.term_months,
        contract_number=elements.contract_number,
        contract_date=elements.contract_date,
        disbursed_on=elements.disbursed_on,
        disbursed_amount=elements.disbursed_amount,
        repayments=tuple(
            Repayment(paid_on=r.paid_on, amount=r.amount) for r in elements.repayments
        ),
        overdue_since=elements.overdue_since,
        overdue_days=elements.overdue_days,
        security=elements.security,
        claims=tuple(
            Claim(kind=CLAIM_KINDS[c.kind], text=c.text, amount=c.amount)
            for c in elements.claims
        ),
        claim_amount=elements.total_owed,
        agreed_court_id=case.agreed_court_id,
    )
