import random
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from contracts.court import (
    Claim,
    ClaimKind,
    ComplaintElements,
    DefendantParty,
    PlaintiffParty,
)
from contracts.loans import Sex
from contracts.rulings import CaseDocketedByCourt, JudgmentIssued, JudgmentOutcome
from recourse.simulators.court.judgments import on_case_docketed
from services.sanctions_publisher import translate
from services.sanctions_publisher.domain.listing import term_years

NOW = datetime(2026, 3, 2, 1, tzinfo=UTC)
DOCKETED = CaseDocketedByCourt(
    court_id="cn-110105",
    plaintiff_id="acme",
    batch_id="b-1",
    case_id="case-1",
    docket_number="(2026)京0105民初1234号",
    decided_at=NOW,
)
CASE = ComplaintElements(
    case_id="case-1",
    plaintiff=PlaintiffParty(
        name="某某小贷公司",
        credit_code="91110105MA01ABCD2X",
        representative="张某",
        address="北京市朝阳区建国路1号",
    ),
    defendant=DefendantParty(
        name="李四",
        sex=Sex.FEMALE,
        birth_date=date(1988, 6, 1),
        id_number="110105198806011246",
        address="北京市朝阳区建国路2号",
        service_address="北京市朝阳区建国路2号",
        phone="13812345678",
    ),
    e_service_consent=True,
    principal_owed=Decimal("9000.00"),
    interest_owed=Decimal("600.00"),
    penalty_interest_owed=Decimal("300.00"),
    owed_as_of=date(2026, 2, 1),
    annual_rate=Decimal("0.1540"),
    term_months=12,
    contract_number="ACME-2025-0000001",
    contract_date=date(2025, 1, 10),
    disbursed_on=date(2025, 1, 11),
    disbursed_amount=Decimal("10000.00"),
    repayments=(),
    overdue_since=date(2025, 9, 1),
    overdue_days=153,
    claims=(Claim(kind=ClaimKind.PRINCIPAL, text="偿还本金", amount=Decimal("9000")),),
    claim_amount=Decimal("9900.00"),
    agreed_court_id="cn-110105",
)


def judgments(n: int, **shares: Any) -> list[tuple[datetime, JudgmentIssued]]:
    found = []
    for seed in range(n):
        [(due, event)] = on_case_docketed(
            DOCKETED, CASE, NOW, random.Random(seed), **shares
        )
        assert isinstance(event, JudgmentIssued)
        found.append((due, event))
    return found


def test_judgment_comes_twenty_to_sixty_days_after_docketing() -> None:
    for due, _ in judgments(50):
        assert NOW + timedelta(days=20) <= due <= NOW + timedelta(days=61)


def test_judgment_delay_follows_the_configured_days() -> None:
    found = judgments(50, judgment_days=(2, 4))

    assert all(
        NOW + timedelta(days=2) <= due <= NOW + timedelta(days=4, hours=8)
        for due, _ in found
    )
    assert {(due - NOW).days for due, _ in found} == {2, 3, 4}


def test_every_dismissal_awards_nothing_and_lists_nobody() -> None:
    for _, event in judgments(30, dismissal_share=1.0, listing_share=1.0):
        assert event.outcome is JudgmentOutcome.DISMISSED
        assert event.principal_awarded == 0
        assert event.listing is None


def test_listed_judgments_carry_valid_terms_for_their_item() -> None:
    listed = [e for _, e in judgments(200, dismissal_share=0.0, listing_share=1.0)]
    listings = [e.listing for e in listed if e.listing is not None]

    assert len(listings) == len(listed)
    assert {item.art1_item for item in listings} == {1, 2, 3, 4, 5, 6}
    for item in listings:
        if item.art1_item == 1:
            assert (item.term_years, item.extension_years) == (None, None)
        else:
            assert item.term_years == 2
            assert item.extension_years in (None, 1, 2, 3)
    assert any(item.extension_years for item in listings)


def test_every_simulated_listing_passes_the_publishers_term_rules() -> None:
    listed = [e for _, e in judgments(200, dismissal_share=0.0, listing_share=1.0)]

    for event in listed:
        listing = translate.listing_of(event, date(2026, 4, 1))
        years = term_years(listing)
        assert years is None or 2 <= years <= 5


def test_judgment_names_the_court_from_the_court_registry() -> None:
    [(_, event)] = judgments(1)

    assert event.court_name == "北京市朝阳区人民法院"


def test_judgment_of_an_unregistered_court_names_none() -> None:
    elsewhere = DOCKETED.model_copy(update={"court_id": "run-x-c0"})

    [(_, event)] = on_case_docketed(elsewhere, CASE, NOW, random.Random(1))

    assert isinstance(event, JudgmentIssued)
    assert event.court_name is None


def test_every_simulated_judgment_is_consistent_for_the_sanctions_domain() -> None:
    for _, event in judgments(200):
        translate.judgment_of(event, date(2026, 4, 1))
        if event.reserved_interest_claim:
            assert event.outcome is JudgmentOutcome.REPAY_PRINCIPAL_AND_INTEREST


def test_judgment_carries_the_defendants_service_details_from_the_complaint() -> None:
    [(_, event)] = judgments(1)

    assert (event.defendant_phone, event.defendant_service_address) == (
        CASE.defendant.phone,
        CASE.defendant.service_address,
    )
