from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from services.preservation_tracker.domain.assets import AssetKind, Stage
from services.preservation_tracker.domain.errors import InvalidOrderError
from services.preservation_tracker.domain.exposure import wrongful_exposure
from services.preservation_tracker.domain.order import (
    CourtOrder,
    Measure,
    MeasureKind,
    excess_terms,
    renew,
)
from services.preservation_tracker.domain.policy import DEFAULT_POLICY

START = date(2026, 3, 2)


def measure(kind: AssetKind, expires_on: date, ref: str = "a1") -> Measure:
    return Measure(ref, kind, MeasureKind.FREEZE, START, expires_on, Decimal("5000"))


def order(*measures: Measure, case_id: str = "case-1") -> CourtOrder:
    return CourtOrder("ord-1", case_id, Stage.IN_SUIT, START, measures)


@pytest.mark.parametrize(
    ("kind", "cap"),
    [
        (AssetKind.BANK_ACCOUNT, date(2027, 3, 2)),
        (AssetKind.VEHICLE_OR_SHIP, date(2028, 3, 2)),
        (AssetKind.PLANT_EQUIPMENT, date(2028, 3, 2)),
        (AssetKind.REAL_ESTATE, date(2029, 3, 2)),
        (AssetKind.SECURITIES_EQUITY, date(2029, 3, 2)),
        (AssetKind.INTELLECTUAL_PROPERTY, date(2029, 3, 2)),
    ],
)
def test_expiry_on_the_cap_is_accepted(kind: AssetKind, cap: date) -> None:
    assert excess_terms(order(measure(kind, cap)), DEFAULT_POLICY) == []


@pytest.mark.parametrize(
    ("kind", "past_cap"),
    [
        (AssetKind.BANK_ACCOUNT, date(2027, 3, 3)),
        (AssetKind.VEHICLE_OR_SHIP, date(2028, 3, 3)),
        (AssetKind.REAL_ESTATE, date(2029, 3, 3)),
    ],
)
def test_expiry_a_day_past_the_cap_is_flagged(kind: AssetKind, past_cap: date) -> None:
    flagged = excess_terms(order(measure(kind, past_cap)), DEFAULT_POLICY)

    assert [(f.asset_kind, f.latest_allowed) for f in flagged] == [
        (kind, past_cap.replace(day=2))
    ]


def test_renewal_replaces_the_expiry_and_starts_a_new_term() -> None:
    original = order(measure(AssetKind.BANK_ACCOUNT, date(2027, 3, 2)))

    renewed = renew(original, "a1", date(2028, 3, 2))

    assert renewed.measures[0].starts_on == date(2027, 3, 2)
    assert renewed.measures[0].expires_on == date(2028, 3, 2)
    assert excess_terms(renewed, DEFAULT_POLICY) == []


def test_renewal_of_an_unknown_asset_is_rejected() -> None:
    with pytest.raises(InvalidOrderError):
        renew(order(measure(AssetKind.BANK_ACCOUNT, date(2027, 3, 2))), "zz", START)


def test_renewal_that_does_not_extend_is_rejected() -> None:
    original = order(measure(AssetKind.BANK_ACCOUNT, date(2027, 3, 2)))

    with pytest.raises(InvalidOrderError):
        renew(original, "a1", date(2027, 3, 1))


def test_dismissed_case_with_preservation_flags_the_preserved_amount() -> None:
    orders = [
        order(
            measure(AssetKind.BANK_ACCOUNT, date(2027, 3, 2), "a1"),
            measure(AssetKind.REAL_ESTATE, date(2029, 3, 2), "a2"),
        ),
        order(measure(AssetKind.OTHER, date(2027, 3, 2)), case_id="case-2"),
    ]

    exposure = wrongful_exposure("case-1", True, orders)

    assert exposure is not None
    assert exposure.preserved_value == Decimal("10000")
    assert exposure.order_ids == ("ord-1",)


def test_judgment_for_the_applicant_carries_no_exposure() -> None:
    orders = [order(measure(AssetKind.BANK_ACCOUNT, date(2027, 3, 2)))]

    assert wrongful_exposure("case-1", False, orders) is None


def test_dismissed_case_without_preservation_carries_no_exposure() -> None:
    assert wrongful_exposure("case-9", True, []) is None


def test_dismissal_after_the_30_day_lift_still_flags_the_preserved_amount() -> None:
    lifted = replace(
        order(measure(AssetKind.BANK_ACCOUNT, date(2027, 3, 2))),
        stage=Stage.PRE_SUIT,
        lifted_on=date(2026, 4, 1),
    )

    exposure = wrongful_exposure("case-1", True, [lifted])

    assert exposure is not None
    assert exposure.preserved_value == Decimal("5000")


def test_dismissal_after_the_measures_expired_still_flags_exposure() -> None:
    expired = replace(
        order(measure(AssetKind.BANK_ACCOUNT, date(2027, 3, 2))),
        lifted_on=date(2027, 3, 3),
    )

    exposure = wrongful_exposure("case-1", True, [expired])

    assert exposure is not None
    assert exposure.order_ids == ("ord-1",)


def test_order_that_took_no_measures_carries_no_exposure() -> None:
    assert wrongful_exposure("case-1", True, [order()]) is None
