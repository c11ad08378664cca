"""Deciding a case: at window close, earlier when decisive, again when reopened."""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from services.triage_scorer.domain.case import Attempt, Case
from services.triage_scorer.domain.features import CaseFeatures, features_from
from services.triage_scorer.domain.policy import TriagePolicy
from services.triage_scorer.domain.rules import (
    Decision,
    Reason,
    decision_for,
    fired_rules,
)
from services.triage_scorer.domain.score import recovery_score


class Cause(StrEnum):
    WINDOW_CLOSED = "window_closed"
    DECISIVE_EVIDENCE = "decisive_evidence"
    LATER_OUTCOME = "later_outcome"
    OPERATOR_COMMAND = "operator_command"


@dataclass(frozen=True)
class Triage:
    case_id: str
    revision: int
    decision: Decision
    score: float
    reasons: tuple[Reason, ...]
    features: CaseFeatures
    decided_at: datetime
    cause: Cause


def window_closes_at(case: Case, policy: TriagePolicy) -> datetime:
    return case.opened_at + timedelta(days=policy.window_days)


def is_decisive(features: CaseFeatures, policy: TriagePolicy) -> bool:
    """Evidence strong enough to decide before the window closes."""
    if policy.early_on_stated_reason and features.stated_reasons:
        return True
    return (
        features.attempts >= policy.early_min_attempts
        and features.reach_rate >= policy.early_reach_rate
        and features.cooperation_rate >= policy.early_cooperation_rate
    )


def evaluate(
    features: CaseFeatures, policy: TriagePolicy
) -> tuple[Decision, float, list[Reason]]:
    """Apply the rules and the score, without any timing."""
    score = recovery_score(features)
    decision, reasons = decision_for(fired_rules(features, policy), score, policy)
    return decision, score, reasons


def judge(
    case: Case,
    attempts: Iterable[Attempt],
    policy: TriagePolicy,
    at: datetime,
    cause: Cause,
    revision: int = 1,
) -> Triage:
    """Decide now on the attempts made up to `at`, whatever the window says."""
    seen = [a for a in attempts if a.at <= at]
    features = features_from(case, seen, policy.marketing_reach_weight)
    decision, score, reasons = evaluate(features, policy)
    return Triage(
        case.case_id, revision, decision, score, tuple(reasons), features, at, cause
    )


def decide(
    case: Case, attempts: Iterable[Attempt], policy: TriagePolicy, at: datetime
) -> Triage | None:
    """Decide at window close, or earlier when decisive; None means keep waiting."""
    seen = [a for a in attempts if a.at <= at]
    if at >= window_closes_at(case, policy):
        return judge(case, seen, policy, at, Cause.WINDOW_CLOSED)
    if is_decisive(features_from(case, seen, policy.marketing_reach_weight), policy):
        return judge(case, seen, policy, at, Cause.DECISIVE_EVIDENCE)
    return None


@dataclass(frozen=True)
class TriageHistory:
    """Every decision taken on a case, oldest first; nothing is overwritten."""

    case_id: str
    revisions: tuple[Triage, ...] = ()

    @property
    def current(self) -> Triage | None:
        return self.revisions[-1] if self.revisions else None

    def recorded(self, triage: Triage) -> "TriageHistory":
        return replace(self, revisions=(*self.revisions, triage))


def reopens(history: TriageHistory, attempt: Attempt) -> bool:
    """An outcome that arrives after the latest decision reopens the case."""
    current = history.current
    return current is not None and attempt.at > current.decided_at


def retriage(
    history: TriageHistory,
    case: Case,
    attempts: Iterable[Attempt],
    policy: TriagePolicy,
    at: datetime,
    cause: Cause,
) -> TriageHistory:
    """Decide again now, on all evidence so far, and keep the earlier decisions."""
    revision = len(history.revisions) + 1
    return history.recorded(judge(case, attempts, policy, at, cause, revision))
