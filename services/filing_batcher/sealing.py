"""Puts arriving cases into batches and seals them, through the Batcher rules."""

import structlog

from contracts import topics
from contracts.filing import BatchSealed, SealReason, ServiceLevel
from services.filing_batcher.domain.batching import (
    Batcher,
    OpenBatch,
    PendingCase,
    SealDecision,
    batch_prefix,
)
from services.filing_batcher.domain.seal_policy import DEFAULT_SEAL_POLICY
from services.filing_batcher.domain.seal_policy import SealReason as Rule
from services.filing_batcher.domain.service_level import service_level_clocks
from services.filing_batcher.store import batches, cases, deadlines
from shared.delivery.unit_of_work import UnitOfWork

log = structlog.get_logger(__name__)
POLICY = DEFAULT_SEAL_POLICY
REASONS = {
    Rule.FULL: SealReason.AT_CAPACITY,
    Rule.CUTOFF: SealReason.CUT_OFF,
    Rule.SERVICE_LEVEL: SealReason.SERVICE_LEVEL,
}
LEVELS = {
    "ready": ServiceLevel.READY_ONE_DAY,
    "normal": ServiceLevel.NORMAL_SEVEN_DAYS,
    "maximum": ServiceLevel.MAXIMUM_FIFTEEN_DAYS,
}


async def add_to_batch(uow: UnitOfWork, case: PendingCase) -> None:
    """Put a stored case in its group's open batch; seal the batch when full."""
    conn = uow.conn
    current = await batches.open_batch(conn, case.plaintiff_id, case.court_id)
    prefix = batch_prefix(case.plaintiff_id, case.court_id, case.arrived_at, POLICY.tz)
    sequences = await batches.used_sequences(conn, prefix)
    batcher = Batcher.restore([current] if current else [], sequences, POLICY)
    decisions = batcher.add_case(case)
    home = _home(batcher, decisions, current, case)
    await batches.save_open_batch(conn, home)
    await cases.assign_cases(conn, home.batch_id, case.plaintiff_id, [case.case_id])
    await batches.save_sequences(conn, batcher.sequences)
    for decision in decisions:
        await seal(uow, decision)


def _home(
    batcher: Batcher,
    decisions: list[SealDecision],
    current: OpenBatch | None,
    case: PendingCase,
) -> OpenBatch:
    """The batch the case joined, open or just sealed."""
    for batch in batcher.open_batches():
        if case.case_id in {c.case_id for c in batch.cases}:
            return batch
    [decision] = [d for d in decisions if case.case_id in d.case_ids]
    opened_at = current.opened_at if current else case.arrived_at
    return OpenBatch(
        decision.batch_id,
        case.plaintiff_id,
        case.court_id,
        opened_at=opened_at,
        checked_until=decision.sealed_at,
    )


async def seal_if_due(uow: UnitOfWork, plaintiff_id: str, court_id: str) -> None:
    """Apply the cut-off and service-level rules to one group's open batch."""
    if not await cases.try_lock_group(uow.conn, plaintiff_id, court_id):
        return
    current = await batches.open_batch(uow.conn, plaintiff_id, court_id)
    if current is None:
        return
    batcher = Batcher.restore([current], {}, POLICY)
    decisions = batcher.on_tick(uow.now())
    for batch in batcher.open_batches():
        await batches.save_open_batch(uow.conn, batch)
    for decision in decisions:
        await seal(uow, decision)


async def seal(uow: UnitOfWork, decision: SealDecision) -> None:
    """Close the batch, start its service-level clocks and announce it."""
    reason = REASONS[decision.reason]
    count = len(decision.case_ids)
    await batches.seal_batch(
        uow.conn, decision.batch_id, decision.sealed_at, reason.value, count
    )
    clocks = service_level_clocks(decision.sealed_at, decision.sealed_at)
    await deadlines.insert_deadlines(
        uow.conn,
        decision.batch_id,
        [(LEVELS[c.name].value, c.started_at, c.due, c.warn_at) for c in clocks],
    )
    sealed = BatchSealed(
        batch_id=decision.batch_id,
        plaintiff_id=decision.plaintiff_id,
        court_id=decision.court_id,
        case_ids=decision.case_ids,
        reason=reason,
        sealed_at=decision.sealed_at,
    )
    uow.emit(
        sealed,
        topic=topics.FILING,
        key=decision.batch_id,
        cause_id=f"seal:{decision.batch_id}",
        name="BatchSealed",
        subject=decision.batch_id,
    )
    log.info("batch_sealed", batch_id=decision.batch_id, cases=count, reason=reason)
