"""1,000 file-suit cases through fee-calculator, filing-batcher and the court.

The test plays triage (it publishes `CaseTriaged`) and the platforms (it pays
each `FeeInvoiceIssued` it reads on the tenants' notices). fee-calculator,
filing-batcher and the court simulator run as their own processes on one
scaled clock, on which the 16:00 cut-off comes shortly after the cases are in.
"""

import asyncio
import json
import time
from collections import Counter, defaultdict
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.structs import ConsumerRecord

from contracts import topics
from contracts.base import Contract
from contracts.contact import StatedReason
from contracts.court import BatchFilingSubmitted
from contracts.fees import FeeAssessed, FeeInvoiceIssued, InvoiceSettled
from contracts.filing import BatchSealed, CaseDocketed, CaseRejected
from contracts.loans import CaseSummary
from contracts.notices import NoticeKind, PlatformNotice
from contracts.platform import FeePaymentMade
from contracts.registry import decode, event_type
from contracts.triage import CaseFeatures, CaseTriaged, Reason, TriageDecision
from recourse.simulators.loans import LoanFactory
from services.fee_calculator.domain.schedules import FeeKind
from services.fee_calculator.domain.statutory import quote_fee
from services.filing_batcher.domain.docket import parse_docket
from shared.clock import ScaledClock, scaled_setting
from tests.support.infra import Infra
from tests.support.kafka import Publisher, create_topics, header
from tests.support.services import ServiceUnderTest, run_id

pytestmark = pytest.mark.integration
Record = ConsumerRecord[bytes, bytes]
E = TypeVar("E", bound=Contract)
CASES = 1000
PLAINTIFFS = 3
FACTOR = 600.0  # one real second is ten simulated minutes
CUTOFF = datetime(2026, 12, 3, 8, 0, tzinfo=UTC)  # Thursday 16:00 in China
INTERNAL = (topics.TRIAGE, topics.FEES, topics.FILING, topics.PRESERVATION)
COURT_CODES = ("京0105", "沪0115")
ANSWERED = (
    "SELECT count(*) FROM cases"
    " WHERE docket_number IS NOT NULL OR rejection_reason IS NOT NULL"
)


async def _partitions(
    consumer: AIOKafkaConsumer, names: list[str]
) -> list[TopicPartition]:
    deadline = time.monotonic() + 30
    while True:
        await consumer._client.force_metadata_update()
        found = {n: consumer.partitions_for_topic(n) for n in names}
        if all(found.values()):
            return [TopicPartition(n, p) for n, ps in found.items() for p in ps or ()]
        if time.monotonic() > deadline:
            raise AssertionError(f"topics never appeared: {found}")
        await asyncio.sleep(0.2)


INTERNAL_READERS = {
    "services.fee_calculator": ("on_triage", "on_filing", "on_preservation"),
    "services.filing_batcher": ("on_fees",),
}


async def start_group_at_end(
    bootstrap: str, service: ServiceUnderTest, names: tuple[str, ...]
) -> None:
    """A new deployment reads the shared internal topics from now on only."""
    await create_topics(bootstrap, list(names))
    for title in INTERNAL_READERS.get(service.module, ()):
        consumer = AIOKafkaConsumer(
            bootstrap_servers=bootstrap,
            group_id=service.group(title),
            enable_auto_commit=False,
        )
        await consumer.start()
        try:
            assigned = await _partitions(consumer, list(names))
            consumer.assign(assigned)
            await consumer.commit(dict(await consumer.end_offsets(assigned)))
        finally:
            await consumer.stop()


@dataclass
class Tap:
    """Collects what is appended to several topics after it was opened."""

    bootstrap: str
    run: str
    names: list[str]
    records: list[Record] = field(default_factory=list)

    async def __aenter__(self) -> "Tap":
        await create_topics(self.bootstrap, self.names)
        self._consumer = AIOKafkaConsumer(
            bootstrap_servers=self.bootstrap, enable_auto_commit=False
        )
        await self._consumer.start()
        assigned = await _partitions(self._consumer, self.names)
        self._consumer.assign(assigned)
        for tp, offset in (await self._consumer.end_offsets(assigned)).items():
            self._consumer.seek(tp, offset)
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._consumer.stop()

    async def poll(self) -> None:
        batches = await self._consumer.getmany(timeout_ms=200, max_records=5000)
        self.records.extend(r for batch in batches.values() for r in batch)

    async def settle(self, quiet: float = 3.0) -> None:
        last, changed = len(self.records), time.monotonic()
        while time.monotonic() - changed < quiet:
            await self.poll()
            if len(self.records) != last:
                last, changed = len(self.records), time.monotonic()

    def events(self, model: type[E]) -> list[tuple[str, E]]:
        """(CloudEvents id, event) of one type for this run's plaintiffs."""
        wanted = event_type(model)
        found = []
        for record in self.records:
            if header(record, "ce_type") != wanted:
                continue
            event = decode(wanted, record.value or b"")
            assert isinstance(event, model)
            if str(getattr(event, "plaintiff_id", "")).startswith(self.run):
                found.append((header(record, "ce_id") or "", event))
        return found

    def unique(self, model: type[E]) -> list[E]:
        """Events of one type, each CloudEvents id once: redeliveries collapse."""
        return list(dict(self.events(model)).values())


@dataclass
class Flow:
    infra: Infra
    run: str
    clock: ScaledClock
    fees: ServiceUnderTest
    filing: ServiceUnderTest
    court: ServiceUnderTest

    @property
    def plaintiffs(self) -> list[str]:
        return [f"{self.run}-p{i}" for i in range(PLAINTIFFS)]

    @property
    def courts(self) -> tuple[str, str]:
        return (f"{self.run}-c0", f"{self.run}-c1")

    @property
    def services(self) -> list[ServiceUnderTest]:
        return [self.fees, self.filing, self.court]

    def assert_alive(self) -> None:
        for service in self.services:
            service.assert_alive()

    def tap(self) -> Tap:
        names = [topics.FEES, topics.FILING]
        names += [topics.tenant_topic(p, "notices") for p in self.plaintiffs]
        names += [topics.court_topic(c, "filings") for c in self.courts]
        return Tap(self.infra.bootstrap_servers, self.run, names)

    async def start(self) -> None:
        edges = [topics.tenant_topic(p, "payments") for p in self.plaintiffs]
        edges += [topics.court_topic(c, "rulings") for c in self.courts]
        await create_topics(self.infra.bootstrap_servers, edges)
        for service in self.services:
            await start_group_at_end(self.infra.bootstrap_servers, service, INTERNAL)
            service.start()

    async def count(self, service: ServiceUnderTest, query: str) -> int:
        value = await service.fetchval(query)
        return int(str(value))


def registries(run: str, folder: Path) -> dict[str, str]:
    courts = [
        {"id": f"{run}-c{i}", "code": code, "name": f"测试法院{i}", "region": "测试"}
        for i, code in enumerate(COURT_CODES)
    ]
    plaintiffs = [
        {
            "id": f"{run}-p{i}",
            "name": f"测试网络小额贷款有限公司{i}",
            "credit_code": f"91110105MA01TEXT{i}X",
            "representative": "王测试",
            "address": "北京市朝阳区测试路1号",
        }
        for i in range(PLAINTIFFS)
    ]
    (folder / "courts.json").write_text(json.dumps(courts, ensure_ascii=False))
    (folder / "plaintiffs.json").write_text(json.dumps(plaintiffs, ensure_ascii=False))
    return {
        "RECOURSE_COURT_REGISTRY": str(folder / "courts.json"),
        "RECOURSE_PLAINTIFF_REGISTRY": str(folder / "plaintiffs.json"),
    }


FlowFactory = Callable[[float, dict[str, str]], Flow]


@pytest.fixture
async def make_flow(infra: Infra, tmp_path: Path) -> AsyncIterator[FlowFactory]:
    made: list[Flow] = []

    def make(cutoff_after_seconds: float, extra: dict[str, str]) -> Flow:
        run, anchor = run_id(), time.time()
        start = CUTOFF - timedelta(seconds=cutoff_after_seconds * FACTOR)
        env = {
            **registries(run, tmp_path),
            "RECOURSE_CLOCK": scaled_setting(start, FACTOR, anchor),
            "RECOURSE_SWEEP_INTERVAL_SECONDS": "0.2",
            "RECOURSE_COURT_MIN_DECISION_HOURS": "0.5",
            "RECOURSE_COURT_MAX_DECISION_HOURS": "3",
            **extra,
        }

        def service(module: str, schema: str) -> ServiceUnderTest:
            return ServiceUnderTest(
                infra, module, f"{schema}_{run}", run, tmp_path, extra_env=dict(env)
            )

        flow = Flow(
            infra,
            run,
            ScaledClock(start, FACTOR, anchor),
            service("services.fee_calculator", "fees"),
            service("services.filing_batcher", "filing"),
            service("recourse.simulators.court", "court"),
        )
        made.append(flow)
        return flow

    yield make
    for flow in made:
        for service in flow.services:
            service.stop()


def triaged(plaintiff: str, index: int, courts: tuple[str, str]) -> CaseTriaged:
    loan = LoanFactory(plaintiff, courts).overdue(index)
    return CaseTriaged(
        plaintiff_id=plaintiff,
        case_id=loan.case_id,
        revision=1,
        decision=TriageDecision.FILE_SUIT,
        score=Decimal("0.12"),
        reasons=(Reason(rule="file_suit", text="未触达本人且未说明困难原因"),),
        features=CaseFeatures(
            principal=loan.loan.principal,
            principal_owed=loan.arrears.principal_owed,
            term_months=loan.loan.term_months,
            overdue_days=loan.arrears.overdue_days,
            attempts=6,
            reached=1,
            reach_rate=Decimal("0.166667"),
            right_party_reached=False,
            stated_reason=StatedReason.NONE,
            product_complexity=loan.loan.product_complexity,
            profile=loan.borrower.profile,
        ),
        decided_at=datetime.now(UTC),
        case=CaseSummary(
            borrower=loan.borrower,
            loan=loan.loan,
            arrears=loan.arrears,
            agreed_court_id=loan.agreed_court_id,
            e_service_consent=loan.e_service_consent,
        ),
    )


async def publish_cases(flow: Flow) -> list[CaseTriaged]:
    cases = [
        triaged(flow.plaintiffs[n % PLAINTIFFS], n // PLAINTIFFS, flow.courts)
        for n in range(CASES)
    ]
    async with Publisher(flow.infra.bootstrap_servers) as publisher:
        for case in cases:
            await publisher.event(topics.TRIAGE, case, case.plaintiff_id)
        await publisher.flush()
    return cases


async def admit_before_cutoff(flow: Flow, kill_at: int | None = None) -> None:
    """Wait until filing-batcher holds every case, killing it once on the way."""
    query = "SELECT count(*) FROM cases"
    if kill_at is not None:
        await flow.filing.wait_for_count(query, kill_at, 90, flow.assert_alive)
        flow.filing.kill()
        flow.filing.start()
    await flow.filing.wait_for_count(query, CASES, 120, flow.assert_alive)
    assert flow.clock.now() < CUTOFF, "cases arrived after the cut-off"


async def pay_and_wait(
    flow: Flow, tap: Tap, done: Callable[[], Awaitable[bool]], timeout: float
) -> None:
    """Pay each invoice in full as it is issued, until `done`."""
    paid: set[str] = set()
    deadline = time.monotonic() + timeout
    async with Publisher(flow.infra.bootstrap_servers) as publisher:
        while not await done():
            flow.assert_alive()
            assert time.monotonic() < deadline, f"not done after {timeout:.0f}s"
            await tap.poll()
            for invoice in tap.unique(FeeInvoiceIssued):
                if invoice.invoice_id in paid:
                    continue
                payment = FeePaymentMade(
                    plaintiff_id=invoice.plaintiff_id,
                    payment_id=f"pay-{invoice.batch_id}",
                    invoice_id=invoice.invoice_id,
                    amount=invoice.amount,
                    paid_at=datetime.now(UTC),
                )
                topic = topics.tenant_topic(invoice.plaintiff_id, "payments")
                await publisher.event(topic, payment, invoice.plaintiff_id)
                paid.add(invoice.invoice_id)
            await publisher.flush()


def answered(tap: Tap) -> set[str]:
    return {e.case_id for e in tap.unique(CaseDocketed)} | {
        e.case_id for e in tap.unique(CaseRejected)
    }


async def assert_drained(flow: Flow) -> None:
    for service in flow.services:
        unsent = "SELECT count(*) FROM outbox WHERE sent_at IS NULL"
        assert await flow.count(service, unsent) == 0, service.module
        letters = await service.fetchval(
            "SELECT count(*) FROM outbox WHERE topic LIKE 'dlq.%' AND key LIKE $1",
            f"{flow.run}%".encode(),
        )
        assert letters == 0, service.module


def assert_batches(tap: Tap, cases: list[CaseTriaged]) -> dict[str, BatchSealed]:
    """Every case in exactly one batch of 100 to 200 of one plaintiff and court."""
    sealed = {b.batch_id: b for b in tap.unique(BatchSealed)}
    assert len(sealed) == len(tap.unique(BatchSealed)), "a batch sealed twice"
    owner = {
        c.case_id: (c.plaintiff_id, c.case.agreed_court_id) for c in cases if c.case
    }
    batched = Counter(c for b in sealed.values() for c in b.case_ids)
    assert set(batched) == set(owner)
    assert set(batched.values()) == {1}
    for batch in sealed.values():
        assert 100 <= len(batch.case_ids) <= 200, batch.batch_id
        group = {owner[c] for c in batch.case_ids}
        assert group == {(batch.plaintiff_id, batch.court_id)}
    return sealed


def assert_invoices(
    tap: Tap, sealed: dict[str, BatchSealed], cases: list[CaseTriaged]
) -> dict[str, FeeInvoiceIssued]:
    """One invoice per batch, exactly the statutory fees of its cases."""
    fees = {f.case_id: f for f in tap.unique(FeeAssessed)}
    assert set(fees) == {c.case_id for c in cases}
    for case in cases:
        assert case.case is not None
        arrears = case.case.arrears
        claim = arrears.total
        statute = quote_fee(FeeKind.ACCEPTANCE, claim, CUTOFF.date())
        assert fees[case.case_id].claim_amount == claim
        assert fees[case.case_id].amount == statute.amount
    invoices = {i.batch_id: i for i in tap.unique(FeeInvoiceIssued)}
    assert set(invoices) == set(sealed)
    for batch_id, invoice in invoices.items():
        lines = {line.case_id: line.amount for line in invoice.case_fees}
        assert set(lines) == set(sealed[batch_id].case_ids)
        assert invoice.amount == sum(fees[c].amount for c in lines)
        assert invoice.amount == sum(lines.values())
    return invoices


def assert_filed(
    tap: Tap, sealed: dict[str, BatchSealed], invoices: dict[str, FeeInvoiceIssued]
) -> None:
    """Each paid batch went to its court once, with every complaint."""
    settled = Counter(s.batch_id for s in tap.unique(InvoiceSettled))
    assert settled == dict.fromkeys(sealed, 1)
    filings = tap.unique(BatchFilingSubmitted)
    assert Counter(f.batch_id for f in filings) == dict.fromkeys(sealed, 1)
    for filing in filings:
        filed = [c.case_id for c in filing.cases]
        assert sorted(filed) == sorted(sealed[filing.batch_id].case_ids)
        assert filing.fee_paid == invoices[filing.batch_id].amount


def assert_docketed_once(tap: Tap, flow: Flow, expected: int) -> list[CaseDocketed]:
    """One docket number per docketed case; numbers unique, serials contiguous."""
    events = tap.events(CaseDocketed)
    ids_per_case = defaultdict(set)
    for ce_id, event in events:
        ids_per_case[event.case_id].add(ce_id)
    assert all(len(ids) == 1 for ids in ids_per_case.values()), "case docketed twice"
    docketed = tap.unique(CaseDocketed)
    assert len(docketed) == expected
    numbers = [d.docket_number for d in docketed]
    assert len(set(numbers)) == len(numbers)
    codes = dict(zip(flow.courts, COURT_CODES, strict=True))
    by_court: dict[str, list[tuple[datetime, int]]] = defaultdict(list)
    for d in docketed:
        parsed = parse_docket(d.docket_number)
        assert (parsed.court_code, parsed.case_type) == (codes[d.court_id], "民初")
        by_court[d.court_id].append((d.docketed_at, parsed.serial))
    for serials in by_court.values():
        in_time_order = [serial for _at, serial in sorted(serials)]
        assert in_time_order == list(range(1, len(serials) + 1))
    notices = {
        n.case_id
        for n in tap.unique(PlatformNotice)
        if n.kind is NoticeKind.DOCKET_NUMBER
    }
    assert notices == {d.case_id for d in docketed}
    return docketed


async def test_thousand_cases_are_batched_invoiced_filed_and_docketed_once(
    make_flow: FlowFactory,
) -> None:
    flow = make_flow(40.0, {"RECOURSE_COURT_REJECT_SHARE": "0"})
    async with flow.tap() as tap:
        await flow.start()
        began, began_sim = time.monotonic(), flow.clock.now()
        cases = await publish_cases(flow)
        await admit_before_cutoff(flow)

        async def all_docketed() -> bool:
            return len(answered(tap)) >= CASES

        await pay_and_wait(flow, tap, all_docketed, 150)
        finished, finished_sim = time.monotonic(), flow.clock.now()
        await tap.settle()

    sealed = assert_batches(tap, cases)
    invoices = assert_invoices(tap, sealed, cases)
    assert_filed(tap, sealed, invoices)
    docketed = assert_docketed_once(tap, flow, CASES)
    await assert_drained(flow)
    ledger = await flow.count(flow.fees, "SELECT count(*) FROM panel_ledger")
    assert ledger == 3 * CASES
    last_docket = max(d.docketed_at for d in docketed)
    print(  # the run's numbers, for the issue note
        json.dumps(
            {
                "batches": len(sealed),
                "sizes": sorted(len(b.case_ids) for b in sealed.values()),
                "seal_reasons": sorted({b.reason.value for b in sealed.values()}),
                "invoice_totals": {
                    k: str(v.amount) for k, v in sorted(invoices.items())
                },
                "all_invoices": str(sum(v.amount for v in invoices.values())),
                "first_case_to_last_docket_seconds": round(finished - began, 1),
                "first_case_to_last_docket_simulated_hours": round(
                    (last_docket - began_sim) / timedelta(hours=1), 2
                ),
                "simulated_now_at_end": finished_sim.isoformat(),
            },
            ensure_ascii=False,
        )
    )


async def test_killed_filing_batcher_loses_and_repeats_no_batch_filing_or_answer(
    make_flow: FlowFactory,
) -> None:
    flow = make_flow(
        60.0,
        {"RECOURSE_COURT_REJECT_SHARE": "0.05", "RECOURSE_BATCH_MAX_RECORDS": "50"},
    )
    killed_mid_answers = False
    async with flow.tap() as tap:
        await flow.start()
        cases = await publish_cases(flow)
        await admit_before_cutoff(flow, kill_at=300)

        async def kill_once_then_wait_for_all() -> bool:
            nonlocal killed_mid_answers
            if (
                not killed_mid_answers
                and await flow.count(flow.filing, ANSWERED) >= 300
            ):
                flow.filing.kill()
                flow.filing.start()
                killed_mid_answers = True
            return len(answered(tap)) >= CASES

        await pay_and_wait(flow, tap, kill_once_then_wait_for_all, 170)
        await tap.settle()

    sealed = assert_batches(tap, cases)
    invoices = assert_invoices(tap, sealed, cases)
    assert_filed(tap, sealed, invoices)
    rejected = {r.case_id for r in tap.unique(CaseRejected)}
    assert len(tap.unique(CaseRejected)) == len(rejected)
    docketed = assert_docketed_once(tap, flow, CASES - len(rejected))
    assert rejected.isdisjoint(d.case_id for d in docketed)
    assert 0 < len(rejected) < 0.15 * CASES
    assert killed_mid_answers
    assert await flow.count(flow.filing, ANSWERED) == CASES
    await assert_drained(flow)
