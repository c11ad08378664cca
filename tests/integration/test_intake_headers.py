"""Header bytes that are not UTF-8 are dead-lettered, not lost in the framework."""

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from contracts import topics
from contracts.registry import encode
from recourse.simulators.loans import LoanFactory
from tests.support.infra import Infra
from tests.support.kafka import Publisher, TopicReader, event_headers, header
from tests.support.services import ServiceUnderTest, run_id

pytestmark = pytest.mark.integration


@pytest.fixture
async def intake(infra: Infra, tmp_path: Path) -> AsyncIterator[ServiceUnderTest]:
    run = run_id()
    service = ServiceUnderTest(
        infra, "services.triage_scorer", f"triage_{run}", run, tmp_path
    )
    yield service
    service.stop()


async def test_non_utf8_header_is_dead_lettered_and_later_events_processed(
    infra: Infra, intake: ServiceUnderTest
) -> None:
    plaintiff = f"{intake.run}-p0"
    topic = topics.tenant_topic(plaintiff, "overdue")
    factory = LoanFactory(plaintiff, ("cn-110105",))
    broken = factory.overdue(1)
    headers = [
        (name, b"\xff\xfe\xfa" if name == "ce_type" else value)
        for name, value in event_headers(broken)
    ]
    async with TopicReader(infra.bootstrap_servers, "dlq.triage-scorer.v1") as dead:
        async with Publisher(infra.bootstrap_servers) as publisher:
            await publisher.event(topic, factory.overdue(0), plaintiff)
            await publisher.raw(topic, encode(broken), plaintiff, headers)
            await publisher.event(topic, factory.overdue(2), plaintiff)
        intake.start()
        await intake.wait_for_count(
            "SELECT count(*) FROM cases", 2, 60, intake.assert_alive
        )
        letters = await dead.wait_for(
            lambda rs: any(header(r, "dlq_original_topic") == topic for r in rs),
            60,
            "the dead letter",
        )

    ours = [r for r in letters if header(r, "dlq_original_topic") == topic]
    assert len(ours) == 1
    assert ("ce_type", b"\xff\xfe\xfa") in list(ours[0].headers)
    assert ours[0].value == encode(broken)
    assert await intake.fetchval("SELECT count(*) FROM cases") == 2
