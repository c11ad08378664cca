"""The platform simulator's loop: publish due actions, react to notices."""

import asyncio
import heapq
import itertools
import re
from collections import Counter
from datetime import datetime

import structlog
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.errors import KafkaError

from contracts.base import Contract
from contracts.cloudevents import EventMeta, decode_headers, derived_id, encode_headers
from contracts.errors import ContractError
from contracts.fees import FeeInvoiceIssued
from contracts.notices import NoticeKind, PlatformNotice
from contracts.platform import LoanOverdue
from contracts.registry import decode, encode, event_type
from recourse.simulators.loans import LoanFactory
from recourse.simulators.platform import behaviour
from recourse.simulators.platform.plan import PlatformPlan
from shared.clock import Clock

log = structlog.get_logger(__name__)
NATURAL_ID = ("case_id", "payment_id", "request_id", "attempt_id", "repayment_id")


def natural_id(event: Contract) -> str:
    parts = [str(getattr(event, name)) for name in NATURAL_ID if hasattr(event, name)]
    return f"{type(event).__name__}:{':'.join(parts)}"


class PlatformSimulator:
    """Publishes what platforms would, when their time comes on the clock."""

    def __init__(self, plan: PlatformPlan, bootstrap: str, clock: Clock) -> None:
        self.plan = plan
        self.clock = clock
        self.sent: Counter[str] = Counter()
        self._bootstrap = bootstrap
        self._queue: list[tuple[datetime, int, behaviour.Action]] = []
        self._order = itertools.count()
        self._seen: set[str] = set()
        self._factories = {
            p: LoanFactory(p, plan.courts_of(p), seed=plan.seed) for p in plan.platforms
        }

    def schedule(self, actions: list[behaviour.Action]) -> None:
        for action in actions:
            heapq.heappush(self._queue, (action.due, next(self._order), action))

    def loan(self, plaintiff: str, case_id: str) -> LoanOverdue | None:
        factory = self._factories.get(plaintiff)
        match = re.fullmatch(rf"{re.escape(plaintiff)}-(\d+)", case_id)
        return factory.overdue(int(match.group(1))) if factory and match else None

    def pending(self) -> int:
        return len(self._queue)

    async def run(self, stop: asyncio.Event) -> None:
        start = self.clock.now()
        for platform in self.plan.platforms:
            self.schedule(behaviour.intake(self.plan, platform, start))
        producer = AIOKafkaProducer(
            bootstrap_servers=self._bootstrap, enable_idempotence=True, linger_ms=5
        )
        names = "|".join(re.escape(p) for p in self.plan.platforms)
        consumer = AIOKafkaConsumer(
            bootstrap_servers=self._bootstrap,
            group_id=f"platform-simulator-{self.plan.seed}",
            auto_offset_reset="earliest",
            metadata_max_age_ms=3000,
        )
        consumer.subscribe(pattern=rf"tenant\.({names})\.notices\.v1")
        await producer.start()
        await consumer.start()
        try:
            while not stop.is_set():
                await self._publish_due(producer)
                batches = await consumer.getmany(timeout_ms=200, max_records=500)
                for records in batches.values():
                    for record in records:
                        self._react(record.headers, record.value or b"")
        finally:
            await consumer.stop()
            await producer.stop()

    async def _publish_due(self, producer: AIOKafkaProducer) -> None:
        """Send what is due; what the broker refuses goes back in the queue."""
        now = self.clock.now()
        sending = []
        while self._queue and self._queue[0][0] <= now:
            item = heapq.heappop(self._queue)
            action = item[2]
            meta = EventMeta(
                id=derived_id(
                    f"platform-sim-{self.plan.seed}", natural_id(action.event)
                ),
                type=event_type(action.event),
                source=f"/platforms/{action.key}",
                time=now,
            )
            delivery = await producer.send(
                action.topic,
                encode(action.event),
                key=action.key.encode(),
                headers=encode_headers(meta),
            )
            sending.append((item, delivery))
        for item, delivery in sending:
            try:
                await delivery
            except KafkaError as error:
                # Same ce_id when sent again, so a copy that did land is a dup
                # the services' inboxes drop.
                log.warning("platform_event_retried", error=str(error))
                heapq.heappush(self._queue, item)
                continue
            self.sent[type(item[2].event).__name__] += 1

    def _react(self, headers: list[tuple[str, bytes]], value: bytes) -> None:
        try:
            meta = decode_headers(headers)
            event = decode(meta.type, value)
        except ContractError as error:
            log.warning("notice_unreadable", error=str(error))
            return
        if meta.id in self._seen:
            return
        self._seen.add(meta.id)
        now = self.clock.now()
        if isinstance(event, FeeInvoiceIssued):
            self.schedule(behaviour.pay_invoice(self.plan, event, now))
        elif isinstance(event, PlatformNotice) and event.case_id:
            loan = self.loan(event.plaintiff_id, event.case_id)
            if loan is None:
                return
            if event.kind is NoticeKind.DOCKET_NUMBER:
                self.schedule(behaviour.after_docket(self.plan, loan, now))
            elif event.kind is NoticeKind.JUDGMENT:
                self.schedule(behaviour.after_judgment(self.plan, loan, now))
