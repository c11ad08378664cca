from datetime import date
from decimal import Decimal

import pytest

from services.fee_calculator.domain.errors import (
    InvalidAmountError,
    NoScheduleError,
    ReductionNotAllowedError,
)
from services.fee_calculator.domain.schedules import (
    ACCEPTANCE_2007,
    Band,
    FeeKind,
    FeeSchedule,
    schedule_for,
)
from services.fee_calculator.domain.statutory import (
    Procedure,
    claim_amount,
    quote_fee,
)

ON = date(2026, 12, 3)


def fee(claim: str, kind: FeeKind = FeeKind.ACCEPTANCE, **kw: Procedure) -> Decimal:
    return quote_fee(kind, Decimal(claim), ON, **kw).amount


def test_acceptance_fee_for_fifteen_thousand_is_175() -> None:
    assert fee("15000") == Decimal("175.00")


def test_acceptance_fee_for_150_thousand_is_3300_ordinary() -> None:
    assert fee("150000") == Decimal("3300.00")


def test_simplified_procedure_halves_150_thousand_to_1650() -> None:
    assert fee("150000", procedure=Procedure.SIMPLIFIED) == Decimal("1650.00")


@pytest.mark.parametrize("procedure", [Procedure.MEDIATION, Procedure.WITHDRAWAL])
def test_mediation_and_withdrawal_halve_the_acceptance_fee(
    procedure: Procedure,
) -> None:
    assert fee("15000", procedure=procedure) == Decimal("87.50")


def test_small_claim_pays_the_fixed_50() -> None:
    assert fee("0") == fee("9999.99") == fee("10000") == Decimal("50.00")


def test_claim_above_twenty_million_sums_every_band() -> None:
    assert fee("30000000") == Decimal("191800.00")


def test_rounds_half_up_to_the_cent() -> None:
    assert fee("10000.20") == Decimal("50.01")


def test_halves_the_unrounded_fee_not_the_rounded_one() -> None:
    # 50.005 halved is 25.0025 -> 25.00; halving the rounded 50.01 would give 25.01
    assert fee("10000.20", procedure=Procedure.SIMPLIFIED) == Decimal("25.00")


def test_breakdown_lists_each_band_reached_with_its_portion() -> None:
    quote = quote_fee(FeeKind.ACCEPTANCE, Decimal("150000"), ON)

    rows = [(c.lower, c.upper, c.rate, c.fixed, c.portion) for c in quote.breakdown]

    assert rows == [
        (0, 10000, None, 50, 50),
        (10000, 100000, Decimal("0.025"), None, 2250),
        (100000, 200000, Decimal("0.02"), None, 1000),
    ]
    assert sum(c.portion for c in quote.breakdown) == quote.amount


def test_preservation_of_fifty_thousand_is_520() -> None:
    assert fee("50000", FeeKind.PRESERVATION) == Decimal("520.00")


def test_preservation_fee_is_capped_at_5000() -> None:
    quote = quote_fee(FeeKind.PRESERVATION, Decimal("2000000"), ON)

    assert quote.amount == Decimal("5000.00")
    assert quote.capped


def test_small_preservation_pays_30() -> None:
    assert fee("800", FeeKind.PRESERVATION) == Decimal("30.00")


def test_enforcement_fee_sums_its_bands() -> None:
    assert fee("10000", FeeKind.ENFORCEMENT) == Decimal("50.00")
    assert fee("20000", FeeKind.ENFORCEMENT) == Decimal("200.00")
    assert fee("600000", FeeKind.ENFORCEMENT) == Decimal("8400.00")


def test_preservation_fee_is_never_halved() -> None:
    with pytest.raises(ReductionNotAllowedError):
        fee("50000", FeeKind.PRESERVATION, procedure=Procedure.SIMPLIFIED)


def test_negative_claim_is_rejected() -> None:
    with pytest.raises(InvalidAmountError):
        fee("-1")


def test_no_schedule_before_the_2007_measures() -> None:
    with pytest.raises(NoScheduleError):
        schedule_for(FeeKind.ACCEPTANCE, date(2007, 3, 31))


def test_schedule_lookup_picks_the_latest_in_force() -> None:
    newer = FeeSchedule(
        kind=FeeKind.ACCEPTANCE,
        valid_from=date(2030, 1, 1),
        bands=(Band(Decimal(0), None, fixed=Decimal("80")),),
        source="hypothetical",
    )
    tables = (ACCEPTANCE_2007, newer)

    assert schedule_for(FeeKind.ACCEPTANCE, date(2029, 12, 31), tables) is (
        ACCEPTANCE_2007
    )
    assert schedule_for(FeeKind.ACCEPTANCE, date(2030, 1, 1), tables) is newer


def test_claim_amount_adds_principal_interest_and_penalty() -> None:
    claim = claim_amount(Decimal("12000"), Decimal("2500.50"), Decimal("499.50"))

    assert claim == Decimal("15000.00")
    assert fee(str(claim)) == Decimal("175.00")


def test_claim_amount_rejects_negative_parts() -> None:
    with pytest.raises(InvalidAmountError):
        claim_amount(Decimal("100"), Decimal("-1"), Decimal("0"))
