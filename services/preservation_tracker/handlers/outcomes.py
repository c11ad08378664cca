"""Filing stops the pre-suit clock; a dismissal flags wrongful-application exposure."""

import structlog

from contracts import topics
from contracts.filing import CaseDocketed
from contracts.preservation import LiftReason, WrongfulApplicationExposureFlagged
from contracts.rulings import JudgmentIssued, JudgmentOutcome
from services.preservation_tracker import clocks_store, store, translate
from services.preservation_tracker.domain.assets import Stage
from services.preservation_tracker.domain.deadlines import DeadlineKind
from services.preservation_tracker.domain.exposure import wrongful_exposure
from services.preservation_tracker.domain.order import CourtOrder
from services.preservation_tracker.handlers.lifting import lift
from shared.delivery.unit_of_work import Incoming, UnitOfWork
from shared.periods import local_day

log = structlog.get_logger(__name__)
LAPSE_KINDS = (DeadlineKind.LAPSE_WARNING, DeadlineKind.LAPSE_LIFT)


async def record_docketing(uow: UnitOfWork, incoming: Incoming) -> None:
    """Remember the filing; a pre-suit order filed in time no longer lapses."""
    docketed = incoming.event
    assert isinstance(docketed, CaseDocketed)
    filed_on = local_day(docketed.docketed_at)
    if not await store.insert_case(
        uow.conn,
        docketed.plaintiff_id,
        docketed.case_id,
        docketed.docket_number,
        filed_on,
    ):
        return
    apps = await store.applications_of_case(
        uow.conn, docketed.plaintiff_id, docketed.case_id, "ordered"
    )
    for app in apps:
        if app["suit_due_on"] is not None and filed_on <= app["suit_due_on"]:
            await clocks_store.cancel_deadlines(
                uow.conn, app["application_id"], LAPSE_KINDS, uow.now()
            )
            log.info("pre_suit_clock_stopped", application_id=app["application_id"])


async def flag_dismissal(uow: UnitOfWork, incoming: Incoming) -> None:
    """A dismissed case whose measures were ever taken exposes the applicant.

    Art. 108: measures already lifted under the 30-day rule or expired still
    count; measures in force are lifted as well.
    """
    judgment = incoming.event
    assert isinstance(judgment, JudgmentIssued)
    if judgment.outcome is not JudgmentOutcome.DISMISSED:
        return
    apps = await store.preserved_applications(
        uow.conn, judgment.plaintiff_id, judgment.case_id
    )
    for app in apps:
        rows = await clocks_store.measures_of(uow.conn, app["application_id"], None)
        order = CourtOrder(
            app["application_id"],
            app["case_id"],
            Stage(app["stage"]),
            app["taken_on"],
            tuple(translate.measure_from_row(r) for r in rows),
        )
        exposure = wrongful_exposure(judgment.case_id, True, [order])
        if exposure is None:
            continue
        now = uow.now()
        uow.emit(
            WrongfulApplicationExposureFlagged(
                application_id=app["application_id"],
                plaintiff_id=app["plaintiff_id"],
                case_id=app["case_id"],
                court_id=app["court_id"],
                docket_number=judgment.docket_number,
                preserved_value=exposure.preserved_value,
                flagged_at=now,
            ),
            topic=topics.PRESERVATION,
            key=app["plaintiff_id"],
            cause_id=incoming.meta.id,
            name=f"WrongfulApplicationExposureFlagged:{app['application_id']}",
            subject=app["case_id"],
        )
        await store.mark_exposure_flagged(uow.conn, app["application_id"], now)
        if app["status"] == "ordered":
            await lift(uow, app, LiftReason.DISMISSED, incoming.meta.id)
        log.info(
            "wrongful_exposure_flagged",
            application_id=app["application_id"],
            measures_in_force=app["status"] == "ordered",
        )
