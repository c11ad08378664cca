"""Recording a decision and making it known: at once, or after the privacy notice."""

import dataclasses

import structlog

from contracts.triage import TriageDecision
from services.triage_scorer import mapping, privacy
from services.triage_scorer.casefile import COLLECTING, DECIDED, CaseFile, policy_for
from services.triage_scorer.domain.triage import Cause, Triage, decide, judge
from services.triage_scorer.publishing import publish
from services.triage_scorer.store import cases, contacts, decisions
from shared.delivery.unit_of_work import UnitOfWork

log = structlog.get_logger(__name__)


async def settle(uow: UnitOfWork, file: CaseFile, triage: Triage) -> None:
    """Keep the revision; publish it, or first ask for the privacy notice."""
    triaged = mapping.triaged_of(triage, file.plaintiff_id, file.report, file.rows)
    conn, p, c = uow.conn, file.plaintiff_id, file.case_id
    await decisions.insert_decision(conn, triaged)
    suit = triaged.decision is TriageDecision.FILE_SUIT
    cancel = ["collection"] if suit else ["collection", "privacy_notice"]
    await contacts.cancel_open(conn, p, c, cancel)
    notified = file.row["privacy_attempt_id"]
    if suit and notified is None:
        await privacy.before_suit(uow, file, triaged)
        return
    if suit:
        triaged = triaged.model_copy(update={"privacy_notice_attempt_id": notified})
    await publish(uow, triaged)
    await cases.set_status(conn, p, c, DECIDED)


async def _next_revision(uow: UnitOfWork, file: CaseFile) -> tuple[int, str | None]:
    latest = await decisions.latest_decision(uow.conn, file.plaintiff_id, file.case_id)
    if latest is None:
        return 1, None
    return latest.revision + 1, latest.decision.value


async def reconsider(uow: UnitOfWork, file: CaseFile) -> None:
    """After a new attempt: decide if decisive, or revise when the outcome changes."""
    now = uow.now()
    policy = await policy_for(uow.conn, file.plaintiff_id, now.date())
    revision, current = await _next_revision(uow, file)
    if file.status == COLLECTING:
        triage = decide(file.case, file.attempts, policy, now)
        if triage is not None:
            await settle(uow, file, dataclasses.replace(triage, revision=revision))
        return
    later = judge(file.case, file.attempts, policy, now, Cause.LATER_OUTCOME, revision)
    if later.decision.value != current:
        await settle(uow, file, later)


async def close_window(uow: UnitOfWork, file: CaseFile) -> None:
    """The collection window has closed: decide on what was learned."""
    now = uow.now()
    policy = await policy_for(uow.conn, file.plaintiff_id, now.date())
    revision, _ = await _next_revision(uow, file)
    triage = judge(file.case, file.attempts, policy, now, Cause.WINDOW_CLOSED, revision)
    await settle(uow, file, triage)


async def retriage(uow: UnitOfWork, file: CaseFile) -> None:
    """An operator asked: decide again now, as a new revision, whatever it says."""
    now = uow.now()
    policy = await policy_for(uow.conn, file.plaintiff_id, now.date())
    revision, _ = await _next_revision(uow, file)
    cause = Cause.OPERATOR_COMMAND
    await settle(
        uow, file, judge(file.case, file.attempts, policy, now, cause, revision)
    )
