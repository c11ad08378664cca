"""What a court sends back on `court.<court>.rulings.v1`."""

from datetime import date
from enum import StrEnum
from typing import Literal

from pydantic import AwareDatetime, Field, model_validator

from contracts.assets import Measure, Respondent
from contracts.base import (
    Address,
    CaseId,
    Contract,
    CourtId,
    DocketNumber,
    Money,
    Name,
    Phone,
    PlaintiffId,
    Ref,
    Text,
    TimeZoneName,
)
from contracts.loans import Sex


class JudgmentOutcome(StrEnum):
    REPAY_PRINCIPAL = "repay_principal"
    REPAY_PRINCIPAL_AND_INTEREST = "repay_principal_and_interest"
    DISMISSED = "dismissed"


class PenaltyKind(StrEnum):
    """Administrative penalties of Administrative Penalty Law Art. 9."""

    WARNING_OR_CRITICISM = "warning_or_criticism"
    FINE_OR_CONFISCATION = "fine_or_confiscation"
    PERMIT_SUSPENSION_OR_REVOCATION = "permit_suspension_or_revocation"
    BUSINESS_RESTRICTION_OR_CLOSURE = "business_restriction_or_closure"
    ADMINISTRATIVE_DETENTION = "administrative_detention"
    OTHER_BY_LAW = "other_by_law"


LISTING_TERM_YEARS = 2
"""SPC provisions of 2017, Art. 2: items 2 to 6 are listed for two years."""


class DishonestListing(Contract):
    """Listing on the dishonest-debtor list (SPC provisions, 2017).

    Item 1 (able but refuses) has no fixed term and no extension; items 2 to 6
    are listed for 2 years, which a serious case extends once by 1 to 3 years.
    """

    art1_item: int = Field(ge=1, le=6, description="Item of Art. 1 that applies.")
    conduct: Text = Field(description="Conduct that justified the listing.")
    term_years: Literal[2] | None = Field(
        default=None, description="2 for items 2 to 6; None for item 1 (no term)."
    )
    extension_years: int | None = Field(
        default=None,
        ge=1,
        le=3,
        description="Extension of a 2-year term for serious cases; never on item 1.",
    )

    @model_validator(mode="after")
    def _term_matches_item(self) -> "DishonestListing":
        if self.art1_item == 1 and self.term_years is not None:
            raise ValueError("item 1 (able but refuses) has no fixed term")
        if self.art1_item == 1 and self.extension_years is not None:
            raise ValueError("item 1 (able but refuses) has no term to extend")
        if self.art1_item != 1 and self.term_years is None:
            raise ValueError(
                f"item {self.art1_item} is listed for {LISTING_TERM_YEARS} years"
            )
        return self


class CaseDocketedByCourt(Contract):
    """The court accepted a filed case and gave it a docket number."""

    court_id: CourtId = Field(description="The court.")
    plaintiff_id: PlaintiffId = Field(description="Plaintiff of the case.")
    batch_id: Ref = Field(description="Batch the case was filed in.")
    case_id: CaseId = Field(description="The case.")
    docket_number: DocketNumber = Field(description="e.g. (2026)京0105民初1234号.")
    decided_at: AwareDatetime = Field(description="When the court decided.")


class FilingRejectedByCourt(Contract):
    """The court refused to docket a filed case."""

    court_id: CourtId = Field(description="The court.")
    plaintiff_id: PlaintiffId = Field(description="Plaintiff of the case.")
    batch_id: Ref = Field(description="Batch the case was filed in.")
    case_id: CaseId = Field(description="The case.")
    reason: Text = Field(description="The court's reason.")
    decided_at: AwareDatetime = Field(description="When the court decided.")


class PreservationOrdered(Contract):
    """The court ordered preservation measures on an application."""

    court_id: CourtId = Field(description="The court.")
    plaintiff_id: PlaintiffId = Field(description="The applicant.")
    application_id: Ref = Field(description="Application decided.")
    case_id: CaseId = Field(description="Case the claim belongs to.")
    docket_number: DocketNumber = Field(description="Ruling's docket, e.g. 财保.")
    measures: tuple[Measure, ...] = Field(description="Measures taken; may be none.")
    ordered_at: AwareDatetime = Field(description="When the court ruled.")


class PreservationRenewed(Contract):
    """The court extended one measure."""

    court_id: CourtId = Field(description="The court.")
    plaintiff_id: PlaintiffId = Field(description="The applicant.")
    application_id: Ref = Field(description="Original application.")
    asset_identifier: Text = Field(description="The asset, as the court named it.")
    expiry_date: date = Field(description="New last day of the measure.")
    renewed_at: AwareDatetime = Field(description="When the court ruled.")


class JudgmentIssued(Contract):
    """The court decided a case."""

    court_id: CourtId = Field(description="The court.")
    court_name: Name | None = Field(
        default=None,
        description="The court's registered name, e.g. 北京市朝阳区人民法院, if known.",
    )
    plaintiff_id: PlaintiffId = Field(description="Plaintiff of the case.")
    case_id: CaseId = Field(description="The case.")
    docket_number: DocketNumber = Field(description="Docket of the case.")
    defendant: Respondent = Field(description="The borrower judged.")
    defendant_sex: Sex = Field(description="Sex, for the public entry.")
    defendant_birth_date: date = Field(description="Birth date, for the age shown.")
    defendant_phone: Phone | None = Field(
        default=None,
        description="Phone for service, from the complaint; never published.",
    )
    defendant_service_address: Address | None = Field(
        default=None,
        description="Address for service, from the complaint; never published.",
    )
    defendant_timezone: TimeZoneName | None = Field(
        default=None, description="IANA time zone for contact hours, if known."
    )
    outcome: JudgmentOutcome = Field(description="What the court decided.")
    principal_awarded: Money = Field(description="Principal to repay.")
    interest_awarded: Money = Field(description="Interest and penalty to repay.")
    costs_awarded: Money = Field(description="Litigation costs borne by defendant.")
    reserved_interest_claim: bool = Field(
        description="Creditor keeps the right to claim interest and penalty."
    )
    obligation: Text = Field(description="Obligation the judgment imposes.")
    listing: DishonestListing | None = Field(
        default=None, description="Dishonest-debtor listing, if ordered."
    )
    penalties: tuple[PenaltyKind, ...] = Field(
        default=(), description="Administrative penalties imposed."
    )
    judged_at: AwareDatetime = Field(description="When judgment was given.")


EVENTS = (
    CaseDocketedByCourt,
    FilingRejectedByCourt,
    PreservationOrdered,
    PreservationRenewed,
    JudgmentIssued,
)
