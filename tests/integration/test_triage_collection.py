"""Collection to decisions: triage-scorer and contact-notifier as two processes.

Both processes read one manual clock (RECOURSE_CLOCK=manual;file=...) that the
test moves 30 simulated minutes every 0.1 s, so the 7-day collection window
passes in about half a minute, and holds still while contact-notifier is killed
and restarted.
"""

import asyncio
import json
import os
import subprocess
import sys
from collections import Counter
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
import pytest
from aiokafka.structs import ConsumerRecord

from contracts import topics
from recourse.simulators.loans import LoanFactory
from tests.support.infra import Infra
from tests.support.kafka import Publisher, TopicReader, header
from tests.support.manual_clock import SteppedClock
from tests.support.services import ServiceUnderTest, collection_pair, run_id

pytestmark = pytest.mark.integration
Record = ConsumerRecord[bytes, bytes]
COURTS = ("cn-110105", "cn-310115")
START = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
STEP = timedelta(minutes=30)
CASES_PER_TENANT = 250
ATTEMPTS = "SELECT count(*) FROM attempts"
DECIDED = "SELECT count(*) FROM cases WHERE status = 'decided'"


@pytest.fixture
def clock(tmp_path: Path) -> SteppedClock:
    return SteppedClock(tmp_path / "clock", START, STEP, every=0.1)


@pytest.fixture
async def services(
    infra: Infra, tmp_path: Path, clock: SteppedClock
) -> AsyncIterator[tuple[ServiceUnderTest, ServiceUnderTest]]:
    env = {
        "RECOURSE_CLOCK": clock.setting,
        "RECOURSE_SWEEP_INTERVAL_SECONDS": "0.2",
    }
    triage, contact = await collection_pair(infra, tmp_path, env)
    yield triage, contact
    contact.stop()
    triage.stop()


async def publish_cases(infra: Infra, plaintiffs: list[str]) -> None:
    async with Publisher(infra.bootstrap_servers) as publisher:
        for plaintiff in plaintiffs:
            factory = LoanFactory(plaintiff, COURTS)
            topic = topics.tenant_topic(plaintiff, "overdue")
            for index in range(CASES_PER_TENANT):
                await publisher.event(topic, factory.overdue(index), plaintiff)
        await publisher.flush()


def ours(records: list[Record], plaintiffs: list[str], ce_type: str) -> list[Record]:
    keys = {p.encode() for p in plaintiffs}
    return [
        r for r in records if r.key in keys and ce_type in (header(r, "ce_type") or "")
    ]


def distinct_ids(records: list[Record]) -> int:
    return len({header(r, "ce_id") for r in records})


async def wait_until_settled(
    triage: ServiceUnderTest, contact: ServiceUnderTest, timeout: float
) -> None:
    """Nothing left to send, perform, publish or consume on either side."""
    t, c = triage.schema, contact.schema
    checks = [
        f"SELECT count(*) = 0 FROM {t}.scheduled_contacts WHERE status = 'scheduled'",
        f"SELECT count(*) = 0 FROM {t}.scheduled_contacts s"
        f" LEFT JOIN {c}.notices n USING (command_id)"
        " WHERE s.status = 'sent' AND (n.status IS NULL OR n.status = 'pending')",
        f"SELECT count(*) = 0 FROM {t}.outbox WHERE sent_at IS NULL",
        f"SELECT count(*) = 0 FROM {c}.outbox WHERE sent_at IS NULL",
        f"SELECT (SELECT count(*) FROM {t}.attempts)"
        f" = (SELECT count(*) FROM {c}.attempts)",
    ]
    query = "SELECT (" + ") AND (".join(checks) + ")"
    await triage.wait_for_count(
        f"SELECT ({query})::int", 1, timeout, contact.assert_alive
    )


async def test_five_hundred_cases_are_decided_and_a_killed_notifier_loses_no_attempt(
    infra: Infra,
    services: tuple[ServiceUnderTest, ServiceUnderTest],
    clock: SteppedClock,
) -> None:
    triage, contact = services
    plaintiffs = [f"{triage.run}-p0", f"{triage.run}-p1"]
    total = 2 * CASES_PER_TENANT
    contact.extra_env["RECOURSE_BATCH_MAX_RECORDS"] = "50"
    async with (
        TopicReader(infra.bootstrap_servers, topics.CONTACT) as contact_out,
        TopicReader(infra.bootstrap_servers, topics.TRIAGE) as triage_out,
        clock.running(),
    ):
        triage.start()
        contact.start()
        await publish_cases(infra, plaintiffs)
        await contact.wait_for_count(ATTEMPTS, 700, 120, contact.assert_alive)
        held_at = clock.hold()
        contact.kill()
        at_kill = await contact.fetchval(ATTEMPTS)
        contact.start()
        await asyncio.sleep(1.0)
        assert clock.clock.now() == held_at
        clock.resume()
        await triage.wait_for_count(DECIDED, total, 150, triage.assert_alive)
        await wait_until_settled(triage, contact, 60)
        stored = int(await contact.fetchval(ATTEMPTS))  # type: ignore[arg-type]
        await contact_out.wait_for(
            lambda rs: distinct_ids(ours(rs, plaintiffs, "Attempted")) >= stored,
            60,
            "every attempt on the topic",
        )
        await contact_out.settle(3.0)
        await triage_out.settle(3.0)

    attempts = ours(contact_out.records, plaintiffs, "ContactAttempted")
    rows = await contact.fetchval(ATTEMPTS)
    published_ids = {json.loads(r.value)["attempt_id"] for r in attempts}
    stored_ids = await contact.fetchval(
        "SELECT array_agg(attempt_id::text) FROM attempts"
    )
    assert 700 <= at_kill < rows  # type: ignore[operator]
    assert distinct_ids(attempts) == rows
    assert published_ids == set(stored_ids)  # type: ignore[arg-type]
    assert await triage.fetchval(ATTEMPTS) == rows
    assert (
        await contact.fetchval(
            "SELECT count(*) FROM notices n WHERE (SELECT count(*) FROM attempts a"
            " WHERE a.command_id = n.command_id AND (a.status <> 'blocked'"
            " OR a.rescheduled_to IS NULL)) <> 1"
        )
        == 0
    )
    assert await contact.fetchval(
        "SELECT count(*) FROM notices"
    ) == await triage.fetchval(
        "SELECT count(*) FROM scheduled_contacts WHERE status = 'sent'"
    )
    mix = await decision_mix(triage)
    print(f"\ndecision mix of {total} cases: {json.dumps(mix)}")
    assert sum(mix.values()) == total
    assert set(mix) == {"file_suit", "return_to_collection", "return_recover_principal"}
    triaged = ours(triage_out.records, plaintiffs, "CaseTriaged")
    assert len({(r.key, header(r, "ce_subject")) for r in triaged}) == total
    await assert_suits_follow_privacy_notices(triage, contact)


async def decision_mix(triage: ServiceUnderTest) -> dict[str, int]:
    rows = await triage.fetchval(
        "SELECT json_agg(d.decision) FROM cases c JOIN LATERAL (SELECT decision"
        " FROM decisions WHERE plaintiff_id = c.plaintiff_id AND case_id = c.case_id"
        " ORDER BY revision DESC LIMIT 1) d ON true"
    )
    return dict(Counter(json.loads(rows)))  # type: ignore[arg-type]


async def assert_suits_follow_privacy_notices(
    triage: ServiceUnderTest, contact: ServiceUnderTest
) -> None:
    """A published suit cites a delivered privacy notice, or says none could be."""
    unexplained = (
        f"SELECT count(*) FROM {triage.schema}.decisions d"
        " WHERE d.decision = 'file_suit' AND d.published_at IS NOT NULL AND NOT ("
        f" EXISTS (SELECT 1 FROM {contact.schema}.attempts a"
        "  WHERE a.attempt_id = d.triaged->>'privacy_notice_attempt_id'"
        "  AND a.purpose = 'privacy_notice' AND a.status = 'delivered')"
        " OR d.triaged->'reasons' @> '[{\"rule\": \"privacy_notice_undelivered\"}]')"
    )
    assert await triage.fetchval(unexplained) == 0


EVALUATE = "from recourse.cli_triage import app; app(prog_name='recourse triage')"
# (case, revision, score, recovered): c5 was re-triaged from 0.1 to 0.7.
DECIDED_CASES = [
    ("c1", 1, "0.05", "no"),
    ("c2", 1, "0.25", "no"),
    ("c3", 1, "0.28", "yes"),
    ("c4", 1, "0.9", "yes"),
    ("c5", 1, "0.1", "no"),
    ("c5", 2, "0.7", "no"),
]


async def test_evaluate_reads_each_cases_latest_score_from_the_triage_schema(
    infra: Infra, tmp_path: Path
) -> None:
    schema, plaintiff = f"triage_eval_{run_id()}", f"{run_id()}-p0"
    labels = tmp_path / "labels.csv"
    labels.write_text(
        "case_id,recovered\n"
        + "".join(
            f"{plaintiff}-{c},{r}\n" for c, rev, _, r in DECIDED_CASES if rev == 1
        )
    )
    cli = [sys.executable, "-c", EVALUATE, "evaluate", str(labels)]
    conn = await asyncpg.connect(infra.database_url)
    try:
        await conn.execute(
            f"CREATE SCHEMA {schema}; CREATE TABLE {schema}.decisions ("
            " plaintiff_id text, case_id text, revision integer,"
            " score numeric(8, 6), PRIMARY KEY (plaintiff_id, case_id, revision))"
        )
        await conn.executemany(
            f"INSERT INTO {schema}.decisions VALUES ($1, $2, $3, $4::numeric)",
            [(plaintiff, f"{plaintiff}-{c}", rev, s) for c, rev, s, _ in DECIDED_CASES],
        )
        result = await asyncio.to_thread(
            subprocess.run,
            [*cli, "--schema", schema, "--out", str(tmp_path / "pr.png")],
            env={**os.environ, "DATABASE_URL": infra.database_url},
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        await conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        await conn.close()

    assert result.returncode == 0, result.stderr
    rows = {
        line.split()[0]: line.split()[1:4]
        for line in result.stdout.splitlines()
        if line[:1] == " " or line[:1].isdigit()
    }
    assert "cases with label and score: 5" in result.stdout
    assert rows["0.20"] == ["1.000", "0.333", "0.500"]
    assert rows["0.30"] == ["0.667", "0.667", "0.667"]
