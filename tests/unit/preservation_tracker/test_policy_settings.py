from datetime import timedelta

import pytest

from services.preservation_tracker.config import Policies, PreservationSettings


def test_tenant_override_changes_only_that_tenant() -> None:
    settings = PreservationSettings(
        renewal_lead_days=40, tenant_overrides={"acme": {"renewal_lead_days": 60}}
    )

    policies = Policies(settings)

    assert policies.for_tenant("acme").renewal_lead_days == 60
    assert policies.for_tenant("other").renewal_lead_days == 40


def test_review_age_is_read_in_hours() -> None:
    policies = Policies(PreservationSettings(review_max_age_hours=6))

    assert policies.for_tenant("acme").review_max_age == timedelta(hours=6)
    assert policies.shortest_review_age() == timedelta(hours=6)


def test_unknown_override_key_is_refused() -> None:
    settings = PreservationSettings(tenant_overrides={"acme": {"lapse_dayz": 20}})

    with pytest.raises(ValueError, match="lapse_dayz"):
        Policies(settings)


def test_warning_days_come_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("RECOURSE_PRESERVATION_LAPSE_WARNING_DAYS", "[15, 25]")

    policies = Policies()

    assert policies.for_tenant("acme").lapse_warning_days == (15, 25)
