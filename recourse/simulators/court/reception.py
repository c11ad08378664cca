"""What the court's registry office does on receipt of a filing or application."""

import structlog

from contracts.court import BatchFilingSubmitted, PreservationApplicationSubmitted
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
    """A handler that schedules the court's order on a preservation application."""

    async def receive(uow: UnitOfWork, incoming: Incoming) -> None:
        application = incoming.event
        assert isinstance(application, PreservationApplicationSubmitted)
        rng = rng_for(behaviour.seed, "preservation", application.application_id)
        orders = preservation.on_preservation_application(application, uow.now(), rng)
        for n, (due_at, ruling) in enumerate(orders):
            ruling_id = f"preservation:{application.application_id}:{n}"
            await store.schedule(uow.conn, ruling_id, due_at, ruling)
        log.info("application_received", application_id=application.application_id)

    return receive
