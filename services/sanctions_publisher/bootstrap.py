"""Composes sanctions-publisher from settings, subscribers and sweepers."""

from services.sanctions_publisher import subscribers, sweeps
from shared.runtime import Service
from shared.settings import settings_for

SERVICE_NAME = "sanctions-publisher"


def build() -> Service:
    service = Service(
        settings_for(SERVICE_NAME, "sanctions"),
        migrations="services.sanctions_publisher.migrations",
    )
    subscribers.on_court_rulings(service)
    subscribers.on_tenant_payments(service)
    service.sweeps.append(sweeps.lift_due_listings)
    return service
