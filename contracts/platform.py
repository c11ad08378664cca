"""Events lending platforms publish on their `tenant.<plaintiff>.*` topics."""

from pydantic import AwareDatetime, Field

from contracts.assets import (
    Asset,
    Guarantee,
    MaterialKind,
    PreservationStage,
    Respondent,
)
from contracts.base import (
    CaseId,
    Contract,
    CourtId,
    PlaintiffId,
    PositiveMoney,
    Ref,
)
from contracts.contact import Channel, ContactOutcome, Purpose
from contracts.loans import Arrears, Borrower, Loan


class LoanOverdue(Contract):
    """A platform hands over one overdue loan: the case starts here."""

    plaintiff_id: PlaintiffId = Field(description="The platform, the plaintiff.")
    case_id: CaseId = Field(description="Platform's unique id for the case.")
    borrower: Borrower = Field(description="The borrower.")
    loan: Loan = Field(description="The loan contract.")
    arrears: Arrears = Field(description="Amounts owed.")
    agreed_court_id: CourtId = Field(description="Court agreed in the contract.")
    e_service_consent: bool = Field(
        description="Borrower consented to electronic service of documents."
    )
    reported_at: AwareDatetime = Field(description="When the platform reported it.")


class ContactOutcomeReported(Contract):
    """A call centre working for the platform reports one contact attempt."""

    plaintiff_id: PlaintiffId = Field(description="The platform, the plaintiff.")
    case_id: CaseId = Field(description="Case the contact was about.")
    attempt_id: Ref = Field(description="Call centre's unique id of the attempt.")
    channel: Channel = Field(description="Channel used.")
    purpose: Purpose = Field(
        default=Purpose.COLLECTION, description="Why the borrower was contacted."
    )
    occurred_at: AwareDatetime = Field(description="When the attempt happened.")
    outcome: ContactOutcome = Field(description="What the attempt achieved.")
    marketing: bool = Field(
        default=False, description="A marketing call, counted in the reach rate."
    )


class FeePaymentMade(Contract):
    """The platform paid (part of) a fee invoice."""

    plaintiff_id: PlaintiffId = Field(description="The paying platform.")
    payment_id: Ref = Field(description="Unique id of the payment.")
    invoice_id: Ref | None = Field(
        default=None, description="Invoice paid, when the platform quotes it."
    )
    amount: PositiveMoney = Field(description="Amount paid in yuan.")
    paid_at: AwareDatetime = Field(description="When the payment was made.")


class RepaymentReceived(Contract):
    """The borrower repaid the platform after the case was handed over."""

    plaintiff_id: PlaintiffId = Field(description="The platform, the plaintiff.")
    case_id: CaseId = Field(description="Case repaid.")
    repayment_id: Ref = Field(description="Unique id of the repayment.")
    amount: PositiveMoney = Field(description="Amount repaid in yuan.")
    received_at: AwareDatetime = Field(description="When the money arrived.")
    fully_repaid: bool = Field(description="The debt is now fully performed.")


class PreservationRequested(Contract):
    """The platform asks for the borrower's assets to be preserved."""

    plaintiff_id: PlaintiffId = Field(description="The platform, the applicant.")
    request_id: Ref = Field(description="Unique id of the request.")
    case_id: CaseId = Field(description="Case the claim belongs to.")
    stage: PreservationStage = Field(description="Before or during the suit.")
    court_id: CourtId = Field(description="Court to apply to.")
    respondent: Respondent = Field(description="The borrower.")
    assets: tuple[Asset, ...] = Field(
        min_length=1, description="Known assets and asset leads."
    )
    materials: tuple[MaterialKind, ...] = Field(description="Materials attached.")
    guarantee: Guarantee | None = Field(
        default=None, description="Guarantee offered, if any."
    )
    claim_amount: PositiveMoney = Field(description="Amount to be secured in yuan.")
    requested_at: AwareDatetime = Field(description="When the request was made.")


EVENTS = (
    LoanOverdue,
    ContactOutcomeReported,
    FeePaymentMade,
    RepaymentReceived,
    PreservationRequested,
)
