"""Per-tenant fee policy and per-court panel rates, from an optional JSON file.

`RECOURSE_FEE_CONFIG` names a file such as::

    {"tenants": {"acme": {"policy": "seed", "procedure": "simplified",
                          "pricing": {"threshold": "10000", "fixed_fee": "60"},
                          "prepayment": {"warn_days_before": 3}}},
     "courts": {"default": {"rates": {"judge": "30"}, "jurors": 0},
                "cn-110105": {"rates": {"judge": "40"}, "language_experts": 2}}}

Unlisted tenants pay the statutory fee under ordinary procedure.
"""

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import timedelta, timezone
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from contracts.fees import FeePolicy, Procedure
from services.fee_calculator.domain.panel import PanelRates, PanelRole
from services.fee_calculator.domain.prepayment import DEFAULT_TERMS, PrepaymentTerms
from services.fee_calculator.domain.pricing import (
    DEFAULT_PRICING,
    Complexity,
    PricingPolicy,
)

CONFIG_ENV = "RECOURSE_FEE_CONFIG"
# China keeps UTC+8 all year: fee notices and due dates are local days.
CHINA_TIME = timezone(timedelta(hours=8), "Asia/Shanghai")
DEFAULT_PANEL_RATES: Mapping[PanelRole, Decimal] = {
    PanelRole.JUDGE: Decimal("30.00"),
    PanelRole.CLERK: Decimal("15.00"),
    PanelRole.LANGUAGE_EXPERT: Decimal("20.00"),
    PanelRole.JUROR: Decimal("10.00"),
}


@dataclass(frozen=True)
class TenantFees:
    """How one plaintiff is charged."""

    policy: FeePolicy = FeePolicy.STATUTORY
    procedure: Procedure = Procedure.ORDINARY
    pricing: PricingPolicy = DEFAULT_PRICING
    prepayment: PrepaymentTerms = DEFAULT_TERMS


@dataclass(frozen=True)
class CourtPanel:
    """One court's per-case rates and the seats of a case panel."""

    rates: Mapping[PanelRole, Decimal] = field(
        default_factory=lambda: dict(DEFAULT_PANEL_RATES)
    )
    language_experts: int = 1
    jurors: int = 0

    def rates_for(self, court_id: str) -> PanelRates:
        return PanelRates(court_id, self.rates)


@dataclass(frozen=True)
class FeeSettings:
    tenants: Mapping[str, TenantFees] = field(default_factory=dict)
    courts: Mapping[str, CourtPanel] = field(default_factory=dict)

    def tenant(self, plaintiff_id: str) -> TenantFees:
        return self.tenants.get(plaintiff_id, TenantFees())

    def court(self, court_id: str) -> CourtPanel:
        return self.courts.get(court_id) or self.courts.get("default") or CourtPanel()


def _decimals(data: Mapping[str, Any], names: set[str]) -> dict[str, Any]:
    return {k: Decimal(str(v)) for k, v in data.items() if k in names}


def _pricing(data: Mapping[str, Any]) -> PricingPolicy:
    names = {f.name for f in fields(PricingPolicy)} - {"complexity_multipliers"}
    policy = replace(DEFAULT_PRICING, **_decimals(data, names))
    table = dict(policy.complexity_multipliers)
    for level, factor in data.get("complexity_multipliers", {}).items():
        table[Complexity(level)] = Decimal(str(factor))
    return replace(policy, complexity_multipliers=table)


def _tenant(data: Mapping[str, Any]) -> TenantFees:
    terms = data.get("prepayment", {})
    return TenantFees(
        policy=FeePolicy(data.get("policy", FeePolicy.STATUTORY)),
        procedure=Procedure(data.get("procedure", Procedure.ORDINARY)),
        pricing=_pricing(data.get("pricing", {})),
        prepayment=PrepaymentTerms(
            period_days=int(terms.get("period_days", DEFAULT_TERMS.period_days)),
            warn_days_before=int(
                terms.get("warn_days_before", DEFAULT_TERMS.warn_days_before)
            ),
        ),
    )


def _court(data: Mapping[str, Any]) -> CourtPanel:
    rates = dict(DEFAULT_PANEL_RATES)
    rates.update(
        {PanelRole(k): Decimal(str(v)) for k, v in data.get("rates", {}).items()}
    )
    return CourtPanel(
        rates=rates,
        language_experts=int(data.get("language_experts", 1)),
        jurors=int(data.get("jurors", 0)),
    )


def parse_settings(data: Mapping[str, Any]) -> FeeSettings:
    """Settings from the JSON layout in this module's docstring."""
    return FeeSettings(
        tenants={k: _tenant(v) for k, v in data.get("tenants", {}).items()},
        courts={k: _court(v) for k, v in data.get("courts", {}).items()},
    )


@cache
def settings() -> FeeSettings:
    """Settings from the file named by RECOURSE_FEE_CONFIG, else the defaults."""
    path = os.environ.get(CONFIG_ENV)
    if not path:
        return FeeSettings()
    return parse_settings(json.loads(Path(path).read_text("utf-8")))
