"""Outbox rows: events to publish, written in the same transaction as the effect."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import asyncpg

from contracts.base import Contract
from contracts.cloudevents import EventMeta, encode_headers
from contracts.registry import encode, event_type


@dataclass(frozen=True)
class OutboxMessage:
    """One record to publish: topic, key, headers and payload bytes."""

    event_id: str
    topic: str
    key: bytes | None
    headers: tuple[tuple[str, bytes], ...]
    payload: bytes


def event_message(
    event: Contract,
    *,
    topic: str,
    key: str,
    event_id: str,
    source: str,
    time: datetime,
    subject: str | None = None,
    traceparent: str | None = None,
) -> OutboxMessage:
    """Wrap a contract with CloudEvents binary-mode headers."""
    meta = EventMeta(
        id=event_id,
        type=event_type(event),
        source=source,
        time=time,
        subject=subject,
        traceparent=traceparent,
    )
    return OutboxMessage(
        event_id=event_id,
        topic=topic,
        key=key.encode(),
        headers=tuple(encode_headers(meta)),
        payload=encode(event),
    )


INSERT = """
INSERT INTO outbox (event_id, topic, key, header_names, header_values, payload)
VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (event_id) DO NOTHING
"""


async def write(conn: asyncpg.Connection, messages: Sequence[OutboxMessage]) -> None:
    """Add messages to the outbox; an id already there is left as it was."""
    if not messages:
        return
    await conn.executemany(
        INSERT,
        [
            (
                m.event_id,
                m.topic,
                m.key,
                [name for name, _ in m.headers],
                [value for _, value in m.headers],
                m.payload,
            )
            for m in messages
        ],
    )


async def unsent_count(conn: asyncpg.Connection) -> int:
    return int(await conn.fetchval("SELECT count(*) FROM outbox WHERE sent_at IS NULL"))
