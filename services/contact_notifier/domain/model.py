"""What contact-notifier sends and what comes back from a channel."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from contracts.contact import Channel, StatedReason
from contracts.loans import BorrowerProfile as Profile

__all__ = [
    "Channel",
    "ContactOutcome",
    "Delivery",
    "Notice",
    "Profile",
    "Purpose",
    "Recipient",
    "StatedReason",
]


class Purpose(StrEnum):
    COLLECTION_ATTEMPT = "collection_attempt"
    PRIVACY_NOTICE = "privacy_notice"
    JUDGMENT_NOTICE = "judgment_notice"
    SANCTION_NOTICE = "sanction_notice"


@dataclass(frozen=True)
class Recipient:
    borrower_id: str
    name: str
    address: str
    profile: Profile = Profile.SALARIED
    language: str = "zh"
    timezone: str | None = None
    night_consent: bool = False


@dataclass(frozen=True)
class Notice:
    attempt_id: str
    tenant: str
    case_id: str
    channel: Channel
    purpose: Purpose
    recipient: Recipient
    body: str
    at: datetime


@dataclass(frozen=True)
class ContactOutcome:
    reached: bool
    answered: bool
    right_party: bool
    cooperative: bool
    comprehension: bool
    stated_reason: StatedReason | None = None
    transcript: str | None = None
    transcript_ref: str | None = None


@dataclass(frozen=True)
class Delivery:
    """A channel's result for one notice; kept unchanged as evidence."""

    attempt_id: str
    channel: Channel
    delivered: bool
    outcome: ContactOutcome
    document: str | None = None
