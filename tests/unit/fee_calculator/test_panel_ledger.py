from datetime import date
from decimal import Decimal

import pytest

from services.fee_calculator.domain.errors import LedgerError
from services.fee_calculator.domain.panel import (
    CasePanel,
    CourtLedger,
    PanelRates,
    PanelRole,
)

ON = date(2026, 12, 3)
RATES = PanelRates(
    "cn-110105",
    {
        PanelRole.JUDGE: Decimal("100"),
        PanelRole.CLERK: Decimal("40"),
        PanelRole.LANGUAGE_EXPERT: Decimal("60"),
        PanelRole.JUROR: Decimal("30"),
    },
)


def panel(case_id: str = "c1", experts: tuple[str, ...] = ("e1",)) -> CasePanel:
    return CasePanel("cn-110105", case_id, "j1", "k1", experts, ("r1", "r2"))


def test_records_one_entry_per_panel_member_at_the_court_rate() -> None:
    ledger = CourtLedger(RATES)

    entries = ledger.record_case(panel(experts=("e1", "e2")), ON)

    assert [(e.role, e.amount) for e in entries] == [
        (PanelRole.JUDGE, Decimal("100.00")),
        (PanelRole.CLERK, Decimal("40.00")),
        (PanelRole.LANGUAGE_EXPERT, Decimal("60.00")),
        (PanelRole.LANGUAGE_EXPERT, Decimal("60.00")),
        (PanelRole.JUROR, Decimal("30.00")),
        (PanelRole.JUROR, Decimal("30.00")),
    ]
    assert ledger.case_total("c1") == Decimal("320.00")


def test_totals_a_person_across_cases() -> None:
    ledger = CourtLedger(RATES)
    ledger.record_case(panel("c1"), ON)
    ledger.record_case(panel("c2"), ON)

    assert ledger.person_total("j1") == Decimal("200.00")


@pytest.mark.parametrize("experts", [(), ("e1", "e2", "e3")])
def test_rejects_panels_without_one_or_two_language_experts(
    experts: tuple[str, ...],
) -> None:
    with pytest.raises(LedgerError):
        CourtLedger(RATES).record_case(panel(experts=experts), ON)


def test_rejects_a_case_of_another_court() -> None:
    other = CasePanel("cn-110108", "c1", "j1", "k1", ("e1",))

    with pytest.raises(LedgerError):
        CourtLedger(RATES).record_case(other, ON)


def test_records_each_case_once() -> None:
    ledger = CourtLedger(RATES)
    ledger.record_case(panel("c1"), ON)

    with pytest.raises(LedgerError):
        ledger.record_case(panel("c1"), ON)
