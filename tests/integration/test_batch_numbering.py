"""Batch numbers in the filing-batcher schema: real Postgres, no broker."""

from collections.abc import AsyncIterator
from datetime import datetime, timedelta

import asyncpg
import pytest

from services.filing_batcher import sealing
from services.filing_batcher.domain.batching import PendingCase
from services.filing_batcher.domain.seal_policy import CHINA_TIME
from services.filing_batcher.store import cases
from shared.clock import ManualClock
from shared.db import migrate
from shared.delivery.unit_of_work import UnitOfWork
from tests.support.infra import Infra
from tests.support.services import run_id

pytestmark = pytest.mark.integration
THURSDAY_NIGHT = datetime(2026, 12, 3, 23, 0, tzinfo=CHINA_TIME)


@pytest.fixture
async def conn(infra: Infra) -> AsyncIterator[asyncpg.Connection]:
    schema = f"batching_{run_id()}"
    await migrate(infra.database_url, schema, "services.filing_batcher.migrations")
    connection = await asyncpg.connect(
        infra.database_url, server_settings={"search_path": schema}
    )
    yield connection
    await connection.execute(f"DROP SCHEMA {schema} CASCADE")
    await connection.close()


async def admit(conn: asyncpg.Connection, case_id: str, at: datetime) -> None:
    case = PendingCase(case_id, "acme", "cn-110105", at)
    uow = UnitOfWork(conn, ManualClock(at), "filing-batcher")
    async with conn.transaction():
        await cases.insert_case(conn, case, f"event-{case_id}", 50, "{}")
        await sealing.add_to_batch(uow, case)


async def test_case_after_midnight_joins_open_batch_and_numbers_only_used_days(
    conn: asyncpg.Connection,
) -> None:
    await admit(conn, "c1", THURSDAY_NIGHT)

    await admit(conn, "c2", THURSDAY_NIGHT + timedelta(hours=2))

    batches = await conn.fetch("SELECT batch_id FROM cases ORDER BY case_id")
    sequences = await conn.fetch("SELECT prefix, last_sequence FROM batch_sequences")
    assert [r["batch_id"] for r in batches] == ["acme-cn-110105-20261203-01"] * 2
    assert [tuple(r) for r in sequences] == [("acme-cn-110105-20261203", 1)]
