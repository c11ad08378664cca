"""Composes preservation-tracker from settings, subscribers and sweepers."""

from services.preservation_tracker import subscribers
from services.preservation_tracker.config import Policies
from services.preservation_tracker.handlers.intake import RequestIntake
from services.preservation_tracker.handlers.rulings import RulingRecorder
from services.preservation_tracker.sweeps import Sweeps
from shared.runtime import Service
from shared.settings import settings_for

SERVICE_NAME = "preservation-tracker"


def build() -> Service:
    service = Service(
        settings_for(SERVICE_NAME, "preservation"),
        migrations="services.preservation_tracker.migrations",
    )
    policies = Policies()
    subscribers.on_tenant_preservation_requests(service, RequestIntake(policies))
    subscribers.on_court_rulings(service, RulingRecorder(policies))
    subscribers.on_filing(service)
    subscribers.on_preservation(service)
    subscribers.on_fees(service)
    sweeps = Sweeps(policies)
    service.sweeps.append(sweeps.emit_due_deadlines)
    service.sweeps.append(sweeps.escalate_stale_reviews)
    return service
