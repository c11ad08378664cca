"""The borrower, the loan and its arrears, as the platform knows them."""

from datetime import date
from enum import StrEnum

from pydantic import Field, model_validator

from contracts.base import (
    Address,
    Contract,
    CourtId,
    IdNumber,
    Money,
    Name,
    Phone,
    PositiveMoney,
    Rate,
    Text,
    TimeZoneName,
)


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"


class BorrowerProfile(StrEnum):
    SALARIED = "salaried"
    SELF_EMPLOYED = "self_employed"
    STUDENT = "student"
    UNEMPLOYED = "unemployed"
    RETIRED = "retired"
    OTHER = "other"


class Borrower(Contract):
    """The natural person who owes the loan."""

    name: Name = Field(description="Full legal name.")
    id_number: IdNumber = Field(description="18-character PRC resident id number.")
    phone: Phone = Field(description="Mobile number the platform holds.")
    address: Address = Field(description="Address for service of documents.")
    sex: Sex = Field(description="Sex as on the id card.")
    birth_date: date = Field(description="Date of birth.")
    region: Name = Field(description="Province-level region of residence.")
    city: Name = Field(description="City of residence.")
    timezone: TimeZoneName = Field(
        default="Asia/Shanghai", description="IANA time zone for contact hours."
    )
    profile: BorrowerProfile = Field(description="Occupation profile.")
    consent_to_night_contact: bool = Field(
        default=False, description="Borrower agreed to contact from 22:00 to 08:00."
    )
    do_not_contact: bool = Field(
        default=False, description="Borrower may not be contacted at all."
    )


class Repayment(Contract):
    """One repayment the borrower made before the loan fell overdue."""

    paid_on: date = Field(description="Date the repayment was received.")
    amount: PositiveMoney = Field(description="Amount repaid in yuan.")


class Loan(Contract):
    """The loan contract and its history."""

    contract_number: Name = Field(description="Platform's loan contract number.")
    contract_date: date = Field(description="Date the contract was signed.")
    principal: PositiveMoney = Field(description="Principal lent in yuan.")
    annual_rate: Rate = Field(description="Agreed annual interest rate, 0.24 = 24%.")
    term_months: int = Field(ge=1, le=360, description="Loan term in months.")
    disbursed_on: date = Field(description="Date the principal was paid out.")
    disbursed_amount: PositiveMoney = Field(description="Amount paid out in yuan.")
    repayments: tuple[Repayment, ...] = Field(
        default=(), description="Repayments made, oldest first."
    )
    security: Text | None = Field(
        default=None, description="Guarantee or collateral, if any."
    )
    product_complexity: int = Field(
        ge=1, le=5, description="Platform's rating of product complexity, 1 simple."
    )
    marketing_call_reach: Rate | None = Field(
        default=None, description="Reach rate of the platform's marketing calls."
    )


class Arrears(Contract):
    """What the borrower owes as of a date."""

    principal_owed: Money = Field(description="Unpaid principal in yuan.")
    interest_owed: Money = Field(description="Unpaid interest in yuan.")
    penalty_interest_owed: Money = Field(description="Unpaid penalty interest.")
    as_of: date = Field(description="Date the amounts were computed.")
    overdue_since: date = Field(description="First day the loan was overdue.")
    overdue_days: int = Field(ge=0, le=36500, description="Days overdue on as_of.")

    @model_validator(mode="after")
    def _overdue_before_as_of(self) -> "Arrears":
        if self.overdue_since > self.as_of:
            raise ValueError("overdue_since is after as_of")
        return self

    @property
    def total(self) -> Money:
        """Principal, interest and penalty interest together."""
        return self.principal_owed + self.interest_owed + self.penalty_interest_owed


class CaseSummary(Contract):
    """Everything downstream services need to price and file one case."""

    borrower: Borrower = Field(description="The borrower, the future defendant.")
    loan: Loan = Field(description="The loan contract.")
    arrears: Arrears = Field(description="Amounts owed.")
    agreed_court_id: CourtId = Field(description="Court agreed in the contract.")
    e_service_consent: bool = Field(
        description="Borrower consented to electronic service of documents."
    )
