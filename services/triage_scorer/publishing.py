"""Making a decision known: the CaseTriaged event, and the platform's notice."""

import structlog

from contracts import topics
from contracts.cloudevents import derived_id
from contracts.triage import CaseTriaged, TriageDecision
from services.triage_scorer import outgoing
from services.triage_scorer.store import decisions
from shared.delivery.unit_of_work import UnitOfWork

log = structlog.get_logger(__name__)


async def publish(uow: UnitOfWork, triaged: CaseTriaged) -> None:
    """Send the revision out; a returned case is also told to its platform."""
    cause = f"triage:{triaged.plaintiff_id}:{triaged.case_id}:r{triaged.revision}"
    key = triaged.plaintiff_id
    uow.emit(
        triaged,
        topic=topics.TRIAGE,
        key=key,
        cause_id=cause,
        name="CaseTriaged",
        subject=triaged.case_id,
    )
    if triaged.decision is not TriageDecision.FILE_SUIT:
        notice_id = derived_id(cause, "PlatformNotice")
        uow.emit(
            outgoing.returned_notice(triaged, notice_id, uow.now()),
            topic=topics.tenant_topic(key, "notices"),
            key=key,
            cause_id=cause,
            name="PlatformNotice",
            subject=triaged.case_id,
        )
    await decisions.mark_published(uow.conn, triaged, uow.now())
    log.info(
        "case_triaged",
        case_id=triaged.case_id,
        revision=triaged.revision,
        decision=triaged.decision.value,
    )
