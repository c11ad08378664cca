"""Records a judgment with the repayments that came before it, and tells both sides."""

import structlog
from pydantic import ValidationError

from contracts.contact import Purpose
from contracts.notices import NoticeKind
from contracts.rulings import JudgmentIssued
from services.sanctions_publisher import store, translate
from services.sanctions_publisher.domain.errors import SanctionsError
from services.sanctions_publisher.domain.judgment import (
    obligation_amount,
    require_obligation,
)
from services.sanctions_publisher.domain.listing import Listing
from services.sanctions_publisher.domain.performance import (
    Performance,
    Repaid,
    needs_listing,
    perform,
)
from services.sanctions_publisher.handlers.sanctioning import record_sanctions
from services.sanctions_publisher.notices import (
    judgment_context,
    notify_borrower,
)
from shared.delivery.unit_of_work import Incoming, UnitOfWork
from shared.errors import BadInput
from shared.notices import notify_platform
from shared.periods import local_day

log = structlog.get_logger(__name__)


async def record_judgment(uow: UnitOfWork, incoming: Incoming) -> None:
    """Record the outcome once, count parked repayments, then the sanctions."""
    issued = incoming.event
    assert isinstance(issued, JudgmentIssued)
    now, cause = uow.now(), incoming.meta.id
    try:
        judgment = translate.judgment_of(issued, local_day(issued.judged_at))
        obligation = obligation_amount(judgment)
        ordered: Listing | None = None
        if issued.listing:
            require_obligation(judgment)
            ordered = translate.listing_of(issued, local_day(now))
    except (SanctionsError, ValidationError) as error:
        raise BadInput(f"judgment {issued.docket_number}: {error}") from error
    await store.lock_case(uow.conn, issued.plaintiff_id, issued.case_id)
    if not await store.insert_judgment(uow.conn, issued, obligation, now):
        log.info("judgment_already_recorded", case_id=issued.case_id)
        return
    performed = await _apply_parked(uow, issued, Performance(obligation))
    context = judgment_context(issued, obligation)
    notify_borrower(uow, issued, Purpose.JUDGMENT_NOTICE, context, cause)
    notify_platform(
        uow,
        plaintiff_id=issued.plaintiff_id,
        case_id=issued.case_id,
        kind=NoticeKind.JUDGMENT,
        text=f"Judgment {issued.docket_number}: {issued.outcome.value}",
        data={
            "docket_number": issued.docket_number,
            "outcome": issued.outcome.value,
            "obligation": issued.obligation,
            "performance": performed.status.value,
        },
        cause_id=cause,
        name="judgment",
    )
    log.info("judgment_recorded", case_id=issued.case_id, outcome=issued.outcome)
    if ordered is not None and not needs_listing(performed):
        log.info("listing_not_needed", case_id=issued.case_id)
        ordered = None
    if ordered is not None or issued.penalties:
        await record_sanctions(uow, issued, judgment, ordered, performed, cause)


async def _apply_parked(
    uow: UnitOfWork, issued: JudgmentIssued, owed: Performance
) -> Performance:
    """Count the repayments that arrived before the judgment, in received order."""
    rows = await store.unpark_repayments(uow.conn, issued.plaintiff_id, issued.case_id)
    if not rows:
        return owed
    repaid = [
        Repaid(r["amount"], local_day(r["received_at"]), r["fully_repaid"])
        for r in rows
    ]
    performed = perform(owed, repaid)
    await store.update_performance(
        uow.conn,
        issued.plaintiff_id,
        issued.case_id,
        performed.paid,
        performed.fully_performed_on,
    )
    log.info(
        "parked_repayments_applied",
        case_id=issued.case_id,
        count=len(rows),
        status=performed.status,
    )
    return performed
