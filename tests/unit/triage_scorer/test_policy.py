from datetime import date
from decimal import Decimal

import pytest

from services.triage_scorer.domain.case import Channel
from services.triage_scorer.domain.policy import (
    DEFAULT_POLICY,
    ContactStep,
    PolicyError,
    TenantPolicies,
    overrides_from_json,
    policies_from,
)


def test_defaults_follow_the_handbook() -> None:
    assert DEFAULT_POLICY.reach_rate_threshold == 0.6
    assert DEFAULT_POLICY.principal_threshold == Decimal("9000")
    assert DEFAULT_POLICY.term_threshold_months == 12
    assert DEFAULT_POLICY.window_days == 7
    assert [(s.day, s.channel.value) for s in DEFAULT_POLICY.sequence] == [
        (0, "phone"),
        (1, "sms"),
        (2, "chat_app"),
        (3, "phone"),
        (5, "letter"),
    ]


def test_tenant_override_applies_from_its_effective_date_only() -> None:
    policies = TenantPolicies("acme").amended(date(2026, 4, 1), file_suit_max_score=0.2)
    assert policies.on(date(2026, 3, 31)).file_suit_max_score == 0.3
    assert policies.on(date(2026, 4, 1)).file_suit_max_score == 0.2


def test_later_override_keeps_earlier_changes() -> None:
    policies = policies_from(
        "acme",
        [
            {"effective_from": date(2026, 6, 1), "window_days": 10},
            {"effective_from": date(2026, 1, 1), "reach_rate_threshold": 0.5},
        ],
    )
    june = policies.on(date(2026, 6, 2))
    assert (june.window_days, june.reach_rate_threshold) == (10, 0.5)
    assert policies.on(date(2026, 2, 1)).window_days == 7


def test_stored_json_overrides_become_policy_values() -> None:
    raw = {
        "principal_threshold": "12000",
        "sequence": [[0, "sms"], {"day": 2, "channel": "phone"}],
        "privacy_channels": ["sms"],
        "file_suit_max_score": 0.25,
        "english_share": {"student": 0.5, "salaried": 0},
    }
    converted = overrides_from_json(raw)
    assert converted["principal_threshold"] == Decimal("12000")
    assert converted["sequence"] == (
        ContactStep(0, Channel.SMS),
        ContactStep(2, Channel.PHONE),
    )
    assert converted["privacy_channels"] == (Channel.SMS,)
    assert converted["file_suit_max_score"] == 0.25
    assert converted["english_share"] == (("salaried", 0.0), ("student", 0.5))


@pytest.mark.parametrize(
    "raw",
    [
        {"reach": 0.5},
        {"sequence": [[0, "pigeon"]]},
        {"principal_threshold": "x"},
        {"english_share": {"student": 1.5}},
        {"english_share": {"pirate": 0.5}},
    ],
)
def test_unknown_or_unreadable_overrides_are_refused(raw: dict[str, object]) -> None:
    with pytest.raises(PolicyError):
        overrides_from_json(raw)
