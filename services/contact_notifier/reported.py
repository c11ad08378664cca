"""A call centre's report as our own evidence: scrubbed, and tied to a number."""

from contracts import contact as c
from contracts.platform import ContactOutcomeReported
from services.contact_notifier.channels.base import content_ref
from services.contact_notifier.domain.scrubbing import scrub_transcript


def contact_point_of(channel: c.Channel, known: c.Recipient | None) -> str | None:
    """The case's known number (address for letters), so reported calls count."""
    if known is None:
        return None
    return known.address if channel is c.Channel.LETTER else known.phone


def scrubbed(outcome: c.ContactOutcome, known: c.Recipient | None) -> c.ContactOutcome:
    """The outcome with personal details masked in its transcript, and a ref."""
    if not outcome.transcript:
        return outcome
    text = scrub_transcript(
        outcome.transcript,
        ids=[known.id_number] if known and known.id_number else [],
        phones=[known.phone] if known and known.phone else [],
        addresses=[known.address] if known and known.address else [],
    )
    ref = outcome.transcript_ref or content_ref(text)
    return outcome.model_copy(update={"transcript": text, "transcript_ref": ref})


def attempt_of(
    report: ContactOutcomeReported, outcome: c.ContactOutcome
) -> c.ContactAttempted:
    status = c.AttemptStatus.DELIVERED if outcome.reached else c.AttemptStatus.FAILED
    return c.ContactAttempted(
        attempt_id=report.attempt_id,
        plaintiff_id=report.plaintiff_id,
        case_id=report.case_id,
        purpose=report.purpose,
        channel=report.channel,
        attempted_at=report.occurred_at,
        status=status,
        outcome=outcome,
        marketing=report.marketing,
    )
