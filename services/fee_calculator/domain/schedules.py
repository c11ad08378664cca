"""Statutory fee tables (诉讼费用交纳办法) as data with effective dates."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from services.fee_calculator.domain.errors import NoScheduleError


class FeeKind(StrEnum):
    ACCEPTANCE = "acceptance"
    PRESERVATION = "preservation"
    ENFORCEMENT = "enforcement"


@dataclass(frozen=True)
class Band:
    """A band of the claim: a fixed charge or a rate on the part inside it."""

    lower: Decimal
    upper: Decimal | None
    rate: Decimal | None = None
    fixed: Decimal | None = None

    def __post_init__(self) -> None:
        if (self.rate is None) == (self.fixed is None):
            raise ValueError("a band has either a rate or a fixed charge")


@dataclass(frozen=True)
class FeeSchedule:
    kind: FeeKind
    valid_from: date
    bands: tuple[Band, ...]
    source: str
    cap: Decimal | None = None
    halvable: bool = False


def _d(text: str) -> Decimal:
    return Decimal(text)


_MEASURES_2007 = date(2007, 4, 1)

ACCEPTANCE_2007 = FeeSchedule(
    kind=FeeKind.ACCEPTANCE,
    valid_from=_MEASURES_2007,
    source="诉讼费用交纳办法 Art. 13(1)",
    halvable=True,
    bands=(
        Band(_d("0"), _d("10000"), fixed=_d("50")),
        Band(_d("10000"), _d("100000"), rate=_d("0.025")),
        Band(_d("100000"), _d("200000"), rate=_d("0.02")),
        Band(_d("200000"), _d("500000"), rate=_d("0.015")),
        Band(_d("500000"), _d("1000000"), rate=_d("0.01")),
        Band(_d("1000000"), _d("2000000"), rate=_d("0.009")),
        Band(_d("2000000"), _d("5000000"), rate=_d("0.008")),
        Band(_d("5000000"), _d("10000000"), rate=_d("0.007")),
        Band(_d("10000000"), _d("20000000"), rate=_d("0.006")),
        Band(_d("20000000"), None, rate=_d("0.005")),
    ),
)

PRESERVATION_2007 = FeeSchedule(
    kind=FeeKind.PRESERVATION,
    valid_from=_MEASURES_2007,
    source="诉讼费用交纳办法 Art. 14(2)",
    cap=_d("5000"),
    bands=(
        Band(_d("0"), _d("1000"), fixed=_d("30")),
        Band(_d("1000"), _d("100000"), rate=_d("0.01")),
        Band(_d("100000"), None, rate=_d("0.005")),
    ),
)

ENFORCEMENT_2007 = FeeSchedule(
    kind=FeeKind.ENFORCEMENT,
    valid_from=_MEASURES_2007,
    source="诉讼费用交纳办法 Art. 14(1)",
    bands=(
        Band(_d("0"), _d("10000"), fixed=_d("50")),
        Band(_d("10000"), _d("500000"), rate=_d("0.015")),
        Band(_d("500000"), _d("5000000"), rate=_d("0.01")),
        Band(_d("5000000"), _d("10000000"), rate=_d("0.005")),
        Band(_d("10000000"), None, rate=_d("0.001")),
    ),
)

STATUTORY_SCHEDULES: tuple[FeeSchedule, ...] = (
    ACCEPTANCE_2007,
    PRESERVATION_2007,
    ENFORCEMENT_2007,
)


def schedule_for(
    kind: FeeKind,
    on: date,
    schedules: Iterable[FeeSchedule] = STATUTORY_SCHEDULES,
) -> FeeSchedule:
    """The schedule of `kind` in force on `on`: the latest one already valid."""
    in_force = [s for s in schedules if s.kind == kind and s.valid_from <= on]
    if not in_force:
        raise NoScheduleError(f"no {kind} fee schedule in force on {on}")
    return max(in_force, key=lambda s: s.valid_from)
