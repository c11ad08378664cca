"""Maps court judgments onto the sanctions domain, and domain entries to contracts."""

import base64
import uuid
from datetime import date

from contracts.loans import Sex as EdgeSex
from contracts.rulings import JudgmentIssued, JudgmentOutcome, PenaltyKind
from contracts.sanctions import ConsumptionRestriction, PublicSanctionEntry
from contracts.sanctions import PerformanceStatus as EdgeStatus
from services.sanctions_publisher.domain import judgment as domain
from services.sanctions_publisher.domain.entry import Debtor, PublicEntry, Sex
from services.sanctions_publisher.domain.listing import (
    DEFAULT_RULES,
    DishonestConduct,
    HighConsumption,
    Listing,
    ListingRules,
    extend,
    restrictions,
)
from services.sanctions_publisher.domain.penalties import AdministrativePenalty
from services.sanctions_publisher.domain.performance import PerformanceStatus

_NS = uuid.UUID("0c7d2a8e-51f4-4b63-a0b7-3c6f0f6c9e21")
OUTCOME = {
    JudgmentOutcome.REPAY_PRINCIPAL: domain.JudgmentOutcome.REPAY_PRINCIPAL,
    JudgmentOutcome.REPAY_PRINCIPAL_AND_INTEREST: (
        domain.JudgmentOutcome.REPAY_PRINCIPAL_AND_INTEREST
    ),
    JudgmentOutcome.DISMISSED: domain.JudgmentOutcome.DISMISSAL,
}
PENALTY = {
    PenaltyKind.WARNING_OR_CRITICISM: AdministrativePenalty.WARNING_OR_PUBLIC_CRITICISM,
    PenaltyKind.FINE_OR_CONFISCATION: AdministrativePenalty.FINE_OR_CONFISCATION,
    PenaltyKind.PERMIT_SUSPENSION_OR_REVOCATION: (
        AdministrativePenalty.PERMIT_SUSPENSION_DOWNGRADE_OR_REVOCATION
    ),
    PenaltyKind.BUSINESS_RESTRICTION_OR_CLOSURE: (
        AdministrativePenalty.BUSINESS_RESTRICTION_CLOSURE_OR_BAR
    ),
    PenaltyKind.ADMINISTRATIVE_DETENTION: (
        AdministrativePenalty.ADMINISTRATIVE_DETENTION
    ),
    PenaltyKind.OTHER_BY_LAW: AdministrativePenalty.OTHER_BY_LAW,
}
SEX = {EdgeSex.MALE: Sex.MALE, EdgeSex.FEMALE: Sex.FEMALE}
EDGE_SEX = {Sex.MALE: EdgeSex.MALE, Sex.FEMALE: EdgeSex.FEMALE}
RESTRICTION = {r: ConsumptionRestriction[r.name] for r in HighConsumption}
EDGE_STATUS = {
    PerformanceStatus.UNPERFORMED: EdgeStatus.NOT_PERFORMED,
    PerformanceStatus.PARTIALLY_PERFORMED: EdgeStatus.PARTIALLY_PERFORMED,
}


def sanction_id_for(plaintiff_id: str, case_id: str) -> str:
    return "sn-" + uuid.uuid5(_NS, f"sanction/{plaintiff_id}/{case_id}").hex


def entry_id_for(plaintiff_id: str, case_id: str) -> str:
    """A public id in base32: its digits (2 to 7) never read as a phone or id."""
    raw = uuid.uuid5(_NS, f"entry/{plaintiff_id}/{case_id}").bytes
    return "pe-" + base64.b32encode(raw).decode().rstrip("=").lower()


def court_shown(issued: JudgmentIssued) -> str:
    """The court as the public list names it: its name, else its docket code."""
    code = domain.court_code_of(issued.docket_number)
    return issued.court_name or code or issued.court_id


def judgment_of(issued: JudgmentIssued, decided_on: date) -> domain.Judgment:
    """The domain judgment; raises the domain error when its parts contradict."""
    return domain.Judgment(
        case_number=issued.docket_number,
        court=court_shown(issued),
        outcome=OUTCOME[issued.outcome],
        decided_on=decided_on,
        principal=issued.principal_awarded,
        interest=issued.interest_awarded,
        reserved_interest_claim=issued.reserved_interest_claim,
    )


def listing_of(
    issued: JudgmentIssued, listed_on: date, rules: ListingRules = DEFAULT_RULES
) -> Listing:
    """The listing on the legal term; an extension the rules refuse raises."""
    assert issued.listing is not None
    ordered = issued.listing
    listing = Listing(
        case_number=domain.enforcement_case_number(issued.docket_number),
        court=court_shown(issued),
        conduct=DishonestConduct(ordered.art1_item),
        listed_on=listed_on,
    )
    if ordered.extension_years is None:
        return listing
    return extend(listing, ordered.extension_years, rules)


def restrictions_of(listing: Listing) -> tuple[ConsumptionRestriction, ...]:
    """The listing's high-consumption restrictions, in the contract's order."""
    barred = restrictions(listing)
    return tuple(RESTRICTION[r] for r in HighConsumption if r in barred)


def debtor_of(issued: JudgmentIssued) -> Debtor:
    """The debtor with the contact details the public entry must never show."""
    return Debtor(
        name=issued.defendant.name,
        sex=SEX[issued.defendant_sex],
        id_number=issued.defendant.id_number,
        birth_date=issued.defendant_birth_date,
        phone=issued.defendant_phone,
        address=issued.defendant_service_address,
    )


def public_entry_of(
    entry: PublicEntry, entry_id: str, court_id: str, status: PerformanceStatus
) -> PublicSanctionEntry:
    """The contract entry; pydantic refuses an id number that is not masked."""
    return PublicSanctionEntry(
        entry_id=entry_id,
        name=entry.name,
        sex=EDGE_SEX[Sex(entry.sex)],
        age=entry.age,
        masked_id_number=entry.masked_id_number,
        court_id=court_id,
        court=entry.court,
        case_number=entry.case_number,
        basis_document=entry.basis_document,
        obligation=entry.obligation,
        performance_status=EDGE_STATUS[status],
        conduct=entry.conduct,
        published_on=entry.published_on,
    )
