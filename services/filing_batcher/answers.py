"""The court's answers per case: a docket number or a rejection."""

import asyncpg
import structlog

from contracts import topics
from contracts.filing import CaseDocketed, CaseRejected
from contracts.notices import NoticeKind
from contracts.rulings import CaseDocketedByCourt, FilingRejectedByCourt
from services.filing_batcher.domain.docket import parse_docket
from services.filing_batcher.domain.errors import InvalidDocketNumberError
from services.filing_batcher.notices import tell_platform
from services.filing_batcher.store import cases, deadlines
from shared.delivery.unit_of_work import Incoming, UnitOfWork
from shared.errors import BadInput

log = structlog.get_logger(__name__)
Answer = CaseDocketedByCourt | FilingRejectedByCourt


async def _filed_case(uow: UnitOfWork, answer: Answer) -> asyncpg.Record | None:
    """The case the answer is about; None when this very answer is known."""
    row = await cases.case_for_answer(uow.conn, answer.plaintiff_id, answer.case_id)
    if row is None or row["batch_id"] != answer.batch_id:
        raise BadInput(f"case {answer.case_id} was not filed in {answer.batch_id}")
    if row["court_id"] != answer.court_id or row["batch_status"] != "filed":
        raise BadInput(f"case {answer.case_id} is not before court {answer.court_id}")
    number = getattr(answer, "docket_number", None)
    reason = getattr(answer, "reason", None)
    if (row["docket_number"], row["rejection_reason"]) == (number, reason):
        return None
    if row["docket_number"] or row["rejection_reason"]:
        raise BadInput(f"case {answer.case_id} was already answered by the court")
    return row


async def record_docket(uow: UnitOfWork, incoming: Incoming) -> None:
    """Record a docket number once and tell the platform."""
    docketed = incoming.event
    assert isinstance(docketed, CaseDocketedByCourt)
    if await _filed_case(uow, docketed) is None:
        log.info("answer_already_recorded", case_id=docketed.case_id)
        return
    try:
        parse_docket(docketed.docket_number)
    except InvalidDocketNumberError as error:
        raise BadInput(str(error)) from error
    holder = await cases.docket_holder(
        uow.conn, docketed.court_id, docketed.docket_number
    )
    if holder is not None:
        raise BadInput(f"docket number {docketed.docket_number} is held by {holder}")
    await cases.record_docket(
        uow.conn,
        docketed.plaintiff_id,
        docketed.case_id,
        docketed.docket_number,
        docketed.decided_at,
    )
    event = CaseDocketed(
        plaintiff_id=docketed.plaintiff_id,
        case_id=docketed.case_id,
        batch_id=docketed.batch_id,
        court_id=docketed.court_id,
        docket_number=docketed.docket_number,
        docketed_at=docketed.decided_at,
    )
    _announce(uow, incoming, event)
    tell_platform(
        uow,
        cause_id=incoming.meta.id,
        plaintiff_id=docketed.plaintiff_id,
        kind=NoticeKind.DOCKET_NUMBER,
        text=f"案件已立案，案号{docketed.docket_number}",
        at=uow.now(),
        case_id=docketed.case_id,
        batch_id=docketed.batch_id,
        data={
            "docket_number": docketed.docket_number,
            "court_id": docketed.court_id,
        },
    )
    await _close_when_answered(uow, docketed.batch_id)


async def record_rejection(uow: UnitOfWork, incoming: Incoming) -> None:
    """Record the court's refusal to docket a case and tell the platform."""
    rejected = incoming.event
    assert isinstance(rejected, FilingRejectedByCourt)
    if await _filed_case(uow, rejected) is None:
        log.info("answer_already_recorded", case_id=rejected.case_id)
        return
    await cases.record_rejection(
        uow.conn,
        rejected.plaintiff_id,
        rejected.case_id,
        rejected.reason,
        rejected.decided_at,
    )
    event = CaseRejected(
        plaintiff_id=rejected.plaintiff_id,
        case_id=rejected.case_id,
        batch_id=rejected.batch_id,
        court_id=rejected.court_id,
        reason=rejected.reason,
        rejected_at=rejected.decided_at,
    )
    _announce(uow, incoming, event)
    tell_platform(
        uow,
        cause_id=incoming.meta.id,
        plaintiff_id=rejected.plaintiff_id,
        kind=NoticeKind.FILING_REJECTED,
        text=f"法院不予立案：{rejected.reason}",
        at=uow.now(),
        case_id=rejected.case_id,
        batch_id=rejected.batch_id,
        data={"court_id": rejected.court_id},
    )
    await _close_when_answered(uow, rejected.batch_id)


def _announce(
    uow: UnitOfWork, incoming: Incoming, event: CaseDocketed | CaseRejected
) -> None:
    uow.emit(
        event,
        topic=topics.FILING,
        key=event.plaintiff_id,
        cause_id=incoming.meta.id,
        name=type(event).__name__,
        subject=event.case_id,
    )
    log.info(
        "court_answer_recorded", case_id=event.case_id, answer=type(event).__name__
    )


async def _close_when_answered(uow: UnitOfWork, batch_id: str) -> None:
    if await cases.unanswered(uow.conn, batch_id) == 0:
        await deadlines.close_deadlines(uow.conn, batch_id, uow.now())
        log.info("batch_answered", batch_id=batch_id)
