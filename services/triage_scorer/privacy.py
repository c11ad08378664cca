"""Before a suit is referred, the borrower is told what a court may disclose."""

import structlog

from contracts.cloudevents import derived_id
from contracts.contact import AttemptStatus, ContactAttempted
from contracts.triage import CaseTriaged, Reason
from services.triage_scorer.casefile import (
    AWAITING_PRIVACY_NOTICE,
    DECIDED,
    CaseFile,
    policy_for,
)
from services.triage_scorer.domain.policy import TriagePolicy
from services.triage_scorer.publishing import publish
from services.triage_scorer.store import cases, contacts, decisions
from shared.delivery.unit_of_work import UnitOfWork

log = structlog.get_logger(__name__)
UNDELIVERED = Reason(
    rule="privacy_notice_undelivered",
    text="the privacy notice could not be delivered on any channel; the court "
    "will serve the borrower",
    text_zh="个人信息披露告知书未能通过任何渠道送达，由法院送达",
)


async def ask(
    uow: UnitOfWork, plaintiff_id: str, case_id: str, policy: TriagePolicy, tried: int
) -> bool:
    """Schedule the notice on the next channel; False when every one was tried."""
    if tried >= len(policy.privacy_channels):
        return False
    command_id = derived_id(f"contact:{plaintiff_id}:{case_id}", f"privacy:{tried}")
    contact = contacts.Scheduled(
        command_id=command_id,
        plaintiff_id=plaintiff_id,
        case_id=case_id,
        purpose="privacy_notice",
        channel=policy.privacy_channels[tried].value,
        due_at=uow.now(),
    )
    await contacts.schedule(uow.conn, [contact])
    return True


async def before_suit(uow: UnitOfWork, file: CaseFile, triaged: CaseTriaged) -> None:
    """Ask for the notice on the next untried channel; refer at once if none is left."""
    conn, p, c = uow.conn, file.plaintiff_id, file.case_id
    if file.status != AWAITING_PRIVACY_NOTICE:
        policy = await policy_for(conn, p, uow.now().date())
        tried = await contacts.count_privacy(conn, p, c)
        if not await ask(uow, p, c, policy, tried):
            await _refer_unnotified(uow, triaged)
            return
    await cases.set_status(conn, p, c, AWAITING_PRIVACY_NOTICE)
    log.info("suit_awaits_privacy_notice", case_id=c, revision=triaged.revision)


async def _refer_unnotified(uow: UnitOfWork, triaged: CaseTriaged) -> None:
    log.warning("privacy_notice_undelivered", case_id=triaged.case_id)
    await publish(
        uow, triaged.model_copy(update={"reasons": (*triaged.reasons, UNDELIVERED)})
    )
    await cases.set_status(uow.conn, triaged.plaintiff_id, triaged.case_id, DECIDED)


async def on_attempt(
    uow: UnitOfWork, file: CaseFile, attempt: ContactAttempted
) -> None:
    """Delivered: refer the suit. Failed: try the next channel, or refer anyway."""
    conn, p, c = uow.conn, file.plaintiff_id, file.case_id
    delivered = attempt.status is AttemptStatus.DELIVERED
    if delivered:
        await cases.set_privacy_attempt(conn, p, c, attempt.attempt_id)
    if file.status != AWAITING_PRIVACY_NOTICE:
        return
    if attempt.status is AttemptStatus.BLOCKED and attempt.rescheduled_to:
        return
    latest = await decisions.latest_decision(conn, p, c)
    if latest is None:
        return
    if delivered:
        update = {"privacy_notice_attempt_id": attempt.attempt_id}
        await publish(uow, latest.model_copy(update=update))
        await cases.set_status(conn, p, c, DECIDED)
        return
    policy = await policy_for(conn, p, uow.now().date())
    if not await ask(uow, p, c, policy, await contacts.count_privacy(conn, p, c)):
        await _refer_unnotified(uow, latest)
