"""Measures triage-scorer's intake rate: LoanOverdue in, cases stored, CaseOpened out.

python -m recourse.bench.intake [--events N]
"""

import argparse
import asyncio
import json
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import asyncpg
from aiokafka import AIOKafkaProducer

from contracts import topics
from contracts.cloudevents import EventMeta, encode_headers
from contracts.registry import encode, event_type
from recourse.bench.env import connection_settings
from recourse.processes import SERVICES, ProcessGroup
from recourse.simulators.loans import LoanFactory


async def publish(bootstrap: str, tenant: str, count: int) -> float:
    factory = LoanFactory(tenant, ("cn-110105", "cn-310115"))
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap, enable_idempotence=True, linger_ms=10
    )
    await producer.start()
    started = time.monotonic()
    try:
        topic = topics.tenant_topic(tenant, "overdue")
        for index in range(count):
            event = factory.overdue(index)
            meta = EventMeta(
                id=str(uuid.uuid4()),
                type=event_type(event),
                source="/bench",
                time=datetime.now(UTC),
            )
            await producer.send(
                topic, encode(event), key=tenant.encode(), headers=encode_headers(meta)
            )
        await producer.flush()
    finally:
        await producer.stop()
    return time.monotonic() - started


async def wait_done(
    url: str, schema: str, count: int, limit_s: float
) -> dict[str, float]:
    conn = await connect_when_ready(url, schema, limit_s)
    try:
        deadline = time.monotonic() + limit_s
        while time.monotonic() < deadline:
            row = await conn.fetchrow(
                "SELECT (SELECT count(*) FROM cases) AS cases,"
                " (SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL) AS sent,"
                " (SELECT min(opened_at) FROM cases) AS first,"
                " (SELECT max(sent_at) FROM outbox) AS last"
            )
            if row["cases"] >= count and row["sent"] >= count:
                span = (row["last"] - row["first"]).total_seconds()
                return {"cases": row["cases"], "sent": row["sent"], "span_s": span}
            await asyncio.sleep(0.2)
        raise TimeoutError(f"intake did not finish {count} events in {limit_s}s")
    finally:
        await conn.close()


async def connect_when_ready(
    url: str, schema: str, limit_s: float
) -> asyncpg.Connection:
    deadline = time.monotonic() + limit_s
    while True:
        conn = await asyncpg.connect(url, server_settings={"search_path": schema})
        if await conn.fetchval("SELECT to_regclass('cases') IS NOT NULL"):
            return conn
        await conn.close()
        if time.monotonic() > deadline:
            raise TimeoutError("the service never created its tables")
        await asyncio.sleep(0.2)


async def run(count: int) -> dict[str, object]:
    bootstrap, url = connection_settings()
    run_id = "b" + uuid.uuid4().hex[:7]
    tenant, schema = f"{run_id}-bench", f"bench_{run_id}"
    publish_s = await publish(bootstrap, tenant, count)
    group = ProcessGroup(
        Path(".recourse/logs/bench"),
        {
            "KAFKA_BOOTSTRAP_SERVERS": bootstrap,
            "DATABASE_URL": url,
            "RECOURSE_DB_SCHEMA": schema,
            "RECOURSE_GROUP_ID": schema,
            "RECOURSE_TENANT_PATTERN": f"{run_id}-[a-z0-9-]+",
            "RECOURSE_LOG_LEVEL": "warning",
        },
    )
    started = time.monotonic()
    group.start("triage-scorer", SERVICES["triage-scorer"])
    try:
        done = await wait_done(url, schema, count, limit_s=600)
    finally:
        group.stop_all()
    wall = time.monotonic() - started
    conn = await asyncpg.connect(url)
    await conn.execute(f"DROP SCHEMA {schema} CASCADE")
    await conn.close()
    return {
        "events": count,
        "publish_seconds": round(publish_s, 2),
        "wall_seconds_incl_startup": round(wall, 2),
        "steady_seconds_first_case_to_last_publish": round(done["span_s"], 2),
        "events_per_second_steady": round(count / done["span_s"], 1),
        "events_per_second_incl_startup": round(count / wall, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=20_000)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(run(args.events)), indent=2))


if __name__ == "__main__":
    main()
