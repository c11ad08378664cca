"""Turns contact commands and call-centre reports into attempts and events."""

import structlog

from contracts import topics
from contracts.cloudevents import derived_id
from contracts.contact import SendNotice
from contracts.platform import ContactOutcomeReported
from services.contact_notifier import mapping, reported
from services.contact_notifier.attempts import Channels, try_notice
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
    """A call centre's result becomes an attempt like our own, scrubbed."""
    report = incoming.event
    assert isinstance(report, ContactOutcomeReported)
    known = await people.known_recipient(uow.conn, report.plaintiff_id, report.case_id)
    outcome = reported.scrubbed(report.outcome, known)
    if outcome.transcript and outcome.transcript_ref:
        await evidence.store_document(
            uow.conn, outcome.transcript_ref, "text/plain", outcome.transcript
        )
    attempt = reported.attempt_of(report, outcome)
    point = reported.contact_point_of(report.channel, known)
    event_id = derived_id(incoming.meta.id, "ContactAttempted")
    if not await evidence.insert_attempt(uow.conn, attempt, point, event_id):
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
