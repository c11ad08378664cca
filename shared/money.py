"""Decimal money: yuan with two places, rounded half-up."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


class MoneyError(ValueError):
    """A value that is not a valid amount of money."""


def to_money(value: Decimal | int | str) -> Decimal:
    """Parse an amount from a decimal string or number, never from a float."""
    if isinstance(value, float):
        raise MoneyError("money must not be a float")
    try:
        amount = Decimal(value)
    except InvalidOperation as error:
        raise MoneyError(f"not a decimal amount: {value!r}") from error
    if not amount.is_finite():
        raise MoneyError("money must be finite")
    return amount


def round_money(amount: Decimal) -> Decimal:
    """Round half-up to 0.01 yuan."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def total(amounts: "list[Decimal] | tuple[Decimal, ...]") -> Decimal:
    return round_money(sum(amounts, ZERO))


def format_yuan(amount: Decimal) -> str:
    return f"{round_money(amount):,.2f}"
