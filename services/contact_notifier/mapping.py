"""Translation between the contracts on Kafka and contact-notifier's domain."""

import hashlib
from datetime import datetime

from contracts import contact as c
from contracts.loans import BorrowerProfile
from services.contact_notifier.domain import model as m
from services.contact_notifier.domain.disclosure import text_for
from services.contact_notifier.domain.notice_text import MessageError, body_for
from services.contact_notifier.domain.rules import BlockReason
from shared.errors import BadInput

PURPOSES = {
    c.Purpose.COLLECTION: m.Purpose.COLLECTION_ATTEMPT,
    c.Purpose.PRIVACY_NOTICE: m.Purpose.PRIVACY_NOTICE,
    c.Purpose.JUDGMENT_NOTICE: m.Purpose.JUDGMENT_NOTICE,
    c.Purpose.SANCTION_NOTICE: m.Purpose.SANCTION_NOTICE,
}
BLOCKS = {
    BlockReason.QUIET_HOURS: c.BlockedReason.QUIET_HOURS,
    BlockReason.UNANSWERED_CALL_CAP: c.BlockedReason.DAILY_CALL_LIMIT,
    BlockReason.DO_NOT_CONTACT: c.BlockedReason.DO_NOT_CONTACT,
    BlockReason.THIRD_PARTY: c.BlockedReason.THIRD_PARTY,
}
FILLABLE = ("phone", "address", "id_number", "profile")
CALLER = {"zh": "客户服务中心", "en": "the customer service centre"}
CALLBACK = "400-000-0000"


def completed(command: c.SendNotice, known: c.Recipient | None) -> c.SendNotice:
    """Fill details a command leaves out from what earlier commands told us."""
    if known is None:
        return command
    given = command.recipient
    missing: dict[str, object] = {
        name: getattr(known, name)
        for name in FILLABLE
        if getattr(given, name) is None and getattr(known, name) is not None
    }
    if known.do_not_contact and not given.do_not_contact:
        missing["do_not_contact"] = True
    if not missing:
        return command
    return command.model_copy(update={"recipient": given.model_copy(update=missing)})


def borrower_key(recipient: c.Recipient) -> str:
    """A pseudonym of the person: the do-not-contact list never holds raw ids."""
    identity = recipient.id_number or recipient.phone or recipient.name
    return "p:" + hashlib.sha256(identity.encode()).hexdigest()[:32]


def contact_point(command: c.SendNotice) -> str:
    """The number or address the channel needs; BadInput when the command lacks it."""
    who = command.recipient
    point = who.address if command.channel is c.Channel.LETTER else who.phone
    if not point:
        need = "address" if command.channel is c.Channel.LETTER else "phone"
        raise BadInput(f"recipient has no {need} for channel {command.channel.value}")
    return point


def language_of(command: c.SendNotice) -> c.Language:
    """The recipient's language, except that formal letters are always Chinese."""
    return "zh" if command.channel is c.Channel.LETTER else command.recipient.language


def recipient_of(command: c.SendNotice) -> m.Recipient:
    who = command.recipient
    profile = who.profile or BorrowerProfile.OTHER
    return m.Recipient(
        borrower_id=borrower_key(who),
        name=who.name,
        address=contact_point(command),
        profile=m.Profile(profile.value),
        language=language_of(command),
        timezone=who.timezone,
        night_consent=who.consent_to_night_contact,
    )


def body_of(command: c.SendNotice) -> str:
    """The notice text, neutral for a third party; letters are always Chinese."""
    who = command.recipient
    language = language_of(command)
    context = {"plaintiff_id": command.plaintiff_id, **command.context}
    try:
        body = body_for(PURPOSES[command.purpose], language, who.name, context)
    except MessageError as e:
        raise BadInput(f"cannot write the {command.purpose.value} notice: {e}") from e
    recipient = recipient_of(command)
    caller = CALLER[language]
    return text_for(recipient, not who.third_party, body, caller, CALLBACK)


def notice_of(command: c.SendNotice, attempt_id: str, at: datetime) -> m.Notice:
    return m.Notice(
        attempt_id=attempt_id,
        tenant=command.plaintiff_id,
        case_id=command.case_id,
        channel=command.channel,
        purpose=PURPOSES[command.purpose],
        recipient=recipient_of(command),
        body=body_of(command),
        at=at,
    )


def outcome_of(outcome: m.ContactOutcome) -> c.ContactOutcome:
    reason = outcome.stated_reason
    return c.ContactOutcome(
        reached=outcome.reached,
        answered=outcome.answered,
        right_party=outcome.right_party,
        cooperative=outcome.cooperative if outcome.answered else None,
        comprehension=outcome.comprehension if outcome.answered else None,
        stated_reason=c.StatedReason(reason.value) if reason else c.StatedReason.NONE,
        transcript_ref=outcome.transcript_ref,
        transcript=outcome.transcript,
    )


NOTHING = c.ContactOutcome(reached=False, answered=False, right_party=False)


def attempted(
    command: c.SendNotice,
    attempt_id: str,
    at: datetime,
    outcome: c.ContactOutcome = NOTHING,
    block: tuple[BlockReason, datetime | None] | None = None,
) -> c.ContactAttempted:
    """The event for one attempt: delivered, failed to reach, or blocked."""
    if block is not None:
        status = c.AttemptStatus.BLOCKED
    elif outcome.reached:
        status = c.AttemptStatus.DELIVERED
    else:
        status = c.AttemptStatus.FAILED
    return c.ContactAttempted(
        attempt_id=attempt_id,
        command_id=command.command_id,
        plaintiff_id=command.plaintiff_id,
        case_id=command.case_id,
        purpose=command.purpose,
        channel=command.channel,
        attempted_at=at,
        status=status,
        blocked_reason=BLOCKS[block[0]] if block else None,
        rescheduled_to=block[1] if block else None,
        outcome=outcome,
    )
