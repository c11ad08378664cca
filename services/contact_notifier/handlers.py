"""Turns contact commands and call-centre reports into attempts and events."""

import structlog

from contracts import topics
from contracts.cloudevents import derived_id
from contracts.contact import AttemptStatus, ContactAttempted, SendNotice
from contracts.platform import ContactOutcomeReported
from services.contact_notifier import mapping
from services.contact_notifier.attempts import Channels, try_notice
from services.contact_notifier.channels.base import content_ref
from services.contact_notifier.store import evidence, notices, people
from shared.delivery.unit_of_work import Incoming, UnitOfWork
from shared.errors import BadInput

log = structlog.get_logger(__name__)


async def take_command(uow: UnitOfWork, incoming: Incoming, channels: Channels) -> None:
    """Keep a SendNotice until it ends; try it at once when it is due."""
    sent = incoming.event
    assert isinstance(sent, SendNotice)
    if incoming.key != sent.plaintiff_id:
        raise BadInput(
            f"record key {incoming.key!r} differs from plaintiff {sent.plaintiff_id!r}"
        )
    p, c, now = sent.plaintiff_id, sent.case_id, uow.now()
    command = mapping.completed(sent, await people.known_recipient(uow.conn, p, c))
    recipient = mapping.recipient_of(command)
    mapping.body_of(command)
    await people.keep_recipient(uow.conn, p, c, command.recipient, now)
    due = max(now, command.not_before)
    if not await notices.insert_notice(uow.conn, command, incoming.meta.id, now, due):
        log.info("command_already_known", command_id=command.command_id)
        return
    if command.recipient.do_not_contact:
        await people.add_do_not_contact(
            uow.conn, command.plaintiff_id, recipient.borrower_id, now
        )
    if due <= now:
        await try_notice(uow, command, channels)


async def record_reported_outcome(uow: UnitOfWork, incoming: Incoming) -> None:
    """A call centre's result becomes an attempt like our own."""
    report = incoming.event
    assert isinstance(report, ContactOutcomeReported)
    outcome = report.outcome
    if outcome.transcript and not outcome.transcript_ref:
        outcome = outcome.model_copy(
            update={"transcript_ref": content_ref(outcome.transcript)}
        )
    if outcome.transcript and outcome.transcript_ref:
        await evidence.store_document(
            uow.conn, outcome.transcript_ref, "text/plain", outcome.transcript
        )
    attempt = ContactAttempted(
        attempt_id=report.attempt_id,
        plaintiff_id=report.plaintiff_id,
        case_id=report.case_id,
        purpose=report.purpose,
        channel=report.channel,
        attempted_at=report.occurred_at,
        status=AttemptStatus.DELIVERED if outcome.reached else AttemptStatus.FAILED,
        outcome=outcome,
        marketing=report.marketing,
    )
    event_id = derived_id(incoming.meta.id, "ContactAttempted")
    if not await evidence.insert_attempt(uow.conn, attempt, None, event_id):
        log.info("report_already_recorded", attempt_id=report.attempt_id)
        return
    uow.emit(
        attempt,
        topic=topics.CONTACT,
        key=report.plaintiff_id,
        cause_id=incoming.meta.id,
        name="ContactAttempted",
        subject=report.case_id,
    )
    log.info("outcome_reported", attempt_id=report.attempt_id)
