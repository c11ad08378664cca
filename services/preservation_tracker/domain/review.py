"""Reviewer queue for the judgement elements no rule can decide."""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from services.preservation_tracker.domain.errors import ReviewAlreadyDecidedError


class ReviewElement(StrEnum):
    GUARANTEE_ADEQUACY = "guarantee_adequacy"
    ASSET_LEAD_CREDIBILITY = "asset_lead_credibility"


class ReviewDecision(StrEnum):
    ACCEPTED = "accepted"
    REJECTED = "rejected"


@dataclass(frozen=True)
class ReviewItem:
    """One judgement element of one application waiting for a reviewer."""

    application_id: str
    element: ReviewElement
    detail: str
    queued_at: datetime
    decision: ReviewDecision | None = None
    reviewer: str | None = None
    decided_at: datetime | None = None
    escalated_at: datetime | None = None

    @property
    def open(self) -> bool:
        return self.decision is None


def decide(
    item: ReviewItem, decision: ReviewDecision, reviewer: str, at: datetime
) -> ReviewItem:
    """Record a reviewer's decision on an open item."""
    if not item.open:
        raise ReviewAlreadyDecidedError(
            f"{item.element} of {item.application_id} already decided"
        )
    return replace(item, decision=decision, reviewer=reviewer, decided_at=at)


def escalate(item: ReviewItem, at: datetime) -> ReviewItem:
    """Mark an item as escalated so it is not escalated twice."""
    return replace(item, escalated_at=at)


def due_escalations(
    items: Iterable[ReviewItem], now: datetime, max_age: timedelta
) -> list[ReviewItem]:
    """Open, not yet escalated items that have waited max_age or longer."""
    return [
        item
        for item in items
        if item.open and item.escalated_at is None and now - item.queued_at >= max_age
    ]
