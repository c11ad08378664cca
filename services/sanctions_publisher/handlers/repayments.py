"""Repayments update performance; a performed debt is lifted from the list."""

from dataclasses import replace

import structlog

from contracts.notices import NoticeKind
from contracts.platform import RepaymentReceived
from contracts.sanctions import LiftReason
from services.sanctions_publisher import store
from services.sanctions_publisher.days import local_day
from services.sanctions_publisher.domain.errors import SanctionsError
from services.sanctions_publisher.domain.listing import (
    DEFAULT_RULES,
    DishonestConduct,
    Listing,
)
from services.sanctions_publisher.domain.performance import (
    Performance,
    apply_repayment,
    lift_due,
    settle,
)
from services.sanctions_publisher.notices import notify_platform
from shared.delivery.unit_of_work import Incoming, UnitOfWork
from shared.errors import BadInput
from shared.periods import default_calendar

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
    """Add a repayment to the judgment debt; full performance schedules the lift."""
    paid = incoming.event
    assert isinstance(paid, RepaymentReceived)
    judged = await store.judgment(uow.conn, paid.plaintiff_id, paid.case_id)
    if judged is None:
        raise BadInput(
            f"repayment {paid.repayment_id} names case {paid.case_id!r}, "
            "which has no judgment recorded here"
        )
    if not await store.insert_repayment(uow.conn, paid):
        log.info("repayment_already_recorded", repayment_id=paid.repayment_id)
        return
    day = local_day(paid.received_at)
    before = Performance(
        judged["obligation"], judged["paid"], judged["fully_performed_on"]
    )
    try:
        after = apply_repayment(before, paid.amount, day)
    except SanctionsError as error:
        raise BadInput(str(error)) from error
    if paid.fully_repaid:
        after = settle(after, day)
    await store.update_performance(
        uow.conn, paid.plaintiff_id, paid.case_id, after.paid, after.fully_performed_on
    )
    log.info("repayment_recorded", case_id=paid.case_id, status=after.status)
    listed = await store.listing_of_case(uow.conn, paid.plaintiff_id, paid.case_id)
    if listed is None or after.fully_performed_on is None:
        return
    rules = DEFAULT_RULES
    if listed["term_years"] is not None:
        rules = replace(rules, base_years=listed["term_years"])
    due = lift_due(_listing(listed), after, default_calendar(), rules)
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
