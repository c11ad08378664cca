from datetime import date, time

import pytest

from contracts.contact import Channel
from services.contact_notifier.domain.policy import (
    DEFAULT_CONTACT_POLICY,
    PolicyError,
    contact_policies_from,
    overrides_from_json,
)


def test_stored_overrides_become_rule_values() -> None:
    raw = {
        "quiet_start": "21:30",
        "quiet_end": "09:00",
        "max_unanswered_calls_per_day": "4",
        "quiet_exempt_channels": ["letter", "sms"],
    }
    assert overrides_from_json(raw) == {
        "quiet_start": time(21, 30),
        "quiet_end": time(9, 0),
        "max_unanswered_calls_per_day": 4,
        "quiet_exempt_channels": frozenset({Channel.LETTER, Channel.SMS}),
    }


def test_a_tenant_override_applies_from_its_date_and_keeps_other_defaults() -> None:
    policies = contact_policies_from(
        "acme", [(date(2026, 5, 1), {"max_unanswered_calls_per_day": 3})]
    )
    assert policies.on(date(2026, 4, 30)) == DEFAULT_CONTACT_POLICY
    may = policies.on(date(2026, 5, 1))
    assert (may.max_unanswered_calls_per_day, may.quiet_start) == (3, time(22, 0))


@pytest.mark.parametrize(
    "raw",
    [{"quiet_hours": "22-8"}, {"quiet_start": "late"}, {"quiet_exempt_channels": [1]}],
)
def test_unknown_or_unreadable_overrides_are_refused(raw: dict[str, object]) -> None:
    with pytest.raises(PolicyError):
        overrides_from_json(raw)
