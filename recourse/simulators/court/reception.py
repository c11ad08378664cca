"""What the court's registry office does on receipt of a filing or application."""

import structlog

from contracts.court import (
    BatchFilingSubmitted,
    PreservationApplicationSubmitted,
    PreservationRenewalSubmitted,
)
from recourse.simulators.court import preservation, store
from recourse.simulators.court.docketing import CourtBehaviour, decide, rng_for
from services.filing_batcher import registry
from services.filing_batcher.domain.errors import UnknownCourtError
from shared.delivery.consumer import Handler
from shared.delivery.unit_of_work import Incoming, UnitOfWork

log = structlog.get_logger(__name__)


def court_code(court_id: str) -> str | None:
    """The court's display code (京0105), or None for a court not registered."""
    try:
        return registry.courts().by_id(court_id).code
    except UnknownCourtError:
        return None


def receive_filing(behaviour: CourtBehaviour) -> Handler:
    """A handler that schedules one decision per case of a batch filing."""

    async def receive(uow: UnitOfWork, incoming: Incoming) -> None:
        filing = incoming.event
        assert isinstance(filing, BatchFilingSubmitted)
        received_at = uow.now()
        code = court_code(filing.court_id)
        rows = []
        for case in filing.cases:
            rng = rng_for(
                behaviour.seed, filing.court_id, filing.batch_id, case.case_id
            )
            decision = decide(
                case, filing.court_id, code is not None, received_at, behaviour, rng
            )
            rows.append(
                (
                    filing.court_id,
                    filing.batch_id,
                    case.case_id,
                    filing.plaintiff_id,
                    code,
                    case.model_dump_json(),
                    received_at,
                    decision.due_at,
                    decision.rejection_reason,
                )
            )
        await store.insert_decisions(uow.conn, rows)
        log.info("filing_received", batch_id=filing.batch_id, cases=len(rows))

    return receive


def receive_application(behaviour: CourtBehaviour) -> Handler:
    """A handler that schedules the court's order on a preservation application.

    The ruling takes the next serial of its court, year and type (财保 or 执保)
    from the same register as case dockets, so no two rulings share a number.
    """

    async def receive(uow: UnitOfWork, incoming: Incoming) -> None:
        application = incoming.event
        assert isinstance(application, PreservationApplicationSubmitted)
        ruling_id = f"preservation:{application.application_id}:0"
        if await store.ruling_scheduled(uow.conn, ruling_id):
            log.info("application_already_received")
            return
        rng = rng_for(behaviour.seed, "preservation", application.application_id)
        plan = preservation.plan_order(application, uow.now(), rng)
        serial = await store.next_serial(
            uow.conn, plan.court_code, plan.year, plan.case_type
        )
        await store.schedule(uow.conn, ruling_id, plan.ordered_at, plan.order(serial))
        log.info("application_received", application_id=application.application_id)

    return receive


def receive_renewal(behaviour: CourtBehaviour) -> Handler:
    """A handler that schedules the renewal order of one measure, once."""

    async def receive(uow: UnitOfWork, incoming: Incoming) -> None:
        renewal = incoming.event
        assert isinstance(renewal, PreservationRenewalSubmitted)
        key = f"{renewal.application_id}:{renewal.asset_identifier}"
        rng = rng_for(behaviour.seed, "renewal", key, str(renewal.expiry_date))
        rulings = preservation.on_renewal_application(renewal, uow.now(), rng)
        for n, (due_at, ruling) in enumerate(rulings):
            ruling_id = f"renewal:{key}:{renewal.expiry_date}:{n}"
            await store.schedule(uow.conn, ruling_id, due_at, ruling)
        log.info("renewal_received", application_id=renewal.application_id)

    return receive
