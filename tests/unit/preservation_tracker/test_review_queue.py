from datetime import datetime, timedelta

import pytest

from services.preservation_tracker.domain.errors import ReviewAlreadyDecidedError
from services.preservation_tracker.domain.review import (
    ReviewDecision,
    ReviewElement,
    ReviewItem,
    decide,
    due_escalations,
    escalate,
)

QUEUED = datetime(2026, 3, 2, 9, 0)
MAX_AGE = timedelta(hours=24)
ITEM = ReviewItem("app-1", ReviewElement.GUARANTEE_ADEQUACY, "policy", QUEUED)


def test_item_younger_than_the_max_age_is_not_escalated() -> None:
    now = QUEUED + MAX_AGE - timedelta(seconds=1)

    assert due_escalations([ITEM], now, MAX_AGE) == []


def test_item_reaching_the_max_age_is_escalated() -> None:
    assert due_escalations([ITEM], QUEUED + MAX_AGE, MAX_AGE) == [ITEM]


def test_decided_item_is_never_escalated() -> None:
    done = decide(ITEM, ReviewDecision.ACCEPTED, "reviewer-1", QUEUED)

    assert due_escalations([done], QUEUED + 2 * MAX_AGE, MAX_AGE) == []


def test_escalated_item_is_not_escalated_twice() -> None:
    once = escalate(ITEM, QUEUED + MAX_AGE)

    assert due_escalations([once], QUEUED + 3 * MAX_AGE, MAX_AGE) == []


def test_decision_records_reviewer_and_time() -> None:
    at = QUEUED + timedelta(hours=2)

    done = decide(ITEM, ReviewDecision.REJECTED, "reviewer-1", at)

    assert (done.decision, done.reviewer, done.decided_at) == (
        ReviewDecision.REJECTED,
        "reviewer-1",
        at,
    )


def test_item_cannot_be_decided_twice() -> None:
    done = decide(ITEM, ReviewDecision.ACCEPTED, "reviewer-1", QUEUED)

    with pytest.raises(ReviewAlreadyDecidedError):
        decide(done, ReviewDecision.REJECTED, "reviewer-2", QUEUED)
