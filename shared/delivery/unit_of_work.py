"""What a handler gets: the transaction's connection, the clock and an outbox buffer."""

from dataclasses import dataclass, field
from datetime import datetime

import asyncpg
from aiokafka.structs import ConsumerRecord

from contracts.base import Contract
from contracts.cloudevents import EventMeta, derived_id
from shared.clock import Clock
from shared.delivery.outbox import OutboxMessage, event_message


@dataclass(frozen=True)
class Incoming:
    """One decoded, validated input event with its metadata and record."""

    event: Contract
    meta: EventMeta
    record: "ConsumerRecord[bytes, bytes]"

    @property
    def key(self) -> str:
        return (self.record.key or b"").decode(errors="replace")


@dataclass
class UnitOfWork:
    """Writes made through this object commit, or roll back, together."""

    conn: asyncpg.Connection
    clock: Clock
    source: str
    pending: list[OutboxMessage] = field(default_factory=list)

    def now(self) -> datetime:
        return self.clock.now()

    def emit(
        self,
        event: Contract,
        *,
        topic: str,
        key: str,
        cause_id: str,
        name: str,
        subject: str | None = None,
    ) -> str:
        """Queue an event whose id derives from its cause, so replays repeat it."""
        event_id = derived_id(cause_id, name)
        self.pending.append(
            event_message(
                event,
                topic=topic,
                key=key,
                event_id=event_id,
                source=self.source,
                time=self.now(),
                subject=subject,
            )
        )
        return event_id
