from datetime import UTC, datetime, timedelta
from decimal import Decimal

from services.triage_scorer.domain.case import Attempt, Case, Channel, ReasonCategory
from services.triage_scorer.domain.policy import DEFAULT_POLICY
from services.triage_scorer.domain.rules import Decision
from services.triage_scorer.domain.sequence import plan_collection
from services.triage_scorer.domain.triage import (
    Cause,
    TriageHistory,
    decide,
    reopens,
    retriage,
)

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
CASE = Case("c-7", "acme", Decimal("6000"), 12, 60, 2, T0)


def missed(day: int) -> Attempt:
    return Attempt(f"a-{day}", Channel.PHONE, T0 + timedelta(days=day), False)


def cooperative(day: int) -> Attempt:
    return Attempt(
        f"ok-{day}", Channel.PHONE, T0 + timedelta(days=day), True, True, True, True
    )


def test_waits_while_window_is_open_and_evidence_is_weak() -> None:
    assert (
        decide(CASE, [missed(0), missed(1)], DEFAULT_POLICY, T0 + timedelta(2)) is None
    )


def test_decides_when_window_closes() -> None:
    attempts = [missed(d) for d in (0, 1, 2, 3, 5)]
    triage = decide(CASE, attempts, DEFAULT_POLICY, T0 + timedelta(days=7))
    assert triage is not None
    assert (triage.cause, triage.decision) == (Cause.WINDOW_CLOSED, Decision.FILE_SUIT)


def test_stated_hardship_decides_early() -> None:
    told = Attempt(
        "a-1",
        Channel.PHONE,
        T0 + timedelta(days=1),
        True,
        True,
        True,
        stated_reason=ReasonCategory.JOB_LOSS,
    )
    triage = decide(CASE, [missed(0), told], DEFAULT_POLICY, T0 + timedelta(days=1))
    assert triage is not None
    assert triage.cause is Cause.DECISIVE_EVIDENCE
    assert triage.decision is Decision.RETURN_TO_COLLECTION


def test_high_reach_and_cooperation_decides_early() -> None:
    attempts = [cooperative(d) for d in (0, 1, 2)]
    triage = decide(CASE, attempts, DEFAULT_POLICY, T0 + timedelta(days=2, hours=1))
    assert triage is not None
    assert triage.cause is Cause.DECISIVE_EVIDENCE


def test_attempts_after_decision_time_are_not_counted() -> None:
    triage = decide(
        CASE, [missed(0), cooperative(9)], DEFAULT_POLICY, T0 + timedelta(7)
    )
    assert triage is not None
    assert triage.features.attempts == 1


def test_later_outcome_reopens_and_history_keeps_both_decisions() -> None:
    attempts = [missed(d) for d in (0, 1, 2, 3, 5)]
    first = decide(CASE, attempts, DEFAULT_POLICY, T0 + timedelta(days=7))
    assert first is not None
    history = TriageHistory(CASE.case_id).recorded(first)
    late = Attempt(
        "late",
        Channel.PHONE,
        T0 + timedelta(days=9),
        True,
        True,
        True,
        stated_reason=ReasonCategory.ILLNESS,
    )
    assert reopens(history, late)
    history = retriage(
        history, CASE, [*attempts, late], DEFAULT_POLICY, late.at, Cause.LATER_OUTCOME
    )
    assert [(t.revision, t.decision) for t in history.revisions] == [
        (1, Decision.FILE_SUIT),
        (2, Decision.RETURN_TO_COLLECTION),
    ]
    assert history.current is not None
    assert history.current.cause is Cause.LATER_OUTCOME


def test_operator_command_retriages_even_inside_the_window() -> None:
    history = retriage(
        TriageHistory(CASE.case_id),
        CASE,
        [missed(0)],
        DEFAULT_POLICY,
        T0 + timedelta(hours=2),
        Cause.OPERATOR_COMMAND,
    )
    assert history.current is not None
    assert history.current.cause is Cause.OPERATOR_COMMAND


def test_outcome_before_the_decision_does_not_reopen() -> None:
    first = decide(CASE, [missed(0)], DEFAULT_POLICY, T0 + timedelta(days=7))
    assert first is not None
    assert not reopens(TriageHistory(CASE.case_id).recorded(first), missed(3))


def test_default_sequence_plans_five_contacts_over_seven_days() -> None:
    plan = plan_collection(CASE, DEFAULT_POLICY)
    assert [(p.day, p.channel.value) for p in plan] == [
        (0, "phone"),
        (1, "sms"),
        (2, "chat_app"),
        (3, "phone"),
        (5, "letter"),
    ]
    assert plan[4].due_at == T0 + timedelta(days=5)
    assert plan[0].attempt_id == "c-7:seq:0"
