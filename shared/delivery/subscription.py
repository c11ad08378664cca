"""Wires a FastStream batch subscriber to a BatchProcessor with manual commits."""

import asyncio
import dataclasses
from collections.abc import Awaitable, Callable
from typing import Any

import structlog
from aiokafka.errors import CommitFailedError
from aiokafka.structs import ConsumerRecord
from faststream import AckPolicy
from faststream.kafka import KafkaBroker
from faststream.kafka.annotations import KafkaMessage
from faststream.message import StreamMessage

from shared.delivery.consumer import BatchProcessor
from shared.settings import ServiceSettings

log = structlog.get_logger(__name__)


def _printable(record: ConsumerRecord[Any, Any]) -> ConsumerRecord[Any, Any]:
    headers = [(k, v.decode(errors="replace").encode()) for k, v in record.headers]
    return dataclasses.replace(record, headers=headers)


async def tolerant_parser(
    records: tuple[ConsumerRecord[Any, Any], ...],
    original: Callable[[Any], Awaitable[StreamMessage[Any]]],
) -> StreamMessage[Any]:
    """Parse headers that are not UTF-8 too, keeping the original records.

    FastStream decodes header values as text; a record whose header bytes are
    not UTF-8 would fail there and never reach the dead-letter topic.
    """
    parsed = await original(tuple(_printable(r) for r in records))
    parsed.raw_message = records
    return parsed


async def keep_raw(message: StreamMessage[Any]) -> Any:
    """Leave bodies as bytes: decoding happens where bad input can be dead-lettered."""
    return message.body


def subscriber_group(group: str, title: str) -> str:
    """Each subscriber has a consumer group of its own.

    A new tenant topic matched by one subscriber's pattern then rebalances
    only that subscriber, not every consumer of the service.
    """
    return f"{group}.{title}"


def subscribe(
    broker: KafkaBroker,
    processor: BatchProcessor,
    settings: ServiceSettings,
    *,
    title: str,
    topics: tuple[str, ...] = (),
    pattern: str | None = None,
) -> None:
    """Offsets are committed only after the batch's transaction has committed."""
    subscriber = broker.subscriber(
        *topics,
        pattern=pattern,
        batch=True,
        group_id=subscriber_group(settings.consumer_group, title),
        auto_offset_reset="earliest",
        max_records=settings.batch_max_records,
        batch_timeout_ms=100,
        ack_policy=AckPolicy.MANUAL,
        decoder=keep_raw,
        parser=tolerant_parser,
        title=title,
    )

    async def on_batch(body: Any, message: KafkaMessage) -> None:
        records = message.raw_message
        batch = records if isinstance(records, tuple) else (records,)
        try:
            await processor.process(batch)
        except Exception:
            log.exception("batch_failed", title=title, size=len(batch))
            await message.nack()
            await asyncio.sleep(1.0)
            return
        try:
            await message.ack()
        except CommitFailedError as error:
            # A rebalance took the partitions away; their next owner redelivers
            # the batch and the inbox drops what was already handled.
            log.warning("offset_commit_failed", title=title, error=str(error))

    subscriber(on_batch)
