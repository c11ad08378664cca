import random
import re
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from contracts.assets import Respondent
from contracts.loans import Sex
from contracts.rulings import DishonestListing, JudgmentIssued, JudgmentOutcome
from contracts.sanctions import ConsumptionRestriction, PublicSanctionEntry
from services.sanctions_publisher import translate
from services.sanctions_publisher.domain.errors import (
    InvalidListingError,
    SanctionsError,
    UnmaskedPiiError,
)
from services.sanctions_publisher.domain.judgment import obligation_amount
from services.sanctions_publisher.domain.listing import DEFAULT_RULES, term_end
from services.sanctions_publisher.domain.performance import Performance
from services.sanctions_publisher.handlers.publication import (
    guard_public_bytes,
    public_entry,
)
from shared.masking import contains_unmasked_pii

ID_NUMBER = "110105199003071234"
PHONE = "13812345678"
SERVICE_ADDRESS = "北京市朝阳区建国路88号院3号楼1201"


def judgment(**changes: object) -> JudgmentIssued:
    base = JudgmentIssued(
        court_id="cn-110105",
        plaintiff_id="acme",
        case_id="case-1",
        docket_number="(2026)京0105民初1234号",
        defendant=Respondent(name="张三丰", id_number=ID_NUMBER),
        defendant_sex=Sex.MALE,
        defendant_birth_date=date(1990, 3, 7),
        defendant_phone=PHONE,
        defendant_service_address=SERVICE_ADDRESS,
        outcome=JudgmentOutcome.REPAY_PRINCIPAL_AND_INTEREST,
        principal_awarded=Decimal("12000.00"),
        interest_awarded=Decimal("800.00"),
        costs_awarded=Decimal("150.00"),
        reserved_interest_claim=True,
        obligation="偿还借款本金12000.00元及利息800.00元",
        listing=DishonestListing(art1_item=3, conduct="规避执行", term_years=2),
        judged_at=datetime(2026, 5, 6, 2, tzinfo=UTC),
    )
    return base.model_copy(update=changes)


def entry_of(
    issued: JudgmentIssued, paid: Decimal = Decimal("0")
) -> PublicSanctionEntry:
    domain = translate.judgment_of(issued, date(2026, 5, 6))
    listing = translate.listing_of(issued, date(2026, 5, 7))
    performed = Performance(obligation_amount(domain), paid)
    return public_entry(issued, domain, listing, "pe-test", performed)


def test_entry_masks_birth_month_and_day_and_names_the_enforcement_case() -> None:
    entry = entry_of(judgment())

    assert entry.masked_id_number == "1101051990****1234"
    assert entry.case_number == "(2026)京0105执1234号"
    assert entry.performance_status == "not_performed"
    assert entry.sex is Sex.MALE


def test_guard_refuses_a_serialized_entry_holding_a_mobile_number() -> None:
    with pytest.raises(UnmaskedPiiError):
        guard_public_bytes('{"obligation": "call 13812345678"}', judgment())


def test_guard_refuses_the_debtors_own_id_number() -> None:
    with pytest.raises(UnmaskedPiiError):
        guard_public_bytes(f'{{"name": "{ID_NUMBER}"}}', judgment())


def test_guard_refuses_the_debtors_service_address() -> None:
    with pytest.raises(UnmaskedPiiError):
        guard_public_bytes(f'{{"conduct": "住{SERVICE_ADDRESS}"}}', judgment())


def test_entry_carries_no_contact_detail_of_the_judgment() -> None:
    text = entry_of(judgment()).model_dump_json()

    assert PHONE not in text and SERVICE_ADDRESS not in text
    assert "phone" not in text and "address" not in text


def test_entry_of_a_debt_repaid_in_part_shows_partial_performance() -> None:
    entry = entry_of(judgment(), paid=Decimal("5000"))

    assert entry.performance_status == "partially_performed"


def test_contradictory_judgment_is_refused_by_the_domain() -> None:
    dismissed = judgment(outcome=JudgmentOutcome.DISMISSED)

    with pytest.raises(SanctionsError):
        translate.judgment_of(dismissed, date(2026, 5, 6))


def test_entry_ids_never_read_as_a_phone_or_id_number() -> None:
    rng = random.Random(1)
    ids = [translate.entry_id_for("acme", f"case-{rng.random()}") for _ in range(5000)]

    assert not any(contains_unmasked_pii(i) for i in ids)
    assert all(re.fullmatch(r"pe-[a-z2-7]{26}", i) for i in ids)


def test_listing_term_is_the_legal_two_years_plus_the_extension() -> None:
    extended = DishonestListing(
        art1_item=2, conduct="妨碍执行", term_years=2, extension_years=1
    )
    listing = translate.listing_of(judgment(listing=extended), date(2026, 5, 7))

    assert term_end(listing) == date(2029, 5, 7)


def test_able_but_refusing_debtor_has_no_term() -> None:
    open_term = DishonestListing(art1_item=1, conduct="拒不履行")
    listing = translate.listing_of(judgment(listing=open_term), date(2026, 5, 7))

    assert term_end(listing) is None


def test_extension_beyond_the_configured_maximum_is_refused() -> None:
    extended = DishonestListing(
        art1_item=3, conduct="规避执行", term_years=2, extension_years=3
    )
    stricter = replace(DEFAULT_RULES, max_extension_years=2)

    with pytest.raises(InvalidListingError):
        translate.listing_of(judgment(listing=extended), date(2026, 5, 7), stricter)


def test_entry_names_the_court_by_the_name_the_court_gave() -> None:
    entry = entry_of(judgment(court_name="北京市朝阳区人民法院"))

    assert entry.court == "北京市朝阳区人民法院"
    assert entry.court_id == "cn-110105"


def test_entry_without_a_court_name_shows_the_court_code_of_the_docket() -> None:
    entry = entry_of(judgment(court_name=None))

    assert entry.court == "京0105"


def test_listing_restricts_every_kind_of_high_consumption() -> None:
    listing = translate.listing_of(judgment(), date(2026, 5, 7))

    assert translate.restrictions_of(listing) == tuple(ConsumptionRestriction)
