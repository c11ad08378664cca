"""Composes triage-scorer from settings, subscribers and sweepers."""

from services.triage_scorer import subscribers
from shared.runtime import Service
from shared.settings import settings_for

SERVICE_NAME = "triage-scorer"


def build() -> Service:
    service = Service(
        settings_for(SERVICE_NAME, "triage"),
        migrations="services.triage_scorer.migrations",
    )
    subscribers.on_tenant_overdue(service)
    return service
