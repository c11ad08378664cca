"""Completing a checked application, filing it once priced, or returning it."""

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal

import structlog

from contracts import topics
from contracts.assets import MaterialKind
from contracts.court import PreservationApplicationSubmitted
from contracts.notices import NoticeKind
from contracts.platform import PreservationRequested
from contracts.preservation import (
    PreservationApplicationCompleted,
    PreservationApplicationReturned,
    PreservationApplied,
)
from services.preservation_tracker import store, translate
from services.preservation_tracker.domain.value import value_to_preserve
from shared.delivery.unit_of_work import UnitOfWork
from shared.notices import notify_platform as notify

log = structlog.get_logger(__name__)


async def complete(
    uow: UnitOfWork,
    application_id: str,
    request: PreservationRequested,
    received_at: datetime,
    cause: str,
) -> None:
    """Ask fee-calculator for the fee of a complete request; it is filed on it."""
    application, _ = translate.application_of(request, application_id, received_at)
    value = value_to_preserve(application)
    await store.mark_awaiting_fee(uow.conn, application_id, value)
    completed = PreservationApplicationCompleted(
        request_id=request.request_id,
        application_id=application_id,
        plaintiff_id=request.plaintiff_id,
        case_id=request.case_id,
        court_id=request.court_id,
        stage=request.stage,
        claim_amount=request.claim_amount,
        value_to_preserve=value,
        completed_at=uow.now(),
    )
    uow.emit(
        completed,
        topic=topics.PRESERVATION,
        key=request.plaintiff_id,
        cause_id=cause,
        name="PreservationApplicationCompleted",
        subject=request.case_id,
    )
    log.info("preservation_fee_requested", application_id=application_id)


async def submit(
    uow: UnitOfWork,
    application_id: str,
    request: PreservationRequested,
    fee: Decimal,
    cause: str,
) -> None:
    """Apply to the court with the assessed fee and tell the other services."""
    assert request.guarantee is not None
    now = uow.now()
    case = await store.docketed_case(uow.conn, request.plaintiff_id, request.case_id)
    in_suit_docket = (
        case["docket_number"] if case and request.stage == "in_suit" else None
    )
    submitted = PreservationApplicationSubmitted(
        application_id=application_id,
        plaintiff_id=request.plaintiff_id,
        court_id=request.court_id,
        case_id=request.case_id,
        docket_number=in_suit_docket,
        stage=request.stage,
        respondent=request.respondent,
        assets=request.assets,
        guarantee=request.guarantee,
        claim_amount=request.claim_amount,
        fee=fee,
        submitted_at=now,
    )
    uow.emit(
        submitted,
        topic=topics.court_topic(request.court_id, "filings"),
        key=application_id,
        cause_id=cause,
        name="PreservationApplicationSubmitted",
        subject=request.case_id,
    )
    applied = PreservationApplied(
        request_id=request.request_id,
        application_id=application_id,
        plaintiff_id=request.plaintiff_id,
        case_id=request.case_id,
        court_id=request.court_id,
        stage=request.stage,
        claim_amount=request.claim_amount,
        guarantee=request.guarantee,
        fee=fee,
        applied_at=now,
    )
    uow.emit(
        applied,
        topic=topics.PRESERVATION,
        key=request.plaintiff_id,
        cause_id=cause,
        name="PreservationApplied",
        subject=request.case_id,
    )
    await store.mark_applied(uow.conn, application_id, fee, now)
    log.info("preservation_applied", application_id=application_id, fee=str(fee))


async def return_request(
    uow: UnitOfWork,
    request: PreservationRequested,
    missing: Sequence[MaterialKind],
    problems: Sequence[str],
    cause: str,
) -> None:
    """Send a request back to the platform, listing exactly what is missing."""
    returned = PreservationApplicationReturned(
        request_id=request.request_id,
        plaintiff_id=request.plaintiff_id,
        case_id=request.case_id,
        missing=tuple(missing),
        problems=tuple(p[:2000] for p in problems),
        returned_at=uow.now(),
    )
    uow.emit(
        returned,
        topic=topics.PRESERVATION,
        key=request.plaintiff_id,
        cause_id=cause,
        name="PreservationApplicationReturned",
        subject=request.case_id,
    )
    listing = "; ".join(problems)
    notify(
        uow,
        plaintiff_id=request.plaintiff_id,
        case_id=request.case_id,
        kind=NoticeKind.PRESERVATION_RETURNED,
        text=f"Preservation request {request.request_id} returned: {listing}",
        data={"request_id": request.request_id, "missing": ",".join(missing)},
        cause_id=cause,
        name="returned",
    )
    log.info("preservation_returned", request_id=request.request_id)
