"""A handler that fails on one message dead-letters it; the rest of the batch lands.

Runs the batch processor against a real Postgres schema: the failed message's
partial effect is rolled back, its inbox claim is released for a later replay,
and its dead letter names the error.
"""

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime

import asyncpg
import pytest
from aiokafka.structs import ConsumerRecord

from contracts import topics
from contracts.platform import LoanOverdue
from contracts.registry import encode
from recourse.simulators.loans import LoanFactory
from shared.clock import ManualClock
from shared.db import create_pool, migrate
from shared.delivery.consumer import BatchProcessor, Route
from shared.delivery.unit_of_work import Incoming, UnitOfWork
from tests.support.infra import Infra
from tests.support.kafka import event_headers

pytestmark = pytest.mark.integration
PLAINTIFF = "handler-fail-p1"
TOPIC = topics.tenant_topic(PLAINTIFF, "overdue")
FAILING_LOAN = 3


@dataclass(frozen=True)
class Pools:
    pool: asyncpg.Pool


@pytest.fixture
async def pools(infra: Infra) -> AsyncIterator[Pools]:
    schema = f"handler_fail_{uuid.uuid4().hex[:8]}"
    await migrate(infra.database_url, schema, None)
    pool = await create_pool(infra.database_url, schema)
    await pool.execute("CREATE TABLE handled (case_id text PRIMARY KEY)")
    yield Pools(pool)
    await pool.execute(f"DROP SCHEMA {schema} CASCADE")
    await pool.close()


async def record_loan(uow: UnitOfWork, incoming: Incoming) -> None:
    assert isinstance(incoming.event, LoanOverdue)
    case_id = incoming.event.case_id
    await uow.conn.execute("INSERT INTO handled VALUES ($1)", case_id)
    if incoming.meta.id == f"loan-event-{FAILING_LOAN}":
        raise LookupError(f"no adapter for case {case_id}")


def records(count: int) -> list[ConsumerRecord]:
    factory = LoanFactory(PLAINTIFF, ("cn-110105",))
    made = []
    for offset in range(count):
        event = factory.overdue(offset)
        made.append(
            ConsumerRecord(
                topic=TOPIC,
                partition=0,
                offset=offset,
                timestamp=0,
                timestamp_type=0,
                key=PLAINTIFF.encode(),
                value=encode(event),
                checksum=None,
                serialized_key_size=len(PLAINTIFF),
                serialized_value_size=0,
                headers=event_headers(event, f"loan-event-{offset}"),
            )
        )
    return made


async def test_a_failing_handler_dead_letters_its_message_and_the_batch_commits(
    pools: Pools,
) -> None:
    clock = ManualClock(datetime(2026, 12, 4, 9, tzinfo=UTC))
    route = Route.of([(LoanOverdue, record_loan)])
    processor = BatchProcessor(pools, route, clock, "handler-test")
    batch = records(6)
    cases = [LoanOverdue.model_validate_json(r.value).case_id for r in batch]

    await processor.process(batch)

    handled = {r["case_id"] for r in await pools.pool.fetch("SELECT * FROM handled")}
    assert handled == set(cases) - {cases[FAILING_LOAN]}
    claimed = {r["event_id"] for r in await pools.pool.fetch("SELECT * FROM inbox")}
    assert claimed == {f"loan-event-{i}" for i in range(6) if i != FAILING_LOAN}
    letters = await pools.pool.fetch("SELECT * FROM outbox")
    assert [row["topic"] for row in letters] == [topics.dlq_topic("handler-test")]
    letter = letters[0]
    headers = dict(zip(letter["header_names"], letter["header_values"], strict=True))
    assert headers["dlq_reason"].decode() == (
        f"handler failed: LookupError: no adapter for case {cases[FAILING_LOAN]}"
    )
    assert letter["payload"] == batch[FAILING_LOAN].value
