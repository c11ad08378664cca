"""Case data going into the model complaint for financial-loan disputes."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum


class PartyRole(StrEnum):
    PLAINTIFF = "plaintiff"
    DEFENDANT = "defendant"
    GUARANTOR = "guarantor"


@dataclass(frozen=True)
class Party:
    """A party with its id and where court papers reach it."""

    role: PartyRole
    name: str
    id_kind: str
    id_number: str
    service_address: str
    e_service_consent: bool = False
    e_service_address: str | None = None
    representative: str | None = None


@dataclass(frozen=True)
class Repayment:
    paid_on: date
    amount: Decimal


@dataclass(frozen=True)
class LoanCase:
    """One overdue loan as the platform reports it, owed amounts as of `as_of`."""

    case_id: str
    plaintiff: Party
    defendants: tuple[Party, ...]
    contract_number: str
    contract_date: date
    annual_rate: Decimal
    term_months: int
    disbursed_on: date
    disbursed_amount: Decimal
    repayments: tuple[Repayment, ...]
    principal_owed: Decimal
    interest_owed: Decimal
    penalty_owed: Decimal
    as_of: date
    overdue_since: date
    security: str | None = None
    agreed_court_id: str | None = None
