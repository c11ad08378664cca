"""Turns incoming events into case records and outgoing events."""

import structlog

from contracts import topics
from contracts.loans import CaseSummary
from contracts.platform import LoanOverdue
from contracts.triage import CaseOpened
from services.triage_scorer import store
from shared.delivery.unit_of_work import Incoming, UnitOfWork

log = structlog.get_logger(__name__)


async def open_case(uow: UnitOfWork, incoming: Incoming) -> None:
    """Open a case for a reported overdue loan and announce it once."""
    report = incoming.event
    assert isinstance(report, LoanOverdue)
    opened_at = uow.now()
    if not await store.insert_case(uow.conn, report, incoming.meta.id, opened_at):
        log.info("case_already_open", case_id=report.case_id)
        return
    opened = CaseOpened(
        plaintiff_id=report.plaintiff_id,
        case_id=report.case_id,
        opened_at=opened_at,
        case=CaseSummary(
            borrower=report.borrower,
            loan=report.loan,
            arrears=report.arrears,
            agreed_court_id=report.agreed_court_id,
            e_service_consent=report.e_service_consent,
        ),
    )
    uow.emit(
        opened,
        topic=topics.TRIAGE,
        key=report.plaintiff_id,
        cause_id=incoming.meta.id,
        name="CaseOpened",
        subject=report.case_id,
    )
    log.info("case_opened", case_id=report.case_id)
