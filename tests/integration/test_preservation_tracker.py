"""preservation-tracker end to end: real broker, real database, scaled clock.

The test plays the platforms, fee-calculator (with its assessment function)
and the court (with the court simulator's order function). A simulated day
passes in half a second while suits race the 30-day rule, then in a tenth of a
second, so a year of freezes, renewals and lapses plays out in about a minute.
"""

import heapq
import itertools
import random
import time
import zlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_CEILING, Decimal
from pathlib import Path
from typing import Any

import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.structs import ConsumerRecord

from contracts import topics
from contracts.assets import (
    Asset,
    AssetKind,
    Guarantee,
    GuaranteeKind,
    MaterialKind,
    PreservationStage,
    Respondent,
)
from contracts.base import Contract
from contracts.court import (
    PreservationApplicationSubmitted,
    PreservationRenewalSubmitted,
)
from contracts.filing import CaseDocketed
from contracts.loans import Sex
from contracts.platform import PreservationRequested
from contracts.preservation import (
    LiftReason,
    PreservationApplicationCompleted,
    PreservationLifted,
)
from contracts.registry import decode
from contracts.rulings import (
    JudgmentIssued,
    JudgmentOutcome,
    PreservationOrdered,
    PreservationRenewed,
)
from recourse.cli_preservation import (
    QUEUE,
    UPCOMING,
    decision_for,
    fetch,
    publish_decisions,
)
from recourse.simulators.court.preservation import TERM_YEARS, plan_order
from recourse.simulators.loans import LoanFactory
from services.fee_calculator.assessment import preservation_fee
from shared.clock import ScaledClock, scaled_setting
from shared.periods import add_years
from tests.support.infra import Infra
from tests.support.kafka import (
    Publisher,
    create_topics,
    header,
    wait_until_consumed,
)
from tests.support.services import ServiceUnderTest, run_id

pytestmark = pytest.mark.integration
Record = ConsumerRecord[bytes, bytes]
# Slow while suits are filed against the 30-day rule, fast for the year of
# freezes: the tracker is restarted with the fast clock at its second kill.
SLOW_DAY = 0.5
FAST_DAY = 0.1
START = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
CASES_PER_PLATFORM = 150
CHINA = timedelta(hours=8)


class Tap:
    """Records appended to some topics after it opened, polled briefly.

    On shared topics (recourse.*, public.*) other runs write too: only records
    keyed by one of `owners` are kept there.
    """

    def __init__(self, bootstrap: str, names: list[str], owners: set[str]) -> None:
        self.names = names
        self.owners = {owner.encode() for owner in owners}
        self.bootstrap = bootstrap
        self.records: list[Record] = []
        self._consumer = AIOKafkaConsumer(
            bootstrap_servers=bootstrap, enable_auto_commit=False
        )

    async def __aenter__(self) -> "Tap":
        await create_topics(self.bootstrap, self.names)
        await self._consumer.start()
        assigned = []
        for name in self.names:
            while not self._consumer.partitions_for_topic(name):
                await self._consumer._client.force_metadata_update()
            assigned += [
                TopicPartition(name, p)
                for p in self._consumer.partitions_for_topic(name) or ()
            ]
        self._consumer.assign(assigned)
        for tp, offset in (await self._consumer.end_offsets(assigned)).items():
            self._consumer.seek(tp, offset)
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._consumer.stop()

    async def poll(self, timeout_ms: int = 20) -> list[Record]:
        batches = await self._consumer.getmany(timeout_ms=timeout_ms)
        fresh = [
            r
            for batch in batches.values()
            for r in batch
            if not r.topic.startswith(("recourse.", "public.")) or r.key in self.owners
        ]
        self.records.extend(fresh)
        return fresh

    def of(self, kind: str, topic: str | None = None) -> list[Record]:
        return [
            r
            for r in self.records
            if header(r, "ce_type") == f"io.recourse.{kind}.v1"
            and (topic is None or r.topic == topic)
        ]

    def distinct(self, kind: str, topic: str | None = None) -> dict[str, Any]:
        """Decoded events of a type by ce_id: copies of one event count once."""
        return {
            header(r, "ce_id") or "": decode(header(r, "ce_type") or "", r.value or b"")
            for r in self.of(kind, topic)
        }


@dataclass
class Court:
    """The test's court: events to publish when the scaled clock reaches them."""

    clock: ScaledClock
    queue: list[tuple[datetime, int, str, Contract, str]] = field(default_factory=list)
    serial: "itertools.count[int]" = field(default_factory=itertools.count)

    def schedule(self, at: datetime, topic: str, event: Contract, key: str) -> None:
        heapq.heappush(self.queue, (at, next(self.serial), topic, event, key))

    async def publish_due(self, publisher: Publisher) -> None:
        now = self.clock.now()
        while self.queue and self.queue[0][0] <= now:
            _, _, topic, event, key = heapq.heappop(self.queue)
            await publisher.event(topic, event, key)
        await publisher.flush()


@dataclass(frozen=True)
class Plan:
    """What the platform asks for one case and what the test expects back."""

    request: PreservationRequested
    outcome: str
    docketed: bool = False
    dismissed: bool = False


def plan_case(plaintiff: str, courts: tuple[str, ...], index: int) -> Plan:
    loan = LoanFactory(plaintiff, courts).overdue(index)
    claim = loan.arrears.total
    stage = PreservationStage.PRE_SUIT if index // 10 % 2 else PreservationStage.IN_SUIT
    share = Decimal("1") if stage is PreservationStage.PRE_SUIT else Decimal("0.3")
    required = (claim * share).quantize(Decimal("0.01"), ROUND_CEILING)
    category = index % 10
    kind = (
        GuaranteeKind.INSURANCE_POLICY if category == 3 else GuaranteeKind.CASH_DEPOSIT
    )
    amount = required if category == 3 else claim
    assets = [
        Asset(
            kind=AssetKind.BANK_ACCOUNT,
            identifier=f"6222{index:012d}{plaintiff[-2:]}",
            value=claim,
            details={"institution": "中国工商银行"},
        )
    ]
    if index % 7 == 0:
        assets.append(
            Asset(
                kind=AssetKind.VEHICLE_OR_SHIP,
                identifier=f"京A{index:05d}",
                value=Decimal("30000"),
            )
        )
    if category == 2:
        assets = [
            Asset(kind=AssetKind.BANK_ACCOUNT, identifier="名下存款线索", lead=True)
        ]
    materials = [m for m in MaterialKind if m is not MaterialKind.OTHER]
    if category == 0:
        materials.remove(MaterialKind.EVIDENCE)
    request = PreservationRequested(
        plaintiff_id=plaintiff,
        request_id=f"pr-{index:05d}",
        case_id=loan.case_id,
        stage=stage,
        court_id=loan.agreed_court_id,
        respondent=Respondent(
            name=loan.borrower.name, id_number=loan.borrower.id_number
        ),
        assets=tuple(assets),
        materials=tuple(materials),
        guarantee=None if category == 1 else Guarantee(kind=kind, amount=amount),
        claim_amount=claim,
        requested_at=START,
    )
    if category in (0, 1):
        outcome = "returned"
    elif category == 3 and index % 20 == 3:
        outcome = "rejected"
    else:
        outcome = "applied"
    pre_suit = stage is PreservationStage.PRE_SUIT
    return Plan(
        request,
        outcome,
        docketed=pre_suit and index // 3 % 2 == 0,
        dismissed=not pre_suit and index % 9 == 4,
    )


@pytest.fixture
async def tracker(infra: Infra, tmp_path: Path) -> AsyncIterator[ServiceUnderTest]:
    run = run_id()
    anchor = time.time()
    service = ServiceUnderTest(
        infra, "services.preservation_tracker", f"preservation_{run}", run, tmp_path
    )
    service.extra_env.update(
        {
            "RECOURSE_CLOCK": scaled_setting(START, 86400 / SLOW_DAY, anchor),
            "RECOURSE_PRESERVATION_RENEWAL_LEAD_DAYS": "60",
            "RECOURSE_SWEEP_INTERVAL_SECONDS": "0.05",
            "RECOURSE_BATCH_MAX_RECORDS": "200",
        }
    )
    yield service
    service.stop()


def china_day(moment: datetime) -> date:
    return (moment.astimezone(UTC) + CHINA).date()


@dataclass
class Expect:
    """Counts the run must produce, worked out from what the court ordered."""

    orders: int = 0
    beyond_cap: int = 0
    lapses: int = 0
    exposures: int = 0
    reminders: int = 0
    renewals: int = 0
    urgent: int = 0
    expired_lifts: int = 0
    expiries: list[date] = field(default_factory=list)
    lifted: dict[str, LiftReason] = field(default_factory=dict)
    fees: dict[str, Decimal] = field(default_factory=dict)

    def lifts(self, reason: LiftReason) -> int:
        return sum(r is reason for r in self.lifted.values())

    def add_order(self, plan: Plan, order: PreservationOrdered) -> None:
        self.orders += 1
        self.beyond_cap += sum(
            m.expiry_date > add_years(m.start_date, TERM_YEARS[m.asset_kind])
            for m in order.measures
        )
        if not order.measures:
            return
        if plan.dismissed:
            self.exposures += 1
            return
        if plan.request.stage is PreservationStage.PRE_SUIT and not plan.docketed:
            self.lapses += 1
            return
        banks = [m for m in order.measures if m.asset_kind is AssetKind.BANK_ACCOUNT]
        renewed = [m for m in banks if renews(m.asset_identifier)]
        self.reminders += len(banks)
        self.renewals += len(renewed)
        self.urgent += len(banks) - len(renewed)
        self.expired_lifts += len(banks) == len(order.measures) and not renewed
        for m in banks:
            self.expiries.append(m.expiry_date)


def serial(text: str) -> int:
    return zlib.crc32(text.encode()) % 9999 + 1


def renews(asset: str) -> bool:
    return zlib.crc32(asset.encode()) % 2 == 0


async def test_several_hundred_requests_of_two_platforms_run_to_their_end_state(
    infra: Infra, tracker: ServiceUnderTest
) -> None:
    run = tracker.run
    plaintiffs = [f"{run}-p0", f"{run}-p1"]
    courts = (f"{run}-c0", f"{run}-c1")
    clock = ScaledClock(START, 86400 / SLOW_DAY, _anchor(tracker))
    plans = {
        (p, f"pr-{i:05d}"): plan_case(p, courts, i)
        for p in plaintiffs
        for i in range(CASES_PER_PLATFORM)
    }
    court_topics = [
        topics.court_topic(c, k) for c in courts for k in ("filings", "rulings")
    ]
    notice_topics = [topics.tenant_topic(p, "notices") for p in plaintiffs]
    request_topics = [
        topics.tenant_topic(p, "preservation-requests") for p in plaintiffs
    ]
    dlq = topics.dlq_topic("preservation-tracker")
    watched = [*court_topics, *notice_topics, topics.PRESERVATION, dlq]
    await create_topics(
        infra.bootstrap_servers,
        [*watched, *request_topics, topics.FILING, topics.FEES],
    )
    court = Court(clock)
    expect = Expect()
    rng = random.Random(5)
    async with (
        Tap(infra.bootstrap_servers, watched, set(plaintiffs)) as tap,
        Publisher(infra.bootstrap_servers) as publisher,
    ):
        for (plaintiff, _), plan in plans.items():
            await publisher.event(
                topics.tenant_topic(plaintiff, "preservation-requests"),
                plan.request,
                plaintiff,
            )
        await publisher.flush()
        tracker.start()
        await tracker.wait_for_count(
            "SELECT count(*) FROM applications", 120, 60, tracker.assert_alive
        )
        tracker.kill()
        at_first_kill = await tracker.fetchval("SELECT count(*) FROM applications")
        tracker.start()
        await tracker.wait_for_count(
            "SELECT count(*) FROM applications", len(plans), 60, tracker.assert_alive
        )
        queued = await tracker.wait_for_count(
            "SELECT count(*) FROM review_items WHERE escalated_at IS NOT NULL",
            sum(p.request.request_id[-1] in "23" for p in plans.values()),
            30,
            tracker.assert_alive,
        )
        for title, read in (
            ("on_preservation", [topics.PRESERVATION]),
            ("on_filing", [topics.FILING]),
            ("on_tenant_preservation_requests", request_topics),
        ):
            await wait_until_consumed(
                infra.bootstrap_servers, tracker.group(title), read, 90
            )
        items = await fetch(tracker.schema, QUEUE, None)
        decisions = [
            decision_for(
                item,
                plans[(item["plaintiff_id"], item["request_id"])].outcome == "applied",
                "审核员王",
                None,
                clock.now(),
            )
            for item in items
        ]
        await publish_decisions(infra.bootstrap_servers, decisions)
        stray = PreservationRenewed(
            court_id=courts[0],
            plaintiff_id=plaintiffs[0],
            application_id="pa-never-applied",
            asset_identifier="6222",
            expiry_date=date(2027, 1, 1),
            renewed_at=clock.now(),
        )
        await publisher.event(topics.court_topic(courts[0], "rulings"), stray, "x")
        killed_again = False
        ordered: set[str] = set()
        give_up = time.monotonic() + 150
        while True:
            if time.monotonic() > give_up:
                counts = (expect.orders, len(expect.lifted), clock.now())
                raise AssertionError(f"no end state in time: {counts}")
            for record in await tap.poll():
                await react(record, plans, court, clock, rng, expect, ordered)
            await court.publish_due(publisher)
            lapsed = expect.lifts(LiftReason.SUIT_NOT_FILED)
            reminders_from = min(expect.expiries, default=date.max) - timedelta(days=60)
            if not killed_again and china_day(clock.now()) > reminders_from - timedelta(
                days=120
            ):
                raise AssertionError("the tracker was not killed before renewals")
            if (
                not killed_again
                and expect.lapses
                and lapsed >= expect.lapses // 2
                and await all_filings_recorded(tracker, plans, expect)
            ):
                clock = faster(tracker, clock.now())
                court.clock = clock
                killed_again = True
            tracker.assert_alive()
            if finished(expect, plans, clock, killed_again):
                break
        await settle(tap, 2.0)
        upcoming = await fetch(
            tracker.schema, UPCOMING, clock.now() + timedelta(days=3 * 365)
        )

    returned = tap.distinct("PreservationApplicationReturned")
    applied = tap.distinct("PreservationApplied")
    submitted = tap.distinct("PreservationApplicationSubmitted")
    orders = tap.distinct("PreservationOrderRecorded")
    reminders = list(tap.distinct("FreezeRenewalDue").values())
    lifted = list(tap.distinct("PreservationLifted").values())
    warned = tap.distinct("PreSuitDeadlineWarned")
    renewed = tap.distinct("MeasureRenewed")
    renewals_applied = tap.distinct("RenewalApplied")
    renewals_filed = tap.distinct("PreservationRenewalSubmitted")
    exposures = tap.distinct("WrongfulApplicationExposureFlagged")
    escalated = tap.distinct("ReviewEscalated")
    notices = tap.distinct("PlatformNotice")
    outcomes = [p.outcome for p in plans.values()]
    report = {
        "requests": len(plans),
        "returned": len(returned),
        "applied": len(applied),
        "reviewed": len(items),
        "escalated": len(escalated),
        "orders": len(orders),
        "beyond_cap": sum(len(o.terms_beyond_cap) for o in orders.values()),
        "reminders": sum(not r.urgent for r in reminders),
        "urgent_reminders": sum(r.urgent for r in reminders),
        "renewals_applied": len(renewals_applied),
        "renewals": len(renewed),
        "lapse_warnings": len(warned),
        "lapses": sum(lift.reason == "suit_not_filed" for lift in lifted),
        "expired": sum(lift.reason == "expired" for lift in lifted),
        "exposures": len(exposures),
        "notices": len(notices),
        "first_kill_at": at_first_kill,
        "open_deadlines": len(upcoming),
    }
    print("preservation run:", report)
    assert report["returned"] == outcomes.count("returned") + outcomes.count("rejected")
    assert report["applied"] == len(submitted) == outcomes.count("applied")
    assert report["escalated"] == queued == len(items)
    assert report["orders"] == expect.orders == report["applied"]
    assert report["beyond_cap"] == expect.beyond_cap
    assert report["lapses"] == expect.lapses > 0
    assert report["lapse_warnings"] == 2 * expect.lapses
    assert report["exposures"] == expect.exposures > 0
    assert report["reminders"] == expect.reminders > 0
    assert report["renewals_applied"] == len(renewals_filed) == expect.reminders
    assert report["renewals"] == expect.renewals > 0
    assert {a.application_id: a.fee for a in applied.values()} == expect.fees
    assert report["urgent_reminders"] == expect.urgent
    assert report["expired"] == expect.expired_lifts
    assert await tracker.fetchval("SELECT count(*) FROM applications") == len(plans)
    assert await tracker.fetchval(
        "SELECT count(*) FROM applications WHERE status = 'lifted'"
    ) == len(lifted)
    assert await tracker.fetchval(
        "SELECT count(*) FROM deadlines WHERE done_at IS NOT NULL"
    ) >= len(reminders) + len(warned)
    assert (
        await tracker.fetchval("SELECT count(*) FROM outbox WHERE sent_at IS NULL") == 0
    )
    assert len({r.notice_id for r in notices.values()}) == len(notices)
    assert upcoming and [r["due_on"] for r in upcoming] == sorted(
        r["due_on"] for r in upcoming
    )
    letters = [r for r in tap.records if r.topic == dlq and r.key == b"x"]
    assert len(letters) == 1
    assert "pa-never-applied" in (header(letters[0], "dlq_reason") or "")


def faster(tracker: ServiceUnderTest, now: datetime) -> ScaledClock:
    """SIGKILL the tracker and restart it on the fast clock, from `now` on."""
    anchor = time.time()
    tracker.kill()
    tracker.extra_env["RECOURSE_CLOCK"] = scaled_setting(now, 86400 / FAST_DAY, anchor)
    tracker.start()
    return ScaledClock(now, 86400 / FAST_DAY, anchor)


def _anchor(service: ServiceUnderTest) -> float:
    return float(service.extra_env["RECOURSE_CLOCK"].rsplit("anchor=", 1)[1])


async def react(
    record: Record,
    plans: dict[tuple[str, str], Plan],
    court: Court,
    clock: ScaledClock,
    rng: random.Random,
    expect: Expect,
    ordered: set[str],
) -> None:
    """Act as fee-calculator and the court on what the tracker sent them."""
    kind = header(record, "ce_type") or ""
    if kind.endswith(".PreservationApplicationCompleted.v1"):
        completed = decode(kind, record.value or b"")
        assert isinstance(completed, PreservationApplicationCompleted)
        assessed = preservation_fee(completed, clock.now())
        expect.fees[completed.application_id] = assessed.amount
        court.schedule(clock.now(), topics.FEES, assessed, completed.plaintiff_id)
    elif kind.endswith(".PreservationApplicationSubmitted.v1"):
        app = decode(kind, record.value or b"")
        assert isinstance(app, PreservationApplicationSubmitted)
        if app.application_id in ordered:
            return
        ordered.add(app.application_id)
        plan = next(p for p in plans.values() if p.request.case_id == app.case_id)
        planned = plan_order(app, clock.now(), rng)
        event = planned.order(len(ordered))
        expect.add_order(plan, event)
        rulings = topics.court_topic(app.court_id, "rulings")
        court.schedule(planned.ordered_at, rulings, event, app.application_id)
        follow_up(court, plan, event, planned.ordered_at)
    elif kind.endswith(".PreservationLifted.v1"):
        lift = decode(kind, record.value or b"")
        assert isinstance(lift, PreservationLifted)
        expect.lifted[header(record, "ce_id") or ""] = lift.reason
    elif kind.endswith(".PreservationRenewalSubmitted.v1"):
        asked = decode(kind, record.value or b"")
        assert isinstance(asked, PreservationRenewalSubmitted)
        if not renews(asked.asset_identifier):
            return
        renewal = PreservationRenewed(
            court_id=asked.court_id,
            plaintiff_id=asked.plaintiff_id,
            application_id=asked.application_id,
            asset_identifier=asked.asset_identifier,
            expiry_date=asked.expiry_date + timedelta(days=365),
            renewed_at=clock.now() + timedelta(days=2),
        )
        court.schedule(
            renewal.renewed_at,
            topics.court_topic(renewal.court_id, "rulings"),
            renewal,
            renewal.application_id,
        )


def follow_up(
    court: Court, plan: Plan, order: PreservationOrdered, at: datetime
) -> None:
    """The suit is filed five days later, or the claim is dismissed ten days on."""
    request = plan.request
    if plan.docketed:
        filed_at = at + timedelta(days=5)
        court.schedule(
            filed_at,
            topics.FILING,
            CaseDocketed(
                plaintiff_id=request.plaintiff_id,
                case_id=request.case_id,
                batch_id=f"b-{request.case_id}",
                court_id=request.court_id,
                docket_number=f"(2026)京0105民初{serial(request.case_id)}号",
                docketed_at=filed_at,
            ),
            request.plaintiff_id,
        )
    if plan.dismissed and order.measures:
        judged_at = at + timedelta(days=10)
        court.schedule(
            judged_at,
            topics.court_topic(request.court_id, "rulings"),
            JudgmentIssued(
                court_id=request.court_id,
                plaintiff_id=request.plaintiff_id,
                case_id=request.case_id,
                docket_number="(2026)京0105民初77号",
                defendant=request.respondent,
                defendant_sex=Sex.MALE,
                defendant_birth_date=date(1990, 1, 1),
                outcome=JudgmentOutcome.DISMISSED,
                principal_awarded=Decimal("0"),
                interest_awarded=Decimal("0"),
                costs_awarded=Decimal("0"),
                reserved_interest_claim=False,
                obligation="驳回原告的全部诉讼请求",
                judged_at=judged_at,
            ),
            request.plaintiff_id,
        )


async def all_filings_recorded(
    tracker: ServiceUnderTest, plans: dict[tuple[str, str], Plan], expect: Expect
) -> bool:
    """Killing the tracker is safe for the 30-day rule once it knows every filing."""
    applied = sum(p.outcome == "applied" for p in plans.values())
    filed = sum(p.outcome == "applied" and p.docketed for p in plans.values())
    if expect.orders < applied:
        return False
    known = await tracker.fetchval(
        "SELECT count(*) FROM cases WHERE plaintiff_id LIKE $1", f"{tracker.run}-%"
    )
    return int(str(known)) >= filed


def finished(
    expect: Expect,
    plans: dict[tuple[str, str], Plan],
    clock: ScaledClock,
    killed_again: bool,
) -> bool:
    applied = sum(p.outcome == "applied" for p in plans.values())
    if not killed_again or expect.orders < applied or not expect.expiries:
        return False
    if china_day(clock.now()) <= max(expect.expiries) + timedelta(days=3):
        return False
    if china_day(clock.now()) > max(expect.expiries) + timedelta(days=200):
        raise AssertionError("the run did not reach its end state in time")
    return expect.lifts(LiftReason.EXPIRED) >= expect.expired_lifts


async def settle(tap: Tap, quiet: float) -> None:
    last = time.monotonic()
    while time.monotonic() - last < quiet:
        if await tap.poll(timeout_ms=200):
            last = time.monotonic()
