"""Repayments update performance; a performed debt is lifted from the list.

A repayment can arrive before its case's judgment: it is kept, parked, and
counted when the judgment is recorded (handlers.judgments).
"""

import structlog

from contracts import topics
from contracts.notices import NoticeKind
from contracts.platform import RepaymentReceived
from contracts.sanctions import LiftReason
from services.sanctions_publisher import store
from services.sanctions_publisher.domain.errors import SanctionsError
from services.sanctions_publisher.domain.listing import DishonestConduct, Listing
from services.sanctions_publisher.domain.performance import (
    Performance,
    Repaid,
    lift_due,
    perform,
)
from services.sanctions_publisher.handlers.publication import republished
from shared.delivery.unit_of_work import Incoming, UnitOfWork
from shared.errors import BadInput
from shared.notices import notify_platform
from shared.periods import default_calendar, local_day

log = structlog.get_logger(__name__)


def _listing(row: store.Row) -> Listing:
    return Listing(
        case_number=row["case_id"],
        court=row["court_id"],
        conduct=DishonestConduct(row["art1_item"]),
        listed_on=row["listed_on"],
        extension_years=row["extension_years"] or 0,
    )


async def record_repayment(uow: UnitOfWork, incoming: Incoming) -> None:
    """Add a repayment to the judgment debt, or park it until the judgment comes."""
    paid = incoming.event
    assert isinstance(paid, RepaymentReceived)
    day = local_day(paid.received_at)
    try:
        repaid = Repaid(paid.amount, day, paid.fully_repaid)
    except SanctionsError as error:
        raise BadInput(f"repayment {paid.repayment_id}: {error}") from error
    await store.lock_case(uow.conn, paid.plaintiff_id, paid.case_id)
    judged = await store.judgment(uow.conn, paid.plaintiff_id, paid.case_id)
    if not await store.insert_repayment(uow.conn, paid, parked=judged is None):
        log.info("repayment_already_recorded", repayment_id=paid.repayment_id)
        return
    if judged is None:
        log.info("repayment_parked", case_id=paid.case_id)
        return
    before = Performance(
        judged["obligation"], judged["paid"], judged["fully_performed_on"]
    )
    after = perform(before, [repaid])
    await store.update_performance(
        uow.conn, paid.plaintiff_id, paid.case_id, after.paid, after.fully_performed_on
    )
    log.info("repayment_recorded", case_id=paid.case_id, status=after.status)
    listed = await store.listing_of_case(uow.conn, paid.plaintiff_id, paid.case_id)
    if listed is None:
        return
    if after.fully_performed_on is None:
        await _republish(uow, listed, after, incoming.meta.id)
        return
    due = lift_due(_listing(listed), after, default_calendar())
    if due is None or due.reason != "performed":
        return
    await store.schedule_lift(
        uow.conn,
        listed["sanction_id"],
        LiftReason.PERFORMED.value,
        uow.now(),
        due.due_by,
    )
    notify_platform(
        uow,
        plaintiff_id=paid.plaintiff_id,
        case_id=paid.case_id,
        kind=NoticeKind.SANCTION,
        text=f"Debt performed: the listing is lifted by {due.due_by}",
        data={"sanction_id": listed["sanction_id"], "lift_due_by": due.due_by},
        cause_id=incoming.meta.id,
        name="performed",
    )


async def _republish(
    uow: UnitOfWork, listed: store.Row, after: Performance, cause: str
) -> None:
    """Publish the entry again, same id and next version, when its status changed."""
    if listed["public_entry"] is None:
        log.info("public_entry_not_kept", sanction_id=listed["sanction_id"])
        return
    try:
        entry = republished(listed["public_entry"], after.status)
    except SanctionsError as error:
        raise BadInput(f"entry {listed['entry_id']}: {error}") from error
    if entry is None:
        return
    await store.replace_public_entry(uow.conn, listed["sanction_id"], entry)
    uow.emit(
        entry,
        topic=topics.PUBLIC_SANCTIONS,
        key=listed["plaintiff_id"],
        cause_id=cause,
        name="PublicSanctionEntry",
    )
    log.info(
        "public_entry_republished",
        entry_id=entry.entry_id,
        version=entry.version,
        status=entry.performance_status,
    )
