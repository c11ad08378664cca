"""Per-tenant contact rules as data, with defaults and effective dates."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date, time
from typing import Any

from services.contact_notifier.domain.model import Channel


@dataclass(frozen=True)
class ContactPolicy:
    effective_from: date = date(2024, 1, 1)
    quiet_start: time = time(22, 0)
    quiet_end: time = time(8, 0)
    max_unanswered_calls_per_day: int = 6
    default_timezone: str = "Asia/Shanghai"
    quiet_exempt_channels: frozenset[Channel] = frozenset({Channel.LETTER})


DEFAULT_CONTACT_POLICY = ContactPolicy()


@dataclass(frozen=True)
class TenantContactPolicies:
    """Versions of one tenant's contact rules; the latest in force applies."""

    tenant: str
    versions: tuple[ContactPolicy, ...] = field(default=(DEFAULT_CONTACT_POLICY,))

    def on(self, day: date) -> ContactPolicy:
        """Return the version in force on `day`, or the defaults before any."""
        in_force = [v for v in self.versions if v.effective_from <= day]
        if not in_force:
            return DEFAULT_CONTACT_POLICY
        return max(in_force, key=lambda v: v.effective_from)

    def amended(
        self, effective_from: date, **overrides: Any
    ) -> "TenantContactPolicies":
        """Add a version that changes some rules from `effective_from` on."""
        base = replace(self.on(effective_from), effective_from=effective_from)
        return replace(self, versions=(*self.versions, replace(base, **overrides)))


class PolicyError(ValueError):
    """A stored override names an unknown rule or holds a wrong value."""


_FIELDS = {f.name for f in fields(ContactPolicy)} - {"effective_from"}


def overrides_from_json(raw: Mapping[str, Any]) -> dict[str, Any]:
    """Turn JSON override values ("22:00", channel lists) into rule values."""
    unknown = set(raw) - _FIELDS
    if unknown:
        raise PolicyError(f"unknown contact rules {sorted(unknown)}")
    try:
        converted = dict(raw)
        for name in {"quiet_start", "quiet_end"} & set(raw):
            converted[name] = time.fromisoformat(raw[name])
        if "quiet_exempt_channels" in raw:
            converted["quiet_exempt_channels"] = frozenset(
                Channel(c) for c in raw["quiet_exempt_channels"]
            )
        if "max_unanswered_calls_per_day" in raw:
            converted["max_unanswered_calls_per_day"] = int(
                raw["max_unanswered_calls_per_day"]
            )
    except (TypeError, ValueError) as e:
        raise PolicyError(f"invalid contact rule override: {e}") from e
    return converted


def contact_policies_from(
    tenant: str, rows: Sequence[tuple[date, Mapping[str, Any]]]
) -> TenantContactPolicies:
    """A tenant's versions from (effective date, JSON overrides) rows."""
    policies = TenantContactPolicies(tenant)
    for effective_from, raw in sorted(rows, key=lambda r: r[0]):
        policies = policies.amended(effective_from, **overrides_from_json(raw))
    return policies
