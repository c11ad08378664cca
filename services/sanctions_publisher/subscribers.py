"""Topic wiring for sanctions-publisher: subscribers only route to handlers."""

from contracts.platform import RepaymentReceived
from contracts.rulings import JudgmentIssued
from services.sanctions_publisher.handlers import judgments, repayments
from shared.delivery.consumer import Route
from shared.runtime import Service


def on_court_rulings(service: Service) -> None:
    """Courts' judgments, read from every court's rulings topic by pattern."""
    courts = service.settings.court_pattern
    service.consume(
        Route.of([(JudgmentIssued, judgments.record_judgment)]),
        title="on_court_rulings",
        pattern=rf"court\.{courts}\.rulings\.v1",
    )


def on_tenant_payments(service: Service) -> None:
    """Borrowers' repayments reported by platforms; fee payments are ignored."""
    tenants = service.settings.tenant_pattern
    service.consume(
        Route.of([(RepaymentReceived, repayments.record_repayment)]),
        title="on_tenant_payments",
        pattern=rf"tenant\.{tenants}\.payments\.v1",
    )
