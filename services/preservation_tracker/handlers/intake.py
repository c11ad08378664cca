"""Checks a platform's preservation request: return it, queue it, or apply."""

import structlog

from contracts.platform import PreservationRequested
from services.preservation_tracker import store, translate
from services.preservation_tracker.config import Policies
from services.preservation_tracker.domain.check import check_application
from services.preservation_tracker.handlers.applying import complete, return_request
from shared.delivery.unit_of_work import Incoming, UnitOfWork

log = structlog.get_logger(__name__)


class RequestIntake:
    """Handler of PreservationRequested, holding the tenants' policies."""

    def __init__(self, policies: Policies) -> None:
        self._policies = policies

    async def check_request(self, uow: UnitOfWork, incoming: Incoming) -> None:
        """Check one request once; copies of it change nothing."""
        request = incoming.event
        assert isinstance(request, PreservationRequested)
        now = uow.now()
        app_id = translate.application_id_for(request.plaintiff_id, request.request_id)
        application, problems = translate.application_of(request, app_id, now)
        policy = self._policies.for_tenant(request.plaintiff_id)
        result = check_application(application, policy)
        if not result.complete or problems:
            status = "returned"
        else:
            status = "in_review" if result.review_items else "awaiting_fee"
        if not await store.insert_application(uow.conn, app_id, request, status, now):
            log.info("request_already_received", request_id=request.request_id)
            return
        cause = incoming.meta.id
        if status == "returned":
            missing = translate.missing_materials(result.missing_documents)
            await return_request(
                uow, request, missing, result.missing + problems, cause
            )
        elif status == "in_review":
            await store.insert_review_items(uow.conn, result.review_items)
            log.info(
                "request_queued_for_review",
                request_id=request.request_id,
                elements=[i.element.value for i in result.review_items],
            )
        else:
            await complete(uow, app_id, request, now, cause)
