from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.fee_calculator.domain.schedules import FeeKind
from services.fee_calculator.domain.statutory import quote_fee
from services.preservation_tracker.domain.fee import preservation_fee


@pytest.mark.parametrize(
    ("value", "fee"),
    [
        ("800", "30.00"),
        ("1000", "30.00"),
        ("50000", "520.00"),
        ("100000", "1020.00"),
        ("200000", "1520.00"),
        ("123456.78", "1137.28"),
    ],
)
def test_fee_follows_the_bands_of_article_14(value: str, fee: str) -> None:
    assert preservation_fee(Decimal(value)) == Decimal(fee)


def test_fee_never_exceeds_five_thousand_yuan() -> None:
    assert preservation_fee(Decimal("100000000")) == Decimal("5000.00")


def invoiced(value: Decimal) -> Decimal:
    """What fee-calculator assesses on the application (FeeAssessed)."""
    return quote_fee(FeeKind.PRESERVATION, value, date(2026, 12, 3)).amount


def test_fifty_thousand_preserved_costs_520_in_both_services() -> None:
    assert preservation_fee(Decimal("50000")) == invoiced(Decimal("50000")) == 520


@given(st.decimals(min_value="0.01", max_value=50_000_000, places=2))
def test_fee_paid_with_the_application_equals_what_fee_calculator_assesses(
    value: Decimal,
) -> None:
    assert preservation_fee(value) == invoiced(value)
