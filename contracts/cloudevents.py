"""CloudEvents 1.0 metadata carried as Kafka headers (binary content mode)."""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from contracts.errors import InvalidHeadersError, MissingHeadersError

SPEC_VERSION = "1.0"
CONTENT_TYPE = "application/json"
REQUIRED_HEADERS = ("ce_id", "ce_type", "ce_source", "ce_specversion", "ce_time")
DERIVED_ID_NAMESPACE = uuid.UUID("cb463a8e-14f1-43a3-aed0-e862631d2d8a")

KafkaHeaders = Sequence[tuple[str, bytes | None]]


@dataclass(frozen=True, slots=True)
class EventMeta:
    """The CloudEvents attributes of one Kafka record."""

    id: str
    type: str
    source: str
    time: datetime
    subject: str | None = None
    traceparent: str | None = None

    def __post_init__(self) -> None:
        if self.time.tzinfo is None or self.time.utcoffset() is None:
            raise InvalidHeadersError("ce_time must carry a UTC offset")
        for name in ("id", "type", "source"):
            if not getattr(self, name):
                raise InvalidHeadersError(f"ce_{name} must not be empty")


def derived_id(cause_id: str, name: str) -> str:
    """Id of an event derived from `cause_id`: the same cause gives the same id."""
    return str(uuid.uuid5(DERIVED_ID_NAMESPACE, f"{cause_id}/{name}"))


def encode_headers(meta: EventMeta) -> list[tuple[str, bytes]]:
    """Render metadata as Kafka headers readable by any CloudEvents client."""
    headers = [
        ("ce_specversion", SPEC_VERSION),
        ("ce_id", meta.id),
        ("ce_type", meta.type),
        ("ce_source", meta.source),
        ("ce_time", meta.time.isoformat()),
        ("content-type", CONTENT_TYPE),
    ]
    if meta.subject is not None:
        headers.append(("ce_subject", meta.subject))
    if meta.traceparent is not None:
        headers.append(("traceparent", meta.traceparent))
    return [(key, value.encode()) for key, value in headers]


def _text(headers: KafkaHeaders) -> dict[str, str]:
    found: dict[str, str] = {}
    for key, raw in headers:
        if raw is None or key in found:
            continue
        try:
            found[key] = raw.decode()
        except UnicodeDecodeError as e:
            raise InvalidHeadersError(f"header {key} is not UTF-8") from e
    return found


def _time(value: str) -> datetime:
    try:
        time = datetime.fromisoformat(value)
    except ValueError as e:
        raise InvalidHeadersError("ce_time is not an RFC 3339 timestamp") from e
    if time.tzinfo is None:
        raise InvalidHeadersError("ce_time must carry a UTC offset")
    return time


def decode_headers(headers: KafkaHeaders) -> EventMeta:
    """Read metadata from Kafka headers; raise if required ones are missing or bad."""
    found = _text(headers)
    missing = tuple(name for name in REQUIRED_HEADERS if not found.get(name))
    if missing:
        raise MissingHeadersError(missing)
    if found["ce_specversion"] != SPEC_VERSION:
        raise InvalidHeadersError(f"ce_specversion must be {SPEC_VERSION}")
    content_type = found.get("content-type", CONTENT_TYPE)
    if content_type.split(";")[0].strip().lower() != CONTENT_TYPE:
        raise InvalidHeadersError(f"content-type must be {CONTENT_TYPE}")
    return EventMeta(
        id=found["ce_id"],
        type=found["ce_type"],
        source=found["ce_source"],
        time=_time(found["ce_time"]),
        subject=found.get("ce_subject"),
        traceparent=found.get("traceparent"),
    )
