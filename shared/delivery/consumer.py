"""Batch processing with inbox, outbox and dead letters in one transaction."""

import asyncio
import hashlib
import re
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeAlias

import asyncpg
import structlog
from aiokafka.structs import ConsumerRecord

from contracts.base import Contract
from contracts.cloudevents import EventMeta, decode_headers
from contracts.errors import ContractError
from contracts.registry import decode, event_type, model_for
from contracts.topics import court_of, plaintiff_of
from shared.clock import Clock
from shared.db import TRANSIENT_ERRORS
from shared.delivery import inbox, outbox
from shared.delivery.deadletter import dead_letter
from shared.delivery.unit_of_work import Incoming, UnitOfWork
from shared.errors import BadInput

log = structlog.get_logger(__name__)


class PoolSource(Protocol):
    """Gives the pool once the service has opened it."""

    @property
    def pool(self) -> asyncpg.Pool: ...


Record: TypeAlias = ConsumerRecord  # bytes key and value
Handler = Callable[[UnitOfWork, Incoming], Awaitable[None]]


@dataclass(frozen=True)
class Route:
    """Which event types a subscription accepts, and the handler of each."""

    handlers: dict[str, Handler]

    @classmethod
    def of(cls, pairs: Iterable[tuple[type[Contract], Handler]]) -> "Route":
        return cls({event_type(model): handler for model, handler in pairs})


def dedupe_id(record: Record) -> str:
    """The inbox key: the CloudEvents id, else the record's own position."""
    for name, value in record.headers:
        if name == "ce_id" and value:
            text = value.decode(errors="replace").strip()
            if 0 < len(text) <= 200:
                return text
    position = f"{record.topic}/{record.partition}/{record.offset}"
    return "raw:" + hashlib.sha256(position.encode()).hexdigest()[:32]


def _check_edge(record: Record, event: Contract) -> None:
    expected_tenant = plaintiff_of(record.topic)
    actual_tenant = getattr(event, "plaintiff_id", None)
    if expected_tenant is not None and actual_tenant != expected_tenant:
        raise BadInput(
            f"plaintiff {actual_tenant!r} differs from topic tenant {expected_tenant!r}"
        )
    expected_court = court_of(record.topic)
    actual_court = getattr(event, "court_id", None)
    if expected_court is not None and actual_court != expected_court:
        raise BadInput(
            f"court {actual_court!r} differs from topic court {expected_court!r}"
        )


def _decode(record: Record, route: Route) -> tuple[Incoming, Handler] | None:
    """Decode and check one record; None for a known type this route ignores."""
    try:
        meta: EventMeta = decode_headers(record.headers)
    except ContractError as error:
        raise BadInput(str(error)) from error
    handler = route.handlers.get(meta.type)
    if handler is None:
        try:
            model_for(meta.type)
        except ContractError as error:
            raise BadInput(f"unknown event type {meta.type!r}") from error
        return None
    try:
        event = decode(meta.type, record.value or b"")
    except ContractError as error:
        raise BadInput(str(error)) from error
    _check_edge(record, event)
    return Incoming(event=event, meta=meta, record=record), handler


class BatchProcessor:
    """Handles a batch in one transaction; retries it whole on database faults."""

    def __init__(
        self,
        pools: PoolSource,
        route: Route,
        clock: Clock,
        service: str,
        tenants: str | None = None,
    ) -> None:
        self._tenants = re.compile(tenants) if tenants else None
        self._pools = pools
        self._route = route
        self._clock = clock
        self._service = service
        self._source = f"/recourse/{service}"

    async def process(self, records: Sequence[Record]) -> None:
        delay = 0.2
        while True:
            try:
                await self._process_once(records)
                return
            except TRANSIENT_ERRORS as error:
                log.warning("batch_retried", error=repr(error), delay=delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 10.0)

    async def _process_once(self, records: Sequence[Record]) -> None:
        ids = [dedupe_id(r) for r in records]
        async with self._pools.pool.acquire() as conn, conn.transaction():
            fresh = await inbox.claim(conn, ids, [r.topic for r in records])
            uow = UnitOfWork(conn=conn, clock=self._clock, source=self._source)
            for record, record_id in zip(records, ids, strict=True):
                if record_id not in fresh:
                    log.info(
                        "duplicate_skipped", topic=record.topic, event_id=record_id
                    )
                    continue
                fresh.discard(record_id)
                await self._one(uow, record, record_id)
            await outbox.write(conn, uow.pending)

    def _serves(self, event: Contract) -> bool:
        """Shared internal topics carry every tenant; this deployment serves some."""
        plaintiff = getattr(event, "plaintiff_id", None)
        if self._tenants is None or plaintiff is None:
            return True
        return self._tenants.fullmatch(plaintiff) is not None

    async def _one(self, uow: UnitOfWork, record: Record, record_id: str) -> None:
        structlog.contextvars.bind_contextvars(
            topic=record.topic,
            key=(record.key or b"").decode(errors="replace"),
            event_id=record_id,
        )
        mark = len(uow.pending)
        try:
            decoded = _decode(record, self._route)
            if decoded is None:
                return
            incoming, handler = decoded
            if not self._serves(incoming.event):
                return
            async with uow.conn.transaction():
                await handler(uow, incoming)
        except (BadInput, asyncpg.DataError) as error:
            reason = getattr(error, "reason", None) or f"rejected by the store: {error}"
            log.warning("input_dead_lettered", reason=reason)
            await self._set_aside(uow, record, record_id, mark, reason)
        except TRANSIENT_ERRORS:
            raise
        except Exception as error:
            # A message the handler cannot take must not hold up the ones after
            # it: it waits in the dead-letter topic for a fix and a replay.
            reason = f"handler failed: {type(error).__name__}: {error}"
            log.exception("handler_failed_dead_lettered", reason=reason)
            await self._set_aside(uow, record, record_id, mark, reason)
        finally:
            structlog.contextvars.unbind_contextvars("topic", "key", "event_id")

    async def _set_aside(
        self, uow: UnitOfWork, record: Record, record_id: str, mark: int, reason: str
    ) -> None:
        del uow.pending[mark:]
        # Forget the claim, so a replay of this event after its cause is fixed
        # is handled rather than skipped as a duplicate.
        await uow.conn.execute("DELETE FROM inbox WHERE event_id = $1", record_id)
        uow.pending.append(
            dead_letter(
                record,
                dedupe_id=record_id,
                service=self._service,
                reason=reason[:1000],
                at=self._clock.now(),
            )
        )
