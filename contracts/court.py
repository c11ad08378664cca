"""What Recourse submits to a court on `court.<court>.filings.v1`."""

from datetime import date
from enum import StrEnum

from pydantic import AwareDatetime, Field

from contracts.assets import (
    Asset,
    AssetKind,
    Guarantee,
    MeasureKind,
    PreservationStage,
    Respondent,
)
from contracts.base import (
    Address,
    CaseId,
    Contract,
    CourtId,
    DocketNumber,
    IdNumber,
    Money,
    Name,
    Phone,
    PlaintiffId,
    PositiveMoney,
    Rate,
    Ref,
    Text,
)
from contracts.filing import MAX_BATCH_CASES
from contracts.loans import Repayment, Sex

CREDIT_CODE_PATTERN = r"^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$"


class ClaimKind(StrEnum):
    PRINCIPAL = "principal"
    INTEREST = "interest"
    PENALTY_INTEREST = "penalty_interest"
    COSTS = "costs"
    OTHER = "other"


class PlaintiffParty(Contract):
    """The lending platform as a party."""

    name: Name = Field(description="Registered company name.")
    credit_code: str = Field(
        pattern=CREDIT_CODE_PATTERN, description="Unified social credit code."
    )
    representative: Name = Field(description="Legal representative.")
    address: Address = Field(description="Registered address for service.")


class DefendantParty(Contract):
    """The borrower as a party."""

    name: Name = Field(description="Full legal name.")
    sex: Sex = Field(description="Sex as on the id card.")
    birth_date: date = Field(description="Date of birth.")
    id_number: IdNumber = Field(description="18-character PRC resident id number.")
    address: Address = Field(description="Domicile.")
    service_address: Address = Field(description="Address for service.")
    phone: Phone = Field(description="Phone for electronic service.")


class Claim(Contract):
    """One claim (诉讼请求) of the complaint."""

    kind: ClaimKind = Field(description="What is claimed.")
    text: Text = Field(description="The claim as worded in the complaint.")
    amount: Money | None = Field(default=None, description="Amount, if monetary.")


class ComplaintElements(Contract):
    """Elements of the model complaint for a financial-loan dispute (要素式起诉状)."""

    case_id: CaseId = Field(description="Recourse's case id.")
    plaintiff: PlaintiffParty = Field(description="The lender.")
    defendant: DefendantParty = Field(description="The borrower.")
    e_service_consent: bool = Field(description="Consent to electronic service.")
    principal_owed: Money = Field(description="Unpaid principal in yuan.")
    interest_owed: Money = Field(description="Unpaid interest in yuan.")
    penalty_interest_owed: Money = Field(description="Unpaid penalty interest.")
    owed_as_of: date = Field(description="Date the amounts were computed.")
    annual_rate: Rate = Field(description="Agreed annual interest rate.")
    term_months: int = Field(ge=1, le=360, description="Loan term in months.")
    contract_number: Name = Field(description="Loan contract number.")
    contract_date: date = Field(description="Date the contract was signed.")
    disbursed_on: date = Field(description="Date of disbursement.")
    disbursed_amount: PositiveMoney = Field(description="Amount disbursed.")
    repayments: tuple[Repayment, ...] = Field(description="Repayments made.")
    overdue_since: date = Field(description="First day overdue.")
    overdue_days: int = Field(ge=0, description="Days overdue on owed_as_of.")
    security: Text | None = Field(default=None, description="Security, if any.")
    claims: tuple[Claim, ...] = Field(min_length=1, description="The claims.")
    claim_amount: PositiveMoney = Field(description="Total monetary claim.")
    agreed_court_id: CourtId = Field(description="Court agreed in the contract.")


class BatchFilingSubmitted(Contract):
    """A batch of complaints is filed with the court."""

    batch_id: Ref = Field(description="The batch; the court answers per case.")
    plaintiff_id: PlaintiffId = Field(description="Plaintiff of every case.")
    court_id: CourtId = Field(description="Court filed with.")
    fee_paid: Money = Field(description="Acceptance fees prepaid for the batch.")
    cases: tuple[ComplaintElements, ...] = Field(
        min_length=1, max_length=MAX_BATCH_CASES, description="The complaints."
    )
    submitted_at: AwareDatetime = Field(description="When it was submitted.")


class PreservationApplicationSubmitted(Contract):
    """An application for asset preservation is filed with the court."""

    application_id: Ref = Field(description="Unique id of the application.")
    plaintiff_id: PlaintiffId = Field(description="The applicant.")
    court_id: CourtId = Field(description="Court applied to.")
    case_id: CaseId = Field(description="Case the claim belongs to.")
    docket_number: DocketNumber | None = Field(
        default=None, description="Docket of the suit, when in-suit."
    )
    stage: PreservationStage = Field(description="Before or during the suit.")
    respondent: Respondent = Field(description="The borrower.")
    assets: tuple[Asset, ...] = Field(min_length=1, description="Assets and leads.")
    guarantee: Guarantee = Field(description="Guarantee offered.")
    claim_amount: PositiveMoney = Field(description="Amount to secure in yuan.")
    fee: Money = Field(description="Preservation application fee paid.")
    submitted_at: AwareDatetime = Field(description="When it was submitted.")


class PreservationRenewalSubmitted(Contract):
    """An application to renew one measure is filed with the court before expiry."""

    application_id: Ref = Field(description="The original application.")
    plaintiff_id: PlaintiffId = Field(description="The applicant.")
    court_id: CourtId = Field(description="Court that ordered the measure.")
    case_id: CaseId = Field(description="Case the claim belongs to.")
    ruling_docket: DocketNumber = Field(description="Docket of the original order.")
    asset_kind: AssetKind = Field(description="Kind of asset; sets the legal term.")
    asset_identifier: Text = Field(description="The asset, as the court named it.")
    measure: MeasureKind = Field(description="Freeze, seizure or sealing.")
    expiry_date: date = Field(description="Current last day of the measure.")
    submitted_at: AwareDatetime = Field(description="When it was submitted.")


EVENTS = (
    BatchFilingSubmitted,
    PreservationApplicationSubmitted,
    PreservationRenewalSubmitted,
)
