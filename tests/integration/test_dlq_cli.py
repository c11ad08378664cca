"""`recourse dlq list|replay` against a real broker and triage-scorer's letters."""

import asyncio
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeAlias

import pytest
from aiokafka.structs import ConsumerRecord

from contracts import topics
from contracts.platform import LoanOverdue
from contracts.registry import encode, event_type
from recourse.dlq import DeadLetter, Selection
from recourse.simulators.loans import LoanFactory
from tests.support.infra import Infra
from tests.support.kafka import Headers, Publisher, TopicReader, event_headers, header
from tests.support.services import ServiceUnderTest, run_id

pytestmark = pytest.mark.integration
Record: TypeAlias = ConsumerRecord[bytes, bytes]
COURTS = ("cn-110105",)
DLQ = topics.dlq_topic("triage-scorer")
CLI = "from recourse.cli_dlq import app; app(prog_name='recourse dlq')"


@dataclass(frozen=True)
class Foreign:
    """A LoanOverdue of another tenant, sent on this tenant's topic."""

    topic: str
    key: str
    event: LoanOverdue
    value: bytes
    headers: Headers

    @property
    def ce_id(self) -> str:
        return dict(self.headers)["ce_id"].decode()


@pytest.fixture
async def intake(infra: Infra, tmp_path: Path) -> AsyncIterator[ServiceUnderTest]:
    run = run_id()
    service = ServiceUnderTest(
        infra, "services.triage_scorer", f"triage_{run}", run, tmp_path
    )
    yield service
    service.stop()


def letters_from(records: list[Record], topic: str) -> list[Record]:
    return [r for r in records if header(r, "dlq_original_topic") == topic]


async def dead_lettered_foreign_loan(
    infra: Infra, intake: ServiceUnderTest
) -> tuple[Foreign, Record]:
    """Publish another tenant's loan on a tenant topic; return it and its letter."""
    plaintiff, other = f"{intake.run}-p0", f"{intake.run}-p1"
    event = LoanFactory(other, COURTS).overdue(0)
    foreign = Foreign(
        topics.tenant_topic(plaintiff, "overdue"),
        plaintiff,
        event,
        encode(event),
        event_headers(event),
    )
    async with TopicReader(infra.bootstrap_servers, DLQ) as dead:
        async with Publisher(infra.bootstrap_servers) as publisher:
            await publisher.raw(
                foreign.topic, foreign.value, plaintiff, foreign.headers
            )
        intake.start()
        await dead.wait_for(
            lambda rs: len(letters_from(rs, foreign.topic)) >= 1, 120, "a dead letter"
        )
    (letter,) = letters_from(dead.records, foreign.topic)
    return foreign, letter


async def dlq_cli(bootstrap: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KAFKA_BOOTSTRAP_SERVERS": bootstrap}
    return await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-c", CLI, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


async def listed(bootstrap: str, topic: str) -> list[dict[str, object]]:
    result = await dlq_cli(
        bootstrap,
        *("list", "--service", "triage-scorer", "--original-topic", topic, "--json"),
    )
    assert result.returncode == 0, result.stderr
    letters: list[dict[str, object]] = json.loads(result.stdout)
    return letters


async def test_list_shows_origin_reason_and_event_id_but_no_personal_data(
    infra: Infra, intake: ServiceUnderTest
) -> None:
    foreign, letter = await dead_lettered_foreign_loan(infra, intake)
    borrower = foreign.event.borrower

    text = await dlq_cli(
        infra.bootstrap_servers,
        *("list", "--service", "triage-scorer", "--original-topic", foreign.topic),
    )
    (shown,) = await listed(infra.bootstrap_servers, foreign.topic)

    assert text.returncode == 0, text.stderr
    assert foreign.ce_id in text.stdout
    assert foreign.topic in text.stdout
    assert f"{intake.run}-p1" in text.stdout
    assert shown["service"] == "triage-scorer"
    assert shown["original_topic"] == foreign.topic
    assert shown["original_partition"] == int(
        header(letter, "dlq_original_partition") or -1
    )
    assert shown["original_offset"] == int(header(letter, "dlq_original_offset") or -1)
    assert shown["reason"] == header(letter, "dlq_reason")
    assert shown["failed_at"] == header(letter, "dlq_failed_at")
    assert shown["ce_type"] == event_type(foreign.event)
    assert shown["ce_id"] == foreign.ce_id
    for secret in (borrower.id_number, borrower.phone, borrower.name):
        assert secret not in text.stdout
        assert secret not in json.dumps(shown, ensure_ascii=False)


async def test_replay_resends_exact_bytes_and_headers_and_the_service_rejects_again(
    infra: Infra, intake: ServiceUnderTest
) -> None:
    foreign, first = await dead_lettered_foreign_loan(infra, intake)
    selection = ("--service", "triage-scorer", "--original-topic", foreign.topic)
    async with (
        TopicReader(infra.bootstrap_servers, foreign.topic) as origin,
        TopicReader(infra.bootstrap_servers, DLQ) as dead,
    ):
        dry = await dlq_cli(infra.bootstrap_servers, "replay", *selection, "--dry-run")
        await origin.settle(2.0)
        sent_on_dry_run = list(origin.records)
        real = await dlq_cli(infra.bootstrap_servers, "replay", *selection)
        (replayed,) = await origin.wait_for(lambda rs: len(rs) >= 1, 60, "a replay")
        again = await dead.wait_for(
            lambda rs: len(letters_from(rs, foreign.topic)) >= 1, 120, "a new letter"
        )

    (second,) = letters_from(again, foreign.topic)
    assert dry.returncode == 0, dry.stderr
    assert "1 dead letter would be replayed" in dry.stdout
    assert sent_on_dry_run == []
    assert real.returncode == 0, real.stderr
    assert "replayed 1 dead letter " in real.stdout
    assert replayed.value == foreign.value
    assert list(replayed.headers) == foreign.headers
    assert replayed.key == foreign.key.encode()
    assert str(replayed.partition) == header(first, "dlq_original_partition")
    assert header(second, "dlq_original_offset") == str(replayed.offset)
    assert header(second, "dlq_reason") == header(first, "dlq_reason")
    assert second.value == foreign.value
    assert len(await listed(infra.bootstrap_servers, foreign.topic)) == 2


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_list_fails_at_once_with_a_clear_error_when_kafka_refuses() -> None:
    bootstrap = f"127.0.0.1:{closed_port()}"
    started = time.monotonic()

    result = await dlq_cli(bootstrap, "list")

    assert result.returncode == 1
    assert f"Kafka at {bootstrap}" in result.stderr
    assert "cannot read dead letters" in result.stderr
    assert time.monotonic() - started < 30


async def test_replay_gives_up_after_its_timeout_when_kafka_never_answers() -> None:
    async def swallow(reader: asyncio.StreamReader, _: asyncio.StreamWriter) -> None:
        await reader.read()

    server = await asyncio.start_server(swallow, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    started = time.monotonic()
    async with server:
        result = await dlq_cli(
            f"127.0.0.1:{port}",
            "replay",
            "--service",
            "triage-scorer",
            "--timeout",
            "2",
        )

    assert result.returncode == 1
    assert "did not answer within 2s" in result.stderr
    assert time.monotonic() - started < 30


def letter_with(headers: Headers, offset: int = 7) -> DeadLetter:
    base: Headers = [
        ("ce_id", b"e-1"),
        ("dlq_original_topic", b"tenant.acme.overdue.v1"),
        ("dlq_original_partition", b"2"),
        ("dlq_original_offset", str(offset).encode()),
    ]
    return DeadLetter.of("triage-scorer", (0, 0), b"acme", base + headers, b"{}")


def test_replayed_headers_keep_the_originals_in_order_without_dlq_headers() -> None:
    letter = letter_with([("traceparent", b"00-x"), ("dlq_reason", b"bad")])

    assert letter.original_headers == (("ce_id", b"e-1"), ("traceparent", b"00-x"))


def test_shown_reason_masks_id_numbers_and_drops_control_characters() -> None:
    reason = "id 11010519900307123X rejected\x1b[2J"

    letter = letter_with([("dlq_reason", reason.encode())])

    assert letter.reason == "id 1101051990****123X rejected?[2J"


def test_selection_by_offset_from_keeps_later_letters_of_the_topic_only() -> None:
    selection = Selection(original_topic="tenant.acme.overdue.v1", offset_from=7)

    picked = [selection.matches(letter_with([], offset)) for offset in (6, 7, 8)]

    assert picked == [False, True, True]
    assert not Selection(original_topic="other").matches(letter_with([]))
