from datetime import UTC, datetime
from decimal import Decimal

from services.triage_scorer.domain.case import Attempt, Case, Channel, ReasonCategory
from services.triage_scorer.domain.features import features_from

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
CASE = Case("c-1", "acme", Decimal("4200.50"), 6, 35, 3, T0)


def test_no_attempts_gives_zero_rates_and_case_facts() -> None:
    features = features_from(CASE, [])
    assert (features.attempts, features.reach_rate, features.cooperation_rate) == (
        0,
        0.0,
        0.0,
    )
    assert (features.principal, features.term_months, features.overdue_days) == (
        Decimal("4200.50"),
        6,
        35,
    )


def test_rates_fold_over_our_attempts_and_reach_includes_marketing() -> None:
    attempts = [
        Attempt("a1", Channel.PHONE, T0, True, True, True, True, True),
        Attempt(
            "a2",
            Channel.CHAT_APP,
            T0,
            True,
            True,
            True,
            False,
            False,
            ReasonCategory.WAGES_UNPAID,
        ),
        Attempt("a3", Channel.SMS, T0, False),
        Attempt("a4", Channel.PHONE, T0, False),
        Attempt("m1", Channel.PHONE, T0, True, marketing=True),
    ]
    features = features_from(CASE, attempts)
    assert features.attempts == 5
    assert features.reach_rate == 3 / 5
    assert features.answered_rate == 2 / 4
    assert features.right_party_rate == 2 / 4
    assert features.cooperation_rate == 1 / 4
    assert features.comprehension_rate == 1 / 4
    assert features.marketing_reached == 1
    assert features.stated_reasons == {ReasonCategory.WAGES_UNPAID}


def test_platform_marketing_reach_weighs_in_as_a_few_attempts() -> None:
    case = Case("c-2", "acme", Decimal("3000"), 6, 35, 1, T0, marketing_call_reach=0.9)
    attempts = [Attempt(f"a{i}", Channel.SMS, T0, i == 0) for i in range(4)]
    blended = features_from(case, attempts, marketing_weight=2.0)
    assert blended.reach_rate == (1 + 0.9 * 2) / (4 + 2)
    assert features_from(case, attempts).reach_rate == 1 / 4
