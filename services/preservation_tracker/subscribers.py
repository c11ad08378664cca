"""Topic wiring for preservation-tracker: subscribers only route to handlers."""

from contracts import topics
from contracts.fees import FeeAssessed
from contracts.filing import CaseDocketed
from contracts.platform import PreservationRequested
from contracts.preservation import ReviewDecisionRecorded
from contracts.rulings import JudgmentIssued, PreservationOrdered, PreservationRenewed
from services.preservation_tracker.handlers import fees, outcomes, reviews
from services.preservation_tracker.handlers.intake import RequestIntake
from services.preservation_tracker.handlers.rulings import RulingRecorder
from shared.delivery.consumer import Route
from shared.runtime import Service


def on_tenant_preservation_requests(service: Service, intake: RequestIntake) -> None:
    """Platforms' requests, read from every tenant's topic by pattern."""
    tenants = service.settings.tenant_pattern
    service.consume(
        Route.of([(PreservationRequested, intake.check_request)]),
        title="on_tenant_preservation_requests",
        pattern=rf"tenant\.{tenants}\.preservation-requests\.v1",
    )


def on_court_rulings(service: Service, rulings: RulingRecorder) -> None:
    """Courts' orders, renewals and judgments, read by pattern."""
    courts = service.settings.court_pattern
    service.consume(
        Route.of(
            [
                (PreservationOrdered, rulings.record_order),
                (PreservationRenewed, rulings.record_renewal),
                (JudgmentIssued, outcomes.flag_dismissal),
            ]
        ),
        title="on_court_rulings",
        pattern=rf"court\.{courts}\.rulings\.v1",
    )


def on_filing(service: Service) -> None:
    """Docket numbers from filing-batcher: the suit has been filed."""
    service.consume(
        Route.of([(CaseDocketed, outcomes.record_docketing)]),
        title="on_filing",
        topics=(topics.FILING,),
    )


def on_preservation(service: Service) -> None:
    """Reviewers' decisions, recorded by the operator CLI on the service's topic."""
    service.consume(
        Route.of([(ReviewDecisionRecorded, reviews.decide_review)]),
        title="on_preservation",
        topics=(topics.PRESERVATION,),
    )


def on_fees(service: Service) -> None:
    """Preservation fees assessed by fee-calculator: the application is filed."""
    service.consume(
        Route.of([(FeeAssessed, fees.file_on_fee)]),
        title="on_fees",
        topics=(topics.FEES,),
    )
