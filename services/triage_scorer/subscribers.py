"""Topic wiring for triage-scorer: subscribers only route to handlers."""

from functools import partial

from contracts import topics
from contracts.contact import ContactAttempted
from contracts.platform import LoanOverdue
from contracts.triage import RetriageCase
from services.triage_scorer import handlers
from services.triage_scorer.readers import TranscriptReader
from shared.delivery.consumer import Route
from shared.runtime import Service


def on_tenant_overdue(service: Service) -> None:
    """Platforms' overdue reports, read from every tenant's topic by pattern."""
    tenants = service.settings.tenant_pattern
    service.consume(
        Route.of([(LoanOverdue, handlers.open_case)]),
        title="on_tenant_overdue",
        pattern=rf"tenant\.{tenants}\.overdue\.v1",
    )


def on_contact(service: Service, reader: TranscriptReader) -> None:
    """Contact attempts on the cases this service collects."""
    record = partial(handlers.record_attempt, reader=reader)
    service.consume(
        Route.of([(ContactAttempted, record)]),
        title="on_contact",
        topics=(topics.CONTACT,),
    )


def on_triage_commands(service: Service) -> None:
    """Operators' commands, e.g. to triage a case again."""
    retriage = handlers.retriage_case
    service.consume(
        Route.of([(RetriageCase, retriage)]),
        title="on_triage_commands",
        topics=(topics.TRIAGE_COMMANDS,),
    )
