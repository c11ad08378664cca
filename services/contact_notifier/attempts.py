"""One try at a notice: check the contact rules, then block it or perform it."""

from collections.abc import Mapping
from datetime import datetime, timedelta

import structlog

from contracts import topics
from contracts.cloudevents import derived_id
from contracts.contact import Channel, ContactAttempted, SendNotice
from services.contact_notifier import mapping
from services.contact_notifier.channels.base import ChannelAdapter, ChannelError
from services.contact_notifier.domain.disclosure import withheld_from_third_party
from services.contact_notifier.domain.model import Delivery
from services.contact_notifier.domain.policy import contact_policies_from
from services.contact_notifier.domain.rules import (
    Allowed,
    Blocked,
    BlockReason,
    PriorCall,
    check_attempt,
)
from services.contact_notifier.store import evidence, notices, people
from shared.delivery.unit_of_work import UnitOfWork
from shared.policies import tenant_overrides

log = structlog.get_logger(__name__)
Channels = Mapping[Channel, ChannelAdapter]
PROVIDER_RETRY = timedelta(minutes=15)


async def _verdict(uow: UnitOfWork, command: SendNotice) -> Allowed | Blocked:
    now, recipient = uow.now(), mapping.recipient_of(command)
    purpose = mapping.PURPOSES[command.purpose]
    if withheld_from_third_party(purpose, command.recipient.third_party):
        return Blocked(BlockReason.THIRD_PARTY, None)
    overrides = await tenant_overrides(uow.conn, command.plaintiff_id)
    policies = contact_policies_from(command.plaintiff_id, overrides)
    policy = policies.on(now.date())
    subjects = [recipient.borrower_id, recipient.address]
    barred = await people.do_not_contact_among(uow.conn, command.plaintiff_id, subjects)
    calls: list[PriorCall] = []
    if command.channel is Channel.PHONE:
        since = now - timedelta(days=2)
        rows = await evidence.prior_calls(uow.conn, recipient.address, since)
        calls = [
            PriorCall(recipient.address, r["attempted_at"], r["answered"]) for r in rows
        ]
    return check_attempt(command.channel, recipient, now, policy, calls, barred)


async def _record(
    uow: UnitOfWork, command: SendNotice, attempt: ContactAttempted
) -> None:
    cause = f"attempt:{attempt.plaintiff_id}:{attempt.attempt_id}"
    event_id = derived_id(cause, "ContactAttempted")
    point = mapping.contact_point(command)
    if await evidence.insert_attempt(uow.conn, attempt, point, event_id):
        uow.emit(
            attempt,
            topic=topics.CONTACT,
            key=attempt.plaintiff_id,
            cause_id=cause,
            name="ContactAttempted",
            subject=attempt.case_id,
        )


async def _keep_evidence(uow: UnitOfWork, delivery: Delivery) -> None:
    ref = delivery.outcome.transcript_ref
    if ref and delivery.document:
        await evidence.store_document(uow.conn, ref, "text/html", delivery.document)
    elif ref and delivery.outcome.transcript:
        await evidence.store_document(
            uow.conn, ref, "text/plain", delivery.outcome.transcript
        )


async def try_notice(uow: UnitOfWork, command: SendNotice, channels: Channels) -> None:
    """Make the next attempt of a due notice, or record why it must wait."""
    now = uow.now()
    number = await evidence.count_attempts(uow.conn, command.command_id) + 1
    attempt_id = derived_id(f"attempt:{command.command_id}", str(number))
    verdict = await _verdict(uow, command)
    if isinstance(verdict, Blocked):
        await _block(uow, command, attempt_id, now, verdict)
        return
    try:
        notice = mapping.notice_of(command, attempt_id, now)
        delivery = await channels[command.channel].send(notice)
    except ChannelError as error:
        retry = now + PROVIDER_RETRY
        await notices.set_notice(uow.conn, command.command_id, "pending", retry)
        log.warning("provider_failed", command_id=command.command_id, error=str(error))
        return
    await _keep_evidence(uow, delivery)
    outcome = mapping.outcome_of(delivery.outcome)
    attempt = mapping.attempted(command, attempt_id, now, outcome)
    await _record(uow, command, attempt)
    await notices.set_notice(uow.conn, command.command_id, "done", None)
    log.info("contact_attempted", attempt_id=attempt_id, status=attempt.status.value)


async def _block(
    uow: UnitOfWork,
    command: SendNotice,
    attempt_id: str,
    now: datetime,
    verdict: Blocked,
) -> None:
    later = verdict.next_allowed_at
    attempt = mapping.attempted(command, attempt_id, now, block=(verdict.reason, later))
    await _record(uow, command, attempt)
    status = "pending" if later is not None else "blocked_for_good"
    await notices.set_notice(uow.conn, command.command_id, status, later)
    log.info("contact_blocked", attempt_id=attempt_id, reason=verdict.reason.value)
