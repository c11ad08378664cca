"""Composes contact-notifier from settings, channel adapters and sweepers."""

import os

from services.contact_notifier import subscribers
from services.contact_notifier.channels.registry import simulated_channels
from services.contact_notifier.sweeps import retrying_due_notices
from shared.runtime import Service
from shared.settings import settings_for

SERVICE_NAME = "contact-notifier"


def build() -> Service:
    service = Service(
        settings_for(SERVICE_NAME, "contact"),
        migrations="services.contact_notifier.migrations",
    )
    channels = simulated_channels(os.environ.get("RECOURSE_CONTACT_SEED", "recourse"))
    subscribers.on_contact_commands(service, channels)
    subscribers.on_tenant_contact_outcomes(service)
    service.sweeps.append(retrying_due_notices(channels))
    return service
