"""fee-calculator alone against the real broker and database.

The test plays triage, filing-batcher, preservation-tracker and the platform:
it publishes their events and reads what fee-calculator answers.
"""

import time
from collections.abc import AsyncIterator, Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from contracts import topics
from contracts.assets import AssetKind, Measure, MeasureKind, PreservationStage
from contracts.base import Contract
from contracts.fees import (
    BatchWithdrawn,
    FeeAssessed,
    FeeInvoiceIssued,
    FeeKind,
    InvoiceOverdue,
    InvoicePaymentReported,
    InvoiceSettled,
    PaymentStatus,
    PrepaymentDeadlineApproaching,
    PreservationFeeReassessed,
)
from contracts.filing import BatchSealed, CaseDocketed, SealReason
from contracts.loans import Arrears
from contracts.notices import NoticeKind, PlatformNotice
from contracts.platform import FeePaymentMade
from contracts.preservation import (
    PreservationApplicationCompleted,
    PreservationOrderRecorded,
)
from contracts.triage import CaseTriaged, TriageDecision
from services.fee_calculator.config import CHINA_TIME
from shared.clock import scaled_setting
from tests.integration.test_filing_flow import Tap, start_group_at_end, triaged
from tests.support.infra import Infra
from tests.support.kafka import Publisher, create_topics
from tests.support.services import ServiceUnderTest, run_id

pytestmark = pytest.mark.integration
INTERNAL = (topics.TRIAGE, topics.FEES, topics.FILING, topics.PRESERVATION)
Start = Callable[[dict[str, str]], ServiceUnderTest]


@pytest.fixture
async def fees(infra: Infra, tmp_path: Path) -> AsyncIterator[Start]:
    started: list[ServiceUnderTest] = []
    run = run_id()

    def start(env: dict[str, str]) -> ServiceUnderTest:
        service = ServiceUnderTest(
            infra, "services.fee_calculator", f"fees_{run}", run, tmp_path, env
        )
        started.append(service)
        return service

    yield start
    for service in started:
        service.stop()


async def launch(infra: Infra, service: ServiceUnderTest) -> Tap:
    plaintiff = f"{service.run}-p0"
    await start_group_at_end(infra.bootstrap_servers, service, INTERNAL)
    await create_topics(infra.bootstrap_servers, [payments(plaintiff)])
    tap = Tap(
        infra.bootstrap_servers,
        service.run,
        [topics.FEES, topics.tenant_topic(plaintiff, "notices")],
    )
    await tap.__aenter__()
    service.start()
    return tap


def payments(plaintiff: str) -> str:
    return topics.tenant_topic(plaintiff, "payments")


def with_claim(case: CaseTriaged, principal: str, interest: str) -> CaseTriaged:
    assert case.case is not None
    arrears = Arrears(
        principal_owed=Decimal(principal),
        interest_owed=Decimal(interest),
        penalty_interest_owed=Decimal("0"),
        as_of=case.case.arrears.as_of,
        overdue_since=case.case.arrears.overdue_since,
        overdue_days=case.case.arrears.overdue_days,
    )
    return case.model_copy(
        update={"case": case.case.model_copy(update={"arrears": arrears})}
    )


def sealed(plaintiff: str, batch: str, case_ids: list[str]) -> BatchSealed:
    return BatchSealed(
        batch_id=batch,
        plaintiff_id=plaintiff,
        court_id="cn-110105",
        case_ids=tuple(case_ids),
        reason=SealReason.CUT_OFF,
        sealed_at=datetime.now(UTC),
    )


def paid(plaintiff: str, payment: str, invoice: str | None, amount: str) -> Contract:
    return FeePaymentMade(
        plaintiff_id=plaintiff,
        payment_id=payment,
        invoice_id=invoice,
        amount=Decimal(amount),
        paid_at=datetime.now(UTC),
    )


async def wait(
    tap: Tap, service: ServiceUnderTest, done: Callable[[], bool], what: str
) -> None:
    deadline = time.monotonic() + 90
    while not done():
        service.assert_alive()
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await tap.poll()


async def test_payments_settle_invoices_and_every_other_payment_is_reported(
    infra: Infra, fees: Start
) -> None:
    service = fees({})
    p0, p1 = f"{service.run}-p0", f"{service.run}-p1"
    courts = ("cn-110105", "cn-110105")
    claims = [("10000", "5000"), ("100000", "50000"), ("8000", "0"), ("9000", "0")]
    cases = [with_claim(triaged(p0, n, courts), *c) for n, c in enumerate(claims)]
    returned = triaged(p0, 9, courts).model_copy(
        update={"decision": TriageDecision.RETURN_TO_COLLECTION}
    )
    tap = await launch(infra, service)
    async with Publisher(infra.bootstrap_servers) as publisher:
        for case in [*cases, returned]:
            await publisher.event(topics.TRIAGE, case, p0)
        await wait(tap, service, lambda: len(tap.unique(FeeAssessed)) == 4, "fees")
        ids = [c.case_id for c in cases]
        for batch, members in (("ba", ids[:2]), ("bb", ids[2:3]), ("bc", ids[3:])):
            await publisher.event(topics.FILING, sealed(p0, batch, members), batch)
        await wait(
            tap, service, lambda: len(tap.unique(FeeInvoiceIssued)) == 3, "bills"
        )
        for payment, invoice, amount in (
            ("pa", "inv-ba", "3475.00"),
            ("pb1", "inv-bb", "20.00"),
            ("pb2", "inv-bb", "30.00"),
            ("pc", "inv-bc", "60.00"),
            ("px", "inv-nowhere", "99.00"),
            ("py", None, "12.00"),
            ("pa2", "inv-ba", "5.00"),
        ):
            await publisher.event(payments(p0), paid(p0, payment, invoice, amount), p0)
        await publisher.event(payments(p0), paid(p0, "pa", "inv-ba", "3475.00"), p0)
        await publisher.event(payments(p0), paid(p1, "pz", "inv-ba", "1.00"), p0)
        await wait(
            tap,
            service,
            lambda: len(tap.unique(InvoicePaymentReported)) == 5,
            "reports",
        )
        await tap.settle()

    assessed = {f.case_id: f.amount for f in tap.unique(FeeAssessed)}
    assert [assessed[c] for c in ids] == [
        Decimal(a) for a in ("175", "3300", "50", "50")
    ]
    bills = {i.invoice_id: i.amount for i in tap.unique(FeeInvoiceIssued)}
    assert bills == {"inv-ba": Decimal("3475"), "inv-bb": Decimal(50), "inv-bc": 50}
    settled = {s.invoice_id: s.payment_ids for s in tap.unique(InvoiceSettled)}
    assert settled == {"inv-ba": ("pa",), "inv-bb": ("pb1", "pb2"), "inv-bc": ("pc",)}
    reports = {r.payment_id: r for r in tap.unique(InvoicePaymentReported)}
    assert {k: r.status for k, r in reports.items()} == {
        "pb1": PaymentStatus.PARTIAL,
        "pc": PaymentStatus.OVERPAID,
        "px": PaymentStatus.UNKNOWN_INVOICE,
        "py": PaymentStatus.UNKNOWN_INVOICE,
        "pa2": PaymentStatus.ALREADY_SETTLED,
    }
    assert (reports["pb1"].outstanding, reports["pc"].excess) == (30, 10)
    notices = [n for n in tap.unique(PlatformNotice) if n.plaintiff_id == p0]
    assert {n.data["payment_id"] for n in notices} == set(reports)
    assert all(n.kind is NoticeKind.PAYMENT_REPORTED for n in notices)
    assert await service.fetchval("SELECT count(*) FROM payments") == 7
    letters = "SELECT count(*) FROM outbox WHERE topic LIKE 'dlq.%' AND key = $1"
    assert await service.fetchval(letters, p0.encode()) == 1


async def test_preservation_fee_is_priced_then_repriced_on_the_value_preserved(
    infra: Infra, fees: Start
) -> None:
    service = fees({})
    p0 = f"{service.run}-p0"
    app_id = f"{service.run}-app-1"
    completed = PreservationApplicationCompleted(
        request_id="req-1",
        application_id=app_id,
        plaintiff_id=p0,
        case_id=f"{p0}-0000001",
        court_id="cn-110105",
        stage=PreservationStage.PRE_SUIT,
        claim_amount=Decimal("60000"),
        value_to_preserve=Decimal("50000"),
        completed_at=datetime.now(UTC),
    )
    recorded = PreservationOrderRecorded(
        application_id=app_id,
        plaintiff_id=p0,
        case_id=completed.case_id,
        court_id="cn-110105",
        stage=PreservationStage.PRE_SUIT,
        docket_number="(2026)京0105财保3号",
        measures=(
            Measure(
                asset_kind=AssetKind.BANK_ACCOUNT,
                asset_identifier="6222-1",
                measure=MeasureKind.FREEZE,
                amount=Decimal("20000"),
                start_date=date(2026, 3, 3),
                expiry_date=date(2027, 3, 2),
            ),
        ),
        recorded_at=datetime.now(UTC),
    )
    docketed = CaseDocketed(
        plaintiff_id=p0,
        case_id=f"{p0}-0000002",
        batch_id="bd",
        court_id="cn-110105",
        docket_number="(2026)京0105民初17号",
        docketed_at=datetime.now(UTC),
    )
    tap = await launch(infra, service)
    async with Publisher(infra.bootstrap_servers) as publisher:
        await publisher.event(topics.PRESERVATION, completed, p0)
        await publisher.event(topics.FILING, docketed, p0)
        await wait(tap, service, lambda: len(tap.unique(FeeAssessed)) == 1, "fee")
        for _ in range(2):
            await publisher.event(topics.PRESERVATION, recorded, p0)
        await wait(
            tap,
            service,
            lambda: len(tap.unique(PreservationFeeReassessed)) == 1,
            "repricing",
        )
        await tap.settle()
    await service.wait_for_count(
        "SELECT count(*) FROM panel_ledger", 3, 30, service.assert_alive
    )

    [fee] = tap.unique(FeeAssessed)
    assert (fee.fee_kind, fee.amount, fee.case) == (FeeKind.PRESERVATION, 520, None)
    assert fee.application_id == app_id
    [repriced] = tap.unique(PreservationFeeReassessed)
    assert (repriced.preserved_value, repriced.prepaid, repriced.amount) == (
        Decimal("20000"),
        Decimal("520"),
        Decimal("220"),
    )
    assert repriced.refund_due == Decimal("300")
    notices = [n for n in tap.unique(PlatformNotice) if n.plaintiff_id == p0]
    assert [n.data["refund_due"] for n in notices] == ["300.00"]
    final = "SELECT final_amount FROM fees WHERE application_id = $1"
    assert await service.fetchval(final, app_id) == Decimal("220.00")
    total = await service.fetchval("SELECT sum(amount) FROM panel_ledger")
    assert total == Decimal("65.00")


async def test_unpaid_invoice_is_warned_then_its_batch_withdrawn(
    infra: Infra, fees: Start
) -> None:
    start = datetime(2026, 12, 3, 1, 0, tzinfo=UTC)
    clock = scaled_setting(start, 43_200.0, time.time())  # a second is half a day
    service = fees({"RECOURSE_CLOCK": clock, "RECOURSE_SWEEP_INTERVAL_SECONDS": "0.2"})
    p0 = f"{service.run}-p0"
    courts = ("cn-110105", "cn-110105")
    tap = await launch(infra, service)
    async with Publisher(infra.bootstrap_servers) as publisher:
        for n in range(2):
            await publisher.event(topics.TRIAGE, triaged(p0, n, courts), p0)
        await wait(tap, service, lambda: len(tap.unique(FeeAssessed)) == 2, "fees")
        [one, two] = [f.case_id for f in tap.unique(FeeAssessed)]
        await publisher.event(topics.FILING, sealed(p0, "bpaid", [one]), "bpaid")
        await publisher.event(topics.FILING, sealed(p0, "blate", [two]), "blate")
        await wait(
            tap, service, lambda: len(tap.unique(FeeInvoiceIssued)) == 2, "bills"
        )
        bill = {i.batch_id: i for i in tap.unique(FeeInvoiceIssued)}["bpaid"]
        await publisher.event(
            payments(p0), paid(p0, "on-time", bill.invoice_id, str(bill.amount)), p0
        )
        await wait(
            tap, service, lambda: len(tap.unique(BatchWithdrawn)) == 1, "withdrawal"
        )
        await publisher.event(payments(p0), paid(p0, "late", "inv-blate", "50.00"), p0)
        await wait(
            tap, service, lambda: len(tap.unique(InvoicePaymentReported)) == 1, "late"
        )
        await tap.settle()

    [warning] = tap.unique(PrepaymentDeadlineApproaching)
    [overdue] = tap.unique(InvoiceOverdue)
    [withdrawn] = tap.unique(BatchWithdrawn)
    [late] = tap.unique(InvoicePaymentReported)
    issued = {i.batch_id: i for i in tap.unique(FeeInvoiceIssued)}["blate"]
    assert warning.batch_id == overdue.batch_id == withdrawn.batch_id == "blate"
    assert warning.due_on == overdue.due_on == issued.due_on
    assert issued.due_on - issued.issued_at.date() >= timedelta(days=7)
    assert overdue.detected_at.astimezone(CHINA_TIME).date() > issued.due_on
    assert late.status is PaymentStatus.AFTER_WITHDRAWAL
    assert [s.batch_id for s in tap.unique(InvoiceSettled)] == ["bpaid"]
