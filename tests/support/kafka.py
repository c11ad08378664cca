"""Publishing test inputs and reading service outputs on a real broker."""

import asyncio
import contextlib
import time
import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaError, TopicAlreadyExistsError
from aiokafka.structs import ConsumerRecord

from contracts.base import Contract
from contracts.cloudevents import EventMeta, encode_headers
from contracts.registry import encode, event_type

Headers = list[tuple[str, bytes]]


def event_headers(event: Contract, event_id: str | None = None) -> Headers:
    meta = EventMeta(
        id=event_id or str(uuid.uuid4()),
        type=event_type(event),
        source="/tests",
        time=datetime.now(UTC),
        subject=None,
        traceparent=None,
    )
    return encode_headers(meta)


async def create_topics(
    bootstrap: str, names: Sequence[str], partitions: int = 3
) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        new = [NewTopic(n, partitions, 1) for n in names if n not in existing]
        if new:
            # Another client may create one meanwhile: that is what we wanted.
            with contextlib.suppress(TopicAlreadyExistsError):
                await admin.create_topics(new)
    finally:
        await admin.close()


class Publisher:
    """Sends raw records, so tests can also send what a service must reject.

    A topic is created (and its partitions known) before its first record, so
    nothing is sent into a topic whose leader is not elected yet; a record the
    broker still refuses is sent again, and one that cannot be delivered at
    all fails the test at `flush` or exit instead of vanishing.
    """

    RESENDS = 5

    def __init__(self, bootstrap: str) -> None:
        self._bootstrap = bootstrap
        self._producer = AIOKafkaProducer(
            bootstrap_servers=bootstrap, enable_idempotence=True, linger_ms=5
        )
        self._ready: set[str] = set()
        self._pending: list[asyncio.Future[object]] = []

    async def __aenter__(self) -> "Publisher":
        await self._producer.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        try:
            if exc[0] is None:
                await self.flush()
        finally:
            await self._producer.stop()

    async def _ensure_topic(self, topic: str) -> None:
        if topic in self._ready:
            return
        await create_topics(self._bootstrap, [topic])
        deadline = time.monotonic() + 30
        while not await self._producer.partitions_for(topic):
            if time.monotonic() > deadline:
                raise AssertionError(f"topic {topic} has no partitions after 30 s")
            await asyncio.sleep(0.2)
        self._ready.add(topic)

    async def raw(self, topic: str, value: bytes, key: str, headers: Headers) -> None:
        await self._ensure_topic(topic)
        record = (topic, value, key.encode(), headers)
        delivery = await self._producer.send(
            topic, value=value, key=key.encode(), headers=headers
        )
        self._pending.append(asyncio.ensure_future(self._delivered(delivery, record)))

    async def _delivered(
        self,
        delivery: "asyncio.Future[object]",
        record: tuple[str, bytes, bytes, Headers],
    ) -> object:
        topic, value, key, headers = record
        with contextlib.suppress(KafkaError):
            return await delivery
        for attempt in range(1, self.RESENDS):
            with contextlib.suppress(KafkaError):
                return await self._producer.send_and_wait(
                    topic, value=value, key=key, headers=headers
                )
            await asyncio.sleep(0.5 * attempt)
        # The last resend's error fails the test at flush or exit.
        return await self._producer.send_and_wait(
            topic, value=value, key=key, headers=headers
        )

    async def event(
        self, topic: str, event: Contract, key: str, event_id: str | None = None
    ) -> str:
        headers = event_headers(event, event_id)
        await self.raw(topic, encode(event), key, headers)
        return dict(headers)["ce_id"].decode()

    async def flush(self) -> None:
        """Wait until every record sent so far is on the broker."""
        await self._producer.flush()
        pending, self._pending = self._pending, []
        await asyncio.gather(*pending)


class TopicReader:
    """Collects records appended to a topic after the reader was opened.

    With `from_beginning` it collects the whole topic instead.
    """

    def __init__(
        self, bootstrap: str, topic: str, *, from_beginning: bool = False
    ) -> None:
        self.topic = topic
        self.from_beginning = from_beginning
        self.records: list[ConsumerRecord[bytes, bytes]] = []
        self._consumer = AIOKafkaConsumer(
            bootstrap_servers=bootstrap, enable_auto_commit=False
        )

    async def __aenter__(self) -> "TopicReader":
        await create_topics(self._consumer._client._bootstrap_servers, [self.topic])
        await self._consumer.start()
        partitions = self._consumer.partitions_for_topic(self.topic)
        while not partitions:
            await asyncio.sleep(0.2)
            await self._consumer._client.force_metadata_update()
            partitions = self._consumer.partitions_for_topic(self.topic)
        assigned = [TopicPartition(self.topic, p) for p in partitions]
        self._consumer.assign(assigned)
        if self.from_beginning:
            await self._consumer.seek_to_beginning(*assigned)
            return self
        ends = await self._consumer.end_offsets(assigned)
        for tp, offset in ends.items():
            self._consumer.seek(tp, offset)
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._consumer.stop()

    async def poll(self) -> None:
        batches = await self._consumer.getmany(timeout_ms=200, max_records=5000)
        for batch in batches.values():
            self.records.extend(batch)

    async def wait_for(
        self,
        condition: Callable[[list[ConsumerRecord[bytes, bytes]]], bool],
        timeout: float,
        what: str,
    ) -> list[ConsumerRecord[bytes, bytes]]:
        deadline = time.monotonic() + timeout
        while not condition(self.records):
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"timed out after {timeout:.0f}s waiting for {what}; "
                    f"{len(self.records)} records on {self.topic}"
                )
            await self.poll()
        return self.records

    async def settle(self, quiet: float = 3.0) -> list[ConsumerRecord[bytes, bytes]]:
        """Read until nothing new arrives for `quiet` seconds."""
        last_count, last_change = -1, time.monotonic()
        while time.monotonic() - last_change < quiet:
            await self.poll()
            if len(self.records) != last_count:
                last_count, last_change = len(self.records), time.monotonic()
        return self.records


def header(record: ConsumerRecord[bytes, bytes], name: str) -> str | None:
    for key, value in record.headers:
        if key == name:
            return value.decode(errors="replace")
    return None


async def wait_until_consumed(
    bootstrap: str, group: str, topic_names: Sequence[str], timeout: float
) -> None:
    """Wait until the group's committed offsets reach the end of every partition."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap)
    await admin.start()
    await consumer.start()
    try:
        deadline = time.monotonic() + timeout
        while True:
            partitions = [
                TopicPartition(t, p)
                for t in topic_names
                for p in consumer.partitions_for_topic(t) or ()
            ]
            ends = await consumer.end_offsets(partitions) if partitions else {}
            committed = await admin.list_consumer_group_offsets(group)
            behind = {
                tp: end
                for tp, end in ends.items()
                if end > 0 and (tp not in committed or committed[tp].offset < end)
            }
            if partitions and not behind:
                return
            if time.monotonic() > deadline:
                raise AssertionError(f"group {group} still behind on {behind}")
            await asyncio.sleep(0.5)
            await consumer._client.force_metadata_update()
    finally:
        await consumer.stop()
        await admin.close()
