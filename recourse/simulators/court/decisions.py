"""Due work on the court's clock: decide filed cases, release later rulings."""

import structlog

from contracts.court import ComplaintElements
from contracts.registry import decode
from contracts.rulings import CaseDocketedByCourt, FilingRejectedByCourt
from contracts.topics import court_topic
from recourse.simulators.court import judgments, store
from recourse.simulators.court.docketing import (
    CIVIL_FIRST_INSTANCE,
    CourtBehaviour,
    docket_number,
    docket_year,
    rng_for,
)
from shared.delivery.unit_of_work import UnitOfWork
from shared.runtime import Sweep

log = structlog.get_logger(__name__)


def decide_due_cases(behaviour: CourtBehaviour) -> Sweep:
    """A sweep that answers each case whose decision is due, serials in order."""

    async def decide_due_cases(uow: UnitOfWork) -> None:
        for row in await store.due_decisions(uow.conn, uow.now()):
            decided_at = row["due_at"]
            common = {
                "court_id": row["court_id"],
                "plaintiff_id": row["plaintiff_id"],
                "batch_id": row["batch_id"],
                "case_id": row["case_id"],
                "decided_at": decided_at,
            }
            answer: CaseDocketedByCourt | FilingRejectedByCourt
            number = None
            if row["rejection_reason"] is None:
                year = docket_year(decided_at)
                serial = await store.next_serial(
                    uow.conn, row["court_code"], year, CIVIL_FIRST_INSTANCE
                )
                number = docket_number(row["court_code"], year, serial)
                answer = CaseDocketedByCourt(**common, docket_number=number)
                await _schedule_judgment(uow, behaviour, answer, row["complaint"])
            else:
                answer = FilingRejectedByCourt(**common, reason=row["rejection_reason"])
            where = f"{row['court_id']}:{row['batch_id']}:{row['case_id']}"
            uow.emit(
                answer,
                topic=court_topic(row["court_id"], "rulings"),
                key=row["plaintiff_id"],
                cause_id=f"decision:{where}",
                name=type(answer).__name__,
                subject=row["case_id"],
            )
            await store.mark_decided(uow.conn, row, number, uow.now())
            log.info("case_decided", case_id=row["case_id"], docket_number=number)

    return decide_due_cases


async def _schedule_judgment(
    uow: UnitOfWork,
    behaviour: CourtBehaviour,
    docketed: CaseDocketedByCourt,
    complaint_json: str,
) -> None:
    complaint = ComplaintElements.model_validate_json(complaint_json)
    rng = rng_for(behaviour.seed, "judgment", docketed.court_id, docketed.case_id)
    rulings = judgments.on_case_docketed(
        docketed,
        complaint,
        docketed.decided_at,
        rng,
        dismissal_share=behaviour.dismissal_share,
        listing_share=behaviour.listing_share,
        judgment_days=behaviour.judgment_days,
    )
    for n, (due_at, ruling) in enumerate(rulings):
        ruling_id = f"judgment:{docketed.court_id}:{docketed.case_id}:{n}"
        await store.schedule(uow.conn, ruling_id, due_at, ruling)


async def release_due_rulings(uow: UnitOfWork) -> None:
    """Publish judgments and orders whose time has come, in time order."""
    for row in await store.due_rulings(uow.conn, uow.now()):
        ruling = decode(row["ce_type"], row["payload"].encode())
        uow.emit(
            ruling,
            topic=row["topic"],
            key=row["plaintiff_id"],
            cause_id=f"ruling:{row['ruling_id']}",
            name=row["ce_type"],
            subject=getattr(ruling, "case_id", None),
        )
        await store.mark_released(uow.conn, row["ruling_id"], uow.now())
        log.info("ruling_released", ruling_id=row["ruling_id"], type=row["ce_type"])
