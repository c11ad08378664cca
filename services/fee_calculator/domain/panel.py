"""Per-court ledger of the incentives a court pays its case panel per case."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from services.fee_calculator.domain.errors import LedgerError
from shared.money import round_money


class PanelRole(StrEnum):
    JUDGE = "judge"
    CLERK = "clerk"
    LANGUAGE_EXPERT = "language_expert"
    JUROR = "juror"


@dataclass(frozen=True)
class PanelRates:
    """One court's per-case rate for each role and its language-expert range."""

    court_id: str
    rates: Mapping[PanelRole, Decimal]
    min_language_experts: int = 1
    max_language_experts: int = 2


@dataclass(frozen=True)
class CasePanel:
    court_id: str
    case_id: str
    judge: str
    clerk: str
    language_experts: tuple[str, ...]
    jurors: tuple[str, ...] = ()

    def members(self) -> list[tuple[PanelRole, str]]:
        return [
            (PanelRole.JUDGE, self.judge),
            (PanelRole.CLERK, self.clerk),
            *((PanelRole.LANGUAGE_EXPERT, p) for p in self.language_experts),
            *((PanelRole.JUROR, p) for p in self.jurors),
        ]


@dataclass(frozen=True)
class LedgerEntry:
    court_id: str
    case_id: str
    role: PanelRole
    person_id: str
    amount: Decimal
    on: date


@dataclass
class CourtLedger:
    """Entries of one court; each case is recorded once."""

    rates: PanelRates
    entries: list[LedgerEntry] = field(default_factory=list)

    def record_case(self, panel: CasePanel, on: date) -> list[LedgerEntry]:
        """Add one entry per panel member at the court's rate for the role."""
        self._check(panel)
        added = [
            LedgerEntry(
                panel.court_id,
                panel.case_id,
                role,
                person,
                round_money(self.rates.rates.get(role, Decimal(0))),
                on,
            )
            for role, person in panel.members()
        ]
        self.entries.extend(added)
        return added

    def _check(self, panel: CasePanel) -> None:
        if panel.court_id != self.rates.court_id:
            raise LedgerError(f"case {panel.case_id} belongs to {panel.court_id}")
        if any(e.case_id == panel.case_id for e in self.entries):
            raise LedgerError(f"case {panel.case_id} is already in the ledger")
        experts = len(panel.language_experts)
        low, high = self.rates.min_language_experts, self.rates.max_language_experts
        if not low <= experts <= high:
            raise LedgerError(f"{experts} language experts; expected {low}-{high}")

    def case_total(self, case_id: str) -> Decimal:
        return sum((e.amount for e in self.entries if e.case_id == case_id), Decimal(0))

    def person_total(self, person_id: str) -> Decimal:
        return sum(
            (e.amount for e in self.entries if e.person_id == person_id), Decimal(0)
        )
