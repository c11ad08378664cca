from datetime import UTC, date, datetime
from decimal import Decimal

from contracts.assets import (
    Asset,
    AssetKind,
    Guarantee,
    GuaranteeKind,
    MaterialKind,
    Measure,
    MeasureKind,
    PreservationStage,
    Respondent,
)
from contracts.platform import PreservationRequested
from services.preservation_tracker import translate
from services.preservation_tracker.domain import assets as domain
from services.preservation_tracker.domain.check import check_application
from services.preservation_tracker.domain.order import MeasureKind as DomainMeasure
from services.preservation_tracker.domain.policy import DEFAULT_POLICY

NOW = datetime(2026, 3, 2, 9, tzinfo=UTC)
ACCOUNT = Asset(
    kind=AssetKind.BANK_ACCOUNT,
    identifier="6222000000000001",
    value=Decimal("20000"),
    details={"institution": "中国工商银行"},
)
ALL_MATERIALS = tuple(m for m in MaterialKind if m is not MaterialKind.OTHER)


def request(**changes: object) -> PreservationRequested:
    base = PreservationRequested(
        plaintiff_id="acme",
        request_id="pr-1",
        case_id="case-1",
        stage=PreservationStage.IN_SUIT,
        court_id="cn-110105",
        respondent=Respondent(name="张三", id_number="110105199003071234"),
        assets=(ACCOUNT,),
        materials=ALL_MATERIALS,
        guarantee=Guarantee(kind=GuaranteeKind.CASH_DEPOSIT, amount=Decimal("6000")),
        claim_amount=Decimal("20000"),
        requested_at=NOW,
    )
    return base.model_copy(update=changes)


def checked(req: PreservationRequested) -> tuple[list[str], list[str], bool]:
    app, problems = translate.application_of(req, "pa-1", NOW)
    result = check_application(app, DEFAULT_POLICY)
    return result.missing, problems, result.complete


def test_complete_request_maps_to_a_complete_application() -> None:
    missing, problems, complete = checked(request())

    assert (missing, problems, complete) == ([], [], True)


def test_account_identifier_and_institution_fill_the_required_fields() -> None:
    app, _ = translate.application_of(request(), "pa-1", NOW)

    assert app.assets[0].identifiers == {
        "account_number": "6222000000000001",
        "institution": "中国工商银行",
    }


def test_account_without_institution_is_reported_missing_by_name() -> None:
    bare = ACCOUNT.model_copy(update={"details": {}})

    missing, _, complete = checked(request(assets=(bare,)))

    assert not complete
    assert missing == ["asset 1 (bank_account): institution"]


def test_missing_evidence_names_the_contract_and_statement_as_evidence() -> None:
    materials = tuple(m for m in ALL_MATERIALS if m is not MaterialKind.EVIDENCE)
    app, _ = translate.application_of(request(materials=materials), "pa-1", NOW)

    result = check_application(app, DEFAULT_POLICY)

    assert translate.missing_materials(result.missing_documents) == (
        MaterialKind.EVIDENCE,
    )
    assert len(result.missing) == 2


def test_guarantee_of_kind_other_is_a_problem_and_counts_as_no_guarantee() -> None:
    other = Guarantee(kind=GuaranteeKind.OTHER, amount=Decimal("6000"))

    missing, problems, complete = checked(request(guarantee=other))

    assert not complete
    assert problems and "other" in problems[0]
    assert any("guarantee of at least" in m for m in missing)


def test_a_lead_asks_for_the_online_inquiry_and_waits_for_review() -> None:
    lead = Asset(kind=AssetKind.VEHICLE_OR_SHIP, identifier="名下车辆线索", lead=True)
    app, _ = translate.application_of(request(assets=(lead,)), "pa-1", NOW)

    result = check_application(app, DEFAULT_POLICY)

    assert app.requests_online_inquiry
    assert app.leads == (
        domain.AssetLead(domain.AssetKind.VEHICLE_OR_SHIP, "名下车辆线索"),
    )
    assert [i.element for i in result.review_items] == ["asset_lead_credibility"]


def test_application_id_is_the_same_for_every_copy_of_a_request() -> None:
    first = translate.application_id_for("acme", "pr-1")

    assert first == translate.application_id_for("acme", "pr-1")
    assert first != translate.application_id_for("other", "pr-1")
    assert len(first) <= 64


def test_court_measure_maps_seizure_to_detention_with_its_value() -> None:
    measure = Measure(
        asset_kind=AssetKind.VEHICLE_OR_SHIP,
        asset_identifier="京A12345",
        measure=MeasureKind.SEIZE,
        amount=Decimal("30000"),
        start_date=date(2026, 3, 3),
        expiry_date=date(2028, 3, 2),
    )

    mapped = translate.measure_of(measure)

    assert mapped.kind is DomainMeasure.DETAIN
    assert mapped.asset_kind is domain.AssetKind.VEHICLE_OR_SHIP
    assert mapped.preserved_value == Decimal("30000")
