"""Topic wiring for triage-scorer: subscribers only route to handlers."""

from contracts.platform import LoanOverdue
from services.triage_scorer import handlers
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
