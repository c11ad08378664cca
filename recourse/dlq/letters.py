"""Dead letters as an operator sees them, and which of them to replay."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from shared.masking import scrub_text

SERVICES = (
    "triage-scorer",
    "contact-notifier",
    "fee-calculator",
    "filing-batcher",
    "preservation-tracker",
    "sanctions-publisher",
)
DLQ_HEADER_PREFIX = "dlq_"
Headers = tuple[tuple[str, bytes], ...]


def _shown(text: str | None) -> str | None:
    """Header text fit for a terminal: masked, without control characters."""
    if text is None:
        return None
    return "".join(c if c.isprintable() else "?" for c in scrub_text(text))


def _number(text: str | None) -> int | None:
    return int(text) if text is not None and text.strip().isdigit() else None


@dataclass(frozen=True)
class DeadLetter:
    """One record of `dlq.<service>.v1`; its payload is never shown."""

    service: str
    dlq_partition: int
    dlq_offset: int
    original_topic: str | None
    original_partition: int | None
    original_offset: int | None
    reason: str
    failed_at: str
    ce_type: str | None
    ce_id: str | None
    key: bytes | None = field(repr=False)
    headers: Headers = field(repr=False)
    payload: bytes = field(repr=False)

    @classmethod
    def of(
        cls,
        service: str,
        position: tuple[int, int],
        key: bytes | None,
        headers: Iterable[tuple[str, bytes | None]],
        payload: bytes | None,
    ) -> "DeadLetter":
        """Read a letter from a DLQ record's position, key, headers and value."""
        kept = tuple((name, value or b"") for name, value in headers)
        text = {name: _shown(value.decode(errors="replace")) for name, value in kept}
        return cls(
            service=service,
            dlq_partition=position[0],
            dlq_offset=position[1],
            original_topic=text.get("dlq_original_topic"),
            original_partition=_number(text.get("dlq_original_partition")),
            original_offset=_number(text.get("dlq_original_offset")),
            reason=text.get("dlq_reason") or "",
            failed_at=text.get("dlq_failed_at") or "",
            ce_type=text.get("ce_type"),
            ce_id=text.get("ce_id"),
            key=key,
            headers=kept,
            payload=payload or b"",
        )

    @property
    def replayable(self) -> bool:
        return self.original_topic is not None and self.original_partition is not None

    @property
    def original_headers(self) -> Headers:
        """The headers the record had before it was dead-lettered."""
        return tuple(
            (name, value)
            for name, value in self.headers
            if not name.startswith(DLQ_HEADER_PREFIX)
        )

    def summary(self) -> dict[str, object]:
        """What an operator may see: where from, why and when; no payload bytes."""
        return {
            "service": self.service,
            "dlq_partition": self.dlq_partition,
            "dlq_offset": self.dlq_offset,
            "original_topic": self.original_topic,
            "original_partition": self.original_partition,
            "original_offset": self.original_offset,
            "reason": self.reason,
            "failed_at": self.failed_at,
            "ce_type": self.ce_type,
            "ce_id": self.ce_id,
        }


@dataclass(frozen=True)
class Selection:
    """Which letters an operator picked: all criteria given must hold."""

    original_topic: str | None = None
    original_partition: int | None = None
    offset_from: int | None = None
    ce_id: str | None = None

    def matches(self, letter: DeadLetter) -> bool:
        offset = letter.original_offset
        return (
            self.original_topic in (None, letter.original_topic)
            and self.original_partition in (None, letter.original_partition)
            and self.ce_id in (None, letter.ce_id)
            and (
                self.offset_from is None
                or (offset is not None and offset >= self.offset_from)
            )
        )


def in_failure_order(letters: Iterable[DeadLetter]) -> list[DeadLetter]:
    """Letters ordered by when they failed, then by position in their topic."""
    return sorted(
        letters,
        key=lambda x: (x.failed_at, x.service, x.dlq_partition, x.dlq_offset),
    )


def in_replay_order(letters: Sequence[DeadLetter]) -> list[DeadLetter]:
    """Replayable letters in their original order within each partition."""
    return sorted(
        (x for x in letters if x.replayable),
        key=lambda x: (
            x.original_topic or "",
            x.original_partition or 0,
            x.original_offset if x.original_offset is not None else -1,
            x.failed_at,
        ),
    )
