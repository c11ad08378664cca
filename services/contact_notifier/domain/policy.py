"""Per-tenant contact rules as data, with defaults and effective dates."""

from dataclasses import dataclass, field, replace
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
