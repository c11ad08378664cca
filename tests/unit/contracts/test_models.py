import json
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError

from contracts.base import TimeZoneName
from contracts.contact import (
    AttemptStatus,
    BlockedReason,
    Channel,
    ContactAttempted,
    ContactOutcome,
    Purpose,
)
from contracts.errors import InvalidPayloadError
from contracts.loans import Arrears
from contracts.platform import LoanOverdue
from contracts.registry import MODELS, decode, event_type
from contracts.rulings import DishonestListing, JudgmentIssued
from contracts.triage import CaseFeatures, CaseTriaged, Reason, TriageDecision

NOW = datetime(2026, 2, 1, 9, 30, tzinfo=UTC)


def _nested_models(model: type[BaseModel], seen: set[type[BaseModel]]) -> None:
    seen.add(model)
    for field in model.model_fields.values():
        for arg in _type_args(field.annotation):
            if isinstance(arg, type) and issubclass(arg, BaseModel) and arg not in seen:
                _nested_models(arg, seen)


def _type_args(annotation: object) -> list[object]:
    found = [annotation]
    for arg in getattr(annotation, "__args__", ()):
        found.extend(_type_args(arg))
    return found


def test_every_field_of_every_model_is_described() -> None:
    models: set[type[BaseModel]] = set()
    for model in MODELS:
        _nested_models(model, models)
    undescribed = [
        f"{model.__name__}.{name}"
        for model in models
        for name, field in model.model_fields.items()
        if not field.description
    ]
    assert undescribed == []


def test_messages_are_frozen_and_refuse_unknown_fields(
    loan_overdue: LoanOverdue,
) -> None:
    with pytest.raises(ValidationError):
        loan_overdue.case_id = "other"  # type: ignore[misc]
    with pytest.raises(ValidationError, match="Extra inputs"):
        LoanOverdue.model_validate({**loan_overdue.model_dump(), "note": "x"})


def test_arrears_cannot_start_after_their_date() -> None:
    with pytest.raises(ValidationError, match="overdue_since"):
        Arrears(
            principal_owed=Decimal(1),
            interest_owed=Decimal(0),
            penalty_interest_owed=Decimal(0),
            as_of="2026-01-01",
            overdue_since="2026-02-01",
            overdue_days=0,
        )


def test_blocked_attempt_needs_a_reason() -> None:
    attempt = {
        "attempt_id": "a-1",
        "plaintiff_id": "acme",
        "case_id": "case-1",
        "purpose": Purpose.COLLECTION,
        "channel": Channel.PHONE,
        "attempted_at": NOW,
        "status": AttemptStatus.BLOCKED,
        "outcome": ContactOutcome(reached=False, answered=False, right_party=False),
    }
    with pytest.raises(ValidationError, match="blocked_reason"):
        ContactAttempted.model_validate(attempt)
    blocked = {**attempt, "blocked_reason": BlockedReason.QUIET_HOURS}
    assert ContactAttempted.model_validate(blocked).blocked_reason == "quiet_hours"


def test_a_suit_decision_carries_the_case_summary() -> None:
    with pytest.raises(ValidationError, match="case summary"):
        CaseTriaged(
            plaintiff_id="acme",
            case_id="case-1",
            revision=1,
            decision=TriageDecision.FILE_SUIT,
            score=Decimal("0.1"),
            reasons=(Reason(rule="otherwise_file", text="No rule returned it."),),
            features=CaseFeatures(
                principal=Decimal(5000),
                principal_owed=Decimal(4000),
                term_months=6,
                overdue_days=90,
                attempts=10,
                reached=1,
                reach_rate=Decimal("0.1"),
                right_party_reached=False,
                stated_reason="none",
                product_complexity=1,
                profile="salaried",
            ),
            decided_at=NOW,
        )


def test_only_able_but_refuses_listings_have_no_fixed_term() -> None:
    assert DishonestListing(art1_item=1, conduct="有能力拒不履行").term_years is None
    assert DishonestListing(art1_item=3, conduct="规避执行", term_years=2)
    with pytest.raises(ValidationError, match="item 3 is listed for 2 years"):
        DishonestListing(art1_item=3, conduct="规避执行")
    with pytest.raises(ValidationError, match="has no fixed term"):
        DishonestListing.model_validate(
            {"art1_item": 1, "conduct": "有能力拒不履行", "term_years": 2}
        )


@pytest.mark.parametrize("years", [1, 3, 4, 5])
def test_items_two_to_six_accept_only_the_two_year_term(years: int) -> None:
    with pytest.raises(ValidationError, match="term_years"):
        DishonestListing.model_validate(
            {"art1_item": 2, "conduct": "妨碍执行", "term_years": years}
        )


def test_an_open_term_listing_cannot_be_extended() -> None:
    with pytest.raises(ValidationError, match="has no term to extend"):
        DishonestListing(art1_item=1, conduct="有能力拒不履行", extension_years=1)


@pytest.mark.parametrize(
    ("years", "valid"), [(0, False), (1, True), (3, True), (4, False)]
)
def test_a_fixed_term_is_extended_by_one_to_three_years(
    years: int, valid: bool
) -> None:
    fields = {"art1_item": 4, "conduct": "违反财产报告制度", "term_years": 2}

    if valid:
        extended = DishonestListing.model_validate({**fields, "extension_years": years})
        assert extended.extension_years == years
    else:
        with pytest.raises(ValidationError, match="extension_years"):
            DishonestListing.model_validate({**fields, "extension_years": years})


def test_a_judgment_with_an_unlawful_listing_is_refused_with_its_reason() -> None:
    judgment = {
        "court_id": "cn-110105",
        "plaintiff_id": "acme",
        "case_id": "case-1",
        "docket_number": "(2026)京0105民初1234号",
        "defendant": {"name": "张三", "id_number": "110105199003071234"},
        "defendant_sex": "male",
        "defendant_birth_date": "1990-03-07",
        "outcome": "repay_principal",
        "principal_awarded": "9000.00",
        "interest_awarded": "0.00",
        "costs_awarded": "112.50",
        "reserved_interest_claim": False,
        "obligation": "偿还借款本金9000.00元",
        "listing": {"art1_item": 1, "conduct": "拒不履行", "extension_years": 2},
        "judged_at": "2026-05-06T02:00:00Z",
    }
    ce_type = event_type(JudgmentIssued)

    with pytest.raises(InvalidPayloadError) as refused:
        decode(ce_type, json.dumps(judgment).encode())

    assert "listing" in refused.value.reason
    assert "has no term to extend" in refused.value.reason


def test_a_recipient_time_zone_must_exist() -> None:
    zone = TypeAdapter(TimeZoneName)

    assert zone.validate_python("Asia/Urumqi") == "Asia/Urumqi"
    with pytest.raises(ValidationError, match="unknown time zone 'Asia/Nowhere'"):
        zone.validate_python("Asia/Nowhere")
