"""Files a complete application once fee-calculator has assessed its fee."""

import structlog

from contracts.fees import FeeAssessed, FeeKind
from contracts.platform import PreservationRequested
from services.preservation_tracker import store
from services.preservation_tracker.handlers.applying import submit
from shared.delivery.unit_of_work import Incoming, UnitOfWork
from shared.errors import BadInput

log = structlog.get_logger(__name__)


async def file_on_fee(uow: UnitOfWork, incoming: Incoming) -> None:
    """Apply to the court with the fee fee-calculator assessed, exactly once."""
    assessed = incoming.event
    assert isinstance(assessed, FeeAssessed)
    if assessed.fee_kind is not FeeKind.PRESERVATION or not assessed.application_id:
        return
    row = await store.application(uow.conn, assessed.application_id)
    if row is None:
        # recourse.fees.v1 is shared: fees of other deployments' applications pass.
        log.info("fee_for_unknown_application", application_id=assessed.application_id)
        return
    if (row["plaintiff_id"], row["case_id"]) != (
        assessed.plaintiff_id,
        assessed.case_id,
    ):
        raise BadInput(
            f"fee for application {assessed.application_id!r} names another "
            "plaintiff or case"
        )
    if row["status"] != "awaiting_fee":
        log.info("fee_already_applied", application_id=row["application_id"])
        return
    request = PreservationRequested.model_validate_json(row["request"])
    await submit(uow, row["application_id"], request, assessed.amount, incoming.meta.id)
