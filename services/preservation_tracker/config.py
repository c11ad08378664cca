"""Preservation policy from the environment, with per-tenant overrides."""

from dataclasses import replace
from datetime import timedelta
from typing import Any

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from services.preservation_tracker.domain.policy import (
    DEFAULT_POLICY,
    PreservationPolicy,
)

_OVERRIDABLE = (
    "renewal_lead_days",
    "renewal_urgent_days",
    "lapse_warning_days",
    "lapse_days",
    "review_max_age_hours",
    "auto_renew",
)


class PreservationSettings(BaseSettings):
    """RECOURSE_PRESERVATION_* variables; tenant overrides are a JSON object."""

    model_config = SettingsConfigDict(
        env_prefix="RECOURSE_PRESERVATION_", extra="ignore"
    )

    renewal_lead_days: int = Field(default=DEFAULT_POLICY.renewal_lead_days, ge=8)
    renewal_urgent_days: int = Field(default=DEFAULT_POLICY.renewal_urgent_days, ge=1)
    lapse_warning_days: tuple[int, ...] = DEFAULT_POLICY.lapse_warning_days
    lapse_days: int = Field(default=DEFAULT_POLICY.lapse_days, ge=1)
    review_max_age_hours: float = Field(default=24.0, gt=0)
    auto_renew: bool = DEFAULT_POLICY.auto_renew
    tenant_overrides: dict[str, dict[str, Any]] = Field(
        default_factory=dict,
        description='e.g. {"acme": {"renewal_lead_days": 45}}',
    )


def _policy(values: dict[str, Any]) -> PreservationPolicy:
    hours = float(values.pop("review_max_age_hours"))
    warnings = tuple(int(d) for d in values.pop("lapse_warning_days"))
    return replace(
        DEFAULT_POLICY,
        review_max_age=timedelta(hours=hours),
        lapse_warning_days=warnings,
        renewal_lead_days=int(values["renewal_lead_days"]),
        renewal_urgent_days=int(values["renewal_urgent_days"]),
        lapse_days=int(values["lapse_days"]),
        auto_renew=bool(values["auto_renew"]),
    )


class Policies:
    """The policy of each tenant: the service defaults plus its overrides."""

    def __init__(self, settings: PreservationSettings | None = None) -> None:
        self.settings = settings or PreservationSettings()
        base = {name: getattr(self.settings, name) for name in _OVERRIDABLE}
        self._default = _policy(dict(base))
        self._tenants = {
            tenant: _policy({**base, **_checked(tenant, changes)})
            for tenant, changes in self.settings.tenant_overrides.items()
        }

    def for_tenant(self, plaintiff_id: str) -> PreservationPolicy:
        return self._tenants.get(plaintiff_id, self._default)

    def shortest_review_age(self) -> timedelta:
        ages = [p.review_max_age for p in (self._default, *self._tenants.values())]
        return min(ages)


def _checked(tenant: str, changes: dict[str, Any]) -> dict[str, Any]:
    unknown = set(changes) - set(_OVERRIDABLE)
    if unknown:
        raise ValueError(f"tenant {tenant}: unknown policy keys {sorted(unknown)}")
    return changes
