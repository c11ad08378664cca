"""Vocabulary of asset preservation shared by platforms, courts and the tracker."""

from datetime import date
from enum import StrEnum

from pydantic import Field, model_validator

from contracts.base import (
    ContextKey,
    ContextValue,
    Contract,
    IdNumber,
    Money,
    Name,
    PositiveMoney,
    Text,
)


class PreservationStage(StrEnum):
    PRE_SUIT = "pre_suit"
    IN_SUIT = "in_suit"


class AssetKind(StrEnum):
    """Asset scope of Civil Procedure Law Art. 105."""

    REAL_ESTATE = "real_estate"
    VEHICLE_OR_SHIP = "vehicle_or_ship"
    BANK_ACCOUNT = "bank_account"
    SECURITIES = "securities"
    RECEIVABLE = "receivable"
    EQUIPMENT = "equipment"
    INTELLECTUAL_PROPERTY = "intellectual_property"
    OTHER = "other"


class MaterialKind(StrEnum):
    APPLICATION_FORM = "application_form"
    EVIDENCE = "evidence"
    GUARANTEE_DOCUMENTS = "guarantee_documents"
    IDENTITY_DOCUMENT = "identity_document"
    OTHER = "other"


class GuaranteeKind(StrEnum):
    INSURANCE_POLICY = "insurance_policy"
    TITLE_DEED = "title_deed"
    CASH_DEPOSIT = "cash_deposit"
    BANK_GUARANTEE = "bank_guarantee"
    OTHER = "other"


class MeasureKind(StrEnum):
    FREEZE = "freeze"
    SEIZE = "seize"
    SEAL = "seal"


class Respondent(Contract):
    """The borrower whose assets are to be preserved."""

    name: Name = Field(description="Full legal name.")
    id_number: IdNumber = Field(description="18-character PRC resident id number.")


class Asset(Contract):
    """A known asset, or a lead the court is asked to search."""

    kind: AssetKind = Field(description="Kind of asset.")
    identifier: Text = Field(description="Account number, plate, deed number or lead.")
    value: Money | None = Field(
        default=None, description="Estimated value in yuan; None for a lead."
    )
    lead: bool = Field(default=False, description="Only a lead; the court searches.")
    details: dict[ContextKey, ContextValue] = Field(
        default_factory=dict,
        max_length=10,
        description="Further identifying details by name, e.g. institution.",
    )

    @model_validator(mode="after")
    def _known_asset_has_value(self) -> "Asset":
        if not self.lead and self.value is None:
            raise ValueError("a known asset needs a value")
        return self


class Guarantee(Contract):
    """The guarantee the applicant offers against wrongful preservation."""

    kind: GuaranteeKind = Field(description="Form of the guarantee.")
    amount: PositiveMoney = Field(description="Amount guaranteed in yuan.")


class Measure(Contract):
    """A preservation measure the court took on one asset."""

    asset_kind: AssetKind = Field(description="Kind of asset.")
    asset_identifier: Text = Field(description="The asset, as the court names it.")
    measure: MeasureKind = Field(description="Freeze, seizure or sealing.")
    amount: Money | None = Field(default=None, description="Value preserved.")
    from_lead: bool = Field(default=False, description="Found by searching a lead.")
    start_date: date = Field(description="First day of the measure.")
    expiry_date: date = Field(description="Last day, as the court states it.")

    @model_validator(mode="after")
    def _expiry_after_start(self) -> "Measure":
        if self.expiry_date < self.start_date:
            raise ValueError("expiry_date is before start_date")
        return self
