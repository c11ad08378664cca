"""Ending every measure of an application, for whatever reason."""

from collections.abc import Mapping

import structlog

from contracts import topics
from contracts.notices import NoticeKind
from contracts.preservation import LiftReason, PreservationLifted
from services.preservation_tracker import clocks_store, store
from shared.delivery.unit_of_work import UnitOfWork
from shared.notices import notify_platform as notify

log = structlog.get_logger(__name__)
WHY: Mapping[LiftReason, str] = {
    LiftReason.SUIT_NOT_FILED: "suit was not filed within the period (Art. 104)",
    LiftReason.EXPIRED: "every measure expired unrenewed",
    LiftReason.DISMISSED: "the claim was dismissed",
    LiftReason.REPAID: "the debt was repaid",
    LiftReason.WITHDRAWN: "the application was withdrawn",
}


async def lift(uow: UnitOfWork, app: store.Row, reason: LiftReason, cause: str) -> None:
    """Lift the application's measures, stop its clocks and publish the lift."""
    now = uow.now()
    application_id = app["application_id"]
    await store.set_status(
        uow.conn, application_id, "lifted", lift_reason=reason.value, lifted_at=now
    )
    ended = "expired" if reason is LiftReason.EXPIRED else "lifted"
    await clocks_store.set_measure_status(uow.conn, application_id, None, ended)
    await clocks_store.cancel_deadlines(uow.conn, application_id, None, now)
    uow.emit(
        PreservationLifted(
            application_id=application_id,
            plaintiff_id=app["plaintiff_id"],
            case_id=app["case_id"],
            court_id=app["court_id"],
            reason=reason,
            lifted_at=now,
        ),
        topic=topics.PRESERVATION,
        key=app["plaintiff_id"],
        cause_id=cause,
        name=f"PreservationLifted:{application_id}",
        subject=app["case_id"],
    )
    notify(
        uow,
        plaintiff_id=app["plaintiff_id"],
        case_id=app["case_id"],
        kind=NoticeKind.DEADLINE_WARNING,
        text=f"Preservation {application_id} lifted: {WHY[reason]}",
        data={"application_id": application_id, "reason": reason.value},
        cause_id=cause,
        name=f"lifted:{application_id}",
    )
    log.info("preservation_lifted", application_id=application_id, reason=reason)
