"""A small batch that is never paid: early seal, clocks, lapse and withdrawal.

fee-calculator and filing-batcher run on a clock where one second is twelve
simulated hours. Five cases never reach 100, so the batch seals when its
oldest case would otherwise miss the service level; the platform never pays,
so the clocks warn and breach until the invoice lapses and the batch is
withdrawn, which stops them.
"""

import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from contracts import topics
from contracts.fees import BatchWithdrawn, FeeInvoiceIssued
from contracts.filing import (
    BatchFiled,
    BatchSealed,
    SealReason,
    ServiceLevel,
    ServiceLevelBreached,
    ServiceLevelWarned,
)
from contracts.notices import NoticeKind, PlatformNotice
from shared.clock import scaled_setting
from tests.integration.test_filing_flow import (
    INTERNAL,
    Tap,
    registries,
    start_group_at_end,
    triaged,
)
from tests.support.infra import Infra
from tests.support.kafka import Publisher, create_topics
from tests.support.services import ServiceUnderTest, run_id

pytestmark = pytest.mark.integration
START = datetime(2026, 12, 3, 1, 0, tzinfo=UTC)  # Thursday 09:00 in China
FACTOR = 43_200.0


@pytest.fixture
async def pair(
    infra: Infra, tmp_path: Path
) -> AsyncIterator[tuple[ServiceUnderTest, ServiceUnderTest]]:
    run = run_id()
    env = {
        **registries(run, tmp_path),
        "RECOURSE_CLOCK": scaled_setting(START, FACTOR, time.time()),
        "RECOURSE_SWEEP_INTERVAL_SECONDS": "0.1",
    }
    fees, filing = (
        ServiceUnderTest(infra, module, f"{schema}_{run}", run, tmp_path, dict(env))
        for module, schema in (
            ("services.fee_calculator", "fees"),
            ("services.filing_batcher", "filing"),
        )
    )
    yield fees, filing
    fees.stop()
    filing.stop()


async def test_unpaid_small_batch_seals_early_breaches_and_is_withdrawn(
    infra: Infra, pair: tuple[ServiceUnderTest, ServiceUnderTest]
) -> None:
    fees, filing = pair
    run = fees.run
    plaintiff, court = f"{run}-p0", f"{run}-c0"
    notices = topics.tenant_topic(plaintiff, "notices")
    await create_topics(
        infra.bootstrap_servers, [topics.tenant_topic(plaintiff, "payments")]
    )
    async with Tap(
        infra.bootstrap_servers, run, [topics.FEES, topics.FILING, notices]
    ) as tap:
        for service in pair:
            await start_group_at_end(infra.bootstrap_servers, service, INTERNAL)
            service.start()
        async with Publisher(infra.bootstrap_servers) as publisher:
            for index in range(5):
                case = triaged(plaintiff, index, (court, court))
                await publisher.event(topics.TRIAGE, case, plaintiff)
            stray = triaged(plaintiff, 99, (f"{run}-nowhere", f"{run}-nowhere"))
            await publisher.event(topics.TRIAGE, stray, plaintiff)
        deadline = time.monotonic() + 90
        while not tap.unique(BatchWithdrawn) or not await _closed(filing):
            fees.assert_alive()
            filing.assert_alive()
            assert time.monotonic() < deadline, "the batch was never withdrawn"
            await tap.poll()
        await tap.settle(2.0)

    [batch] = tap.unique(BatchSealed)
    [invoice] = tap.unique(FeeInvoiceIssued)
    [withdrawn] = tap.unique(BatchWithdrawn)
    assert (batch.reason, len(batch.case_ids)) == (SealReason.SERVICE_LEVEL, 5)
    assert invoice.batch_id == withdrawn.batch_id == batch.batch_id
    warned = {w.level for w in tap.unique(ServiceLevelWarned)}
    breached = {b.level for b in tap.unique(ServiceLevelBreached)}
    assert ServiceLevel.READY_ONE_DAY in warned & breached
    assert ServiceLevel.MAXIMUM_FIFTEEN_DAYS not in warned | breached
    assert all(b.pending_cases == 5 for b in tap.unique(ServiceLevelBreached))
    kinds = {n.kind for n in tap.unique(PlatformNotice)}
    assert NoticeKind.DEADLINE_WARNING in kinds
    assert tap.unique(BatchFiled) == []
    status = await filing.fetchval("SELECT status FROM batches")
    assert status == "withdrawn"
    letter = await filing.fetchval(
        "SELECT header_values[array_position(header_names, 'dlq_reason')]"
        " FROM outbox WHERE topic = 'dlq.filing-batcher.v1' AND key = $1",
        plaintiff.encode(),
    )
    assert f"{run}-nowhere" in bytes(letter).decode()  # type: ignore[arg-type]


async def _closed(filing: ServiceUnderTest) -> bool:
    open_clocks = await filing.fetchval(
        "SELECT count(*) FROM deadlines WHERE closed_at IS NULL"
    )
    return open_clocks == 0
