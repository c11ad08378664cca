"""Judgment outcomes in loan disputes and the obligation they impose."""

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from services.sanctions_publisher.domain.errors import InvalidJudgmentError

_COURT_CODE = re.compile(r"^[(（]\d{4}[)）]([^\d\s()（）]{1,2}\d{2,4})")


class JudgmentOutcome(StrEnum):
    REPAY_PRINCIPAL = "repay_principal"
    REPAY_PRINCIPAL_AND_INTEREST = "repay_principal_and_interest"
    DISMISSAL = "dismissal"


@dataclass(frozen=True)
class Judgment:
    """A ruling; reserved_interest_claim keeps interest and penalty claims open."""

    case_number: str
    court: str
    outcome: JudgmentOutcome
    decided_on: date
    principal: Decimal = Decimal("0.00")
    interest: Decimal = Decimal("0.00")
    reserved_interest_claim: bool = False

    def __post_init__(self) -> None:
        if self.principal < 0 or self.interest < 0:
            raise InvalidJudgmentError("amounts cannot be negative")
        with_interest = self.outcome is JudgmentOutcome.REPAY_PRINCIPAL_AND_INTEREST
        if self.reserved_interest_claim and not with_interest:
            raise InvalidJudgmentError("only a principal-and-interest ruling reserves")
        if self.interest and not with_interest:
            raise InvalidJudgmentError("interest awarded without an interest ruling")


def obligation_amount(judgment: Judgment) -> Decimal:
    """What the debtor must pay under the judgment."""
    match judgment.outcome:
        case JudgmentOutcome.REPAY_PRINCIPAL:
            return judgment.principal
        case JudgmentOutcome.REPAY_PRINCIPAL_AND_INTEREST:
            return judgment.principal + judgment.interest
        case JudgmentOutcome.DISMISSAL:
            return Decimal("0.00")


def require_obligation(judgment: Judgment) -> None:
    """A listing enforces an obligation; a dismissal imposes none to enforce."""
    if judgment.outcome is JudgmentOutcome.DISMISSAL:
        raise InvalidJudgmentError("a dismissal imposes no obligation")


def obligation_text(judgment: Judgment) -> str:
    """The obligation as the public entry states it."""
    match judgment.outcome:
        case JudgmentOutcome.REPAY_PRINCIPAL:
            return f"偿还借款本金{judgment.principal}元"
        case JudgmentOutcome.REPAY_PRINCIPAL_AND_INTEREST:
            return f"偿还借款本金{judgment.principal}元及利息{judgment.interest}元"
        case JudgmentOutcome.DISMISSAL:
            raise InvalidJudgmentError("a dismissal imposes no obligation")


def basis_document(judgment: Judgment) -> str:
    """The title of the judgment that the enforcement rests on."""
    return f"{judgment.case_number}民事判决书"


def enforcement_case_number(docket: str) -> str:
    """The enforcement (执) number that follows a first-instance (民初) docket."""
    return docket.replace("民初", "执", 1) if "民初" in docket else docket


def court_code_of(docket: str) -> str | None:
    """The court's display code (京0105) in a docket number, if it has one."""
    found = _COURT_CODE.match(docket.strip())
    return found.group(1) if found else None
