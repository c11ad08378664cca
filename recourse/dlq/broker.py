"""Reads dead-letter topics from the start and republishes letters to their origin."""

import asyncio
import os
from collections.abc import Coroutine, Sequence
from pathlib import Path
from typing import Any, TypeVar

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import KafkaError

from contracts.topics import dlq_topic
from recourse.dlq.letters import DeadLetter
from recourse.localinfra.stack import env_file
from shared.delivery.relay import new_producer
from shared.settings import ServiceSettings

BOOTSTRAP_VARIABLE = "KAFKA_BOOTSTRAP_SERVERS"
T = TypeVar("T")


class BrokerUnavailable(Exception):
    """Kafka did not answer, or did not finish the work, within the time allowed."""


def configured_bootstrap(env_path: Path | None = None) -> str:
    """KAFKA_BOOTSTRAP_SERVERS, else the local infra env file, else the default."""
    if os.environ.get(BOOTSTRAP_VARIABLE):
        return os.environ[BOOTSTRAP_VARIABLE]
    path = env_path or env_file()
    if path.exists():
        for line in path.read_text().splitlines():
            name, _, value = line.partition("=")
            if name.strip() == BOOTSTRAP_VARIABLE and value.strip():
                return value.strip()
    default = ServiceSettings.model_fields["kafka_bootstrap_servers"].default
    return str(default)


async def _partitions(bootstrap: str, topics: Sequence[str]) -> list[TopicPartition]:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        described = await admin.describe_topics()
    finally:
        await admin.close()
    return [
        TopicPartition(t["topic"], p["partition"])
        for t in described
        if t["topic"] in topics
        for p in t["partitions"]
    ]


async def _behind(consumer: AIOKafkaConsumer, ends: dict[TopicPartition, int]) -> bool:
    for tp, end in ends.items():
        if await consumer.position(tp) < end:
            return True
    return False


async def read_letters(bootstrap: str, services: Sequence[str]) -> list[DeadLetter]:
    """Every letter of the services' DLQ topics; no consumer group, no commits."""
    by_topic = {dlq_topic(s): s for s in services}
    partitions = await _partitions(bootstrap, list(by_topic))
    if not partitions:
        return []
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False
    )
    await consumer.start()
    try:
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        ends = await consumer.end_offsets(partitions)
        letters: list[DeadLetter] = []
        while await _behind(consumer, ends):
            batches = await consumer.getmany(timeout_ms=200, max_records=5000)
            for tp, records in batches.items():
                letters.extend(
                    DeadLetter.of(
                        by_topic[tp.topic],
                        (r.partition, r.offset),
                        r.key,
                        r.headers,
                        r.value,
                    )
                    for r in records
                    if r.offset < ends[tp]
                )
        return letters
    finally:
        await consumer.stop()


async def republish(bootstrap: str, letters: Sequence[DeadLetter]) -> int:
    """Send each letter's original key, bytes and headers back to its partition."""
    producer = new_producer(bootstrap)
    await producer.start()
    try:
        sent = [
            await producer.send(
                letter.original_topic or "",
                value=letter.payload,
                key=letter.key,
                headers=list(letter.original_headers),
                partition=letter.original_partition,
            )
            for letter in letters
        ]
        await asyncio.gather(*sent)
        return len(sent)
    finally:
        await producer.stop()


def run_bounded(work: Coroutine[Any, Any, T], bootstrap: str, seconds: float) -> T:
    """Run Kafka work for at most `seconds`; any broker failure is BrokerUnavailable."""

    async def bounded() -> T:
        async with asyncio.timeout(seconds):
            return await work

    try:
        return asyncio.run(bounded())
    except TimeoutError as error:
        message = f"Kafka at {bootstrap} did not answer within {seconds:g}s"
        raise BrokerUnavailable(message) from error
    except (KafkaError, OSError) as error:
        raise BrokerUnavailable(f"Kafka at {bootstrap} failed: {error}") from error
