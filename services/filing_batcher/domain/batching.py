"""Batches of one plaintiff's cases for one court, and when they seal."""

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, tzinfo

from services.filing_batcher.domain.errors import BatchingError
from services.filing_batcher.domain.seal_policy import (
    DEFAULT_SEAL_POLICY,
    SealPolicy,
    SealReason,
)


@dataclass(frozen=True)
class PendingCase:
    case_id: str
    plaintiff_id: str
    court_id: str
    arrived_at: datetime


@dataclass(frozen=True)
class SealDecision:
    batch_id: str
    plaintiff_id: str
    court_id: str
    case_ids: tuple[str, ...]
    sealed_at: datetime
    reason: SealReason


@dataclass
class OpenBatch:
    batch_id: str
    plaintiff_id: str
    court_id: str
    opened_at: datetime
    checked_until: datetime
    cases: list[PendingCase] = field(default_factory=list)

    @property
    def oldest_arrival(self) -> datetime:
        return min(c.arrived_at for c in self.cases)


# Room for "-NNN" after the prefix and "inv-" before it in a 64-character ref.
MAX_PREFIX = 56


def batch_prefix(plaintiff_id: str, court_id: str, day_of: datetime, tz: tzinfo) -> str:
    """Readable stem of a batch id: plaintiff, court and local day, kept short."""
    day = day_of.astimezone(tz).strftime("%Y%m%d")
    prefix = f"{plaintiff_id}-{court_id}-{day}"
    if len(prefix) <= MAX_PREFIX:
        return prefix
    digest = hashlib.sha256(f"{plaintiff_id}/{court_id}".encode()).hexdigest()[:6]
    return f"{plaintiff_id[:18]}-{court_id[:18]}-{digest}-{day}"


def _require_aware(moment: datetime) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise BatchingError(f"time must carry a time zone: {moment.isoformat()}")


class Batcher:
    """Open batches keyed by (plaintiff, court); sealing is returned, not done."""

    def __init__(self, policy: SealPolicy = DEFAULT_SEAL_POLICY) -> None:
        self.policy = policy
        self._open: dict[tuple[str, str], OpenBatch] = {}
        self._sequences: dict[str, int] = {}
        self._batched: set[str] = set()

    @classmethod
    def restore(
        cls,
        batches: Iterable[OpenBatch],
        sequences: Mapping[str, int],
        policy: SealPolicy = DEFAULT_SEAL_POLICY,
    ) -> "Batcher":
        """Continue from stored open batches and the last number of each prefix."""
        batcher = cls(policy)
        for batch in batches:
            key = (batch.plaintiff_id, batch.court_id)
            if key in batcher._open or not batch.cases:
                raise BatchingError(f"cannot restore batch {batch.batch_id}")
            batcher._open[key] = batch
            batcher._batched.update(c.case_id for c in batch.cases)
        for prefix, last in sequences.items():
            if last < 1:
                raise BatchingError(f"no batch number {last} was used for {prefix}")
            batcher._sequences[prefix] = last
        return batcher

    @property
    def sequences(self) -> dict[str, int]:
        """The last batch number used per id prefix."""
        return dict(self._sequences)

    def open_batches(self) -> list[OpenBatch]:
        return list(self._open.values())

    def add_case(self, case: PendingCase) -> list[SealDecision]:
        """Put a case in its open batch; seal the batch when it is full."""
        _require_aware(case.arrived_at)
        if case.case_id in self._batched:
            raise BatchingError(f"case {case.case_id} is already in an open batch")
        key = (case.plaintiff_id, case.court_id)
        batch = self._open.get(key) or self._open_batch(case)
        batch.cases.append(case)
        self._batched.add(case.case_id)
        if len(batch.cases) >= self.policy.max_cases:
            return [self._seal(batch, case.arrived_at, SealReason.FULL)]
        return []

    def on_tick(self, now: datetime) -> list[SealDecision]:
        """Seal what the cut-off or the service level says must go now."""
        _require_aware(now)
        decisions = []
        for batch in list(self._open.values()):
            reason = self._reason_to_seal(batch, now)
            batch.checked_until = max(batch.checked_until, now)
            if reason is not None:
                decisions.append(self._seal(batch, now, reason))
        return decisions

    def _reason_to_seal(self, batch: OpenBatch, now: datetime) -> SealReason | None:
        policy = self.policy
        at_cutoff = policy.cutoff_passed(batch.checked_until, now)
        if at_cutoff and len(batch.cases) >= policy.min_cases:
            return SealReason.CUTOFF
        latest = policy.latest_seal(batch.oldest_arrival)
        if now >= latest or (at_cutoff and policy.next_cutoff(now) > latest):
            return SealReason.SERVICE_LEVEL
        return None

    def _open_batch(self, case: PendingCase) -> OpenBatch:
        prefix = batch_prefix(
            case.plaintiff_id, case.court_id, case.arrived_at, self.policy.tz
        )
        sequence = self._sequences.get(prefix, 0) + 1
        self._sequences[prefix] = sequence
        batch = OpenBatch(
            batch_id=f"{prefix}-{sequence:02d}",
            plaintiff_id=case.plaintiff_id,
            court_id=case.court_id,
            opened_at=case.arrived_at,
            checked_until=case.arrived_at,
        )
        self._open[(case.plaintiff_id, case.court_id)] = batch
        return batch

    def _seal(
        self, batch: OpenBatch, now: datetime, reason: SealReason
    ) -> SealDecision:
        del self._open[(batch.plaintiff_id, batch.court_id)]
        case_ids = tuple(c.case_id for c in batch.cases)
        self._batched.difference_update(case_ids)
        return SealDecision(
            batch.batch_id, batch.plaintiff_id, batch.court_id, case_ids, now, reason
        )
