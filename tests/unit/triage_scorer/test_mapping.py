from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from contracts.contact import StatedReason
from contracts.loans import Loan
from contracts.triage import CaseTriaged, TriageCause, TriageDecision
from recourse.simulators.loans import LoanFactory
from services.triage_scorer import mapping
from services.triage_scorer.domain.policy import DEFAULT_POLICY
from services.triage_scorer.domain.triage import Cause, judge

T0 = datetime(2026, 3, 2, 1, tzinfo=UTC)
BASE = LoanFactory("acme", ("cn-110105",)).overdue(5)


def cold_loan() -> Loan:
    """Large, long and unmarketed: no rule returns it once nobody is reached."""
    update = {
        "principal": Decimal(8000),
        "disbursed_amount": Decimal(8000),
        "term_months": 12,
        "marketing_call_reach": None,
    }
    return BASE.loan.model_copy(update=update)


REPORT = BASE.model_copy(
    update={
        "loan": cold_loan(),
        "arrears": BASE.arrears.model_copy(update={"overdue_days": 300}),
    }
)


def row(i: int, reached: bool, reason: str | None = None) -> dict[str, Any]:
    return {
        "attempt_id": f"a-{i}",
        "channel": "phone",
        "attempted_at": T0 + timedelta(days=i),
        "reached": reached,
        "answered": reached,
        "right_party": reached,
        "cooperative": None,
        "comprehension": reached,
        "stated_reason": reason,
        "sentiment": "negative" if reached else None,
        "marketing": False,
    }


def triaged(rows: list[dict[str, Any]], at: datetime) -> CaseTriaged:
    case = mapping.case_of(REPORT, T0)
    attempts = [mapping.attempt_of(r) for r in rows]  # type: ignore[arg-type]
    triage = judge(case, attempts, DEFAULT_POLICY, at, Cause.WINDOW_CLOSED, 1)
    return mapping.triaged_of(triage, "acme", REPORT, rows)  # type: ignore[arg-type]


def test_a_suit_carries_the_case_and_named_rules() -> None:
    event = triaged([row(0, False), row(1, False), row(2, False)], T0 + timedelta(7))
    assert event.decision is TriageDecision.FILE_SUIT
    assert event.case is not None and event.case.loan == REPORT.loan
    assert [r.rule for r in event.reasons] == ["file_suit"]
    assert event.cause is TriageCause.WINDOW_CLOSED
    assert event.features.reach_rate == Decimal("0.000000")
    assert event.score < Decimal("0.3")


def test_stated_reason_and_sentiment_reach_the_features() -> None:
    rows = [row(0, False), row(1, True, "illness")]
    event = triaged(rows, T0 + timedelta(days=7))
    assert event.decision is TriageDecision.RETURN_TO_COLLECTION
    assert "stated_hardship" in [r.rule for r in event.reasons]
    assert event.features.stated_reasons == (StatedReason.ILLNESS,)
    assert event.features.sentiment == "negative"
    assert (event.features.attempts, event.features.reached) == (2, 1)
    assert all(r.text_zh for r in event.reasons)


def test_attempts_after_the_decision_are_left_out_of_the_counts() -> None:
    rows = [row(0, False), row(9, True)]
    event = triaged(rows, T0 + timedelta(days=7))
    assert (event.features.attempts, event.features.reached) == (1, 0)
