from datetime import UTC, datetime

import pytest

from contracts.contact import (
    AttemptStatus,
    BlockedReason,
    Channel,
    ContactOutcome,
    Purpose,
    Recipient,
    SendNotice,
)
from contracts.loans import BorrowerProfile
from services.contact_notifier import mapping
from services.contact_notifier.domain.disclosure import mentions_debt
from services.contact_notifier.domain.model import Profile
from services.contact_notifier.domain.rules import BlockReason
from shared.errors import BadInput

AT = datetime(2026, 3, 2, 2, tzinfo=UTC)
ID_NUMBER = "11010519900307123X"


def command(channel: Channel = Channel.SMS, **recipient: object) -> SendNotice:
    details: dict[str, object] = {
        "name": "张三",
        "phone": "13800138000",
        "address": "北京市朝阳区建国路1号",
        "id_number": ID_NUMBER,
        **recipient,
    }
    return SendNotice(
        command_id="cmd-1",
        plaintiff_id="acme",
        case_id="case-1",
        purpose=Purpose.COLLECTION,
        channel=channel,
        recipient=Recipient.model_validate(details),
        not_before=AT,
        context={"amount": "800.00", "pay_by": "2026-03-09"},
        requested_by="triage-scorer",
    )


def test_phone_channels_use_the_number_and_letters_the_address() -> None:
    assert mapping.contact_point(command(Channel.CHAT_APP)) == "13800138000"
    assert mapping.contact_point(command(Channel.LETTER)).startswith("北京市")


@pytest.mark.parametrize(
    ("channel", "missing"), [(Channel.PHONE, "phone"), (Channel.LETTER, "address")]
)
def test_a_command_without_the_channels_detail_is_bad_input(
    channel: Channel, missing: str
) -> None:
    with pytest.raises(BadInput, match=missing):
        mapping.contact_point(command(channel, **{missing: None}))


def test_borrower_key_is_a_pseudonym_not_the_id_number() -> None:
    recipient = mapping.recipient_of(command())
    assert recipient.borrower_id.startswith("p:")
    assert ID_NUMBER not in recipient.borrower_id
    assert recipient.profile is Profile.OTHER


def test_profile_travels_to_the_outcome_model() -> None:
    recipient = mapping.recipient_of(command(profile=BorrowerProfile.STUDENT))
    assert recipient.profile is Profile.STUDENT


def test_a_third_party_gets_the_neutral_text_only() -> None:
    assert mentions_debt(mapping.body_of(command()))
    assert not mentions_debt(mapping.body_of(command(third_party=True)))


def test_an_english_reader_gets_english_messages_but_a_chinese_letter() -> None:
    sms = mapping.body_of(command(language="en"))
    letter = mapping.body_of(command(Channel.LETTER, language="en"))

    assert sms.startswith("Dear 张三") and "逾期" not in sms
    assert "逾期" in letter and "overdue" not in letter
    assert mapping.recipient_of(command(Channel.LETTER, language="en")).language == "zh"


def test_attempt_status_follows_reach_and_blocks() -> None:
    reached = ContactOutcome(reached=True, answered=False, right_party=False)
    assert mapping.attempted(command(), "a-1", AT, reached).status is (
        AttemptStatus.DELIVERED
    )
    assert mapping.attempted(command(), "a-2", AT).status is AttemptStatus.FAILED
    blocked = mapping.attempted(
        command(), "a-3", AT, block=(BlockReason.UNANSWERED_CALL_CAP, AT)
    )
    assert (blocked.status, blocked.blocked_reason, blocked.rescheduled_to) == (
        AttemptStatus.BLOCKED,
        BlockedReason.DAILY_CALL_LIMIT,
        AT,
    )


def test_a_command_naming_only_the_borrower_gets_the_known_details() -> None:
    known = command(profile=BorrowerProfile.RETIRED).recipient
    bare = command(Channel.LETTER, phone=None, address=None)
    filled = mapping.completed(bare, known).recipient
    assert (filled.phone, filled.address, filled.profile) == (
        known.phone,
        known.address,
        BorrowerProfile.RETIRED,
    )


def test_details_a_command_gives_win_and_a_ban_is_never_forgotten() -> None:
    known = command(do_not_contact=True).recipient
    newer = mapping.completed(command(phone="13900000000"), known).recipient
    assert newer.phone == "13900000000"
    assert newer.do_not_contact
