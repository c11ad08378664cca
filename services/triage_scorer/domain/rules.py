"""The four seed rules of triage; each rule that fires becomes a recorded reason."""

from dataclasses import dataclass
from enum import StrEnum

from services.triage_scorer.domain.features import CaseFeatures
from services.triage_scorer.domain.policy import TriagePolicy


class Decision(StrEnum):
    RETURN_TO_COLLECTION = "return_to_collection"
    RETURN_RECOVER_PRINCIPAL = "return_recover_principal"
    FILE_SUIT = "file_suit"


@dataclass(frozen=True)
class Reason:
    rule_id: str
    text: str
    text_zh: str


RECOMMEND_RECOVERING_PRINCIPAL = "recommend recovering principal"
RECOMMEND_RECOVERING_PRINCIPAL_ZH = "建议追回本金"


def high_reach(features: CaseFeatures, policy: TriagePolicy) -> Reason | None:
    """Rule 1: collection is likely to work when the borrower is reachable."""
    if features.attempts < policy.min_attempts_for_reach:
        return None
    if features.reach_rate < policy.reach_rate_threshold:
        return None
    return Reason(
        "R1",
        f"reach rate {features.reach_rate:.2f} (marketing calls included) "
        f">= {policy.reach_rate_threshold:.2f}: collection is likely to work",
        f"触达率{features.reach_rate:.2f}（含营销电话）达到"
        f"{policy.reach_rate_threshold:.2f}，催收可能有效",
    )


def stated_hardship(features: CaseFeatures, policy: TriagePolicy) -> Reason | None:
    """Rule 2: a borrower who stated why money is lacking usually pays once helped."""
    if not features.stated_reasons:
        return None
    named = ", ".join(sorted(features.stated_reasons))
    return Reason(
        "R2",
        f"borrower stated a reason for lacking money ({named})",
        f"借款人说明了缺钱原因（{named}）",
    )


def oversized_product(features: CaseFeatures, policy: TriagePolicy) -> Reason | None:
    """Rule 3: a large, long loan was probably mis-designed; recover principal."""
    if features.principal <= policy.principal_threshold:
        return None
    if features.term_months <= policy.term_threshold_months:
        return None
    return Reason(
        "R3", RECOMMEND_RECOVERING_PRINCIPAL, RECOMMEND_RECOVERING_PRINCIPAL_ZH
    )


def file_suit(score: float, policy: TriagePolicy) -> Reason:
    """Rule 4: no other rule fired; file only when the score is low enough."""
    if score <= policy.file_suit_max_score:
        return Reason(
            "R4",
            f"no return rule fired and recovery score {score:.2f} "
            f"<= {policy.file_suit_max_score:.2f}: file suit",
            f"未触发送回规则，回收概率{score:.2f}不高于"
            f"{policy.file_suit_max_score:.2f}，起诉",
        )
    return Reason(
        "SCORE",
        f"no return rule fired but recovery score {score:.2f} "
        f"> {policy.file_suit_max_score:.2f}: keep collecting",
        f"未触发送回规则，但回收概率{score:.2f}高于"
        f"{policy.file_suit_max_score:.2f}，继续催收",
    )


def fired_rules(features: CaseFeatures, policy: TriagePolicy) -> list[Reason]:
    """Return the reasons of rules 1-3 that fire, in rule order."""
    checks = (high_reach, stated_hardship, oversized_product)
    return [r for check in checks if (r := check(features, policy)) is not None]


def decision_for(
    reasons: list[Reason], score: float, policy: TriagePolicy
) -> tuple[Decision, list[Reason]]:
    """Turn fired rules and the score into a decision and its full reason list."""
    ids = {r.rule_id for r in reasons}
    if "R3" in ids:
        return Decision.RETURN_RECOVER_PRINCIPAL, reasons
    if ids:
        return Decision.RETURN_TO_COLLECTION, reasons
    last = file_suit(score, policy)
    if last.rule_id == "R4":
        return Decision.FILE_SUIT, [last]
    return Decision.RETURN_TO_COLLECTION, [last]
