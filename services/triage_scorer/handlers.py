"""Turns incoming events into case records, plans, decisions and outgoing events."""

import structlog

from contracts import topics
from contracts.cloudevents import derived_id
from contracts.contact import AttemptStatus, ContactAttempted, Purpose, StatedReason
from contracts.platform import LoanOverdue
from contracts.triage import CaseOpened, RetriageCase
from services.triage_scorer import deciding, mapping, privacy
from services.triage_scorer.casefile import open_file, policy_for
from services.triage_scorer.domain.sequence import plan_collection
from services.triage_scorer.domain.triage import window_closes_at
from services.triage_scorer.readers import TranscriptReader
from services.triage_scorer.store import cases, contacts, decisions
from shared.delivery.unit_of_work import Incoming, UnitOfWork
from shared.errors import BadInput

log = structlog.get_logger(__name__)


async def open_case(uow: UnitOfWork, incoming: Incoming) -> None:
    """Open a case for a reported overdue loan, announce it once, plan collection."""
    report = incoming.event
    assert isinstance(report, LoanOverdue)
    opened_at = uow.now()
    if not await cases.insert_case(uow.conn, report, incoming.meta.id, opened_at):
        log.info("case_already_open", case_id=report.case_id)
        return
    opened = CaseOpened(
        plaintiff_id=report.plaintiff_id,
        case_id=report.case_id,
        opened_at=opened_at,
        case=mapping.summary_of(report),
    )
    uow.emit(
        opened,
        topic=topics.TRIAGE,
        key=report.plaintiff_id,
        cause_id=incoming.meta.id,
        name="CaseOpened",
        subject=report.case_id,
    )
    await _plan(uow, report)
    log.info("case_opened", case_id=report.case_id)


async def _plan(uow: UnitOfWork, report: LoanOverdue) -> None:
    p, c = report.plaintiff_id, report.case_id
    case = mapping.case_of(report, uow.now())
    policy = await policy_for(uow.conn, p, case.opened_at.date())
    plan = [
        contacts.Scheduled(
            command_id=derived_id(f"contact:{p}:{c}", f"seq:{step.step}"),
            plaintiff_id=p,
            case_id=c,
            purpose=Purpose.COLLECTION.value,
            channel=step.channel.value,
            due_at=step.due_at,
        )
        for step in plan_collection(case, policy)
    ]
    await contacts.schedule(uow.conn, plan)
    await cases.set_window(uow.conn, p, c, window_closes_at(case, policy))


async def record_attempt(
    uow: UnitOfWork, incoming: Incoming, reader: TranscriptReader
) -> None:
    """Keep an attempt on one of our cases, read it, and reconsider the case."""
    attempt = incoming.event
    assert isinstance(attempt, ContactAttempted)
    row = await cases.lock_case(uow.conn, attempt.plaintiff_id, attempt.case_id)
    if row is None:
        log.info("attempt_for_unknown_case", case_id=attempt.case_id)
        return
    outcome = attempt.outcome
    reading = await reader.read(outcome.transcript) if outcome.transcript else None
    stated: StatedReason | None = None
    if outcome.stated_reason is not StatedReason.NONE:
        stated = outcome.stated_reason
    elif reading is not None and reading.category is not None:
        stated = StatedReason(reading.category.value)
    sentiment = reading.sentiment.value if reading else None
    event_id = incoming.meta.id
    if not await decisions.insert_attempt(
        uow.conn, attempt, stated, sentiment, event_id
    ):
        log.info("attempt_already_recorded", attempt_id=attempt.attempt_id)
        return
    file = await open_file(uow.conn, row)
    if attempt.purpose is Purpose.PRIVACY_NOTICE:
        await privacy.on_attempt(uow, file, attempt)
    elif (
        attempt.purpose is Purpose.COLLECTION
        and attempt.status is not AttemptStatus.BLOCKED
    ):
        await deciding.reconsider(uow, file)


async def retriage_case(uow: UnitOfWork, incoming: Incoming) -> None:
    """An operator's RetriageCase: decide the case again as a new revision."""
    command = incoming.event
    assert isinstance(command, RetriageCase)
    row = await cases.lock_case(uow.conn, command.plaintiff_id, command.case_id)
    if row is None:
        raise BadInput(
            f"no case {command.case_id!r} of plaintiff {command.plaintiff_id!r}"
        )
    await deciding.retriage(uow, await open_file(uow.conn, row))
    log.info("case_retriage_requested", case_id=command.case_id)
