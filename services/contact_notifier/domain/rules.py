"""Whether a contact attempt may go out now, and if not, when it next may."""

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from services.contact_notifier.domain.model import Channel, Recipient
from services.contact_notifier.domain.policy import ContactPolicy


class ContactRuleError(ValueError):
    """The attempt cannot be checked, e.g. its time carries no timezone."""


class BlockReason(StrEnum):
    QUIET_HOURS = "quiet_hours"
    UNANSWERED_CALL_CAP = "unanswered_call_cap"
    DO_NOT_CONTACT = "do_not_contact"
    THIRD_PARTY = "third_party"


@dataclass(frozen=True)
class PriorCall:
    number: str
    at: datetime
    answered: bool


@dataclass(frozen=True)
class Allowed:
    at: datetime


@dataclass(frozen=True)
class Blocked:
    """Blocked with a reason; next_allowed_at None means blocked for good."""

    reason: BlockReason
    next_allowed_at: datetime | None


def local_zone(recipient: Recipient, policy: ContactPolicy) -> ZoneInfo:
    return ZoneInfo(recipient.timezone or policy.default_timezone)


def _in_quiet_hours(local: datetime, policy: ContactPolicy) -> bool:
    t = local.timetz().replace(tzinfo=None)
    if policy.quiet_start > policy.quiet_end:
        return t >= policy.quiet_start or t < policy.quiet_end
    return policy.quiet_start <= t < policy.quiet_end


def _unanswered_today(local: datetime, number: str, calls: Sequence[PriorCall]) -> int:
    day = local.date()
    return sum(
        1
        for c in calls
        if c.number == number
        and not c.answered
        and c.at < local
        and c.at.astimezone(local.tzinfo).date() == day
    )


def _violation(
    channel: Channel,
    recipient: Recipient,
    local: datetime,
    policy: ContactPolicy,
    calls: Sequence[PriorCall],
) -> tuple[BlockReason, datetime] | None:
    quiet_applies = (
        not recipient.night_consent and channel not in policy.quiet_exempt_channels
    )
    opening = policy.quiet_end if quiet_applies else time(0)
    if quiet_applies and _in_quiet_hours(local, policy):
        day = local.date() + timedelta(days=local.time() >= policy.quiet_end)
        return BlockReason.QUIET_HOURS, _at(day, opening, local)
    if channel is Channel.PHONE and (
        _unanswered_today(local, recipient.address, calls)
        >= policy.max_unanswered_calls_per_day
    ):
        tomorrow = local.date() + timedelta(days=1)
        return BlockReason.UNANSWERED_CALL_CAP, _at(tomorrow, opening, local)
    return None


def _at(day: date, opening: time, local: datetime) -> datetime:
    return datetime.combine(day, opening.replace(tzinfo=None), tzinfo=local.tzinfo)


def check_attempt(
    channel: Channel,
    recipient: Recipient,
    at: datetime,
    policy: ContactPolicy,
    prior_calls: Sequence[PriorCall] = (),
    do_not_contact: Collection[str] = frozenset(),
) -> Allowed | Blocked:
    """Check the rules at `at`; a blocked attempt gets the next allowed moment."""
    if at.tzinfo is None:
        raise ContactRuleError("attempt time must carry a timezone")
    if recipient.borrower_id in do_not_contact or recipient.address in do_not_contact:
        return Blocked(BlockReason.DO_NOT_CONTACT, None)
    local = at.astimezone(local_zone(recipient, policy))
    first = _violation(channel, recipient, local, policy, prior_calls)
    if first is None:
        return Allowed(at)
    candidate = first[1]
    for _ in range(len(BlockReason)):
        later = _violation(channel, recipient, candidate, policy, prior_calls)
        if later is None:
            break
        candidate = later[1]
    return Blocked(first[0], candidate)
