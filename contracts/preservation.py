"""Events of preservation-tracker: applications, measures and their clocks."""

from datetime import date
from enum import StrEnum

from pydantic import AwareDatetime, Field

from contracts.assets import (
    AssetKind,
    Guarantee,
    MaterialKind,
    Measure,
    PreservationStage,
)
from contracts.base import (
    CaseId,
    Contract,
    CourtId,
    DocketNumber,
    Money,
    Name,
    PlaintiffId,
    PositiveMoney,
    Ref,
    Text,
)


class LiftReason(StrEnum):
    SUIT_NOT_FILED = "suit_not_filed"
    REPAID = "repaid"
    DISMISSED = "dismissed"
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"


class ReviewVerdict(StrEnum):
    APPROVE = "approve"
    RETURN = "return"
    ESCALATE = "escalate"


class ReviewElement(StrEnum):
    """The judgement elements no rule decides."""

    GUARANTEE_ADEQUACY = "guarantee_adequacy"
    ASSET_LEAD_CREDIBILITY = "asset_lead_credibility"


class TermBeyondCap(Contract):
    """A measure the court set to expire after the legal maximum of its kind."""

    asset_identifier: Text = Field(description="The asset, as the court named it.")
    asset_kind: AssetKind = Field(description="Kind of asset.")
    expiry_date: date = Field(description="Expiry the court stated.")
    latest_allowed: date = Field(description="Latest expiry the law allows.")


class PreservationApplicationReturned(Contract):
    """A request was incomplete and went back to the platform."""

    request_id: Ref = Field(description="The platform's request.")
    plaintiff_id: PlaintiffId = Field(description="The applicant.")
    case_id: CaseId = Field(description="Case the claim belongs to.")
    missing: tuple[MaterialKind, ...] = Field(description="Materials missing.")
    problems: tuple[Text, ...] = Field(default=(), description="Other defects.")
    returned_at: AwareDatetime = Field(description="When it was returned.")


class PreservationApplicationCompleted(Contract):
    """A request passed every check and awaits its fee from fee-calculator."""

    request_id: Ref = Field(description="The platform's request.")
    application_id: Ref = Field(description="Application to be sent to the court.")
    plaintiff_id: PlaintiffId = Field(description="The applicant.")
    case_id: CaseId = Field(description="Case the claim belongs to.")
    court_id: CourtId = Field(description="Court to apply to.")
    stage: PreservationStage = Field(description="Before or during the suit.")
    claim_amount: PositiveMoney = Field(description="Amount to secure.")
    value_to_preserve: Money = Field(
        description="Value the application asks to preserve: the fee's basis until "
        "the court's order fixes the value actually preserved."
    )
    completed_at: AwareDatetime = Field(description="When the checks passed.")


class PreservationApplied(Contract):
    """A complete request was submitted to the court."""

    request_id: Ref = Field(description="The platform's request.")
    application_id: Ref = Field(description="Application sent to the court.")
    plaintiff_id: PlaintiffId = Field(description="The applicant.")
    case_id: CaseId = Field(description="Case the claim belongs to.")
    court_id: CourtId = Field(description="Court applied to.")
    stage: PreservationStage = Field(description="Before or during the suit.")
    claim_amount: PositiveMoney = Field(description="Amount to secure.")
    guarantee: Guarantee = Field(description="Guarantee offered.")
    fee: Money = Field(
        description="Application fee prepaid, as fee-calculator assessed it."
    )
    applied_at: AwareDatetime = Field(description="When it was submitted.")


class PreservationOrderRecorded(Contract):
    """The court's measures were recorded with their expiries."""

    application_id: Ref = Field(description="Application decided.")
    plaintiff_id: PlaintiffId = Field(description="The applicant.")
    case_id: CaseId = Field(description="Case the claim belongs to.")
    court_id: CourtId = Field(description="The court.")
    stage: PreservationStage = Field(description="Before or during the suit.")
    docket_number: DocketNumber = Field(description="Ruling's docket.")
    measures: tuple[Measure, ...] = Field(description="Measures taken.")
    suit_due_on: date | None = Field(
        default=None, description="Pre-suit: last day to file suit (Art. 104)."
    )
    terms_beyond_cap: tuple[TermBeyondCap, ...] = Field(
        default=(), description="Measures expiring after their legal maximum."
    )
    recorded_at: AwareDatetime = Field(description="When it was recorded.")


class FreezeRenewalDue(Contract):
    """A measure expires soon; renewal must be asked 7 days before expiry."""

    application_id: Ref = Field(description="Original application.")
    plaintiff_id: PlaintiffId = Field(description="The applicant.")
    case_id: CaseId = Field(description="Case the claim belongs to.")
    court_id: CourtId = Field(description="The court.")
    asset_identifier: Text = Field(description="The asset.")
    expiry_date: date = Field(description="Last day of the measure.")
    request_by: date = Field(description="Last day to request renewal.")
    urgent: bool = Field(
        default=False, description="The last reminder, in the final week before."
    )
    warned_at: AwareDatetime = Field(description="When the warning was raised.")


class MeasureRenewed(Contract):
    """The court's renewal of one measure replaced its expiry."""

    application_id: Ref = Field(description="Original application.")
    plaintiff_id: PlaintiffId = Field(description="The applicant.")
    case_id: CaseId = Field(description="Case the claim belongs to.")
    court_id: CourtId = Field(description="The court.")
    asset_identifier: Text = Field(description="The asset.")
    previous_expiry: date = Field(description="Expiry before the renewal.")
    expiry_date: date = Field(description="New last day of the measure.")
    beyond_cap: bool = Field(description="The new term exceeds the legal maximum.")
    recorded_at: AwareDatetime = Field(description="When it was recorded.")


class RenewalApplied(Contract):
    """The tracker asked the court to renew one measure before it expires."""

    application_id: Ref = Field(description="Original application.")
    plaintiff_id: PlaintiffId = Field(description="The applicant.")
    case_id: CaseId = Field(description="Case the claim belongs to.")
    court_id: CourtId = Field(description="The court.")
    asset_identifier: Text = Field(description="The asset.")
    expiry_date: date = Field(description="Current last day of the measure.")
    applied_at: AwareDatetime = Field(description="When the renewal was asked.")


class PreservationLifted(Contract):
    """Measures on an application ended."""

    application_id: Ref = Field(description="The application.")
    plaintiff_id: PlaintiffId = Field(description="The applicant.")
    case_id: CaseId = Field(description="Case the claim belongs to.")
    court_id: CourtId = Field(description="The court.")
    reason: LiftReason = Field(description="Why the measures ended.")
    lifted_at: AwareDatetime = Field(description="When they ended.")


class PreSuitDeadlineWarned(Contract):
    """Suit must be filed soon or pre-suit measures are lifted (Art. 104)."""

    application_id: Ref = Field(description="The pre-suit application.")
    plaintiff_id: PlaintiffId = Field(description="The applicant.")
    case_id: CaseId = Field(description="Case to file.")
    court_id: CourtId = Field(description="The court.")
    measures_taken_on: date = Field(description="Day the measures were taken.")
    suit_due_on: date = Field(description="Last day to file suit.")
    days_left: int = Field(ge=0, description="Days left to file.")
    warned_at: AwareDatetime = Field(description="When the warning was raised.")


class WrongfulApplicationExposureFlagged(Contract):
    """A preserved case was dismissed: the applicant may owe damages (Art. 108)."""

    application_id: Ref = Field(description="The application.")
    plaintiff_id: PlaintiffId = Field(description="The applicant.")
    case_id: CaseId = Field(description="The dismissed case.")
    court_id: CourtId = Field(description="The court.")
    docket_number: DocketNumber = Field(description="Docket of the judgment.")
    preserved_value: Money = Field(description="Value under preservation.")
    flagged_at: AwareDatetime = Field(description="When it was flagged.")


class ReviewDecisionRecorded(Contract):
    """An operator reviewed a preservation request."""

    request_id: Ref = Field(description="The reviewed request.")
    plaintiff_id: PlaintiffId = Field(description="The applicant.")
    case_id: CaseId = Field(description="Case the claim belongs to.")
    verdict: ReviewVerdict = Field(description="The reviewer's verdict.")
    element: ReviewElement | None = Field(
        default=None, description="Element decided; None: every open one."
    )
    reviewer: Name = Field(description="Who reviewed.")
    note: Text | None = Field(default=None, description="Reviewer's note.")
    decided_at: AwareDatetime = Field(description="When it was decided.")


class ReviewEscalated(Contract):
    """A preservation request needs a senior reviewer."""

    request_id: Ref = Field(description="The request.")
    plaintiff_id: PlaintiffId = Field(description="The applicant.")
    case_id: CaseId = Field(description="Case the claim belongs to.")
    reason: Text = Field(description="Why it was escalated.")
    escalated_at: AwareDatetime = Field(description="When it was escalated.")


EVENTS = (
    PreservationApplicationReturned,
    PreservationApplicationCompleted,
    PreservationApplied,
    PreservationOrderRecorded,
    FreezeRenewalDue,
    MeasureRenewed,
    RenewalApplied,
    PreservationLifted,
    PreSuitDeadlineWarned,
    WrongfulApplicationExposureFlagged,
    ReviewDecisionRecorded,
    ReviewEscalated,
)
