"""Applies a reviewer's decision, recorded as an event by the operator CLI."""

from datetime import datetime

import structlog

from contracts import topics
from contracts.notices import NoticeKind
from contracts.platform import PreservationRequested
from contracts.preservation import (
    ReviewDecisionRecorded,
    ReviewEscalated,
    ReviewVerdict,
)
from services.preservation_tracker import store
from services.preservation_tracker.domain.errors import ReviewAlreadyDecidedError
from services.preservation_tracker.domain.review import (
    ReviewDecision,
    ReviewElement,
    ReviewItem,
    decide,
)
from services.preservation_tracker.handlers.applying import complete, return_request
from shared.delivery.unit_of_work import Incoming, UnitOfWork
from shared.errors import BadInput
from shared.notices import notify_platform as notify

log = structlog.get_logger(__name__)
DECISION = {
    ReviewVerdict.APPROVE: ReviewDecision.ACCEPTED,
    ReviewVerdict.RETURN: ReviewDecision.REJECTED,
}


def _item(row: store.Row) -> ReviewItem:
    return ReviewItem(
        row["application_id"],
        ReviewElement(row["element"]),
        row["detail"],
        row["queued_at"],
        escalated_at=row["escalated_at"],
    )


async def decide_review(uow: UnitOfWork, incoming: Incoming) -> None:
    """Approve, return or escalate the open judgement elements of a request."""
    decision = incoming.event
    assert isinstance(decision, ReviewDecisionRecorded)
    row = await store.application_by_request(
        uow.conn, decision.plaintiff_id, decision.request_id
    )
    if row is None:
        raise BadInput(f"no preservation request {decision.request_id!r} to review")
    if row["status"] != "in_review":
        raise BadInput(
            f"request {decision.request_id!r} is not awaiting review: {row['status']}"
        )
    element = decision.element.value if decision.element else None
    rows = await store.open_review_items(uow.conn, row["application_id"], element)
    if not rows:
        raise BadInput(f"request {decision.request_id!r} has no open item {element}")
    request = PreservationRequested.model_validate_json(row["request"])
    if decision.verdict is ReviewVerdict.ESCALATE:
        await escalate(
            uow, row, rows, decision.note or "asked by the reviewer", incoming.meta.id
        )
        return
    decided = _decide(rows, DECISION[decision.verdict], decision.reviewer, uow.now())
    for item in decided:
        await store.record_review_decision(uow.conn, item, decision.note)
    if decision.verdict is ReviewVerdict.RETURN:
        await store.set_status(uow.conn, row["application_id"], "returned")
        why = decision.note
        problems = [
            f"{i.element} rejected by reviewer {i.reviewer}: {why or i.detail}"
            for i in decided
        ]
        await return_request(uow, request, (), problems, incoming.meta.id)
    elif await store.count_open_reviews(uow.conn, row["application_id"]) == 0:
        await complete(
            uow, row["application_id"], request, row["received_at"], incoming.meta.id
        )
    log.info("review_decided", request_id=decision.request_id, verdict=decision.verdict)


def _decide(
    rows: list[store.Row], decision: ReviewDecision, reviewer: str, at: datetime
) -> list[ReviewItem]:
    try:
        return [decide(_item(r), decision, reviewer, at) for r in rows]
    except ReviewAlreadyDecidedError as error:
        raise BadInput(str(error)) from error


async def escalate(
    uow: UnitOfWork,
    application: store.Row,
    items: list[store.Row],
    reason: str,
    cause: str,
) -> None:
    """Hand open items to a senior reviewer, and tell the platform they wait."""
    now = uow.now()
    elements = ", ".join(r["element"] for r in items)
    escalated = ReviewEscalated(
        request_id=application["request_id"],
        plaintiff_id=application["plaintiff_id"],
        case_id=application["case_id"],
        reason=f"{elements}: {reason}"[:2000],
        escalated_at=now,
    )
    uow.emit(
        escalated,
        topic=topics.PRESERVATION,
        key=application["plaintiff_id"],
        cause_id=cause,
        name="ReviewEscalated",
        subject=application["case_id"],
    )
    for item in items:
        await store.mark_escalated(
            uow.conn, item["application_id"], item["element"], now
        )
    notify(
        uow,
        plaintiff_id=application["plaintiff_id"],
        case_id=application["case_id"],
        kind=NoticeKind.OTHER,
        text=(
            f"Preservation request {application['request_id']} awaits a senior "
            f"reviewer ({elements}): {reason}"
        ),
        data={"request_id": application["request_id"], "elements": elements},
        cause_id=cause,
        name="escalated",
    )
    log.info("review_escalated", request_id=application["request_id"])
