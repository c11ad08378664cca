"""The ceiling: Kafka's own perf tools, and a bare aiokafka pass-through chain."""

import asyncio
import itertools
import re
import subprocess
import time
import uuid

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from recourse.localinfra import kafka


def _tool(main_class: str, args: list[str]) -> str:
    java = ["java", "-Xmx512m", "-cp", f"{kafka.fetch_jars()}/*", main_class, *args]
    result = subprocess.run(java, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise RuntimeError(f"{main_class} failed: {result.stderr[-1500:]}")
    return result.stdout


def kafka_producer_perf(bootstrap: str, records: int, size: int) -> dict[str, float]:
    """org.apache.kafka.tools.ProducerPerformance with acks=all, idempotent."""
    topic = f"bench-perf-{uuid.uuid4().hex[:8]}"
    out = _tool(
        "org.apache.kafka.tools.ProducerPerformance",
        [
            "--topic",
            topic,
            "--num-records",
            str(records),
            "--record-size",
            str(size),
            "--throughput",
            "-1",
            "--producer-props",
            f"bootstrap.servers={bootstrap}",
            "acks=all",
            "enable.idempotence=true",
            "linger.ms=5",
        ],
    )
    last = out.strip().splitlines()[-1]
    match = re.search(r"([\d.]+) records/sec \(([\d.]+) MB/sec\)", last)
    if match is None:
        raise RuntimeError(f"unexpected ProducerPerformance output: {last}")
    consumed = kafka_consumer_perf(bootstrap, topic, records)
    return {
        "producer_records_per_s": float(match.group(1)),
        "producer_mb_per_s": float(match.group(2)),
        **consumed,
    }


def kafka_consumer_perf(bootstrap: str, topic: str, records: int) -> dict[str, float]:
    """org.apache.kafka.tools.ConsumerPerformance over the topic just written."""
    out = _tool(
        "org.apache.kafka.tools.ConsumerPerformance",
        [
            "--bootstrap-server",
            bootstrap,
            "--topic",
            topic,
            "--messages",
            str(records),
            "--timeout",
            "60000",
        ],
    )
    lines = [line for line in out.strip().splitlines() if line and line[0].isdigit()]
    fields = [f.strip() for f in lines[-1].split(",")]
    # start, end, MB, MB/sec, records, records/sec, ...
    return {
        "consumer_mb_per_s": float(fields[3]),
        "consumer_records_per_s": float(fields[5]),
    }


async def passthrough_chain(
    bootstrap: str, messages: int, hops: int
) -> dict[str, float]:
    """Messages through `hops` consume-and-forward stages; end-to-end messages/s."""
    run = uuid.uuid4().hex[:8]
    names = [f"bench-chain-{run}-{i}" for i in range(hops + 1)]
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    await admin.create_topics([NewTopic(n, 3, 1) for n in names])
    await admin.close()
    stages = [
        asyncio.create_task(_forward(bootstrap, a, b))
        for a, b in itertools.pairwise(names)
    ]
    payload = b"x" * 1000
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap, enable_idempotence=True, linger_ms=5
    )
    await producer.start()
    started = time.monotonic()
    for i in range(messages):
        await producer.send(names[0], payload, key=str(i % 50).encode())
    await producer.flush()
    await producer.stop()
    await _count(bootstrap, names[-1], messages)
    elapsed = time.monotonic() - started
    for stage in stages:
        stage.cancel()
    await asyncio.gather(*stages, return_exceptions=True)
    return {
        "chain_hops": hops,
        "chain_messages": messages,
        "chain_messages_per_s": messages / elapsed,
    }


async def _forward(bootstrap: str, source: str, target: str) -> None:
    consumer = AIOKafkaConsumer(
        source,
        bootstrap_servers=bootstrap,
        group_id=f"{source}-fwd",
        auto_offset_reset="earliest",
        enable_auto_commit=False,
    )
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap, enable_idempotence=True, linger_ms=5
    )
    await consumer.start()
    await producer.start()
    try:
        while True:
            batches = await consumer.getmany(timeout_ms=100, max_records=500)
            futures = [
                await producer.send(target, r.value, key=r.key)
                for records in batches.values()
                for r in records
            ]
            if futures:
                await asyncio.gather(*futures)
                await consumer.commit()
    finally:
        await consumer.stop()
        await producer.stop()


async def _count(bootstrap: str, topic: str, expected: int) -> None:
    consumer = AIOKafkaConsumer(
        topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest"
    )
    await consumer.start()
    seen = 0
    try:
        while seen < expected:
            batches = await consumer.getmany(timeout_ms=200, max_records=5000)
            seen += sum(len(b) for b in batches.values())
    finally:
        await consumer.stop()
