"""Composes one service: pool, migrations, subscribers, outbox relay, sweepers."""

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import asyncpg
import structlog
from faststream import FastStream
from faststream.kafka import KafkaBroker

from shared.clock import Clock, clock_from_setting
from shared.db import TRANSIENT_ERRORS, create_pool, migrate
from shared.delivery import outbox
from shared.delivery.consumer import BatchProcessor, Route
from shared.delivery.relay import OutboxRelay
from shared.delivery.subscription import subscribe
from shared.delivery.unit_of_work import UnitOfWork
from shared.logging import configure_logging
from shared.settings import ServiceSettings

log = structlog.get_logger(__name__)
Sweep = Callable[[UnitOfWork], Awaitable[None]]


class PoolHolder:
    """The pool, available once the service has started."""

    def __init__(self) -> None:
        self._pool: asyncpg.Pool | None = None

    @property
    def pool(self) -> asyncpg.Pool:
        if self._pool is None:
            raise RuntimeError("the database pool is not open yet")
        return self._pool

    def set(self, pool: asyncpg.Pool | None) -> None:
        self._pool = pool


@dataclass(frozen=True)
class Subscription:
    """One consumed topic or pattern and its route, as the bootstrap declared it."""

    title: str
    topics: tuple[str, ...]
    pattern: str | None
    route: Route


@dataclass
class Service:
    """A runnable service; `routes` and `sweeps` are added by its bootstrap."""

    settings: ServiceSettings
    migrations: str | None
    clock: Clock = field(init=False)
    broker: KafkaBroker = field(init=False)
    holder: PoolHolder = field(default_factory=PoolHolder)
    sweeps: list[Sweep] = field(default_factory=list)
    subscriptions: list[Subscription] = field(default_factory=list)
    _tasks: list[asyncio.Task[None]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.clock = clock_from_setting(self.settings.clock)
        self.broker = KafkaBroker(
            self.settings.kafka_bootstrap_servers,
            metadata_max_age_ms=self.settings.metadata_max_age_ms,
            enable_idempotence=True,
            client_id=self.settings.service_name,
        )

    def consume(
        self,
        route: Route,
        *,
        title: str,
        topics: tuple[str, ...] = (),
        pattern: str | None = None,
    ) -> None:
        self.subscriptions.append(Subscription(title, topics, pattern, route))
        processor = BatchProcessor(
            self.holder,
            route,
            self.clock,
            self.settings.service_name,
            tenants=self.settings.tenant_pattern,
        )
        subscribe(
            self.broker,
            processor,
            self.settings,
            title=title,
            topics=topics,
            pattern=pattern,
        )

    def app(self) -> FastStream:
        app = FastStream(self.broker)
        app.on_startup(self._open)
        app.after_startup(self._start_background)
        app.on_shutdown(self._close)
        return app

    async def _open(self) -> None:
        configure_logging(
            self.settings.service_name, self.settings.log_json, self.settings.log_level
        )
        url, schema = self.settings.database_url, self.settings.db_schema
        await migrate(url, schema, self.migrations)
        self.holder.set(await create_pool(url, schema))
        log.info("service_started", schema=schema)

    async def _start_background(self) -> None:
        relay = OutboxRelay(
            self.settings.database_url,
            self.settings.db_schema,
            self.settings.kafka_bootstrap_servers,
        )
        self._tasks.append(asyncio.create_task(relay.run()))
        for sweep in self.sweeps:
            self._tasks.append(asyncio.create_task(self._sweep_forever(sweep)))

    async def _sweep_forever(self, sweep: Sweep) -> None:
        # The lock key must be the same in every process of the service.
        name = getattr(sweep, "__name__", type(sweep).__name__)
        lock = f"sweep:{self.settings.db_schema}:{name}"
        while True:
            try:
                await self._sweep_once(sweep, lock)
            except TRANSIENT_ERRORS as error:
                log.warning("sweep_retried", sweep=name, error=repr(error))
            except Exception:
                # A bug in one sweep must be seen and must not stop its clock.
                log.exception("sweep_failed", sweep=name)
                await asyncio.sleep(5.0)
            await asyncio.sleep(self.settings.sweep_interval_seconds)

    async def _sweep_once(self, sweep: Sweep, lock: str) -> None:
        async with self.holder.pool.acquire() as conn, conn.transaction():
            if not await conn.fetchval(
                "SELECT pg_try_advisory_xact_lock(hashtext($1))", lock
            ):
                return
            uow = UnitOfWork(
                conn=conn,
                clock=self.clock,
                source=f"/recourse/{self.settings.service_name}",
            )
            await sweep(uow)
            await outbox.write(conn, uow.pending)

    async def _close(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        if self.holder._pool is not None:
            await self.holder.pool.close()
            self.holder.set(None)


def run(service: Service) -> None:
    """Run the service until SIGINT or SIGTERM."""
    asyncio.run(service.app().run())
