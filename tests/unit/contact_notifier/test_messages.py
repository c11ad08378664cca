from datetime import date
from decimal import Decimal

import pytest

from services.contact_notifier.domain.messages import (
    collection_message,
    judgment_notice,
    privacy_notice,
    sanction_notice,
)

THREATS = (
    "arrest",
    "police",
    "jail",
    "prison",
    "family will",
    "逮捕",
    "坐牢",
    "公安",
    "拘留",
    "曝光",
)


def test_chinese_collection_message_names_suit_preservation_and_list() -> None:
    text = collection_message(
        "zh", "张三", "某平台", Decimal("1234.5"), date(2026, 4, 1)
    )
    assert "1,234.50元" in text
    assert "起诉" in text and "财产保全" in text and "失信被执行人名单" in text


def test_english_collection_message_names_the_same_consequences() -> None:
    text = collection_message(
        "en", "Zhang San", "Acme", Decimal("99.995"), date(2026, 4, 1)
    )
    assert "100.00 yuan" in text
    assert "sue" in text and "asset preservation" in text
    assert "dishonest-debtor list" in text


@pytest.mark.parametrize("language", ["zh", "en"])
def test_collection_message_carries_no_threats(language: str) -> None:
    text = collection_message(language, "张三", "Acme", Decimal("10"), date(2026, 4, 1))
    assert not any(word in text.lower() for word in THREATS)


def test_privacy_notice_says_property_information_may_be_disclosed() -> None:
    assert "财产有关的个人信息" in privacy_notice("zh", "张三", "某平台")
    assert "property" in privacy_notice("en", "Zhang San", "Acme")


def test_judgment_and_sanction_notices_cite_the_case() -> None:
    case = "(2026)京0105民初1234号"
    judgment = judgment_notice(
        "zh", "张三", "某法院", case, "偿还本金", date(2026, 5, 1)
    )
    sanction = sanction_notice("en", "Zhang San", "X Court", case, "listing")
    assert case in judgment and "2026年05月01日" in judgment
    assert case in sanction and "listing" in sanction
