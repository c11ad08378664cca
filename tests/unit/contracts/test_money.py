from decimal import Decimal

import pytest
from pydantic import TypeAdapter, ValidationError

from contracts.base import Money, PositiveMoney, Rate

money = TypeAdapter(Money)


@pytest.mark.parametrize("value", ["-0.01", "1000000000.01", "12.345", "NaN"])
def test_money_rejects_negative_absurd_and_sub_cent_amounts(value: str) -> None:
    with pytest.raises(ValidationError):
        money.validate_python(value)


def test_money_rejects_floats_from_python_and_json() -> None:
    with pytest.raises(ValidationError, match="not a float"):
        money.validate_python(12.5)
    with pytest.raises(ValidationError, match="not a float"):
        money.validate_json("12.5")


def test_money_accepts_strings_integers_and_decimals() -> None:
    assert money.validate_json('"12.50"') == Decimal("12.50")
    assert money.validate_json("12") == Decimal(12)
    assert money.validate_python(Decimal("0.1")) == Decimal("0.1")


def test_money_serializes_as_a_two_decimal_string_in_json() -> None:
    assert money.dump_json(Decimal("175")) == b'"175.00"'
    assert money.dump_python(Decimal("175")) == Decimal("175")


def test_positive_money_rejects_zero() -> None:
    with pytest.raises(ValidationError):
        TypeAdapter(PositiveMoney).validate_python("0.00")


def test_rate_is_a_fraction_serialized_as_a_string() -> None:
    rate = TypeAdapter(Rate)
    assert rate.dump_json(rate.validate_python("0.24")) == b'"0.24"'
    with pytest.raises(ValidationError):
        rate.validate_python("1.5")
