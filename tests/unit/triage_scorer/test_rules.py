from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from services.triage_scorer.domain.case import Attempt, Case, Channel, ReasonCategory
from services.triage_scorer.domain.features import features_from
from services.triage_scorer.domain.policy import DEFAULT_POLICY, TriagePolicy
from services.triage_scorer.domain.rules import (
    RECOMMEND_RECOVERING_PRINCIPAL_ZH,
    Decision,
)
from services.triage_scorer.domain.triage import evaluate

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def case(principal: str = "3000", term: int = 6, overdue: int = 40) -> Case:
    return Case("c-1", "acme", Decimal(principal), term, overdue, 2, T0)


def attempt(n: int, reached: bool, **kw: Any) -> Attempt:
    return Attempt(f"a-{n}", Channel.PHONE, T0, reached, **kw)


def unreached(count: int) -> list[Attempt]:
    return [attempt(i, False) for i in range(count)]


def test_high_reach_rate_returns_to_collection_with_rule_1() -> None:
    attempts = [*(attempt(i, True) for i in range(3)), *unreached(1)]
    decision, _, reasons = evaluate(features_from(case(), attempts), DEFAULT_POLICY)
    assert decision is Decision.RETURN_TO_COLLECTION
    assert [r.rule_id for r in reasons] == ["R1"]


def test_marketing_call_reach_counts_toward_rule_1() -> None:
    marketing = [attempt(10 + i, True, marketing=True) for i in range(3)]
    attempts = unreached(2) + marketing
    decision, _, reasons = evaluate(features_from(case(), attempts), DEFAULT_POLICY)
    assert decision is Decision.RETURN_TO_COLLECTION
    assert reasons[0].rule_id == "R1"
    assert "marketing" in reasons[0].text


def test_reach_below_threshold_does_not_fire_rule_1() -> None:
    attempts = [attempt(0, True), *unreached(4)]
    _, _, reasons = evaluate(features_from(case(), attempts), DEFAULT_POLICY)
    assert "R1" not in {r.rule_id for r in reasons}


def test_stated_hardship_returns_to_collection_with_rule_2() -> None:
    told = attempt(9, True, answered=True, stated_reason=ReasonCategory.ILLNESS)
    decision, _, reasons = evaluate(
        features_from(case(), [*unreached(4), told]), DEFAULT_POLICY
    )
    assert decision is Decision.RETURN_TO_COLLECTION
    assert [r.rule_id for r in reasons] == ["R2"]
    assert "illness" in reasons[0].text


def test_large_long_loan_is_returned_recommending_principal_recovery() -> None:
    decision, _, reasons = evaluate(
        features_from(case("9000.01", 13), unreached(5)), DEFAULT_POLICY
    )
    assert decision is Decision.RETURN_RECOVER_PRINCIPAL
    assert [(r.rule_id, r.text) for r in reasons] == [
        ("R3", "recommend recovering principal")
    ]
    assert reasons[0].text_zh == RECOMMEND_RECOVERING_PRINCIPAL_ZH


def test_principal_of_exactly_9000_or_term_of_12_does_not_fire_rule_3() -> None:
    for principal, term in (("9000", 24), ("20000", 12)):
        _, _, reasons = evaluate(
            features_from(case(principal, term), unreached(5)), DEFAULT_POLICY
        )
        assert "R3" not in {r.rule_id for r in reasons}


def test_rule_3_decision_keeps_other_fired_reasons() -> None:
    told = attempt(9, True, stated_reason=ReasonCategory.JOB_LOSS)
    decision, _, reasons = evaluate(
        features_from(case("15000", 24), [*unreached(4), told]), DEFAULT_POLICY
    )
    assert decision is Decision.RETURN_RECOVER_PRINCIPAL
    assert [r.rule_id for r in reasons] == ["R2", "R3"]


def test_unreachable_case_with_low_score_files_suit_with_rule_4() -> None:
    decision, score, reasons = evaluate(
        features_from(case("8000", 12, 90), unreached(5)), DEFAULT_POLICY
    )
    assert score <= DEFAULT_POLICY.file_suit_max_score
    assert decision is Decision.FILE_SUIT
    assert [r.rule_id for r in reasons] == ["R4"]


def test_no_rule_but_score_above_threshold_keeps_collecting() -> None:
    lenient = TriagePolicy(file_suit_max_score=0.01)
    decision, _, reasons = evaluate(features_from(case(), unreached(5)), lenient)
    assert decision is Decision.RETURN_TO_COLLECTION
    assert [r.rule_id for r in reasons] == ["SCORE"]
