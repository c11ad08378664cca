"""Dead letters: the original bytes and headers, plus why and where from."""

from datetime import datetime

from aiokafka.structs import ConsumerRecord

from contracts.topics import dlq_topic
from shared.delivery.outbox import OutboxMessage


def dead_letter(
    record: "ConsumerRecord[bytes, bytes]",
    *,
    dedupe_id: str,
    service: str,
    reason: str,
    at: datetime,
) -> OutboxMessage:
    """An outbox message for `dlq.<service>.v1` that keeps the input intact."""
    extra = (
        ("dlq_reason", reason.encode()),
        ("dlq_service", service.encode()),
        ("dlq_original_topic", record.topic.encode()),
        ("dlq_original_partition", str(record.partition).encode()),
        ("dlq_original_offset", str(record.offset).encode()),
        ("dlq_failed_at", at.isoformat().encode()),
    )
    original = tuple((name, value or b"") for name, value in record.headers)
    return OutboxMessage(
        event_id=f"dlq:{dedupe_id}:{record.topic}/{record.partition}/{record.offset}",
        topic=dlq_topic(service),
        key=record.key,
        headers=original + extra,
        payload=record.value or b"",
    )
