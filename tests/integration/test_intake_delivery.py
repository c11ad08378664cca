"""triage-scorer's intake against a real Kafka broker and a real Postgres."""

import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiokafka.structs import ConsumerRecord

from contracts import topics
from contracts.registry import encode
from recourse.simulators.loans import LoanFactory
from tests.support.infra import Infra
from tests.support.kafka import (
    Publisher,
    TopicReader,
    event_headers,
    header,
    wait_until_consumed,
)
from tests.support.services import ServiceUnderTest, run_id

pytestmark = pytest.mark.integration
Record = ConsumerRecord[bytes, bytes]
COURTS = ("cn-110105", "cn-310115")
COUNT_CASES = "SELECT count(*) FROM cases"
ALL_SENT = "SELECT (count(*) = 0)::int FROM outbox WHERE sent_at IS NULL"


@pytest.fixture
async def intake(infra: Infra, tmp_path: Path) -> AsyncIterator[ServiceUnderTest]:
    run = run_id()
    service = ServiceUnderTest(
        infra, "services.triage_scorer", f"triage_{run}", run, tmp_path
    )
    yield service
    service.stop()


def tenants(service: ServiceUnderTest, count: int) -> list[str]:
    return [f"{service.run}-p{i}" for i in range(count)]


async def publish_cases(
    publisher: Publisher, plaintiff: str, start: int, stop: int
) -> list[str]:
    factory = LoanFactory(plaintiff, COURTS)
    topic = topics.tenant_topic(plaintiff, "overdue")
    ids = []
    for index in range(start, stop):
        ids.append(await publisher.event(topic, factory.overdue(index), plaintiff))
    await publisher.flush()
    return ids


def opened_for(records: list[Record], plaintiffs: set[str]) -> list[Record]:
    return [
        r
        for r in records
        if (r.key or b"").decode() in plaintiffs
        and "CaseOpened" in (header(r, "ce_type") or "")
    ]


async def test_three_tenants_thousand_each_open_three_thousand_cases(
    infra: Infra, intake: ServiceUnderTest
) -> None:
    plaintiffs = tenants(intake, 3)
    async with TopicReader(infra.bootstrap_servers, topics.TRIAGE) as out:
        async with Publisher(infra.bootstrap_servers) as publisher:
            for plaintiff in plaintiffs:
                await publish_cases(publisher, plaintiff, 0, 1000)
        intake.start()
        await intake.wait_for_count(COUNT_CASES, 3000, 180, intake.assert_alive)
        opened = await out.wait_for(
            lambda rs: len(opened_for(rs, set(plaintiffs))) >= 3000, 120, "CaseOpened"
        )
        await out.settle(3.0)

    events = opened_for(out.records, set(plaintiffs))
    assert await intake.fetchval(COUNT_CASES) == 3000
    assert len(events) == 3000
    assert len({header(r, "ce_id") for r in events}) == 3000
    assert len(opened) >= 3000


async def test_republished_events_add_no_rows_and_no_events(
    infra: Infra, intake: ServiceUnderTest
) -> None:
    plaintiffs = tenants(intake, 3)
    async with Publisher(infra.bootstrap_servers) as publisher:
        first = {p: await publish_cases(publisher, p, 0, 1000) for p in plaintiffs}
    intake.start()
    await intake.wait_for_count(COUNT_CASES, 3000, 180, intake.assert_alive)
    await intake.wait_for_count(ALL_SENT, 1, 120, intake.assert_alive)
    async with TopicReader(infra.bootstrap_servers, topics.TRIAGE) as out:
        await out.settle(3.0)
        async with Publisher(infra.bootstrap_servers) as publisher:
            for plaintiff in plaintiffs:
                factory = LoanFactory(plaintiff, COURTS)
                topic = topics.tenant_topic(plaintiff, "overdue")
                for index, event_id in enumerate(first[plaintiff]):
                    await publisher.event(
                        topic, factory.overdue(index), plaintiff, event_id
                    )
        await wait_until_consumed(
            infra.bootstrap_servers,
            intake.group("on_tenant_overdue"),
            [topics.tenant_topic(p, "overdue") for p in plaintiffs],
            120,
        )
        await out.settle(5.0)

    async with TopicReader(
        infra.bootstrap_servers, topics.TRIAGE, from_beginning=True
    ) as whole:
        await whole.settle(3.0)

    announced = opened_for(whole.records, set(plaintiffs))
    assert await intake.fetchval(COUNT_CASES) == 3000
    assert opened_for(out.records, set(plaintiffs)) == []
    assert len(announced) == 3000
    assert len({header(r, "ce_id") for r in announced}) == 3000


async def test_killed_mid_run_then_restarted_stores_and_announces_each_case_once(
    infra: Infra, intake: ServiceUnderTest
) -> None:
    plaintiffs = tenants(intake, 2)
    intake.extra_env["RECOURSE_BATCH_MAX_RECORDS"] = "100"
    async with TopicReader(infra.bootstrap_servers, topics.TRIAGE) as out:
        async with Publisher(infra.bootstrap_servers) as publisher:
            await publish_cases(publisher, plaintiffs[0], 0, 2500)
            await publish_cases(publisher, plaintiffs[1], 0, 2500)
        intake.start()
        await intake.wait_for_count(COUNT_CASES, 1000, 180, intake.assert_alive)
        intake.kill()
        stored_at_kill = await intake.fetchval(COUNT_CASES)
        intake.start()
        await intake.wait_for_count(COUNT_CASES, 5000, 240, intake.assert_alive)
        await out.wait_for(
            lambda rs: (
                len({header(r, "ce_id") for r in opened_for(rs, set(plaintiffs))})
                >= 5000
            ),
            180,
            "5000 distinct CaseOpened",
        )
        await out.settle(5.0)

    events = opened_for(out.records, set(plaintiffs))
    subjects = {(r.key, header(r, "ce_subject")) for r in events}
    assert 1000 <= stored_at_kill < 5000  # type: ignore[operator]
    assert await intake.fetchval(COUNT_CASES) == 5000
    assert await intake.fetchval("SELECT count(DISTINCT case_id) FROM cases") == 5000
    assert len({header(r, "ce_id") for r in events}) == 5000
    assert len(subjects) == 5000
    assert (
        await intake.fetchval("SELECT count(*) FROM outbox WHERE sent_at IS NULL") == 0
    )


def bad_inputs(
    plaintiff: str, other: str
) -> list[tuple[str, bytes, list[tuple[str, bytes]]]]:
    """Six kinds of input that must be dead-lettered, with what to expect."""
    good = LoanFactory(plaintiff, COURTS).overdue(900)
    headers = event_headers(good)
    negative = json.loads(encode(good))
    negative["loan"]["principal"] = "-100.00"
    unknown = [
        (k, b"io.recourse.Nonsense.v1" if k == "ce_type" else v) for k, v in headers
    ]
    foreign = LoanFactory(other, COURTS).overdue(901)
    return [
        ("not json", b"{not json", event_headers(good)),
        (
            "schema",
            json.dumps({"plaintiff_id": plaintiff}).encode(),
            event_headers(good),
        ),
        ("tenant", encode(foreign), event_headers(foreign)),
        ("negative", json.dumps(negative).encode(), event_headers(good)),
        ("headers", encode(good), []),
        ("type", encode(good), unknown),
    ]


async def test_six_kinds_of_bad_input_are_dead_lettered_and_the_stream_moves_on(
    infra: Infra, intake: ServiceUnderTest
) -> None:
    plaintiff, other = tenants(intake, 2)
    topic = topics.tenant_topic(plaintiff, "overdue")
    factory = LoanFactory(plaintiff, COURTS)
    bad = bad_inputs(plaintiff, other)
    dlq = topics.dlq_topic("triage-scorer")
    async with TopicReader(infra.bootstrap_servers, dlq) as dead:
        async with Publisher(infra.bootstrap_servers) as publisher:
            for index, (_kind, value, headers) in enumerate(bad):
                await publisher.event(topic, factory.overdue(index), plaintiff)
                await publisher.raw(topic, value, plaintiff, headers)
            await publisher.event(topic, factory.overdue(len(bad)), plaintiff)
        intake.start()
        await intake.wait_for_count(COUNT_CASES, len(bad) + 1, 120, intake.assert_alive)
        ours = await dead.wait_for(
            lambda rs: (
                len([r for r in rs if header(r, "dlq_original_topic") == topic])
                >= len(bad)
            ),
            60,
            "six dead letters",
        )

    letters = [r for r in ours if header(r, "dlq_original_topic") == topic]
    assert await intake.fetchval(COUNT_CASES) == len(bad) + 1
    assert len(letters) == len(bad)
    for letter, (kind, value, headers) in zip(letters, bad, strict=True):
        assert letter.value == value, kind
        assert list(letter.headers)[: len(headers)] == headers, kind
        assert header(letter, "dlq_reason"), kind
    reasons = [header(r, "dlq_reason") or "" for r in letters]
    assert "JSON" in reasons[0] or "json" in reasons[0]
    assert other in reasons[2]
    assert "principal" in reasons[3]
    assert "ce_id" in reasons[4]
    assert "Nonsense" in reasons[5]
