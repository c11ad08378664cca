"""Records a judgment, its sanctions and public entry, and who must hear of it."""

import structlog
from pydantic import ValidationError

from contracts import topics
from contracts.contact import Purpose
from contracts.notices import NoticeKind
from contracts.rulings import JudgmentIssued
from contracts.sanctions import LiftReason, PublicSanctionEntry, SanctionRecorded
from services.sanctions_publisher import store, translate
from services.sanctions_publisher.days import local_day, start_of
from services.sanctions_publisher.domain.errors import SanctionsError
from services.sanctions_publisher.domain.judgment import obligation_amount
from services.sanctions_publisher.domain.listing import term_end
from services.sanctions_publisher.domain.performance import Performance, lift_due
from services.sanctions_publisher.handlers.publication import public_entry
from services.sanctions_publisher.notices import notify_borrower, notify_platform
from shared.delivery.unit_of_work import Incoming, UnitOfWork
from shared.errors import BadInput
from shared.periods import default_calendar

log = structlog.get_logger(__name__)
LIFT_REASON = {"performed": LiftReason.PERFORMED, "term_ended": LiftReason.TERM_EXPIRED}


async def record_judgment(uow: UnitOfWork, incoming: Incoming) -> None:
    """Record the outcome once; publish sanctions only after the entry passes."""
    issued = incoming.event
    assert isinstance(issued, JudgmentIssued)
    now, cause = uow.now(), incoming.meta.id
    try:
        judgment = translate.judgment_of(issued, local_day(issued.judged_at))
        obligation = obligation_amount(judgment)
        listing, rules = (
            translate.listing_of(issued, local_day(now))
            if issued.listing
            else (None, None)
        )
        sanction_id = translate.sanction_id_for(issued.plaintiff_id, issued.case_id)
        entry_id = translate.entry_id_for(issued.plaintiff_id, issued.case_id)
        entry = public_entry(issued, judgment, listing, entry_id) if listing else None
    except (SanctionsError, ValidationError) as error:
        raise BadInput(f"judgment {issued.docket_number}: {error}") from error
    if not await store.insert_judgment(uow.conn, issued, obligation, now):
        log.info("judgment_already_recorded", case_id=issued.case_id)
        return
    facts = {"outcome": issued.outcome.value, "obligation": issued.obligation}
    notify_borrower(uow, issued, Purpose.JUDGMENT_NOTICE, facts, cause)
    notify_platform(
        uow,
        plaintiff_id=issued.plaintiff_id,
        case_id=issued.case_id,
        kind=NoticeKind.JUDGMENT,
        text=f"Judgment {issued.docket_number}: {issued.outcome.value}",
        data={"docket_number": issued.docket_number, **facts},
        cause_id=cause,
        name="judgment",
    )
    log.info("judgment_recorded", case_id=issued.case_id, outcome=issued.outcome)
    if listing is None and not issued.penalties:
        return
    recorded = SanctionRecorded(
        sanction_id=sanction_id,
        plaintiff_id=issued.plaintiff_id,
        case_id=issued.case_id,
        court_id=issued.court_id,
        docket_number=issued.docket_number,
        listing=issued.listing,
        penalties=issued.penalties,
        listed_on=listing.listed_on if listing else None,
        listed_until=term_end(listing, rules) if listing and rules else None,
        recorded_at=now,
    )
    await store.insert_sanction(uow.conn, recorded, entry.entry_id if entry else None)
    uow.emit(
        recorded,
        topic=topics.SANCTIONS,
        key=issued.plaintiff_id,
        cause_id=cause,
        name="SanctionRecorded",
        subject=issued.case_id,
    )
    if entry is not None and listing is not None and rules is not None:
        _publish(uow, issued, entry, cause)
        due = lift_due(listing, Performance(obligation), default_calendar(), rules)
        if due is not None:
            await store.schedule_lift(
                uow.conn,
                sanction_id,
                LIFT_REASON[due.reason].value,
                start_of(due.earliest),
                due.due_by,
            )
    sanctions = {
        "listed_until": recorded.listed_until or "no fixed term" if listing else "",
        "penalties": ",".join(p.value for p in issued.penalties),
    }
    notify_borrower(uow, issued, Purpose.SANCTION_NOTICE, sanctions, cause)
    notify_platform(
        uow,
        plaintiff_id=issued.plaintiff_id,
        case_id=issued.case_id,
        kind=NoticeKind.SANCTION,
        text=f"Sanctions recorded on judgment {issued.docket_number}",
        data={"sanction_id": sanction_id, **sanctions},
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
