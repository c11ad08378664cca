"""Decisions are revised: by a later outcome, and by an operator through Kafka."""

import json
import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from aiokafka.structs import ConsumerRecord

from contracts import topics
from contracts.contact import Channel, ContactOutcome
from contracts.platform import ContactOutcomeReported, LoanOverdue
from recourse.simulators.loans import LoanFactory
from shared.clock import ScaledClock, scaled_setting
from tests.support.infra import Infra
from tests.support.kafka import Publisher, TopicReader, header
from tests.support.processes import REPO_ROOT
from tests.support.services import ServiceUnderTest, collection_pair

pytestmark = pytest.mark.integration
Record = ConsumerRecord[bytes, bytes]
COURTS = ("cn-110105", "cn-310115")
START = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
FACTOR = 20_000.0
CASES = 40
DECIDED = "SELECT count(*) FROM cases WHERE status = 'decided'"
LATEST = (
    "SELECT case_id FROM decisions d WHERE decision = $1 AND published_at IS NOT NULL"
    " AND revision = (SELECT max(revision) FROM decisions e"
    " WHERE e.plaintiff_id = d.plaintiff_id AND e.case_id = d.case_id)"
    " ORDER BY case_id LIMIT 1"
)


@dataclass
class Pair:
    triage: ServiceUnderTest
    contact: ServiceUnderTest
    clock: ScaledClock

    @property
    def plaintiff(self) -> str:
        return f"{self.triage.run}-p0"


@pytest.fixture
async def pair(infra: Infra, tmp_path: Path) -> AsyncIterator[Pair]:
    anchor = time.time()
    env = {
        "RECOURSE_CLOCK": scaled_setting(START, FACTOR, anchor),
        "RECOURSE_SWEEP_INTERVAL_SECONDS": "0.2",
    }
    triage, contact = await collection_pair(infra, tmp_path, env)
    triage.start()
    contact.start()
    yield Pair(triage, contact, ScaledClock(START, FACTOR, anchor))
    contact.stop()
    triage.stop()


def oversized(factory: LoanFactory, index: int) -> LoanOverdue:
    """A loan that rule 3 returns: principal above 9,000 and term above 12 months."""
    case = factory.overdue(index)
    loan = case.loan.model_copy(
        update={
            "principal": Decimal(20000),
            "disbursed_amount": Decimal(20000),
            "term_months": 24,
        }
    )
    return case.model_copy(update={"loan": loan})


def retriage_by_cli(infra: Infra, case_id: str, plaintiff: str) -> None:
    """Run the operator command as an operator would, as its own process."""
    env = {**os.environ, "KAFKA_BOOTSTRAP_SERVERS": infra.bootstrap_servers}
    command = [str(Path(sys.executable).with_name("recourse")), "triage", "retriage"]
    options = ["--plaintiff", plaintiff, "--operator", "qa", "--note", "second look"]
    subprocess.run(
        [*command, case_id, *options],
        cwd=REPO_ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=60,
    )


def events(
    records: list[Record], case_id: str, ce_type: str
) -> list[dict[str, object]]:
    return [
        json.loads(r.value or b"{}")
        for r in records
        if header(r, "ce_subject") == case_id
        and ce_type in (header(r, "ce_type") or "")
    ]


async def test_later_outcome_and_operator_command_add_revisions_to_the_history(
    infra: Infra, pair: Pair
) -> None:
    p, triage = pair.plaintiff, pair.triage
    factory = LoanFactory(p, COURTS)
    big = oversized(factory, CASES)
    async with (
        TopicReader(infra.bootstrap_servers, topics.TRIAGE) as triaged,
        TopicReader(infra.bootstrap_servers, topics.tenant_topic(p, "notices")) as told,
    ):
        async with Publisher(infra.bootstrap_servers) as publisher:
            overdue = topics.tenant_topic(p, "overdue")
            for index in range(CASES):
                await publisher.event(overdue, factory.overdue(index), p)
            await publisher.event(overdue, big, p)
        await triage.wait_for_count(DECIDED, CASES + 1, 150, triage.assert_alive)
        suit = str(await triage.fetchval(LATEST, "file_suit"))
        async with Publisher(infra.bootstrap_servers) as publisher:
            await publisher.event(
                topics.tenant_topic(p, "contact-outcomes"), hardship(p, suit, pair), p
            )
        await triage.wait_for_count(
            f"SELECT max(revision) FROM decisions WHERE case_id = '{suit}'",
            2,
            60,
            triage.assert_alive,
        )
        retriage_by_cli(infra, suit, p)
        await triage.wait_for_count(
            f"SELECT max(revision) FROM decisions WHERE case_id = '{suit}'",
            3,
            60,
            triage.assert_alive,
        )
        await triaged.settle(3.0)
        await told.settle(1.0)

    history = [
        (e["revision"], e["decision"], e["cause"])
        for e in events(triaged.records, suit, "CaseTriaged")
    ]
    assert history == [
        (1, "file_suit", "window_closed"),
        (2, "return_to_collection", "later_outcome"),
        (3, "return_to_collection", "operator_command"),
    ]
    [later, _] = [n for n in events(told.records, suit, "PlatformNotice")]
    assert "borrower stated a reason" in str(later["text"])
    [opinion] = events(told.records, big.case_id, "PlatformNotice")
    assert "recommend recovering principal" in str(opinion["text"])
    assert opinion["data"]["opinion_zh"] == "建议追回本金"  # type: ignore[index]


def hardship(plaintiff: str, case_id: str, pair: Pair) -> ContactOutcomeReported:
    """A call centre's later call in which the borrower says he lost his job."""
    return ContactOutcomeReported(
        plaintiff_id=plaintiff,
        case_id=case_id,
        attempt_id=f"cc-{case_id}",
        channel=Channel.PHONE,
        occurred_at=pair.clock.now(),
        outcome=ContactOutcome(
            reached=True,
            answered=True,
            right_party=True,
            cooperative=True,
            transcript="坐席：您好，请问是本人吗？\n借款人：是我。我上个月失业了，还在找工作。",
        ),
    )


async def test_operator_command_for_an_unknown_case_is_dead_lettered(
    infra: Infra, pair: Pair
) -> None:
    dlq = topics.dlq_topic("triage-scorer")
    async with TopicReader(infra.bootstrap_servers, dlq) as dead:
        retriage_by_cli(infra, "no-such-case", pair.plaintiff)
        letters = await dead.wait_for(
            lambda rs: any(
                header(r, "dlq_original_topic") == topics.TRIAGE_COMMANDS
                and r.key == pair.plaintiff.encode()
                for r in rs
            ),
            90,
            "the retriage dead letter",
        )

    [letter] = [r for r in letters if r.key == pair.plaintiff.encode()]
    assert "no-such-case" in (header(letter, "dlq_reason") or "")
