import pytest

from services.contact_notifier.domain.model import Purpose
from services.contact_notifier.domain.notice_text import MessageError, body_for

COLLECTION = {"platform": "某平台", "amount": "1234.5", "pay_by": "2026-04-01"}


def test_collection_body_states_amount_and_date_from_the_command() -> None:
    text = body_for(Purpose.COLLECTION_ATTEMPT, "zh", "张三", COLLECTION)
    assert "1,234.50" in text and "2026年04月01日" in text and "某平台" in text


def test_privacy_body_needs_only_the_platform() -> None:
    text = body_for(Purpose.PRIVACY_NOTICE, "en", "Li", {"plaintiff_id": "acme"})
    assert "acme" in text and "disclosed" in text


def test_judgment_body_without_a_case_number_cannot_be_written() -> None:
    with pytest.raises(MessageError, match="docket_number"):
        body_for(Purpose.JUDGMENT_NOTICE, "zh", "张三", {"platform": "某平台"})


def test_judgment_body_reads_the_outcome_and_obligation_sanctions_sends() -> None:
    context = {
        "plaintiff_id": "acme",
        "docket_number": "(2026)京0105民初1234号",
        "outcome": "repay_principal",
        "obligation": "8000",
    }
    text = body_for(Purpose.JUDGMENT_NOTICE, "zh", "张三", context)
    assert "偿还本金，应付8,000.00元" in text
    assert "判决确定的期限内" in text and "人民法院" in text


def test_sanction_body_reads_listing_and_penalties() -> None:
    context = {
        "plaintiff_id": "acme",
        "docket_number": "(2026)京0105民初1234号",
        "listed_until": "2028-05-01",
        "penalties": "",
    }
    text = body_for(Purpose.SANCTION_NOTICE, "en", "Li", context)
    assert "dishonest debtor (until 2028-05-01)" in text


def test_sanction_body_names_the_measure() -> None:
    context = {
        "platform": "p",
        "court": "北京市朝阳区人民法院",
        "case_number": "(2026)京0105民初1号",
        "measure": "限制高消费",
    }
    assert "限制高消费" in body_for(Purpose.SANCTION_NOTICE, "zh", "张三", context)


@pytest.mark.parametrize(
    ("key", "value"), [("amount", "lots"), ("pay_by", "next week"), ("amount", "")]
)
def test_collection_body_refuses_values_it_cannot_read(key: str, value: str) -> None:
    with pytest.raises(MessageError, match=key):
        body_for(Purpose.COLLECTION_ATTEMPT, "zh", "张三", {**COLLECTION, key: value})
