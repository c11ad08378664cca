"""Sweeper: lifts listings whose debt was performed or whose term ended."""

import structlog

from contracts import topics
from contracts.notices import NoticeKind
from contracts.sanctions import LiftReason, PublicSanctionWithdrawn, SanctionLifted
from services.sanctions_publisher import store
from shared.delivery.unit_of_work import UnitOfWork
from shared.notices import notify_platform
from shared.periods import local_day

log = structlog.get_logger(__name__)


async def lift_due_listings(uow: UnitOfWork) -> None:
    """Publish each due lift and the withdrawal of its public entry, once."""
    now = uow.now()
    for row in await store.due_lifts(uow.conn, now):
        cause = f"lift:{row['sanction_id']}"
        reason = LiftReason(row["lift_reason"])
        uow.emit(
            SanctionLifted(
                sanction_id=row["sanction_id"],
                plaintiff_id=row["plaintiff_id"],
                case_id=row["case_id"],
                entry_id=row["entry_id"],
                reason=reason,
                lifted_at=now,
            ),
            topic=topics.SANCTIONS,
            key=row["plaintiff_id"],
            cause_id=cause,
            name="SanctionLifted",
            subject=row["case_id"],
        )
        uow.emit(
            PublicSanctionWithdrawn(
                entry_id=row["entry_id"], withdrawn_on=local_day(now)
            ),
            topic=topics.PUBLIC_SANCTIONS,
            key=row["plaintiff_id"],
            cause_id=cause,
            name="PublicSanctionWithdrawn",
        )
        notify_platform(
            uow,
            plaintiff_id=row["plaintiff_id"],
            case_id=row["case_id"],
            kind=NoticeKind.SANCTION,
            text=f"Listing lifted ({reason.value}); public entry withdrawn",
            data={"sanction_id": row["sanction_id"], "reason": reason.value},
            cause_id=cause,
            name="lifted",
        )
        await store.mark_lifted(uow.conn, row["sanction_id"], now)
        log.info("listing_lifted", sanction_id=row["sanction_id"], reason=reason)
