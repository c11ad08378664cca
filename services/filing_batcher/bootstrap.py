"""Composes filing-batcher from settings, subscribers and sweepers."""

from services.filing_batcher import registry, subscribers, sweeps
from shared.runtime import Service
from shared.settings import settings_for

SERVICE_NAME = "filing-batcher"


def build() -> Service:
    registry.courts()
    registry.plaintiffs()
    service = Service(
        settings_for(SERVICE_NAME, "filing"),
        migrations="services.filing_batcher.migrations",
    )
    subscribers.on_fees(service)
    subscribers.on_court_rulings(service)
    service.sweeps.append(sweeps.seal_due_batches)
    service.sweeps.append(sweeps.check_service_levels)
    return service
