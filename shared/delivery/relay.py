"""Publishes outbox rows in order; one active relay per service via an advisory lock."""

import asyncio
import contextlib
from typing import Any

import asyncpg
import structlog
from aiokafka import AIOKafkaProducer
from aiokafka.errors import KafkaError

from shared.db import TRANSIENT_ERRORS, checked_schema

log = structlog.get_logger(__name__)

FETCH = """
SELECT seq, topic, key, header_names, header_values, payload
FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT $1
"""
MARK = "UPDATE outbox SET sent_at = now() WHERE seq = ANY($1::bigint[])"


def new_producer(bootstrap_servers: str) -> AIOKafkaProducer:
    """An idempotent producer: acks from all replicas, no duplicates on retry."""
    return AIOKafkaProducer(
        bootstrap_servers=bootstrap_servers,
        enable_idempotence=True,
        acks="all",
        linger_ms=5,
        max_batch_size=256 * 1024,
        request_timeout_ms=30_000,
    )


class OutboxRelay:
    """Moves outbox rows to Kafka and marks them sent, woken by LISTEN/NOTIFY."""

    def __init__(
        self,
        database_url: str,
        schema: str,
        bootstrap_servers: str,
        batch_size: int = 1000,
        idle_wait: float = 1.0,
    ) -> None:
        self._url = database_url
        self._schema = checked_schema(schema)
        self._bootstrap = bootstrap_servers
        self._batch_size = batch_size
        self._idle_wait = idle_wait
        self._wake = asyncio.Event()
        self.active = asyncio.Event()

    async def run(self) -> None:
        """Run until cancelled, reconnecting after Postgres or Kafka faults."""
        delay = 0.5
        while True:
            try:
                await self._hold_lock_and_relay()
            except (*TRANSIENT_ERRORS, KafkaError) as error:
                self.active.clear()
                log.warning("relay_restarted", error=repr(error), delay=delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 10.0)

    async def _hold_lock_and_relay(self) -> None:
        conn = await asyncpg.connect(
            self._url, server_settings={"search_path": self._schema}
        )
        try:
            await self._wait_for_lock(conn)
            await conn.add_listener(f"{self._schema}_outbox", self._notified)
            producer = new_producer(self._bootstrap)
            await producer.start()
            try:
                self.active.set()
                log.info("relay_started", schema=self._schema)
                await self._relay(conn, producer)
            finally:
                await producer.stop()
        finally:
            await conn.close(timeout=5)

    async def _wait_for_lock(self, conn: asyncpg.Connection) -> None:
        """Stand by until no other relay of this service holds the lock."""
        lock = f"relay:{self._schema}"
        query = "SELECT pg_try_advisory_lock(hashtext($1))"
        while not await conn.fetchval(query, lock):  # noqa: ASYNC110 - polls a lock held by another process
            await asyncio.sleep(1.0)

    def _notified(self, *_args: Any) -> None:
        self._wake.set()

    async def _relay(
        self, conn: asyncpg.Connection, producer: AIOKafkaProducer
    ) -> None:
        while True:
            self._wake.clear()
            rows = await conn.fetch(FETCH, self._batch_size)
            if rows:
                await self._publish(producer, rows)
                await conn.execute(MARK, [row["seq"] for row in rows])
                continue
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self._idle_wait)

    async def _publish(self, producer: AIOKafkaProducer, rows: list[Any]) -> None:
        futures = []
        for row in rows:
            headers = list(zip(row["header_names"], row["header_values"], strict=True))
            futures.append(
                await producer.send(
                    row["topic"], value=row["payload"], key=row["key"], headers=headers
                )
            )
        await asyncio.gather(*futures)
        log.debug("outbox_published", count=len(rows))
