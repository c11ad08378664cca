"""Materials, assets and guarantees of a preservation application."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum


class Stage(StrEnum):
    PRE_SUIT = "pre_suit"
    IN_SUIT = "in_suit"


class MaterialKind(StrEnum):
    APPLICATION_FORM = "application_form"
    EVIDENCE = "evidence"
    GUARANTEE_DOCUMENTS = "guarantee_documents"
    IDENTITY = "identity"
    OTHER = "other"


class Document(StrEnum):
    APPLICATION_FORM = "application_form"
    LOAN_CONTRACT = "loan_contract"
    BANK_STATEMENT = "bank_statement"
    INSURANCE_POLICY = "insurance_policy"
    TITLE_DEED = "title_deed"
    DEPOSIT_RECEIPT = "deposit_receipt"
    BANK_GUARANTEE_LETTER = "bank_guarantee_letter"
    IDENTITY_CARD = "identity_card"
    BUSINESS_LICENCE = "business_licence"
    OTHER = "other"


class AssetKind(StrEnum):
    REAL_ESTATE = "real_estate"
    VEHICLE_OR_SHIP = "vehicle_or_ship"
    BANK_ACCOUNT = "bank_account"
    SECURITIES_EQUITY = "securities_equity"
    THIRD_PARTY_CLAIM = "third_party_claim"
    PLANT_EQUIPMENT = "plant_equipment"
    INTELLECTUAL_PROPERTY = "intellectual_property"
    OTHER = "other"


class GuaranteeKind(StrEnum):
    CASH_DEPOSIT = "cash_deposit"
    BANK_GUARANTEE = "bank_guarantee"
    INSURANCE_POLICY = "insurance_policy"
    TITLE_DEED = "title_deed"


GUARANTEE_DOCUMENT: Mapping[GuaranteeKind, Document] = {
    GuaranteeKind.CASH_DEPOSIT: Document.DEPOSIT_RECEIPT,
    GuaranteeKind.BANK_GUARANTEE: Document.BANK_GUARANTEE_LETTER,
    GuaranteeKind.INSURANCE_POLICY: Document.INSURANCE_POLICY,
    GuaranteeKind.TITLE_DEED: Document.TITLE_DEED,
}

REQUIRED_IDENTIFIERS: Mapping[AssetKind, tuple[str, ...]] = {
    AssetKind.REAL_ESTATE: ("certificate_number",),
    AssetKind.VEHICLE_OR_SHIP: ("registration_number",),
    AssetKind.BANK_ACCOUNT: ("institution", "account_number"),
    AssetKind.SECURITIES_EQUITY: ("institution", "account_number"),
    AssetKind.THIRD_PARTY_CLAIM: ("third_party", "claim_basis"),
    AssetKind.PLANT_EQUIPMENT: ("description", "location"),
    AssetKind.INTELLECTUAL_PROPERTY: ("registration_number",),
    AssetKind.OTHER: ("description",),
}


@dataclass(frozen=True)
class Asset:
    """A precisely identified asset of the respondent."""

    kind: AssetKind
    value: Decimal
    identifiers: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class AssetLead:
    """A clue to property the applicant cannot identify precisely."""

    kind: AssetKind
    description: str


@dataclass(frozen=True)
class Guarantee:
    kind: GuaranteeKind
    value: Decimal


@dataclass(frozen=True)
class Application:
    """A preservation application as the platform submitted it."""

    application_id: str
    stage: Stage
    amount: Decimal
    received_at: datetime
    applicant_is_organisation: bool
    documents: frozenset[Document]
    assets: tuple[Asset, ...] = ()
    leads: tuple[AssetLead, ...] = ()
    requests_online_inquiry: bool = False
    guarantee: Guarantee | None = None
