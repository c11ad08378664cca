"""Topic wiring for filing-batcher: subscribers only route to handlers."""

from contracts import topics
from contracts.fees import BatchWithdrawn, FeeAssessed, InvoiceSettled
from contracts.rulings import CaseDocketedByCourt, FilingRejectedByCourt
from services.filing_batcher import answers, handlers
from shared.delivery.consumer import Route
from shared.runtime import Service


def on_fees(service: Service) -> None:
    """Priced cases, settled invoices and withdrawn batches from fee-calculator."""
    service.consume(
        Route.of(
            [
                (FeeAssessed, handlers.admit_case),
                (InvoiceSettled, handlers.file_batch),
                (BatchWithdrawn, handlers.withdraw_batch),
            ]
        ),
        title="on_fees",
        topics=(topics.FEES,),
    )


def on_court_rulings(service: Service) -> None:
    """Courts' answers on filings, read from every court's topic by pattern."""
    courts = service.settings.court_pattern
    service.consume(
        Route.of(
            [
                (CaseDocketedByCourt, answers.record_docket),
                (FilingRejectedByCourt, answers.record_rejection),
            ]
        ),
        title="on_court_rulings",
        pattern=rf"court\.{courts}\.rulings\.v1",
    )
