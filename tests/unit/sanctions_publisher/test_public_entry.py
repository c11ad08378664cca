from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from services.sanctions_publisher.domain.entry import (
    Debtor,
    PublicEntry,
    Sex,
    age_on,
    build_public_entry,
    validate_public_entry,
)
from services.sanctions_publisher.domain.errors import UnmaskedPiiError
from services.sanctions_publisher.domain.judgment import Judgment, JudgmentOutcome
from services.sanctions_publisher.domain.listing import DishonestConduct, Listing
from services.sanctions_publisher.domain.performance import Performance

DEBTOR = Debtor(
    name="张三丰",
    sex=Sex.MALE,
    id_number="110105199003071234",
    birth_date=date(1990, 3, 7),
    phone="13812345678",
    address="北京市朝阳区建国路88号",
)
JUDGMENT = Judgment(
    "(2026)京0105民初1234号",
    "北京市朝阳区人民法院",
    JudgmentOutcome.REPAY_PRINCIPAL_AND_INTEREST,
    date(2026, 5, 6),
    Decimal("12000.00"),
    Decimal("800.00"),
)
LISTING = Listing(
    "(2026)京0105执88号",
    "北京市朝阳区人民法院",
    DishonestConduct.ABLE_BUT_REFUSES,
    date(2026, 8, 3),
)


def entry(published_on: date = date(2026, 8, 3)) -> PublicEntry:
    owed = Performance(Decimal("12800.00"))
    return build_public_entry(DEBTOR, LISTING, JUDGMENT, owed, published_on)


def test_entry_publishes_the_masked_id_and_the_listing_facts() -> None:
    published = entry()

    assert published.masked_id_number == "1101051990****1234"
    assert published.name == "张三丰"
    assert published.sex == "男"
    assert published.case_number == "(2026)京0105执88号"
    assert published.basis_document == "(2026)京0105民初1234号民事判决书"
    assert published.obligation == "偿还借款本金12000.00元及利息800.00元"
    assert published.performance_status == "全部未履行"
    assert published.conduct.startswith("有履行能力")


def test_entry_never_holds_the_phone_number_or_address() -> None:
    text = repr(entry())

    assert not {"phone", "address"} & set(PublicEntry.__dataclass_fields__)
    assert "13812345678" not in text
    assert "138****5678" not in text
    assert "建国路" not in text
    assert "110105199003071234" not in text


@pytest.mark.parametrize(
    ("published_on", "age"), [(date(2026, 3, 6), 35), (date(2026, 3, 7), 36)]
)
def test_age_is_counted_at_the_publication_date(published_on: date, age: int) -> None:
    assert entry(published_on).age == age


def test_age_on_leap_day_birthday() -> None:
    assert age_on(date(2000, 2, 29), date(2026, 2, 28)) == 25


@pytest.mark.parametrize(
    "leak",
    ["请联系13812345678", "身份证110105199003071234", "手机 +86 138-1234-5678"],
)
def test_validator_rejects_unmasked_pii_in_any_field(leak: str) -> None:
    with pytest.raises(UnmaskedPiiError):
        validate_public_entry(replace(entry(), obligation=leak))


def test_validator_rejects_an_unmasked_id_field() -> None:
    with pytest.raises(UnmaskedPiiError):
        validate_public_entry(replace(entry(), masked_id_number="11010519900307"))


def test_validator_rejects_the_debtors_address() -> None:
    leaked = replace(entry(), conduct="住所北京市朝阳区建国路88号")

    with pytest.raises(UnmaskedPiiError):
        validate_public_entry(leaked, DEBTOR)


def test_validator_accepts_a_clean_entry() -> None:
    validate_public_entry(entry(), DEBTOR)
