"""The letters sanctions-publisher asks for must be ones contact-notifier can write."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from contracts.assets import Respondent
from contracts.contact import Purpose, SendNotice
from contracts.loans import Sex
from contracts.rulings import (
    DishonestListing,
    JudgmentIssued,
    JudgmentOutcome,
    PenaltyKind,
)
from services.contact_notifier.mapping import body_of, contact_point
from services.sanctions_publisher.notices import (
    borrower_notice,
    judgment_context,
    sanction_context,
)
from shared.errors import BadInput

AT = datetime(2026, 5, 6, 2, tzinfo=UTC)
ADDRESS = "北京市朝阳区建国路88号院3号楼1201"
ISSUED = JudgmentIssued(
    court_id="cn-110105",
    plaintiff_id="acme",
    case_id="case-1",
    docket_number="(2026)京0105民初1234号",
    defendant=Respondent(name="张三丰", id_number="110105199003071234"),
    defendant_sex=Sex.MALE,
    defendant_birth_date=date(1990, 3, 7),
    defendant_phone="13812345678",
    defendant_service_address=ADDRESS,
    outcome=JudgmentOutcome.REPAY_PRINCIPAL_AND_INTEREST,
    principal_awarded=Decimal("12000.00"),
    interest_awarded=Decimal("800.00"),
    costs_awarded=Decimal("150.00"),
    reserved_interest_claim=True,
    obligation="偿还借款本金12000.00元及利息800.00元",
    listing=DishonestListing(art1_item=3, conduct="规避执行", term_years=2),
    judged_at=AT,
)


def letter(
    purpose: Purpose, context: dict[str, str], issued: JudgmentIssued = ISSUED
) -> SendNotice:
    return borrower_notice(issued, purpose, context, "cmd-1", AT)


def test_judgment_letter_states_the_amount_owed_as_the_template_reads_it() -> None:
    command = letter(
        Purpose.JUDGMENT_NOTICE, judgment_context(ISSUED, Decimal("12800"))
    )

    text = body_of(command)

    assert "偿还本金及利息，应付12,800.00元" in text
    assert "(2026)京0105民初1234号" in text


def test_dismissal_letter_names_no_amount() -> None:
    dismissed = ISSUED.model_copy(
        update={"outcome": JudgmentOutcome.DISMISSED, "listing": None}
    )

    text = body_of(
        letter(
            Purpose.JUDGMENT_NOTICE,
            judgment_context(dismissed, Decimal("0")),
            dismissed,
        )
    )

    assert "驳回诉讼请求" in text and "应付" not in text


def test_letter_goes_to_the_service_address_the_court_holds() -> None:
    command = letter(Purpose.JUDGMENT_NOTICE, {"outcome": "repay_principal"})

    assert contact_point(command) == ADDRESS
    assert command.recipient.phone == "13812345678"
    assert command.recipient.timezone == "Asia/Shanghai"


def test_letter_follows_the_defendants_time_zone_when_the_court_knows_it() -> None:
    abroad = ISSUED.model_copy(update={"defendant_timezone": "Asia/Urumqi"})

    command = letter(Purpose.JUDGMENT_NOTICE, {"outcome": "repay_principal"}, abroad)

    assert command.recipient.timezone == "Asia/Urumqi"


def test_judgment_without_service_details_leaves_the_address_to_the_notifier() -> None:
    unknown = ISSUED.model_copy(
        update={"defendant_phone": None, "defendant_service_address": None}
    )

    command = letter(Purpose.JUDGMENT_NOTICE, {"outcome": "repay_principal"}, unknown)

    with pytest.raises(BadInput, match="no address"):
        contact_point(command)


def test_fixed_term_listing_letter_names_its_last_day_and_the_penalty() -> None:
    context = sanction_context(
        True, date(2028, 5, 7), (PenaltyKind.FINE_OR_CONFISCATION,)
    )

    text = body_of(letter(Purpose.SANCTION_NOTICE, context))

    assert "失信被执行人名单（至2028-05-07）" in text
    assert "罚款、没收违法所得、没收非法财物" in text


def test_open_term_listing_letter_says_it_ends_with_performance() -> None:
    text = body_of(letter(Purpose.SANCTION_NOTICE, sanction_context(True, None, ())))

    assert "无固定期限，履行义务后删除" in text


def test_penalty_letter_without_listing_names_the_penalty_only() -> None:
    context = sanction_context(False, None, (PenaltyKind.ADMINISTRATIVE_DETENTION,))

    text = body_of(letter(Purpose.SANCTION_NOTICE, context))

    assert "行政拘留" in text and "失信" not in text
