"""Per-tenant triage policy: defaults, overrides and effective dates as data."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date
from decimal import Decimal
from typing import Any

from contracts.loans import BorrowerProfile
from services.triage_scorer.domain.case import Channel


@dataclass(frozen=True)
class ContactStep:
    day: int
    channel: Channel


DEFAULT_SEQUENCE: tuple[ContactStep, ...] = (
    ContactStep(0, Channel.PHONE),
    ContactStep(1, Channel.SMS),
    ContactStep(2, Channel.CHAT_APP),
    ContactStep(3, Channel.PHONE),
    ContactStep(5, Channel.LETTER),
)

# Share of each occupation profile addressed in English (about one in eight).
DEFAULT_ENGLISH_SHARE: tuple[tuple[str, float], ...] = (
    (BorrowerProfile.SALARIED.value, 0.15),
    (BorrowerProfile.SELF_EMPLOYED.value, 0.10),
    (BorrowerProfile.STUDENT.value, 0.30),
    (BorrowerProfile.UNEMPLOYED.value, 0.05),
    (BorrowerProfile.RETIRED.value, 0.02),
    (BorrowerProfile.OTHER.value, 0.10),
)


@dataclass(frozen=True)
class TriagePolicy:
    effective_from: date = date(2024, 1, 1)
    reach_rate_threshold: float = 0.6
    marketing_reach_weight: float = 2.0
    min_attempts_for_reach: int = 3
    principal_threshold: Decimal = Decimal("9000")
    term_threshold_months: int = 12
    file_suit_max_score: float = 0.3
    window_days: int = 7
    sequence: tuple[ContactStep, ...] = DEFAULT_SEQUENCE
    early_reach_rate: float = 0.8
    early_cooperation_rate: float = 0.8
    early_min_attempts: int = 3
    early_on_stated_reason: bool = True
    privacy_channels: tuple[Channel, ...] = (
        Channel.LETTER,
        Channel.SMS,
        Channel.CHAT_APP,
    )
    english_share: tuple[tuple[str, float], ...] = DEFAULT_ENGLISH_SHARE


DEFAULT_POLICY = TriagePolicy()


@dataclass(frozen=True)
class TenantPolicies:
    """Policy versions of one tenant; the latest one in force on a day applies."""

    tenant: str
    versions: tuple[TriagePolicy, ...] = field(default=(DEFAULT_POLICY,))

    def on(self, day: date) -> TriagePolicy:
        """Return the version in force on `day`, or the defaults before any."""
        in_force = [v for v in self.versions if v.effective_from <= day]
        if not in_force:
            return DEFAULT_POLICY
        return max(in_force, key=lambda v: v.effective_from)

    def amended(self, effective_from: date, **overrides: Any) -> "TenantPolicies":
        """Add a version that changes some numbers from `effective_from` on."""
        base = replace(self.on(effective_from), effective_from=effective_from)
        return replace(self, versions=(*self.versions, replace(base, **overrides)))


def policies_from(tenant: str, rows: Sequence[Mapping[str, Any]]) -> TenantPolicies:
    """Build a tenant's versions from override rows that each hold an effective date."""
    policies = TenantPolicies(tenant)
    for row in sorted(rows, key=lambda r: r["effective_from"]):
        overrides = {k: v for k, v in row.items() if k != "effective_from"}
        policies = policies.amended(row["effective_from"], **overrides)
    return policies


class PolicyError(ValueError):
    """A stored override names an unknown setting or holds a wrong value."""


_DECIMALS = {"principal_threshold"}
_FIELDS = {f.name for f in fields(TriagePolicy)} - {"effective_from"}


def _step(raw: Any) -> ContactStep:
    if isinstance(raw, Mapping):
        return ContactStep(int(raw["day"]), Channel(raw["channel"]))
    day, channel = raw
    return ContactStep(int(day), Channel(channel))


def _shares(raw: Any) -> tuple[tuple[str, float], ...]:
    shares = {BorrowerProfile(k).value: float(v) for k, v in dict(raw).items()}
    if any(not 0.0 <= v <= 1.0 for v in shares.values()):
        raise ValueError("english_share values must lie between 0 and 1")
    return tuple(sorted(shares.items()))


def overrides_from_json(raw: Mapping[str, Any]) -> dict[str, Any]:
    """Turn JSON override values (strings, lists) into policy field values."""
    unknown = set(raw) - _FIELDS
    if unknown:
        raise PolicyError(f"unknown policy settings {sorted(unknown)}")
    try:
        converted = dict(raw)
        for name in _DECIMALS & set(raw):
            converted[name] = Decimal(str(raw[name]))
        if "sequence" in raw:
            converted["sequence"] = tuple(_step(s) for s in raw["sequence"])
        if "english_share" in raw:
            converted["english_share"] = _shares(raw["english_share"])
        if "privacy_channels" in raw:
            converted["privacy_channels"] = tuple(
                Channel(c) for c in raw["privacy_channels"]
            )
    except (KeyError, TypeError, ValueError, ArithmeticError) as e:
        raise PolicyError(f"invalid policy override: {e}") from e
    return converted
