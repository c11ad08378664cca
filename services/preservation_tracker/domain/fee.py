"""Statutory preservation application fee, 诉讼费用交纳办法 Art. 14(2)."""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

_CENT = Decimal("0.01")


@dataclass(frozen=True)
class PreservationFeeTable:
    """Fixed fee up to a floor, then two rates by band, never above a ceiling."""

    effective_from: date = date(2007, 4, 1)
    fixed_up_to: Decimal = Decimal("1000")
    fixed_fee: Decimal = Decimal("30")
    lower_rate: Decimal = Decimal("0.01")
    band_top: Decimal = Decimal("100000")
    upper_rate: Decimal = Decimal("0.005")
    ceiling: Decimal = Decimal("5000")


STATUTORY_FEES = PreservationFeeTable()


def preservation_fee(
    value: Decimal, table: PreservationFeeTable = STATUTORY_FEES
) -> Decimal:
    """Fee on the value to preserve, rounded half-up to 0.01 yuan."""
    if value <= table.fixed_up_to:
        return table.fixed_fee.quantize(_CENT)
    lower = min(value, table.band_top) - table.fixed_up_to
    upper = max(value - table.band_top, Decimal("0"))
    fee = table.fixed_fee + lower * table.lower_rate + upper * table.upper_rate
    return min(fee, table.ceiling).quantize(_CENT, ROUND_HALF_UP)
