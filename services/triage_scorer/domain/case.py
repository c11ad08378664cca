"""Inputs the triage rules read: one case and the contact attempts made on it."""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from contracts.contact import Channel

__all__ = ["Attempt", "Case", "Channel", "ReasonCategory"]


class ReasonCategory(StrEnum):
    JOB_LOSS = "job_loss"
    ILLNESS = "illness"
    BUSINESS_FAILURE = "business_failure"
    WAGES_UNPAID = "wages_unpaid"
    FAMILY_EMERGENCY = "family_emergency"
    OTHER = "other"


@dataclass(frozen=True)
class Case:
    case_id: str
    tenant: str
    principal: Decimal
    term_months: int
    overdue_days: int
    product_complexity: int
    opened_at: datetime
    marketing_call_reach: float | None = None


@dataclass(frozen=True)
class Attempt:
    """One contact outcome; marketing calls come from the platform, not from us."""

    attempt_id: str
    channel: Channel
    at: datetime
    reached: bool
    answered: bool = False
    right_party: bool = False
    cooperative: bool = False
    comprehension: bool = False
    stated_reason: ReasonCategory | None = None
    marketing: bool = False
