"""sanctions-publisher end to end: real broker, real database, scaled clock.

The test plays the court (with the court simulator's judgment function) and
the platforms (repayments); a simulated day passes in 0.04 s, so two-year
listing terms run out within the test. Some borrowers repay before their
judgment arrives: those repayments wait, parked, and count when it does.
"""

import json
import random
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from aiokafka.structs import ConsumerRecord

from contracts import topics
from contracts.base import Contract
from contracts.court import (
    Claim,
    ClaimKind,
    ComplaintElements,
    DefendantParty,
    PlaintiffParty,
)
from contracts.notices import NoticeKind, PlatformNotice
from contracts.platform import LoanOverdue, RepaymentReceived
from contracts.registry import decode, encode
from contracts.rulings import CaseDocketedByCourt, JudgmentIssued
from contracts.sanctions import (
    ConsumptionRestriction,
    LiftReason,
    PerformanceStatus,
    PublicSanctionEntry,
    SanctionLifted,
    SanctionRecorded,
)
from recourse.simulators.court.judgments import on_case_docketed
from recourse.simulators.loans import LoanFactory
from services.contact_notifier.mapping import body_of, contact_point
from services.sanctions_publisher.translate import entry_id_for
from shared.clock import ScaledClock, scaled_setting
from shared.masking import contains_unmasked_pii
from shared.periods import add_years
from tests.integration.test_preservation_tracker import Court, Tap
from tests.support.infra import Infra
from tests.support.kafka import Publisher, create_topics, event_headers, header
from tests.support.services import ServiceUnderTest, run_id

pytestmark = pytest.mark.integration
Record = ConsumerRecord[bytes, bytes]
SECONDS_PER_DAY = 0.04
START = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
CASES_PER_PLATFORM = 150
COURT_NAME = "北京市朝阳区人民法院"


def complaint_of(loan: LoanOverdue) -> ComplaintElements:
    """The complaint a filing would carry for the loan, as the court reads it."""
    borrower, terms, owed = loan.borrower, loan.loan, loan.arrears
    return ComplaintElements(
        case_id=loan.case_id,
        plaintiff=PlaintiffParty(
            name="某某网络小额贷款有限公司",
            credit_code="91110105MA01ABCD2X",
            representative="张某",
            address="北京市朝阳区建国路1号",
        ),
        defendant=DefendantParty(
            name=borrower.name,
            sex=borrower.sex,
            birth_date=borrower.birth_date,
            id_number=borrower.id_number,
            address=borrower.address,
            service_address=borrower.address,
            phone=borrower.phone,
        ),
        e_service_consent=loan.e_service_consent,
        principal_owed=owed.principal_owed,
        interest_owed=owed.interest_owed,
        penalty_interest_owed=owed.penalty_interest_owed,
        owed_as_of=owed.as_of,
        annual_rate=terms.annual_rate,
        term_months=terms.term_months,
        contract_number=terms.contract_number,
        contract_date=terms.contract_date,
        disbursed_on=terms.disbursed_on,
        disbursed_amount=terms.disbursed_amount,
        repayments=terms.repayments,
        overdue_since=owed.overdue_since,
        overdue_days=owed.overdue_days,
        claims=(
            Claim(
                kind=ClaimKind.PRINCIPAL,
                text="判令被告偿还借款本金",
                amount=owed.principal_owed,
            ),
        ),
        claim_amount=owed.total,
        agreed_court_id=loan.agreed_court_id,
    )


@dataclass
class Ledger:
    """What the court judged and the platforms repaid, and what must follow."""

    judgments: dict[str, JudgmentIssued] = field(default_factory=dict)
    repaid_in_full: set[str] = field(default_factory=set)
    repaid_early: set[str] = field(default_factory=set)
    repaid_early_in_part: set[str] = field(default_factory=set)
    recorded: dict[str, SanctionRecorded] = field(default_factory=dict)
    lifted: dict[str, SanctionLifted] = field(default_factory=dict)

    def listed(self) -> list[JudgmentIssued]:
        """Listings ordered on debts not already performed when judged."""
        return [
            j
            for j in self.judgments.values()
            if j.listing is not None and j.case_id not in self.repaid_early
        ]

    def sanctioned(self) -> list[JudgmentIssued]:
        listed = {j.case_id for j in self.listed()}
        return [
            j for j in self.judgments.values() if j.case_id in listed or j.penalties
        ]

    def expected_term_lifts(self) -> list[SanctionRecorded]:
        """Fixed terms of listings never fully repaid end within the run."""
        return [
            r
            for r in self.recorded.values()
            if r.listing is not None
            and r.listed_until is not None
            and r.listing.extension_years is None
            and r.case_id not in self.repaid_in_full
        ]


async def judged(service: ServiceUnderTest) -> int:
    try:
        return int(await service.fetchval("SELECT count(*) FROM judgments"))  # type: ignore[call-overload]
    except asyncpg.UndefinedTableError:
        return 0


def repayment_plan(index: int) -> str:
    return ("full", "partial", "none", "early", "early_partial")[index % 5]


def early_repayment(loan: LoanOverdue, owed: JudgmentIssued, full: bool) -> Contract:
    """A repayment made before the judgment: all it will award, or half of it."""
    total = owed.principal_awarded + owed.interest_awarded
    return RepaymentReceived(
        plaintiff_id=loan.plaintiff_id,
        case_id=loan.case_id,
        repayment_id=f"rep-early-{loan.case_id}",
        amount=max(total if full else total / 2, Decimal("1.00")).quantize(
            Decimal("0.01")
        ),
        received_at=START + timedelta(days=2),
        fully_repaid=full,
    )


def invalid_repayment(plaintiff_id: str) -> tuple[bytes, list[tuple[str, bytes]]]:
    """A repayment of nothing: invalid in itself, whatever the case."""
    valid = RepaymentReceived(
        plaintiff_id=plaintiff_id,
        case_id=f"{plaintiff_id}-0000001",
        repayment_id="rep-zero",
        amount=Decimal("1.00"),
        received_at=START,
        fully_repaid=False,
    )
    payload = json.loads(encode(valid))
    payload["amount"] = "0.00"
    return json.dumps(payload).encode(), event_headers(valid)


def unlawful_listing(judgment: JudgmentIssued) -> tuple[bytes, list[tuple[str, bytes]]]:
    """A judgment whose item 1 listing (no fixed term) claims a 5-year term."""
    payload = json.loads(encode(judgment))
    payload["case_id"] = f"{judgment.case_id}-unlawful"
    payload["listing"] = {"art1_item": 1, "conduct": "拒不履行", "term_years": 5}
    return json.dumps(payload).encode(), event_headers(judgment)


def latest_versions(entries: dict[str, Any]) -> dict[str, PublicSanctionEntry]:
    """Each public entry as last republished, by entry id."""
    latest: dict[str, PublicSanctionEntry] = {}
    for entry in entries.values():
        known = latest.get(entry.entry_id)
        if known is None or entry.version > known.version:
            latest[entry.entry_id] = entry
    return latest


@pytest.fixture
async def publisher_service(
    infra: Infra, tmp_path: Path
) -> AsyncIterator[ServiceUnderTest]:
    run = run_id()
    service = ServiceUnderTest(
        infra, "services.sanctions_publisher", f"sanctions_{run}", run, tmp_path
    )
    service.extra_env.update(
        {
            "RECOURSE_CLOCK": scaled_setting(
                START, 86400 / SECONDS_PER_DAY, time.time()
            ),
            "RECOURSE_SWEEP_INTERVAL_SECONDS": "0.05",
            "RECOURSE_BATCH_MAX_RECORDS": "25",
        }
    )
    yield service
    service.stop()


async def test_judgments_of_two_platforms_are_published_masked_and_lifted_once(
    infra: Infra, publisher_service: ServiceUnderTest
) -> None:
    service = publisher_service
    run = service.run
    anchor = float(service.extra_env["RECOURSE_CLOCK"].rsplit("anchor=", 1)[1])
    clock = ScaledClock(START, 86400 / SECONDS_PER_DAY, anchor)
    plaintiffs = [f"{run}-p0", f"{run}-p1"]
    courts = (f"{run}-c0", f"{run}-c1")
    loans = {
        loan.case_id: (index, loan)
        for p in plaintiffs
        for index in range(CASES_PER_PLATFORM)
        for loan in [LoanFactory(p, courts).overdue(index)]
    }
    payments = [topics.tenant_topic(p, "payments") for p in plaintiffs]
    rulings = [topics.court_topic(c, "rulings") for c in courts]
    watched = [
        topics.SANCTIONS,
        topics.PUBLIC_SANCTIONS,
        topics.CONTACT_COMMANDS,
        topics.dlq_topic("sanctions-publisher"),
        *[topics.tenant_topic(p, "notices") for p in plaintiffs],
    ]
    await create_topics(infra.bootstrap_servers, [*payments, *rulings, *watched])
    court, ledger, rng = Court(clock), Ledger(), random.Random(11)
    early: list[tuple[Contract, LoanOverdue]] = []
    for case_id, (index, loan) in loans.items():
        docketed = CaseDocketedByCourt(
            court_id=loan.agreed_court_id,
            plaintiff_id=loan.plaintiff_id,
            batch_id=f"b-{loan.plaintiff_id}",
            case_id=case_id,
            docket_number=f"(2026)京0105民初{index + 1000}号",
            decided_at=clock.now(),
        )
        for due, judgment in on_case_docketed(
            docketed, complaint_of(loan), clock.now(), rng, listing_share=0.4
        ):
            assert isinstance(judgment, JudgmentIssued)
            if loan.agreed_court_id == courts[0]:
                judgment = judgment.model_copy(update={"court_name": COURT_NAME})
            ledger.judgments[case_id] = judgment
            topic = topics.court_topic(loan.agreed_court_id, "rulings")
            court.schedule(due, topic, judgment, loan.plaintiff_id)
            plan = repayment_plan(index)
            if plan.startswith("early"):
                full = plan == "early"
                (ledger.repaid_early if full else ledger.repaid_early_in_part).add(
                    case_id
                )
                early.append((early_repayment(loan, judgment, full), loan))
    unknown = RepaymentReceived(
        plaintiff_id=plaintiffs[0],
        case_id=f"{plaintiffs[0]}-nope",
        repayment_id="rep-unknown",
        amount=Decimal("100.00"),
        received_at=START,
        fully_repaid=False,
    )
    async with (
        Tap(infra.bootstrap_servers, watched, set(plaintiffs)) as tap,
        Publisher(infra.bootstrap_servers) as publisher,
    ):
        await publisher.event(payments[0], unknown, plaintiffs[0])
        value, headers = invalid_repayment(plaintiffs[1])
        await publisher.raw(payments[1], value, plaintiffs[1], headers)
        some = next(iter(ledger.judgments.values()))
        value, headers = unlawful_listing(some)
        unlawful_topic = topics.court_topic(some.court_id, "rulings")
        await publisher.raw(unlawful_topic, value, some.plaintiff_id, headers)
        for repayment, loan in early:
            topic = topics.tenant_topic(loan.plaintiff_id, "payments")
            await publisher.event(topic, repayment, loan.plaintiff_id)
        service.start()
        # "Before the judgment" means before the service reads it: the payments
        # and the rulings are separate subscribers, so let the early ones land.
        await service.wait_for_count(
            "SELECT count(*) FROM repayments WHERE parked",
            len(early) + 1,
            60,
            service.assert_alive,
        )
        killed = False
        give_up = time.monotonic() + 150
        while True:
            if time.monotonic() > give_up:
                counts = (len(ledger.recorded), len(ledger.lifted), clock.now())
                raise AssertionError(f"no end state in time: {counts}")
            for record in await tap.poll():
                react(record, ledger, loans, court, clock)
            await court.publish_due(publisher)
            service.assert_alive()
            if not killed and await judged(service) >= len(loans) // 3:
                service.kill()
                service.start()
                killed = True
            if killed and done(ledger, clock):
                break
        quiet_since = time.monotonic()
        while time.monotonic() - quiet_since < 2.0:
            fresh = await tap.poll(timeout_ms=200)
            for record in fresh:
                react(record, ledger, loans, court, clock)
            quiet_since = quiet_since if not fresh else time.monotonic()
        ended_on = clock.now().date()

    public = [r for r in tap.records if r.topic == topics.PUBLIC_SANCTIONS]
    ours = [r for r in public if (r.key or b"").decode() in plaintiffs]
    entries = tap.distinct("PublicSanctionEntry", topics.PUBLIC_SANCTIONS)
    latest = latest_versions(entries)
    first = {e.entry_id: e for e in entries.values() if e.version == 1}
    withdrawn = tap.distinct("PublicSanctionWithdrawn", topics.PUBLIC_SANCTIONS)
    commands = tap.distinct("SendNotice", topics.CONTACT_COMMANDS)
    notices = [
        n
        for n in tap.distinct("PlatformNotice").values()
        if isinstance(n, PlatformNotice)
    ]
    dead = [
        r
        for r in tap.records
        if r.topic == topics.dlq_topic("sanctions-publisher")
        and header(r, "dlq_original_topic") in payments
    ]
    dead_rulings = [
        r
        for r in tap.records
        if r.topic == topics.dlq_topic("sanctions-publisher")
        and header(r, "dlq_original_topic") in rulings
    ]
    ours_judged = [c for c in commands.values() if c.plaintiff_id in plaintiffs]
    sanctioned = ledger.sanctioned()
    lifts = list(ledger.lifted.values())
    report = {
        "judgments": await service.fetchval("SELECT count(*) FROM judgments"),
        "dismissed": sum(j.outcome == "dismissed" for j in ledger.judgments.values()),
        "sanctions": len(ledger.recorded),
        "listings_published": len(first),
        "entries_republished": len(entries) - len(first),
        "lifted_performed": sum(x.reason is LiftReason.PERFORMED for x in lifts),
        "lifted_term": sum(x.reason is LiftReason.TERM_EXPIRED for x in lifts),
        "withdrawn": len(withdrawn),
        "borrower_notices": len(ours_judged),
        "platform_notices": len(notices),
        "public_records_read": len(ours),
        "repaid_before_judgment": len(
            ledger.repaid_early | ledger.repaid_early_in_part
        ),
    }
    print("sanctions run:", report)
    listed = ledger.listed()
    assert report["judgments"] == len(loans)
    assert report["sanctions"] == len(sanctioned)
    assert report["listings_published"] == len(listed) > 0
    assert set(latest) == set(first)
    assert (
        report["lifted_performed"]
        == len([j for j in listed if j.case_id in ledger.repaid_in_full])
        > 0
    )
    term_lifts = {x.sanction_id for x in lifts if x.reason is LiftReason.TERM_EXPIRED}
    assert report["lifted_term"] > 0
    assert all(
        (ledger.recorded[x].listed_until or date.max) <= ended_on for x in term_lifts
    )
    assert {
        r.sanction_id
        for r in ledger.recorded.values()
        if r.listed_until is not None
        and r.listed_until < ended_on - timedelta(days=3)
        and r.case_id not in ledger.repaid_in_full
    } <= term_lifts
    assert report["withdrawn"] == len(lifts)
    assert report["borrower_notices"] == len(loans) + len(sanctioned)
    assert await service.fetchval("SELECT count(*) FROM sanctions") == len(sanctioned)
    assert await service.fetchval(
        "SELECT count(*) FROM sanctions WHERE lifted_at IS NOT NULL"
    ) == len(lifts)
    assert (
        await service.fetchval("SELECT count(*) FROM outbox WHERE sent_at IS NULL") == 0
    )
    assert_early_repayments_counted(ledger, first, await performance(service))
    assert_partial_repayments_republished(ledger, loans, first, latest)
    assert_terms_and_restrictions(ledger)
    assert_courts_named(ledger, latest)
    assert await service.fetchval(
        "SELECT array_agg(repayment_id) FROM repayments WHERE parked"
    ) == ["rep-unknown"]
    [dead_letter] = dead
    assert header(dead_letter, "dlq_original_topic") == payments[1]
    assert "amount" in (header(dead_letter, "dlq_reason") or "")
    [unlawful] = dead_rulings
    assert "listing" in (header(unlawful, "dlq_reason") or "")
    assert f"{some.case_id}-unlawful" not in {
        r.case_id for r in ledger.recorded.values()
    }
    for command in ours_judged:
        assert (
            contact_point(command)
            == ledger.judgments[command.case_id].defendant_service_address
        )
        body_of(command)
    assert_masked(ours, loans)
    assert_logs_masked(service, loans)


async def performance(service: ServiceUnderTest) -> dict[str, tuple[Decimal, bool]]:
    """Each judged case: what was paid, and whether the debt is performed."""
    conn = await asyncpg.connect(
        service.infra.database_url, server_settings={"search_path": service.schema}
    )
    try:
        rows = await conn.fetch(
            "SELECT case_id, paid, fully_performed_on IS NOT NULL AS done"
            " FROM judgments"
        )
    finally:
        await conn.close()
    return {r["case_id"]: (r["paid"], r["done"]) for r in rows}


def assert_early_repayments_counted(
    ledger: Ledger,
    entries: dict[str, Any],
    performed: dict[str, tuple[Decimal, bool]],
) -> None:
    """Repaid before judgment: counted; in full, never listed; in part, shown."""
    for case_id in ledger.repaid_early:
        assert performed[case_id][1]
        assert entry_id_for(ledger.judgments[case_id].plaintiff_id, case_id) not in {
            e.entry_id for e in entries.values()
        }
    partly = {
        entry_id_for(j.plaintiff_id, j.case_id)
        for j in ledger.listed()
        if j.case_id in ledger.repaid_early_in_part
    }
    assert partly
    for entry in entries.values():
        expected = (
            PerformanceStatus.PARTIALLY_PERFORMED
            if entry.entry_id in partly
            else PerformanceStatus.NOT_PERFORMED
        )
        assert entry.performance_status is expected
    for case_id in ledger.repaid_early_in_part:
        assert performed[case_id][0] > 0


def assert_partial_repayments_republished(
    ledger: Ledger,
    loans: dict[str, tuple[int, LoanOverdue]],
    first: dict[str, PublicSanctionEntry],
    latest: dict[str, PublicSanctionEntry],
) -> None:
    """A listed debt repaid in part after judgment is republished, once, in part."""
    partly = {
        entry_id_for(j.plaintiff_id, j.case_id)
        for j in ledger.listed()
        if repayment_plan(loans[j.case_id][0]) == "partial"
    }
    assert partly
    for entry_id, entry in latest.items():
        if entry_id in partly:
            assert (entry.version, entry.performance_status) == (
                2,
                PerformanceStatus.PARTIALLY_PERFORMED,
            )
            assert entry.model_dump(exclude={"version", "performance_status"}) == (
                first[entry_id].model_dump(exclude={"version", "performance_status"})
            )
        else:
            assert entry.version == 1


def assert_terms_and_restrictions(ledger: Ledger) -> None:
    """Terms follow the law (2 years plus extension, none for item 1); a listing
    carries every high-consumption restriction, a bare penalty none."""
    for recorded in ledger.recorded.values():
        listing = recorded.listing
        if listing is None:
            assert recorded.restrictions == ()
            continue
        assert recorded.restrictions == tuple(ConsumptionRestriction)
        assert recorded.listed_on is not None
        if listing.art1_item == 1:
            assert recorded.listed_until is None
        else:
            years = 2 + (listing.extension_years or 0)
            assert recorded.listed_until == add_years(recorded.listed_on, years)


def assert_courts_named(ledger: Ledger, latest: dict[str, PublicSanctionEntry]) -> None:
    """Entries name the court: the name it gave, else the code in its docket."""
    by_entry = {entry_id_for(j.plaintiff_id, j.case_id): j for j in ledger.listed()}
    assert {e.court for e in latest.values()} == {COURT_NAME, "京0105"}
    for entry_id, entry in latest.items():
        judgment = by_entry[entry_id]
        assert entry.court == (judgment.court_name or "京0105")
        assert entry.court != entry.court_id


def assert_logs_masked(
    service: ServiceUnderTest, loans: dict[str, tuple[int, LoanOverdue]]
) -> None:
    """The service's log names no borrower's phone or address in the clear."""
    text = (service.log_dir / f"{service.schema}.log").read_text(errors="replace")
    for _, loan in loans.values():
        assert loan.borrower.phone not in text
        assert loan.borrower.address not in text


def assert_masked(
    records: list[Record], loans: dict[str, tuple[int, LoanOverdue]]
) -> None:
    """No public record carries an id number, phone number or address."""
    secrets = [
        s
        for _, loan in loans.values()
        for s in (loan.borrower.id_number, loan.borrower.phone, loan.borrower.address)
    ]
    for record in records:
        text = (record.value or b"").decode()
        assert not contains_unmasked_pii(text)
        assert not any(secret in text for secret in secrets)
        assert not {"phone", "address", "id_number"} & json.loads(text).keys()


def react(
    record: Record,
    ledger: Ledger,
    loans: dict[str, tuple[int, LoanOverdue]],
    court: Court,
    clock: ScaledClock,
) -> None:
    """Repay after the judgment notice; note what the service recorded."""
    kind = header(record, "ce_type") or ""
    if not kind.endswith(
        (".PlatformNotice.v1", ".SanctionRecorded.v1", ".SanctionLifted.v1")
    ):
        return
    event = decode(kind, record.value or b"")
    if isinstance(event, SanctionRecorded) and event.case_id in loans:
        ledger.recorded[event.sanction_id] = event
    elif isinstance(event, SanctionLifted) and event.case_id in loans:
        ledger.lifted[event.sanction_id] = event
    elif isinstance(event, PlatformNotice) and event.kind is NoticeKind.JUDGMENT:
        if event.case_id not in loans:
            return
        index, loan = loans[event.case_id]
        plan = repayment_plan(index)
        if plan not in ("full", "partial"):
            return
        owed = ledger.judgments[loan.case_id]
        total = owed.principal_awarded + owed.interest_awarded
        at = clock.now() + timedelta(days=10)
        repayment = RepaymentReceived(
            plaintiff_id=loan.plaintiff_id,
            case_id=loan.case_id,
            repayment_id=f"rep-{loan.case_id}",
            amount=max(
                total if plan == "full" else total / 2, Decimal("1.00")
            ).quantize(Decimal("0.01")),
            received_at=at,
            fully_repaid=plan == "full",
        )
        if plan == "full":
            ledger.repaid_in_full.add(loan.case_id)
        court.schedule(
            at,
            topics.tenant_topic(loan.plaintiff_id, "payments"),
            repayment,
            loan.plaintiff_id,
        )


def done(ledger: Ledger, clock: ScaledClock) -> bool:
    """Every judgment recorded and every fixed term due in the run has ended."""
    if len(ledger.recorded) < len(ledger.sanctioned()):
        return False
    ends = [r.listed_until for r in ledger.expected_term_lifts() if r.listed_until]
    last = max(ends, default=date.min) + timedelta(days=3)
    if clock.now().date() <= last:
        return False
    if clock.now().date() > last + timedelta(days=400):
        raise AssertionError("listings were not lifted in time")
    lifted_terms = sum(
        x.reason is LiftReason.TERM_EXPIRED for x in ledger.lifted.values()
    )
    repaid = [j for j in ledger.listed() if j.case_id in ledger.repaid_in_full]
    lifted_paid = sum(x.reason is LiftReason.PERFORMED for x in ledger.lifted.values())
    return lifted_terms >= len(ledger.expected_term_lifts()) and lifted_paid >= len(
        repaid
    )
