from dataclasses import replace
from datetime import datetime
from decimal import Decimal

import pytest

from services.preservation_tracker.domain.assets import (
    REQUIRED_IDENTIFIERS,
    Application,
    Asset,
    AssetKind,
    AssetLead,
    Document,
    Guarantee,
    GuaranteeKind,
    Stage,
)
from services.preservation_tracker.domain.check import LABELS, check_application
from services.preservation_tracker.domain.policy import DEFAULT_POLICY
from services.preservation_tracker.domain.review import ReviewElement

RECEIVED = datetime(2026, 3, 2, 9, 0)
ACCOUNT = Asset(
    AssetKind.BANK_ACCOUNT,
    Decimal("10000"),
    {"institution": "Alipay", "account_number": "2088000000000001"},
)
FULL_DOCUMENTS = frozenset(
    {
        Document.APPLICATION_FORM,
        Document.LOAN_CONTRACT,
        Document.BANK_STATEMENT,
        Document.DEPOSIT_RECEIPT,
        Document.BUSINESS_LICENCE,
    }
)


def application(**changes: object) -> Application:
    base = Application(
        application_id="app-1",
        stage=Stage.IN_SUIT,
        amount=Decimal("10000.00"),
        received_at=RECEIVED,
        applicant_is_organisation=True,
        documents=FULL_DOCUMENTS,
        assets=(ACCOUNT,),
        guarantee=Guarantee(GuaranteeKind.CASH_DEPOSIT, Decimal("3000.00")),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_complete_application_passes_without_review() -> None:
    result = check_application(application(), DEFAULT_POLICY)

    assert result.complete
    assert result.missing == []
    assert result.review_items == []


@pytest.mark.parametrize(
    "document",
    [
        Document.APPLICATION_FORM,
        Document.LOAN_CONTRACT,
        Document.BANK_STATEMENT,
        Document.DEPOSIT_RECEIPT,
        Document.BUSINESS_LICENCE,
    ],
)
def test_returns_application_naming_the_missing_document(document: Document) -> None:
    app = application(documents=FULL_DOCUMENTS - {document})

    result = check_application(app, DEFAULT_POLICY)

    assert not result.complete
    assert result.missing == [LABELS[document]]


def test_individual_applicant_must_supply_an_identity_card() -> None:
    app = application(applicant_is_organisation=False)

    result = check_application(app, DEFAULT_POLICY)

    assert result.missing == [LABELS[Document.IDENTITY_CARD]]


def test_guarantee_document_must_match_the_guarantee_kind() -> None:
    app = application(guarantee=Guarantee(GuaranteeKind.TITLE_DEED, Decimal("9000")))

    result = check_application(app, DEFAULT_POLICY)

    assert result.missing == [LABELS[Document.TITLE_DEED]]


def test_other_material_is_optional() -> None:
    assert Document.OTHER not in FULL_DOCUMENTS
    assert check_application(application(), DEFAULT_POLICY).complete


@pytest.mark.parametrize("kind", list(AssetKind))
def test_each_asset_kind_needs_its_identifiers(kind: AssetKind) -> None:
    app = application(assets=(Asset(kind, Decimal("5000"), {}),))

    result = check_application(app, DEFAULT_POLICY)

    assert result.missing == [
        f"asset 1 ({kind}): {name}" for name in REQUIRED_IDENTIFIERS[kind]
    ]


@pytest.mark.parametrize("kind", list(AssetKind))
def test_each_asset_kind_passes_when_identified(kind: AssetKind) -> None:
    identifiers = {name: "given" for name in REQUIRED_IDENTIFIERS[kind]}
    app = application(assets=(Asset(kind, Decimal("5000"), identifiers),))

    assert check_application(app, DEFAULT_POLICY).complete


def test_asset_without_value_is_returned() -> None:
    app = application(assets=(replace(ACCOUNT, value=Decimal("0")),))

    result = check_application(app, DEFAULT_POLICY)

    assert result.missing == ["asset 1 (bank_account): value above zero"]


def test_application_without_assets_or_leads_is_returned() -> None:
    result = check_application(application(assets=()), DEFAULT_POLICY)

    assert result.missing == ["at least one asset or asset lead (财产或财产线索)"]


def test_asset_leads_ask_the_court_to_search_and_wait_for_review() -> None:
    lead = AssetLead(AssetKind.VEHICLE_OR_SHIP, "drives a white car to work")
    app = application(assets=(), leads=(lead,), requests_online_inquiry=True)

    result = check_application(app, DEFAULT_POLICY)

    assert result.complete
    assert result.asks_online_inquiry
    assert [i.element for i in result.review_items] == [
        ReviewElement.ASSET_LEAD_CREDIBILITY
    ]
    assert result.review_items[0].queued_at == RECEIVED


def test_asset_leads_without_an_inquiry_request_are_returned() -> None:
    lead = AssetLead(AssetKind.OTHER, "owns a shop")
    app = application(assets=(), leads=(lead,))

    result = check_application(app, DEFAULT_POLICY)

    assert result.missing == [
        "request for the court's online enforcement inquiry (网络查控)"
    ]
