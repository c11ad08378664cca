"""Due work on the clock: sealing at cut-off or service level, and the clocks."""

import structlog

from contracts import topics
from contracts.filing import ServiceLevel, ServiceLevelBreached, ServiceLevelWarned
from contracts.notices import NoticeKind
from services.filing_batcher import sealing
from services.filing_batcher.notices import tell_platform
from services.filing_batcher.store import batches, cases, deadlines
from shared.delivery.unit_of_work import UnitOfWork

log = structlog.get_logger(__name__)


async def seal_due_batches(uow: UnitOfWork) -> None:
    """Seal open batches that the cut-off or their service level says must go."""
    for plaintiff_id, court_id in await batches.open_groups(uow.conn):
        await sealing.seal_if_due(uow, plaintiff_id, court_id)


async def check_service_levels(uow: UnitOfWork) -> None:
    """Warn before each batch clock runs out; record each breach after."""
    now = uow.now()
    for row in await deadlines.due_deadlines(uow.conn, now):
        batch_id, level = row["batch_id"], row["level"]
        pending = await cases.unanswered(uow.conn, batch_id)
        if pending == 0:
            await deadlines.mark_deadline(uow.conn, batch_id, level, closed_at=now)
            continue
        breached = row["due_at"] < now
        common = {
            "batch_id": batch_id,
            "plaintiff_id": row["plaintiff_id"],
            "court_id": row["court_id"],
            "level": ServiceLevel(level),
            "due_at": row["due_at"],
            "pending_cases": pending,
        }
        event: ServiceLevelWarned | ServiceLevelBreached
        if breached:
            event = ServiceLevelBreached(**common, breached_at=now)
            await deadlines.mark_deadline(
                uow.conn, batch_id, level, warned_at=now, breached_at=now
            )
        else:
            event = ServiceLevelWarned(**common, warned_at=now)
            await deadlines.mark_deadline(uow.conn, batch_id, level, warned_at=now)
        name = type(event).__name__
        cause_id = f"deadline:{batch_id}:{level}"
        uow.emit(
            event,
            topic=topics.FILING,
            key=batch_id,
            cause_id=cause_id,
            name=name,
            subject=batch_id,
        )
        verb = "已超过" if breached else "即将到期"
        tell_platform(
            uow,
            cause_id=f"{cause_id}:{name}",
            plaintiff_id=row["plaintiff_id"],
            kind=NoticeKind.DEADLINE_WARNING,
            text=f"批次{batch_id}立案时限{verb}（{row['due_at'].isoformat()}）",
            at=now,
            batch_id=batch_id,
            data={"level": level, "pending_cases": str(pending)},
        )
        log.info("service_level_checked", batch_id=batch_id, level=level, outcome=name)
