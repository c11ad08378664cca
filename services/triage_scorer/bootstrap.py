"""Composes triage-scorer from settings, subscribers and sweepers."""

import os

from services.triage_scorer import subscribers, sweeps
from services.triage_scorer.readers import reader_from
from shared.runtime import Service
from shared.settings import settings_for

SERVICE_NAME = "triage-scorer"


def build() -> Service:
    service = Service(
        settings_for(SERVICE_NAME, "triage"),
        migrations="services.triage_scorer.migrations",
    )
    subscribers.on_tenant_overdue(service)
    subscribers.on_contact(service, reader_from(os.environ))
    subscribers.on_triage_commands(service)
    service.sweeps.append(sweeps.send_due_contacts)
    service.sweeps.append(sweeps.decide_closed_windows)
    return service
