import random
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from contracts.assets import (
    Asset,
    AssetKind,
    Guarantee,
    GuaranteeKind,
    MeasureKind,
    PreservationStage,
    Respondent,
)
from contracts.court import (
    PreservationApplicationSubmitted,
    PreservationRenewalSubmitted,
)
from contracts.rulings import PreservationOrdered, PreservationRenewed
from recourse.simulators.court.preservation import (
    TERM_YEARS,
    on_renewal_application,
    plan_order,
)
from shared.periods import add_years

NOW = datetime(2026, 3, 2, 1, tzinfo=UTC)
ACCOUNT = Asset(kind=AssetKind.BANK_ACCOUNT, identifier="6222-1", value=Decimal("8000"))
HOUSE = Asset(
    kind=AssetKind.REAL_ESTATE, identifier="京房权证1号", value=Decimal("9e5")
)
LEAD = Asset(kind=AssetKind.BANK_ACCOUNT, identifier="存款线索", lead=True)


def application(
    stage: PreservationStage, *assets: Asset
) -> PreservationApplicationSubmitted:
    return PreservationApplicationSubmitted(
        application_id="pa-1",
        plaintiff_id="acme",
        court_id="cn-110105",
        case_id="case-1",
        stage=stage,
        respondent=Respondent(name="张三", id_number="110105199003071234"),
        assets=assets,
        guarantee=Guarantee(kind=GuaranteeKind.CASH_DEPOSIT, amount=Decimal("20000")),
        claim_amount=Decimal("20000"),
        fee=Decimal("220"),
        submitted_at=NOW,
    )


def order(
    app: PreservationApplicationSubmitted, seed: int
) -> tuple[datetime, PreservationOrdered]:
    plan = plan_order(app, NOW, random.Random(seed))
    return plan.ordered_at, plan.order(seed + 1)


def test_pre_suit_order_comes_within_48_hours_with_a_pre_suit_docket() -> None:
    for seed in range(50):
        due, event = order(application(PreservationStage.PRE_SUIT, ACCOUNT), seed)

        assert NOW < due <= NOW + timedelta(hours=48)
        assert "财保" in event.docket_number
        assert event.docket_number.startswith("(2026)京0105")


def test_in_suit_order_comes_within_five_days() -> None:
    due, _ = order(application(PreservationStage.IN_SUIT, ACCOUNT), 1)

    assert NOW + timedelta(days=1) <= due <= NOW + timedelta(days=5)


def test_preserved_amounts_never_exceed_the_claim() -> None:
    _, event = order(application(PreservationStage.PRE_SUIT, ACCOUNT, HOUSE), 3)

    assert sum(m.amount or 0 for m in event.measures) == Decimal("20000")
    assert [m.amount for m in event.measures] == [Decimal("8000"), Decimal("12000")]


def test_expiries_stay_within_the_cap_except_the_occasional_flagged_one() -> None:
    beyond = 0
    for seed in range(400):
        _, event = order(application(PreservationStage.PRE_SUIT, ACCOUNT), seed)
        for m in event.measures:
            cap = add_years(m.start_date, TERM_YEARS[m.asset_kind])
            beyond += m.expiry_date > cap
            assert m.expiry_date <= cap + timedelta(days=20)

    assert 0 < beyond < 40


def test_a_lead_is_searched_and_what_is_found_is_marked_as_from_the_lead() -> None:
    found = [
        order(application(PreservationStage.IN_SUIT, LEAD), s)[1] for s in range(40)
    ]

    measures = [m for event in found for m in event.measures]
    assert 0 < len(measures) < 40
    assert all(m.from_lead for m in measures)
    assert any(not event.measures for event in found)


def test_order_is_numbered_with_the_serial_the_register_gives() -> None:
    plan = plan_order(application(PreservationStage.PRE_SUIT, ACCOUNT), NOW, seeded())

    numbers = {plan.order(serial).docket_number for serial in (1, 2, 3)}

    assert (plan.year, plan.case_type, plan.court_code) == (2026, "财保", "京0105")
    assert numbers == {f"(2026)京0105财保{n}号" for n in (1, 2, 3)}


def test_in_suit_order_is_numbered_as_preservation_enforcement() -> None:
    plan = plan_order(application(PreservationStage.IN_SUIT, ACCOUNT), NOW, seeded())

    assert plan.order(41).docket_number == "(2026)京0105执保41号"


def renewal(kind: AssetKind, expiry: date) -> PreservationRenewalSubmitted:
    return PreservationRenewalSubmitted(
        application_id="pa-1",
        plaintiff_id="acme",
        court_id="cn-110105",
        case_id="case-1",
        ruling_docket="(2026)京0105财保7号",
        asset_kind=kind,
        asset_identifier="6222-1",
        measure=MeasureKind.FREEZE,
        expiry_date=expiry,
        submitted_at=NOW,
    )


@pytest.mark.parametrize(
    ("kind", "new_expiry"),
    [
        (AssetKind.BANK_ACCOUNT, date(2028, 3, 1)),
        (AssetKind.VEHICLE_OR_SHIP, date(2029, 3, 1)),
        (AssetKind.REAL_ESTATE, date(2030, 3, 1)),
    ],
)
def test_renewal_order_replaces_the_expiry_within_the_cap_of_its_kind(
    kind: AssetKind, new_expiry: date
) -> None:
    [(due, ruling)] = on_renewal_application(
        renewal(kind, date(2027, 3, 2)), NOW, seeded()
    )

    assert isinstance(ruling, PreservationRenewed)
    assert ruling.expiry_date == new_expiry
    assert ruling.expiry_date <= add_years(date(2027, 3, 2), TERM_YEARS[kind])
    assert NOW + timedelta(days=1) <= due <= NOW + timedelta(days=5)
    assert ruling.renewed_at == due


def seeded() -> random.Random:
    return random.Random(11)
