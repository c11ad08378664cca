from decimal import Decimal

from contracts.fees import FeePolicy, Procedure
from services.fee_calculator.config import (
    DEFAULT_PANEL_RATES,
    FeeSettings,
    parse_settings,
)
from services.fee_calculator.domain.panel import PanelRole
from services.fee_calculator.domain.pricing import Complexity

SETTINGS = parse_settings(
    {
        "tenants": {
            "acme": {
                "policy": "seed",
                "procedure": "simplified",
                "pricing": {
                    "fixed_fee": "60",
                    "complexity_multipliers": {"complex": 2},
                },
                "prepayment": {"warn_days_before": 3},
            }
        },
        "courts": {
            "default": {"rates": {"judge": "25"}},
            "cn-110105": {"rates": {"judge": "40"}, "language_experts": 2, "jurors": 1},
        },
    }
)


def test_unlisted_tenant_pays_the_statute_under_ordinary_procedure() -> None:
    tenant = FeeSettings().tenant("zeta")

    assert (tenant.policy, tenant.procedure) == (
        FeePolicy.STATUTORY,
        Procedure.ORDINARY,
    )
    assert tenant.prepayment.period_days == 7


def test_tenant_overrides_policy_procedure_pricing_and_warning() -> None:
    tenant = SETTINGS.tenant("acme")

    assert (tenant.policy, tenant.procedure) == (FeePolicy.SEED, Procedure.SIMPLIFIED)
    assert tenant.pricing.fixed_fee == Decimal("60")
    assert tenant.pricing.threshold == Decimal("10000")
    multipliers = tenant.pricing.complexity_multipliers
    assert (multipliers[Complexity.COMPLEX], multipliers[Complexity.SIMPLE]) == (2, 1)
    assert tenant.prepayment.warn_days_before == 3


def test_court_panel_rates_fall_back_to_default_then_builtin() -> None:
    named, other = SETTINGS.court("cn-110105"), SETTINGS.court("cn-310115")

    assert (named.rates[PanelRole.JUDGE], named.language_experts, named.jurors) == (
        Decimal("40"),
        2,
        1,
    )
    assert other.rates[PanelRole.JUDGE] == Decimal("25")
    assert other.rates[PanelRole.CLERK] == DEFAULT_PANEL_RATES[PanelRole.CLERK]
