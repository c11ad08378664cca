"""The whole system: six service processes, both simulators, 1,000 cases to the end."""

import asyncio
import json
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer

from contracts import topics
from recourse.demo.endstate import FINAL, case_facts
from recourse.demo.ledger import COURT_SCHEMA, Published, read_ledger
from recourse.demo.run import RunConfig, SystemRun
from recourse.simulators.loans import LoanFactory
from shared.masking import contains_unmasked_pii
from tests.support.kafka import Publisher, event_headers

pytestmark = pytest.mark.e2e
PLATFORM = "qianhai-credit"
EXPECTED_LETTERS = Counter({"triage-scorer": 2, "fee-calculator": 1})
# SIGKILL mid-run, once each: preservation orders and judgments are in flight.
CRASHES = {"preservation-tracker": 12, "sanctions-publisher": 24}


async def inject_bad_inputs(bootstrap: str) -> None:
    """Three inputs the services must dead-letter while the run goes on."""
    good = LoanFactory(PLATFORM, ("cn-440305",), seed=99).overdue(1)
    foreign = LoanFactory("jinxin-loans", ("cn-110105",), seed=99).overdue(2)
    async with Publisher(bootstrap) as publisher:
        overdue = topics.tenant_topic(PLATFORM, "overdue")
        await publisher.raw(overdue, b"{not json", PLATFORM, event_headers(good))
        await publisher.event(overdue, foreign, PLATFORM)
        payments = topics.tenant_topic(PLATFORM, "payments")
        await publisher.raw(
            payments,
            json.dumps({"plaintiff_id": PLATFORM, "amount": "-5.00"}).encode(),
            PLATFORM,
            [(k, v) for k, v in event_headers(good) if k != "ce_type"]
            + [("ce_type", b"io.recourse.FeePaymentMade.v1")],
        )


async def public_entries(bootstrap: str) -> list[bytes]:
    consumer = AIOKafkaConsumer(
        topics.PUBLIC_SANCTIONS,
        bootstrap_servers=bootstrap,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
    )
    await consumer.start()
    values: list[bytes] = []
    try:
        while True:
            batches = await consumer.getmany(timeout_ms=3000, max_records=5000)
            if not batches:
                return values
            values += [r.value or b"" for b in batches.values() for r in b]
    finally:
        await consumer.stop()


def by_name(rows: list[Published], name: str) -> list[dict]:
    return [r.body() for r in rows if r.name == name and not r.topic.startswith("dlq.")]


@pytest.fixture
def system(tmp_path: Path):
    run = SystemRun(
        RunConfig(loans=1000, days=45, minutes=3.0, state_dir=tmp_path / "system")
    )
    yield run
    run.stop()


async def test_thousand_cases_reach_exactly_one_end_state_each(
    system: SystemRun,
) -> None:
    system.start()
    await inject_bad_inputs(system.bootstrap_servers)
    crashes = dict(CRASHES)
    while not system.finished():
        system.check_alive()
        for name, day in list(crashes.items()):
            if system.simulated_day() >= day:
                assert system.group is not None
                system.group.kill_and_restart(name)
                print(f"killed and restarted {name} on day {day}")
                del crashes[name]
        await asyncio.sleep(1.0)
    await system.settle()
    court, rows = await taken_up(system.database_url)
    entries = await public_entries(system.bootstrap_servers)

    facts = case_facts(rows)
    opened = {k: f for k, f in facts.items() if f.opened}
    assert len(opened) == 1000
    assert {
        k: f.contradictions() for k, f in opened.items() if f.contradictions()
    } == {}
    states = Counter(f.state() for f in opened.values())
    print("end states:", dict(states))
    assert set(states) <= set(FINAL), states
    assert states["judged"] > 0 and states["returned_to_collection"] > 0, states
    fees = {
        (b["plaintiff_id"], b["case_id"]): Decimal(b["amount"])
        for b in by_name(rows, "FeeAssessed")
        if b.get("fee_kind", "acceptance") == "acceptance"
    }
    for invoice in by_name(rows, "FeeInvoiceIssued"):
        lines = [Decimal(line["amount"]) for line in invoice["case_fees"]]
        assert Decimal(invoice["amount"]) == sum(lines)
        for line in invoice["case_fees"]:
            assert fees[(invoice["plaintiff_id"], line["case_id"])] == Decimal(
                line["amount"]
            )
    assert by_name(rows, "FeeInvoiceIssued")
    for batch in by_name(rows, "BatchSealed"):
        size = len(batch["case_ids"])
        assert size <= 200
        assert size >= 100 or batch["reason"] == "service_level"
    dockets = [b["docket_number"] for b in by_name(rows, "CaseDocketed")]
    assert len(dockets) == len(set(dockets))
    assert entries
    assert not [e for e in entries if contains_unmasked_pii(e.decode())]
    assert not [e for e in entries if b'"phone"' in e or b'"address"' in e]
    assert [r for r in rows if not r.sent] == []
    letters = Counter(r.topic.split(".")[1] for r in rows if r.topic.startswith("dlq."))
    assert letters == EXPECTED_LETTERS
    assert_crashed_services_lost_nothing(rows, court)


def _court_keys(rows: list[Published]) -> tuple[set[str], set[tuple[str, str]]]:
    orders = {b["application_id"] for b in by_name(rows, "PreservationOrdered")}
    orders |= {b["application_id"] for b in by_name(rows, "PreservationOrderRecorded")}
    judged = {
        (b["plaintiff_id"], b["case_id"]) for b in by_name(rows, "JudgmentIssued")
    }
    judged |= {
        (b["plaintiff_id"], b["case_id"])
        for b in by_name(rows, "PlatformNotice")
        if b["kind"] == "judgment"
    }
    return orders, judged


async def taken_up(url: str) -> tuple[list[Published], list[Published]]:
    """The court's and the services' ledgers, once the services have answered
    every ruling the court had published: the court keeps ruling after the run."""
    for _ in range(30):
        court = await read_ledger(url, (COURT_SCHEMA,))
        rows = await read_ledger(url)
        if _court_keys(court) <= _court_keys(rows):
            break
        await asyncio.sleep(1.0)
    return court, rows


def assert_crashed_services_lost_nothing(
    rows: list[Published], court: list[Published]
) -> None:
    """Every order and judgment the court issued was taken up exactly once."""
    assert [r for r in court if not r.sent] == []
    ordered = Counter(
        b["application_id"] for b in by_name(court, "PreservationOrdered")
    )
    recorded = Counter(
        b["application_id"] for b in by_name(rows, "PreservationOrderRecorded")
    )
    assert ordered and set(ordered.values()) == {1}
    assert recorded == ordered
    judgments = Counter(
        (b["plaintiff_id"], b["case_id"]) for b in by_name(court, "JudgmentIssued")
    )
    notices = Counter(
        (b["plaintiff_id"], b["case_id"])
        for b in by_name(rows, "PlatformNotice")
        if b["kind"] == "judgment"
    )
    assert judgments and set(judgments.values()) == {1}
    assert notices == judgments
