from datetime import UTC, datetime
from decimal import Decimal

from services.preservation_tracker.domain.assets import (
    Application,
    Asset,
    AssetKind,
    AssetLead,
    Stage,
)
from services.preservation_tracker.domain.value import value_to_preserve

ACCOUNT = Asset(AssetKind.BANK_ACCOUNT, Decimal("8000"))
HOUSE = Asset(AssetKind.REAL_ESTATE, Decimal("900000"))


def application(*assets: Asset, leads: tuple[AssetLead, ...] = ()) -> Application:
    return Application(
        application_id="app-1",
        stage=Stage.PRE_SUIT,
        amount=Decimal("20000.00"),
        received_at=datetime(2026, 3, 2, tzinfo=UTC),
        applicant_is_organisation=True,
        documents=frozenset(),
        assets=assets,
        leads=leads,
    )


def test_named_assets_worth_less_than_the_claim_cap_the_value() -> None:
    assert value_to_preserve(application(ACCOUNT)) == Decimal("8000")


def test_value_never_exceeds_the_claim() -> None:
    assert value_to_preserve(application(ACCOUNT, HOUSE)) == Decimal("20000.00")


def test_a_lead_leaves_the_whole_claim_to_preserve() -> None:
    lead = AssetLead(AssetKind.BANK_ACCOUNT, "存款线索")

    assert value_to_preserve(application(ACCOUNT, leads=(lead,))) == Decimal("20000.00")
