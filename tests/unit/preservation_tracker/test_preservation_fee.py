from decimal import Decimal

import pytest

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
