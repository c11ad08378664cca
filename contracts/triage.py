"""Events of triage-scorer: a case opens, then is decided with reasons."""

from decimal import Decimal
from enum import StrEnum

from pydantic import AwareDatetime, Field, model_validator

from contracts.base import CaseId, Contract, Money, Name, PlaintiffId, Rate, Ref, Text
from contracts.contact import StatedReason
from contracts.loans import BorrowerProfile, CaseSummary


class TriageDecision(StrEnum):
    RETURN_TO_COLLECTION = "return_to_collection"
    RETURN_RECOVER_PRINCIPAL = "return_recover_principal"
    FILE_SUIT = "file_suit"


class TriageCause(StrEnum):
    WINDOW_CLOSED = "window_closed"
    DECISIVE_EVIDENCE = "decisive_evidence"
    LATER_OUTCOME = "later_outcome"
    OPERATOR_COMMAND = "operator_command"


class Sentiment(StrEnum):
    NEGATIVE = "negative"
    NEUTRAL = "neutral"
    POSITIVE = "positive"


class Reason(Contract):
    """One rule that weighed in the decision, and what it found."""

    rule: str = Field(
        pattern=r"^[a-z][a-z0-9_]{0,63}$", description="Rule id, e.g. high_reach."
    )
    text: Text = Field(description="Human-readable explanation.")
    text_zh: Text | None = Field(
        default=None, description="The same explanation in Chinese."
    )


class CaseFeatures(Contract):
    """The facts the rules and the score were computed from."""

    principal: Money = Field(description="Principal lent in yuan.")
    principal_owed: Money = Field(description="Unpaid principal in yuan.")
    term_months: int = Field(ge=1, le=360, description="Loan term in months.")
    overdue_days: int = Field(ge=0, description="Days overdue.")
    attempts: int = Field(ge=0, description="Contact attempts made, marketing too.")
    reached: int = Field(ge=0, description="Attempts that got through.")
    reach_rate: Rate = Field(description="reached / attempts, 0 with no attempts.")
    marketing_call_reach: Rate | None = Field(
        default=None, description="Platform-reported marketing reach rate."
    )
    right_party_reached: bool = Field(description="The borrower was reached.")
    cooperative: bool | None = Field(
        default=None, description="Borrower was cooperative, if known."
    )
    stated_reason: StatedReason = Field(description="Reason stated for not paying.")
    product_complexity: int = Field(ge=1, le=5, description="Product complexity.")
    profile: BorrowerProfile = Field(description="Borrower's occupation profile.")
    answered_rate: Rate = Field(
        default=Decimal(0), description="Answered / own attempts (marketing excluded)."
    )
    right_party_rate: Rate = Field(
        default=Decimal(0), description="Borrower reached / own attempts."
    )
    cooperation_rate: Rate = Field(
        default=Decimal(0),
        description="Cooperative right-party contacts / own attempts.",
    )
    comprehension_rate: Rate = Field(
        default=Decimal(0), description="Answered and understood / own attempts."
    )
    stated_reasons: tuple[StatedReason, ...] = Field(
        default=(), description="Every reason stated for not paying, sorted."
    )
    marketing_reached: int = Field(
        default=0, ge=0, description="Marketing calls that got through."
    )
    sentiment: Sentiment | None = Field(
        default=None, description="Sentiment of the latest conversation, if any."
    )


class CaseOpened(Contract):
    """Triage accepted a platform's overdue loan as a case."""

    plaintiff_id: PlaintiffId = Field(description="The platform, the plaintiff.")
    case_id: CaseId = Field(description="The case.")
    opened_at: AwareDatetime = Field(description="When the case was opened.")
    case: CaseSummary = Field(description="Borrower, loan, arrears and court.")


class CaseTriaged(Contract):
    """Triage decided a case; a later revision supersedes an earlier one."""

    plaintiff_id: PlaintiffId = Field(description="The platform, the plaintiff.")
    case_id: CaseId = Field(description="The case.")
    revision: int = Field(ge=1, description="1 for the first decision, then +1.")
    decision: TriageDecision = Field(description="What happens to the case.")
    score: Rate = Field(description="Probability that collection recovers the debt.")
    reasons: tuple[Reason, ...] = Field(
        min_length=1, description="Rules that led to the decision."
    )
    features: CaseFeatures = Field(description="Facts the decision used.")
    decided_at: AwareDatetime = Field(description="When the decision was made.")
    case: CaseSummary | None = Field(
        default=None, description="Case summary; required when filing suit."
    )
    cause: TriageCause | None = Field(
        default=None, description="What prompted this revision."
    )
    privacy_notice_attempt_id: Ref | None = Field(
        default=None,
        description="Contact attempt that delivered the privacy notice, for suits.",
    )

    @model_validator(mode="after")
    def _suit_carries_case(self) -> "CaseTriaged":
        if self.decision is TriageDecision.FILE_SUIT and self.case is None:
            raise ValueError("a file_suit decision must carry the case summary")
        return self


class RetriageCase(Contract):
    """Command from an operator: decide this case again, as a new revision."""

    command_id: Ref = Field(description="Unique id of this command.")
    plaintiff_id: PlaintiffId = Field(description="The platform, the plaintiff.")
    case_id: CaseId = Field(description="The case to decide again.")
    requested_by: Name = Field(description="Operator who asked.")
    note: Text | None = Field(default=None, description="Why, in the operator's words.")
    requested_at: AwareDatetime = Field(description="When the operator asked.")


EVENTS = (CaseOpened, CaseTriaged, RetriageCase)
