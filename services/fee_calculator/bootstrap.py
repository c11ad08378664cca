"""Composes fee-calculator from settings, subscribers and sweepers."""

from services.fee_calculator import config, subscribers, sweeps
from shared.runtime import Service
from shared.settings import settings_for

SERVICE_NAME = "fee-calculator"


def build() -> Service:
    config.settings()
    service = Service(
        settings_for(SERVICE_NAME, "fees"),
        migrations="services.fee_calculator.migrations",
    )
    subscribers.on_triage(service)
    subscribers.on_filing(service)
    subscribers.on_preservation(service)
    subscribers.on_tenant_payments(service)
    service.sweeps.append(sweeps.watch_prepayment)
    return service
