import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.contact_notifier.domain.disclosure import (
    DisclosureError,
    mentions_debt,
    text_for,
    third_party_text,
    withheld_from_third_party,
)
from services.contact_notifier.domain.model import Purpose, Recipient

names = st.sampled_from(["张三", "李四", "Wang Fang", "Chen Li"])
callers = st.sampled_from(["客户服务中心", "the service centre", "王小姐"])


@given(st.sampled_from(["zh", "en"]), names, callers)
def test_third_party_text_never_mentions_debt(
    language: str, name: str, caller: str
) -> None:
    text = third_party_text(language, name, caller, "400-000-0000")
    assert not mentions_debt(text)
    assert name in text


def test_lender_name_that_reveals_a_loan_is_refused() -> None:
    with pytest.raises(DisclosureError):
        third_party_text("zh", "张三", "快贷催收中心", "400-000-0000")


def test_non_right_party_gets_neutral_text_instead_of_notice_body() -> None:
    recipient = Recipient("b-1", "张三", "+8613800000000")
    body = "张三您好：您的借款已逾期。"
    assert text_for(recipient, True, body, "客户服务中心", "400") == body
    neutral = text_for(recipient, False, body, "客户服务中心", "400")
    assert not mentions_debt(neutral)


@pytest.mark.parametrize(
    "text", ["您的借款已逾期", "your loan is overdue", "法院将起诉", "repayment due"]
)
def test_debt_words_are_detected(text: str) -> None:
    assert mentions_debt(text)


def test_only_collection_calls_may_reach_a_third_party() -> None:
    assert not withheld_from_third_party(Purpose.COLLECTION_ATTEMPT, True)
    assert withheld_from_third_party(Purpose.PRIVACY_NOTICE, True)
    assert not withheld_from_third_party(Purpose.JUDGMENT_NOTICE, False)
