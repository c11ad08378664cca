"""Priced cases into batches; paid batches to court; withdrawn batches stopped."""

from datetime import date
from decimal import Decimal

import structlog
from pydantic import ValidationError

from contracts import topics
from contracts.court import BatchFilingSubmitted, ComplaintElements
from contracts.fees import BatchWithdrawn, FeeAssessed, FeeKind, InvoiceSettled
from contracts.filing import BatchFiled, ServiceLevel
from services.filing_batcher import registry, sealing
from services.filing_batcher.complaints import complaint_for
from services.filing_batcher.domain.batching import PendingCase
from services.filing_batcher.domain.errors import FilingBatcherError
from services.filing_batcher.domain.service_level import court_decision_clock
from services.filing_batcher.store import batches, cases, deadlines
from shared.delivery.unit_of_work import Incoming, UnitOfWork
from shared.errors import BadInput
from shared.periods import add_days, default_calendar

log = structlog.get_logger(__name__)


def _add_days(start: date, days: int) -> date:
    return add_days(start, days, default_calendar())


def _complaint(assessed: FeeAssessed) -> ComplaintElements:
    assert assessed.case is not None
    try:
        registry.courts().by_id(assessed.court_id)
        plaintiff = registry.plaintiffs().by_id(assessed.plaintiff_id)
        return complaint_for(
            assessed.case_id, assessed.case, plaintiff, registry.courts()
        )
    except FilingBatcherError as error:
        raise BadInput(f"cannot file case {assessed.case_id}: {error}") from error
    except ValidationError as error:
        problem = error.errors()[0]["msg"]
        reason = f"case {assessed.case_id} makes no valid complaint: {problem}"
        raise BadInput(reason) from error


async def admit_case(uow: UnitOfWork, incoming: Incoming) -> None:
    """Keep a priced case with its complaint and put it in its batch."""
    assessed = incoming.event
    assert isinstance(assessed, FeeAssessed)
    if assessed.fee_kind is not FeeKind.ACCEPTANCE:
        return
    complaint = _complaint(assessed)
    case = PendingCase(
        assessed.case_id, assessed.plaintiff_id, assessed.court_id, uow.now()
    )
    await cases.lock_group(uow.conn, case.plaintiff_id, case.court_id)
    stored = await cases.insert_case(
        uow.conn, case, incoming.meta.id, assessed.amount, complaint.model_dump_json()
    )
    if not stored:
        log.info("case_already_admitted", case_id=case.case_id)
        return
    await sealing.add_to_batch(uow, case)


async def file_batch(uow: UnitOfWork, incoming: Incoming) -> None:
    """Submit a batch whose fees are paid to its court, with every complaint."""
    settled = incoming.event
    assert isinstance(settled, InvoiceSettled)
    batch = await batches.lock_batch(uow.conn, settled.batch_id)
    if batch is None or batch["plaintiff_id"] != settled.plaintiff_id:
        raise BadInput(f"invoice {settled.invoice_id} names no batch of ours")
    if batch["status"] != "sealed":
        log.info("batch_not_filed", batch_id=settled.batch_id, status=batch["status"])
        return
    rows = await cases.batch_cases(uow.conn, settled.batch_id)
    now = uow.now()
    court_id = batch["court_id"]
    submission = BatchFilingSubmitted(
        batch_id=settled.batch_id,
        plaintiff_id=settled.plaintiff_id,
        court_id=court_id,
        fee_paid=sum((Decimal(r["fee"]) for r in rows), Decimal("0.00")),
        cases=tuple(
            ComplaintElements.model_validate_json(r["complaint"]) for r in rows
        ),
        submitted_at=now,
    )
    filed = BatchFiled(
        batch_id=settled.batch_id,
        plaintiff_id=settled.plaintiff_id,
        court_id=court_id,
        invoice_id=settled.invoice_id,
        case_count=len(rows),
        filed_at=now,
    )
    for event, topic in (
        (submission, topics.court_topic(court_id, "filings")),
        (filed, topics.FILING),
    ):
        uow.emit(
            event,
            topic=topic,
            key=settled.batch_id,
            cause_id=incoming.meta.id,
            name=type(event).__name__,
            subject=settled.batch_id,
        )
    await batches.mark_filed(uow.conn, settled.batch_id, settled.invoice_id, now)
    clock = court_decision_clock(now, now, _add_days)
    level = ServiceLevel.COURT_DECISION_SEVEN_DAYS.value
    await deadlines.insert_deadlines(
        uow.conn, settled.batch_id, [(level, now, clock.due, clock.warn_at)]
    )
    log.info("batch_filed", batch_id=settled.batch_id, cases=len(rows))


async def withdraw_batch(uow: UnitOfWork, incoming: Incoming) -> None:
    """An unpaid batch counts as withdrawn: it is never filed."""
    withdrawn = incoming.event
    assert isinstance(withdrawn, BatchWithdrawn)
    batch = await batches.lock_batch(uow.conn, withdrawn.batch_id)
    if batch is None or batch["plaintiff_id"] != withdrawn.plaintiff_id:
        raise BadInput(f"withdrawn batch {withdrawn.batch_id} is not ours")
    if batch["status"] != "sealed":
        log.warning(
            "withdrawal_ignored", batch_id=withdrawn.batch_id, status=batch["status"]
        )
        return
    now = uow.now()
    await batches.mark_withdrawn(
        uow.conn, withdrawn.batch_id, withdrawn.invoice_id, now
    )
    await deadlines.close_deadlines(uow.conn, withdrawn.batch_id, now)
    log.info("batch_withdrawn", batch_id=withdrawn.batch_id)
