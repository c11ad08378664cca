"""The elements of the model complaint (要素式起诉状) built from case data."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from services.filing_batcher.domain.complaint_input import (
    LoanCase,
    Party,
    PartyRole,
    Repayment,
)
from services.filing_batcher.domain.courts import Court, CourtRegistry, load_courts
from services.filing_batcher.domain.errors import ComplaintError
from shared.money import round_money


@dataclass(frozen=True)
class Claim:
    """One request to the court (诉讼请求), with its amount when it has one."""

    kind: str
    text: str
    amount: Decimal | None = None


@dataclass(frozen=True)
class ComplaintElements:
    """The complaint's elements; `overdue_days` does not count `overdue_since`."""

    case_id: str
    parties: tuple[Party, ...]
    e_service_consent: bool
    principal_owed: Decimal
    interest_owed: Decimal
    penalty_owed: Decimal
    total_owed: Decimal
    as_of: date
    annual_rate: Decimal
    term_months: int
    contract_number: str
    contract_date: date
    disbursed_on: date
    disbursed_amount: Decimal
    repayments: tuple[Repayment, ...]
    total_repaid: Decimal
    overdue_since: date
    overdue_days: int
    security: str | None
    claims: tuple[Claim, ...]
    agreed_court: Court | None


def _check(case: LoanCase) -> None:
    if not case.defendants:
        raise ComplaintError(f"case {case.case_id} has no defendant")
    if case.plaintiff.role is not PartyRole.PLAINTIFF:
        raise ComplaintError(f"case {case.case_id}: plaintiff has the wrong role")
    for party in (case.plaintiff, *case.defendants):
        if party.e_service_consent and not party.e_service_address:
            raise ComplaintError(f"{party.name}: e-service consent needs an address")
    owed = (case.principal_owed, case.interest_owed, case.penalty_owed)
    if any(a < 0 for a in owed) or case.disbursed_amount <= 0:
        raise ComplaintError(f"case {case.case_id} has impossible amounts")
    if case.overdue_since > case.as_of:
        raise ComplaintError(f"case {case.case_id} is not overdue on {case.as_of}")
    if any(r.paid_on < case.disbursed_on for r in case.repayments):
        raise ComplaintError(f"case {case.case_id}: repayment before disbursement")


def _claims(case: LoanCase) -> tuple[Claim, ...]:
    as_of = case.as_of.isoformat()
    claims = [
        Claim("principal", "判令被告偿还借款本金", round_money(case.principal_owed)),
        Claim(
            "interest",
            f"判令被告支付截至{as_of}的利息",
            round_money(case.interest_owed),
        ),
    ]
    if case.penalty_owed > 0:
        penalty = round_money(case.penalty_owed)
        claims.append(Claim("penalty", f"判令被告支付截至{as_of}的罚息", penalty))
    claims.append(Claim("costs", "判令被告承担本案诉讼费用"))
    return tuple(claims)


def build_complaint(
    case: LoanCase, courts: CourtRegistry | None = None
) -> ComplaintElements:
    """Check the case data and lay it out as the complaint's elements."""
    _check(case)
    registry = courts or load_courts()
    agreed = None
    if case.agreed_court_id is not None:
        agreed = registry.by_id(case.agreed_court_id)
    owed = case.principal_owed + case.interest_owed + case.penalty_owed
    return ComplaintElements(
        case_id=case.case_id,
        parties=(case.plaintiff, *case.defendants),
        e_service_consent=all(d.e_service_consent for d in case.defendants),
        principal_owed=round_money(case.principal_owed),
        interest_owed=round_money(case.interest_owed),
        penalty_owed=round_money(case.penalty_owed),
        total_owed=round_money(owed),
        as_of=case.as_of,
        annual_rate=case.annual_rate,
        term_months=case.term_months,
        contract_number=case.contract_number,
        contract_date=case.contract_date,
        disbursed_on=case.disbursed_on,
        disbursed_amount=round_money(case.disbursed_amount),
        repayments=tuple(sorted(case.repayments, key=lambda r: r.paid_on)),
        total_repaid=round_money(sum((r.amount for r in case.repayments), Decimal(0))),
        overdue_since=case.overdue_since,
        overdue_days=(case.as_of - case.overdue_since).days,
        security=case.security,
        claims=_claims(case),
        agreed_court=agreed,
    )
