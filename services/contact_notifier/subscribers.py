"""Topic wiring for contact-notifier: subscribers only route to handlers."""

from functools import partial

from contracts import topics
from contracts.contact import SendNotice
from contracts.platform import ContactOutcomeReported
from services.contact_notifier import handlers
from services.contact_notifier.attempts import Channels
from shared.delivery.consumer import Route
from shared.runtime import Service


def on_contact_commands(service: Service, channels: Channels) -> None:
    """Every service's requests to reach a borrower, on the one command topic."""
    take = partial(handlers.take_command, channels=channels)
    service.consume(
        Route.of([(SendNotice, take)]),
        title="on_contact_commands",
        topics=(topics.CONTACT_COMMANDS,),
    )


def on_tenant_contact_outcomes(service: Service) -> None:
    """Call centres' results, read from every tenant's topic by pattern."""
    tenants = service.settings.tenant_pattern
    service.consume(
        Route.of([(ContactOutcomeReported, handlers.record_reported_outcome)]),
        title="on_tenant_contact_outcomes",
        pattern=rf"tenant\.{tenants}\.contact-outcomes\.v1",
    )
