from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal

from services.preservation_tracker.domain.assets import (
    Application,
    Asset,
    AssetKind,
    AssetLead,
    Document,
    Guarantee,
    GuaranteeKind,
    Stage,
)
from services.preservation_tracker.domain.check import check_application
from services.preservation_tracker.domain.guarantee import required_guarantee
from services.preservation_tracker.domain.policy import (
    DEFAULT_POLICY,
    PreservationPolicy,
    policy_on,
)
from services.preservation_tracker.domain.review import ReviewElement

DOCUMENTS = frozenset(
    {
        Document.APPLICATION_FORM,
        Document.LOAN_CONTRACT,
        Document.BANK_STATEMENT,
        Document.DEPOSIT_RECEIPT,
        Document.INSURANCE_POLICY,
        Document.TITLE_DEED,
        Document.BUSINESS_LICENCE,
    }
)


def application(stage: Stage, kind: GuaranteeKind, value: str) -> Application:
    return Application(
        application_id="app-1",
        stage=stage,
        amount=Decimal("10000.00"),
        received_at=datetime(2026, 3, 2, 9, 0),
        applicant_is_organisation=True,
        documents=DOCUMENTS,
        assets=(
            Asset(AssetKind.REAL_ESTATE, Decimal("1"), {"certificate_number": "1"}),
        ),
        guarantee=Guarantee(kind, Decimal(value)),
    )


def test_in_suit_guarantee_of_29_99_percent_is_short() -> None:
    app = application(Stage.IN_SUIT, GuaranteeKind.CASH_DEPOSIT, "2999.00")

    result = check_application(app, DEFAULT_POLICY)

    assert result.missing == ["guarantee short by 1.00 yuan: 3000.00 yuan required"]


def test_in_suit_guarantee_of_30_percent_suffices() -> None:
    app = application(Stage.IN_SUIT, GuaranteeKind.CASH_DEPOSIT, "3000.00")

    assert check_application(app, DEFAULT_POLICY).complete


def test_pre_suit_guarantee_must_cover_the_full_amount() -> None:
    short = application(Stage.PRE_SUIT, GuaranteeKind.CASH_DEPOSIT, "9999.99")
    full = application(Stage.PRE_SUIT, GuaranteeKind.CASH_DEPOSIT, "10000.00")

    assert not check_application(short, DEFAULT_POLICY).complete
    assert check_application(full, DEFAULT_POLICY).complete


def test_missing_guarantee_names_the_amount_required() -> None:
    app = replace(
        application(Stage.IN_SUIT, GuaranteeKind.CASH_DEPOSIT, "0"), guarantee=None
    )

    result = check_application(app, DEFAULT_POLICY)

    assert result.missing == ["guarantee of at least 3000.00 yuan (财产保全担保)"]


def test_tenant_can_raise_the_in_suit_ratio() -> None:
    policy = replace(
        DEFAULT_POLICY,
        guarantee_ratio={Stage.IN_SUIT: Decimal("0.5"), Stage.PRE_SUIT: Decimal("1")},
    )

    assert required_guarantee(Decimal("10000"), Stage.IN_SUIT, policy) == Decimal(
        "5000.00"
    )


def test_insurance_policy_near_the_threshold_waits_for_review() -> None:
    app = application(Stage.IN_SUIT, GuaranteeKind.INSURANCE_POLICY, "3299.99")

    result = check_application(app, DEFAULT_POLICY)

    assert result.complete
    assert [i.element for i in result.review_items] == [
        ReviewElement.GUARANTEE_ADEQUACY
    ]


def test_title_deed_well_above_the_threshold_needs_no_review() -> None:
    app = application(Stage.IN_SUIT, GuaranteeKind.TITLE_DEED, "3300.00")

    assert check_application(app, DEFAULT_POLICY).review_items == []


def test_cash_deposit_at_the_threshold_needs_no_review() -> None:
    app = application(Stage.IN_SUIT, GuaranteeKind.CASH_DEPOSIT, "3000.00")

    assert check_application(app, DEFAULT_POLICY).review_items == []


def test_at_most_two_elements_wait_for_review() -> None:
    app = replace(
        application(Stage.IN_SUIT, GuaranteeKind.TITLE_DEED, "3000.00"),
        leads=(AssetLead(AssetKind.OTHER, "a"), AssetLead(AssetKind.OTHER, "b")),
        requests_online_inquiry=True,
    )

    result = check_application(app, DEFAULT_POLICY)

    assert len(result.review_items) == 2


def test_policy_is_chosen_by_effective_date() -> None:
    newer = PreservationPolicy(effective_from=date(2027, 1, 1))

    assert policy_on(date(2026, 12, 31), [DEFAULT_POLICY, newer]) is DEFAULT_POLICY
    assert policy_on(date(2027, 1, 1), [DEFAULT_POLICY, newer]) is newer
