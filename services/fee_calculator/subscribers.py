"""Topic wiring for fee-calculator: subscribers only route to handlers."""

from contracts import topics
from contracts.filing import BatchSealed, CaseDocketed
from contracts.platform import FeePaymentMade
from contracts.preservation import (
    PreservationApplicationCompleted,
    PreservationOrderRecorded,
)
from contracts.triage import CaseTriaged
from services.fee_calculator import handlers, payments, preservation
from shared.delivery.consumer import Route
from shared.runtime import Service


def on_triage(service: Service) -> None:
    """Triage decisions; only file-suit cases are priced."""
    service.consume(
        Route.of([(CaseTriaged, handlers.assess_acceptance_fee)]),
        title="on_triage",
        topics=(topics.TRIAGE,),
    )


def on_filing(service: Service) -> None:
    """Sealed batches are invoiced; docketed cases book panel incentives."""
    service.consume(
        Route.of(
            [
                (BatchSealed, handlers.invoice_batch),
                (CaseDocketed, handlers.record_panel_incentives),
            ]
        ),
        title="on_filing",
        topics=(topics.FILING,),
    )


def on_preservation(service: Service) -> None:
    """Complete applications are priced; orders reprice on the value preserved."""
    service.consume(
        Route.of(
            [
                (
                    PreservationApplicationCompleted,
                    preservation.assess_preservation_fee,
                ),
                (PreservationOrderRecorded, preservation.reassess_on_order),
            ]
        ),
        title="on_preservation",
        topics=(topics.PRESERVATION,),
    )


def on_tenant_payments(service: Service) -> None:
    """Platforms' fee payments, read from every tenant's topic by pattern."""
    tenants = service.settings.tenant_pattern
    service.consume(
        Route.of([(FeePaymentMade, payments.record_payment)]),
        title="on_tenant_payments",
        pattern=rf"tenant\.{tenants}\.payments\.v1",
    )
