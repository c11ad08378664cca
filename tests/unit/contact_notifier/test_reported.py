from datetime import UTC, datetime

from contracts.contact import (
    AttemptStatus,
    Channel,
    ContactOutcome,
    Recipient,
)
from contracts.platform import ContactOutcomeReported
from services.contact_notifier import reported
from services.contact_notifier.channels.base import content_ref

AT = datetime(2026, 3, 2, 2, tzinfo=UTC)
KNOWN = Recipient(
    name="张三",
    phone="13800138000",
    address="杭州西湖边小屋",
    id_number="11010519900399999X",
)


def report(channel: Channel, outcome: ContactOutcome) -> ContactOutcomeReported:
    return ContactOutcomeReported(
        plaintiff_id="acme",
        case_id="case-1",
        attempt_id="cc-1",
        channel=channel,
        occurred_at=AT,
        outcome=outcome,
    )


def test_a_reported_call_counts_against_the_cases_known_number() -> None:
    assert reported.contact_point_of(Channel.PHONE, KNOWN) == "13800138000"
    assert reported.contact_point_of(Channel.SMS, KNOWN) == "13800138000"


def test_a_reported_letter_is_tied_to_the_known_address() -> None:
    assert reported.contact_point_of(Channel.LETTER, KNOWN) == "杭州西湖边小屋"


def test_a_report_on_an_unknown_borrower_has_no_contact_point() -> None:
    assert reported.contact_point_of(Channel.PHONE, None) is None


def test_transcript_is_masked_and_referenced_by_its_masked_text() -> None:
    said = "借款人：寄到杭州西湖边小屋，打13800138000，证件11010519900399999X。"
    outcome = ContactOutcome(
        reached=True, answered=True, right_party=True, transcript=said
    )

    kept = reported.scrubbed(outcome, KNOWN)

    assert kept.transcript == "借款人：寄到***，打138****8000，证件1101051990****999X。"
    assert kept.transcript_ref == content_ref(kept.transcript)


def test_the_call_centres_own_reference_is_kept() -> None:
    outcome = ContactOutcome(
        reached=True,
        answered=True,
        right_party=True,
        transcript="手机13912345678",
        transcript_ref="cc:rec-7",
    )

    kept = reported.scrubbed(outcome, None)

    assert (kept.transcript, kept.transcript_ref) == ("手机139****5678", "cc:rec-7")


def test_an_unanswered_report_becomes_a_failed_attempt_without_a_command() -> None:
    nothing = ContactOutcome(reached=False, answered=False, right_party=False)

    attempt = reported.attempt_of(report(Channel.PHONE, nothing), nothing)

    assert (attempt.status, attempt.command_id) == (AttemptStatus.FAILED, None)
    assert (attempt.attempt_id, attempt.attempted_at) == ("cc-1", AT)
