"""Case features folded from the contact attempts."""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from services.triage_scorer.domain.case import Attempt, Case, ReasonCategory


@dataclass(frozen=True)
class CaseFeatures:
    case_id: str
    attempts: int
    reach_rate: float
    answered_rate: float
    right_party_rate: float
    cooperation_rate: float
    comprehension_rate: float
    stated_reasons: frozenset[ReasonCategory]
    marketing_reached: int
    principal: Decimal
    term_months: int
    overdue_days: int
    product_complexity: int


def _rate(count: int, total: int) -> float:
    return count / total if total else 0.0


def _reach(case: Case, seen: list[Attempt], marketing_weight: float) -> float:
    """Own reach, blended with the platform's marketing reach worth a few attempts."""
    reached = sum(a.reached for a in seen)
    if case.marketing_call_reach is None or marketing_weight <= 0:
        return _rate(reached, len(seen))
    blended = reached + case.marketing_call_reach * marketing_weight
    return blended / (len(seen) + marketing_weight)


def features_from(
    case: Case, attempts: Iterable[Attempt], marketing_weight: float = 0.0
) -> CaseFeatures:
    """Fold the attempts into features; marketing calls count toward reach only."""
    seen = list(attempts)
    ours = [a for a in seen if not a.marketing]
    answered = [a for a in ours if a.answered]
    right_party = [a for a in ours if a.right_party]
    return CaseFeatures(
        case_id=case.case_id,
        attempts=len(seen),
        reach_rate=_reach(case, seen, marketing_weight),
        answered_rate=_rate(len(answered), len(ours)),
        right_party_rate=_rate(len(right_party), len(ours)),
        cooperation_rate=_rate(sum(a.cooperative for a in right_party), len(ours)),
        comprehension_rate=_rate(sum(a.comprehension for a in answered), len(ours)),
        stated_reasons=frozenset(
            a.stated_reason for a in seen if a.stated_reason is not None
        ),
        marketing_reached=sum(a.reached for a in seen if a.marketing),
        principal=case.principal,
        term_months=case.term_months,
        overdue_days=case.overdue_days,
        product_complexity=case.product_complexity,
    )
