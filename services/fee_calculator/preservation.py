"""Preservation fees: assessed on the value applied for, settled on the order."""

import structlog
from pydantic import ValidationError

from contracts import topics
from contracts.notices import NoticeKind
from contracts.preservation import (
    PreservationApplicationCompleted,
    PreservationOrderRecorded,
)
from services.fee_calculator import assessment
from services.fee_calculator.domain.errors import FeeCalculatorError
from services.fee_calculator.handlers import keep_and_announce
from services.fee_calculator.store import fees
from shared.delivery.unit_of_work import Incoming, UnitOfWork
from shared.errors import BadInput
from shared.notices import notify_platform as notify

log = structlog.get_logger(__name__)


async def assess_preservation_fee(uow: UnitOfWork, incoming: Incoming) -> None:
    """Price a complete application; preservation-tracker files it on this fee."""
    completed = incoming.event
    assert isinstance(completed, PreservationApplicationCompleted)
    try:
        assessed = assessment.preservation_fee(completed, uow.now())
    except (FeeCalculatorError, ValidationError) as error:
        reason = f"cannot price application {completed.application_id}: {error}"
        raise BadInput(reason) from error
    await keep_and_announce(uow, incoming, assessed)


async def reassess_on_order(uow: UnitOfWork, incoming: Incoming) -> None:
    """Reprice on the value the order actually preserved (Art. 14(2)), once."""
    recorded = incoming.event
    assert isinstance(recorded, PreservationOrderRecorded)
    row = await fees.preservation_fee(uow.conn, recorded.application_id)
    if row is None or row["plaintiff_id"] != recorded.plaintiff_id:
        # recourse.preservation.v1 is shared: orders priced elsewhere pass.
        log.info("order_without_fee", application_id=recorded.application_id)
        return
    if row["final_amount"] is not None:
        log.info("fee_already_reassessed", application_id=recorded.application_id)
        return
    try:
        reassessed = assessment.preservation_fee_on_order(
            recorded, row["amount"], uow.now()
        )
    except (FeeCalculatorError, ValidationError) as error:
        reason = f"cannot reprice application {recorded.application_id}: {error}"
        raise BadInput(reason) from error
    await fees.record_reassessment(uow.conn, row["fee_id"], reassessed)
    uow.emit(
        reassessed,
        topic=topics.FEES,
        key=recorded.plaintiff_id,
        cause_id=incoming.meta.id,
        name="PreservationFeeReassessed",
        subject=recorded.case_id,
    )
    if reassessed.refund_due or reassessed.balance_due:
        notify(
            uow,
            plaintiff_id=recorded.plaintiff_id,
            case_id=recorded.case_id,
            kind=NoticeKind.OTHER,
            text=(
                f"Preservation fee of {recorded.application_id} is "
                f"{reassessed.amount} yuan on the {reassessed.preserved_value} "
                f"yuan preserved; prepaid {reassessed.prepaid}: refund "
                f"{reassessed.refund_due}, still owed {reassessed.balance_due}"
            ),
            data={
                "application_id": recorded.application_id,
                "amount": reassessed.amount,
                "refund_due": reassessed.refund_due,
                "balance_due": reassessed.balance_due,
            },
            cause_id=incoming.meta.id,
            name="preservation_fee_reassessed",
        )
    log.info(
        "preservation_fee_reassessed",
        application_id=recorded.application_id,
        amount=str(reassessed.amount),
        refund_due=str(reassessed.refund_due),
    )
