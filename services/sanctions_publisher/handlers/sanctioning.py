"""Records the sanctions of a judgment, publishes its public entry, tells both sides."""

import structlog

from contracts import topics
from contracts.contact import Purpose
from contracts.notices import NoticeKind
from contracts.rulings import JudgmentIssued
from contracts.sanctions import LiftReason, PublicSanctionEntry, SanctionRecorded
from services.sanctions_publisher import store, translate
from services.sanctions_publisher.domain.errors import SanctionsError
from services.sanctions_publisher.domain.judgment import Judgment
from services.sanctions_publisher.domain.listing import Listing, term_end
from services.sanctions_publisher.domain.performance import Performance, lift_due
from services.sanctions_publisher.handlers.publication import public_entry
from services.sanctions_publisher.notices import (
    notify_borrower,
    sanction_context,
)
from shared.delivery.unit_of_work import UnitOfWork
from shared.errors import BadInput
from shared.notices import notify_platform
from shared.periods import default_calendar, start_of

log = structlog.get_logger(__name__)
LIFT_REASON = {"performed": LiftReason.PERFORMED, "term_ended": LiftReason.TERM_EXPIRED}


async def record_sanctions(
    uow: UnitOfWork,
    issued: JudgmentIssued,
    judgment: Judgment,
    listing: Listing | None,
    performed: Performance,
    cause: str,
) -> None:
    """Publish the listing only after its entry passes the guard; then the notices."""
    sanction_id = translate.sanction_id_for(issued.plaintiff_id, issued.case_id)
    entry = None
    if listing is not None:
        entry_id = translate.entry_id_for(issued.plaintiff_id, issued.case_id)
        try:
            entry = public_entry(issued, judgment, listing, entry_id, performed)
        except SanctionsError as error:
            raise BadInput(f"judgment {issued.docket_number}: {error}") from error
    recorded = SanctionRecorded(
        sanction_id=sanction_id,
        plaintiff_id=issued.plaintiff_id,
        case_id=issued.case_id,
        court_id=issued.court_id,
        docket_number=issued.docket_number,
        listing=issued.listing if listing else None,
        penalties=issued.penalties,
        restrictions=translate.restrictions_of(listing) if listing else (),
        listed_on=listing.listed_on if listing else None,
        listed_until=term_end(listing) if listing else None,
        recorded_at=uow.now(),
    )
    await store.insert_sanction(uow.conn, recorded, entry)
    uow.emit(
        recorded,
        topic=topics.SANCTIONS,
        key=issued.plaintiff_id,
        cause_id=cause,
        name="SanctionRecorded",
        subject=issued.case_id,
    )
    if entry is not None and listing is not None:
        _publish(uow, issued, entry, cause)
        due = lift_due(listing, performed, default_calendar())
        if due is not None:
            await store.schedule_lift(
                uow.conn,
                sanction_id,
                LIFT_REASON[due.reason].value,
                start_of(due.earliest),
                due.due_by,
            )
    context = sanction_context(
        listing is not None, recorded.listed_until, issued.penalties
    )
    notify_borrower(uow, issued, Purpose.SANCTION_NOTICE, context, cause)
    notify_platform(
        uow,
        plaintiff_id=issued.plaintiff_id,
        case_id=issued.case_id,
        kind=NoticeKind.SANCTION,
        text=f"Sanctions recorded on judgment {issued.docket_number}",
        data={
            "sanction_id": sanction_id,
            "listed_until": recorded.listed_until or "no fixed term" if listing else "",
            "penalties": ",".join(p.value for p in issued.penalties),
            "restrictions": ",".join(r.value for r in recorded.restrictions),
        },
        cause_id=cause,
        name="sanction",
    )
    log.info("sanction_recorded", case_id=issued.case_id, listed=entry is not None)


def _publish(
    uow: UnitOfWork, issued: JudgmentIssued, entry: PublicSanctionEntry, cause: str
) -> None:
    uow.emit(
        entry,
        topic=topics.PUBLIC_SANCTIONS,
        key=issued.plaintiff_id,
        cause_id=cause,
        name="PublicSanctionEntry",
    )
