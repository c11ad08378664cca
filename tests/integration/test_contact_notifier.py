"""contact-notifier on a real broker and database: rules, evidence, dead letters.

A scaled clock (600 times real time: a second is ten minutes) lets a call
blocked at night be made at 08:00 a few seconds later.
"""

import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from aiokafka.structs import ConsumerRecord

from contracts import topics
from contracts.contact import (
    Channel,
    ContactOutcome,
    Purpose,
    Recipient,
    SendNotice,
    StatedReason,
)
from contracts.platform import ContactOutcomeReported
from shared.clock import ScaledClock, scaled_setting
from tests.support.infra import Infra
from tests.support.kafka import (
    Publisher,
    TopicReader,
    create_topics,
    event_headers,
    header,
)
from tests.support.services import ServiceUnderTest, run_id

pytestmark = pytest.mark.integration
Record = ConsumerRecord[bytes, bytes]
START = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
FACTOR = 600.0
CALM_FACTOR = 60.0
PHONE = "13912345678"
ID_NUMBER = "110105199003071234"


@dataclass
class Notifier:
    service: ServiceUnderTest
    clock: ScaledClock

    @property
    def plaintiff(self) -> str:
        return f"{self.service.run}-p0"


async def started_notifier(infra: Infra, tmp_path: Path, factor: float) -> Notifier:
    run, anchor = run_id(), time.time()
    env = {
        "RECOURSE_CLOCK": scaled_setting(START, factor, anchor),
        "RECOURSE_SWEEP_INTERVAL_SECONDS": "0.2",
    }
    service = ServiceUnderTest(
        infra, "services.contact_notifier", f"contact_{run}", run, tmp_path, env
    )
    await create_topics(infra.bootstrap_servers, [topics.CONTACT_COMMANDS])
    service.start()
    return Notifier(service, ScaledClock(START, factor, anchor))


@pytest.fixture
async def notifier(infra: Infra, tmp_path: Path) -> AsyncIterator[Notifier]:
    started = await started_notifier(infra, tmp_path, FACTOR)
    yield started
    started.service.stop()


@pytest.fixture
async def calm_notifier(infra: Infra, tmp_path: Path) -> AsyncIterator[Notifier]:
    """A minute a second: the whole test stays inside one working day."""
    started = await started_notifier(infra, tmp_path, CALM_FACTOR)
    yield started
    started.service.stop()


def command(
    plaintiff: str,
    name: str,
    channel: Channel = Channel.SMS,
    purpose: Purpose = Purpose.COLLECTION,
    case: str = "case",
    **recipient: Any,
) -> SendNotice:
    details = {
        "phone": PHONE,
        "address": "北京市朝阳区建国路1号",
        "id_number": ID_NUMBER,
        **recipient,
    }
    return SendNotice(
        command_id=f"{plaintiff}-{name}",
        plaintiff_id=plaintiff,
        case_id=f"{plaintiff}-{case}",
        purpose=purpose,
        channel=channel,
        recipient=Recipient(name="张三", **details),
        not_before=START,
        context={"amount": "1234.50", "pay_by": "2026-03-20"},
        requested_by="triage-scorer",
    )


def zone_where_hour_is(now: datetime, hour: int) -> str:
    """A fixed-offset zone in which it is now `hour` o'clock."""
    offset = (hour - now.hour) % 24
    offset = offset - 24 if offset > 14 else offset
    return "Etc/GMT" + (f"{-offset:+d}" if offset else "")


def attempts_of(records: list[Record], command_id: str) -> list[dict[str, Any]]:
    events = [json.loads(r.value or b"{}") for r in records]
    return [e for e in events if e.get("command_id") == command_id]


async def test_rules_block_then_reschedule_and_evidence_is_kept(
    infra: Infra, notifier: Notifier
) -> None:
    service, p = notifier.service, notifier.plaintiff
    warm_up = command(p, "warm-up")
    async with (
        TopicReader(infra.bootstrap_servers, topics.CONTACT) as out,
        Publisher(infra.bootstrap_servers) as publisher,
    ):
        await publisher.event(topics.CONTACT_COMMANDS, warm_up, p)
        report = reported(p)
        await publisher.event(topics.tenant_topic(p, "contact-outcomes"), report, p)
        # Both subscribers have joined the group once both inputs are handled,
        # so the commands below do not race the start-up rebalance.
        await service.wait_for_count(
            "SELECT count(*) FROM attempts", 2, 120, service.assert_alive
        )
        zone = zone_where_hour_is(notifier.clock.now(), 6)
        night = command(
            p, "night", Channel.PHONE, timezone=zone, id_number="110105199003079999"
        )
        barred = command(p, "barred", do_not_contact=True)
        barred_again = command(p, "barred-again")
        third = command(p, "third", purpose=Purpose.PRIVACY_NOTICE, third_party=True)
        letter = command(
            p, "letter", Channel.LETTER, case="posted", id_number="110105199003075678"
        )
        judged = judgment_by_name_only(p, "posted")
        for sent in (night, barred, barred_again, third, letter, judged):
            await publisher.event(topics.CONTACT_COMMANDS, sent, p)
        await out.wait_for(
            lambda rs: len(attempts_of(rs, night.command_id)) >= 2, 60, "night call"
        )
        await out.settle(2.0)

    first, second = attempts_of(out.records, night.command_id)
    assert (first["status"], first["blocked_reason"]) == ("blocked", "quiet_hours")
    eight = datetime.fromisoformat(first["rescheduled_to"])
    assert (eight.astimezone(eight.tzinfo).hour, eight.minute) == (8, 0)
    assert second["status"] in {"delivered", "failed"}
    assert datetime.fromisoformat(second["attempted_at"]) >= eight
    for blocked, reason in (
        (barred, "do_not_contact"),
        (barred_again, "do_not_contact"),
        (third, "third_party"),
    ):
        [only] = attempts_of(out.records, blocked.command_id)
        assert (only["blocked_reason"], only["rescheduled_to"]) == (reason, None)
    assert (
        await service.fetchval(
            "SELECT count(*) FROM notices WHERE status = 'blocked_for_good'"
        )
        == 3
    )
    [posted] = attempts_of(out.records, letter.command_id)
    html = await service.fetchval(
        "SELECT content FROM documents WHERE ref = $1",
        posted["outcome"]["transcript_ref"],
    )
    assert "还款通知函" in str(html) and "1,234.50" in str(html)
    [judgment] = attempts_of(out.records, judged.command_id)
    assert judgment["status"] in {"delivered", "failed"}
    judgment_html = await service.fetchval(
        "SELECT content FROM documents WHERE ref = $1",
        judgment["outcome"]["transcript_ref"],
    )
    assert "判决履行通知书" in str(judgment_html) and "偿还本金" in str(judgment_html)
    await assert_reported_outcome_became_an_attempt(service, out.records, report)
    await assert_attempts_are_insert_only(service)
    assert PHONE not in service.process.log_tail(10**7)  # type: ignore[union-attr]


def judgment_by_name_only(plaintiff: str, case: str) -> SendNotice:
    """As sanctions-publisher asks: the borrower named, the details left to us."""
    return SendNotice(
        command_id=f"{plaintiff}-judgment",
        plaintiff_id=plaintiff,
        case_id=f"{plaintiff}-{case}",
        purpose=Purpose.JUDGMENT_NOTICE,
        channel=Channel.LETTER,
        recipient=Recipient(name="张三", id_number="110105199003075678"),
        not_before=START,
        context={
            "docket_number": "(2026)京0105民初1234号",
            "outcome": "repay_principal",
            "obligation": "8000.00",
        },
        requested_by="sanctions-publisher",
    )


def reported(plaintiff: str) -> ContactOutcomeReported:
    return ContactOutcomeReported(
        plaintiff_id=plaintiff,
        case_id=f"{plaintiff}-case",
        attempt_id=f"{plaintiff}-cc-1",
        channel=Channel.PHONE,
        occurred_at=START + timedelta(hours=1),
        outcome=ContactOutcome(
            reached=True,
            answered=True,
            right_party=True,
            transcript="坐席：您好\n借款人：我上个月失业了，还在找工作。",
        ),
    )


async def assert_reported_outcome_became_an_attempt(
    service: ServiceUnderTest, records: list[Record], report: ContactOutcomeReported
) -> None:
    events = [json.loads(r.value or b"{}") for r in records]
    [attempt] = [e for e in events if e.get("attempt_id") == report.attempt_id]
    assert attempt["status"] == "delivered" and attempt["command_id"] is None
    assert attempt["outcome"]["stated_reason"] == StatedReason.NONE.value
    assert (
        await service.fetchval(
            "SELECT content FROM documents WHERE ref = $1",
            attempt["outcome"]["transcript_ref"],
        )
        == report.outcome.transcript
    )


async def assert_attempts_are_insert_only(service: ServiceUnderTest) -> None:
    for change in ("UPDATE attempts SET status = 'failed'", "DELETE FROM attempts"):
        with pytest.raises(asyncpg.RaiseError, match="insert-only"):
            await service.fetchval(change)


def bad_commands(
    plaintiff: str, other: str
) -> list[tuple[str, str, bytes, list[tuple[str, bytes]]]]:
    """Kinds of command that can never be performed: kind, key, bytes, headers."""
    good = command(plaintiff, "template")
    pigeon = json.loads(good.model_dump_json()) | {"channel": "pigeon"}
    no_phone = command(plaintiff, "no-phone", phone=None)
    no_address = command(plaintiff, "no-address", Channel.LETTER, address=None)
    judgment = command(plaintiff, "judgment", purpose=Purpose.JUDGMENT_NOTICE)
    foreign = command(other, "foreign")
    return [
        ("channel", plaintiff, json.dumps(pigeon).encode(), event_headers(good)),
        ("phone", plaintiff, no_phone.model_dump_json().encode(), event_headers(good)),
        (
            "address",
            plaintiff,
            no_address.model_dump_json().encode(),
            event_headers(good),
        ),
        (
            "context",
            plaintiff,
            judgment.model_dump_json().encode(),
            event_headers(good),
        ),
        ("tenant", plaintiff, foreign.model_dump_json().encode(), event_headers(good)),
        ("json", plaintiff, b"{not json", event_headers(good)),
    ]


async def test_bad_commands_and_foreign_reports_are_dead_lettered_and_it_moves_on(
    infra: Infra, notifier: Notifier
) -> None:
    service, p = notifier.service, notifier.plaintiff
    other = f"{service.run}-p1"
    bad = bad_commands(p, other)
    foreign_report = reported(other)
    outcomes = topics.tenant_topic(p, "contact-outcomes")
    report_headers = event_headers(foreign_report)
    ids = {dict(h)["ce_id"].decode() for *_, h in bad} | {
        dict(report_headers)["ce_id"].decode()
    }
    async with TopicReader(
        infra.bootstrap_servers, topics.dlq_topic("contact-notifier")
    ) as dead:
        async with Publisher(infra.bootstrap_servers) as publisher:
            for _kind, key, value, headers in bad:
                await publisher.raw(topics.CONTACT_COMMANDS, value, key, headers)
            await publisher.raw(
                outcomes, foreign_report.model_dump_json().encode(), p, report_headers
            )
            after = command(p, "after")
            await publisher.event(topics.CONTACT_COMMANDS, after, p)
        await service.wait_for_count(
            "SELECT count(*) FROM attempts", 1, 120, service.assert_alive
        )
        letters = await dead.wait_for(
            lambda rs: len([r for r in rs if header(r, "ce_id") in ids]) >= len(ids),
            60,
            "seven dead letters",
        )

    ours = {header(r, "ce_id"): r for r in letters if header(r, "ce_id") in ids}
    reasons = {
        kind: header(ours[dict(h)["ce_id"].decode()], "dlq_reason") or ""
        for kind, _key, _value, h in bad
    }
    assert "pigeon" in reasons["channel"] or "channel" in reasons["channel"]
    assert "phone" in reasons["phone"]
    assert "address" in reasons["address"]
    assert "docket_number" in reasons["context"]
    assert other in reasons["tenant"]
    assert "JSON" in reasons["json"]
    report_reason = header(ours[dict(report_headers)["ce_id"].decode()], "dlq_reason")
    assert other in (report_reason or "")
    assert await service.fetchval("SELECT count(*) FROM notices") == 1


CAP_PHONE = "13712340000"
CAP_ID_NUMBER = "110105198805121236"
SAID = (
    "坐席：您好\n借款人：我身份证110105198805121236，住北京市朝阳区建国路88号3单元502室，"
    "换号了，打13800001111或者13712340000都行。我上个月失业了。"
)


def call_centre_report(
    plaintiff: str, number: int, at: datetime, said: str | None = None
) -> ContactOutcomeReported:
    """A call the platform's call centre made; unanswered unless `said`."""
    return ContactOutcomeReported(
        plaintiff_id=plaintiff,
        case_id=f"{plaintiff}-capped",
        attempt_id=f"{plaintiff}-cc-{number}",
        channel=Channel.PHONE,
        occurred_at=at,
        outcome=ContactOutcome(
            reached=said is not None,
            answered=said is not None,
            right_party=said is not None,
            transcript=said,
        ),
    )


class Calls:
    """Our own calls and the call centre's, all to the capped case's number."""

    def __init__(
        self, notifier: Notifier, publisher: Publisher, out: TopicReader
    ) -> None:
        self.notifier, self.publisher, self.out = notifier, publisher, out
        self.reported = 0

    async def ours(self, name: str) -> dict[str, Any]:
        p = self.notifier.plaintiff
        call = command(
            p,
            name,
            Channel.PHONE,
            case="capped",
            phone=CAP_PHONE,
            id_number=CAP_ID_NUMBER,
        )
        await self.publisher.event(topics.CONTACT_COMMANDS, call, p)
        await self.publisher.flush()
        records = await self.out.wait_for(
            lambda rs: len(attempts_of(rs, call.command_id)) >= 1, 90, name
        )
        return attempts_of(records, call.command_id)[0]

    async def call_centre(self, count: int, said: str | None = None) -> None:
        """Reports of `count` calls made five minutes ago, stored before returning."""
        p, service = self.notifier.plaintiff, self.notifier.service
        stored = await service.fetchval("SELECT count(*) FROM attempts")
        assert isinstance(stored, int)
        topic = topics.tenant_topic(p, "contact-outcomes")
        for _ in range(count):
            self.reported += 1
            at = self.notifier.clock.now() - timedelta(minutes=5)
            report = call_centre_report(p, self.reported, at, said)
            await self.publisher.event(topic, report, p)
        await self.publisher.flush()
        await service.wait_for_count(
            "SELECT count(*) FROM attempts", stored + count, 120, service.assert_alive
        )


async def test_call_centre_calls_count_toward_the_six_unanswered_calls_a_day(
    infra: Infra, calm_notifier: Notifier
) -> None:
    service, p = calm_notifier.service, calm_notifier.plaintiff
    async with (
        TopicReader(infra.bootstrap_servers, topics.CONTACT) as out,
        Publisher(infra.bootstrap_servers) as publisher,
    ):
        calls = Calls(calm_notifier, publisher, out)
        first = await calls.ours("call-1")
        await calls.call_centre(1, said=SAID)
        unanswered = 0 if first["outcome"]["answered"] else 1
        await calls.call_centre(5 - unanswered)
        sixth = await calls.ours("call-6")
        await calls.call_centre(1 if sixth["outcome"]["answered"] else 0)
        seventh = await calls.ours("call-7")
        await out.settle(1.0)

    assert first["status"] in {"delivered", "failed"}
    assert sixth["status"] in {"delivered", "failed"}
    assert (seventh["status"], seventh["blocked_reason"]) == (
        "blocked",
        "daily_call_limit",
    )
    tomorrow = datetime.fromisoformat(seventh["rescheduled_to"])
    assert (tomorrow.date(), tomorrow.hour) == (START.date() + timedelta(days=1), 8)
    assert (
        await service.fetchval(
            "SELECT count(*) FROM attempts WHERE command_id IS NULL"
            " AND contact_point = $1",
            CAP_PHONE,
        )
        == calls.reported
    )
    await assert_reported_transcript_is_scrubbed(service, out.records, p)


async def assert_reported_transcript_is_scrubbed(
    service: ServiceUnderTest, records: list[Record], plaintiff: str
) -> None:
    events = [json.loads(r.value or b"{}") for r in records]
    [attempt] = [e for e in events if e.get("attempt_id") == f"{plaintiff}-cc-1"]
    published = attempt["outcome"]["transcript"]
    stored = await service.fetchval(
        "SELECT content FROM documents WHERE ref = $1",
        attempt["outcome"]["transcript_ref"],
    )
    assert stored == published
    for secret in (CAP_ID_NUMBER, "13800001111", CAP_PHONE, "建国路88号"):
        assert secret not in published
    assert "1101051988****1236" in published and "北京市***" in published
    assert "失业" in published
    assert CAP_PHONE not in service.process.log_tail(10**7)  # type: ignore[union-attr]
