"""The court simulator alone: it reads court filings and answers as a court.

One scaled second is three simulated days; judgments are configured to come
3 to 6 days after docketing (RECOURSE_COURT_JUDGMENT_DAYS). The simulator is
killed once while answering and must neither lose nor repeat an answer or a
serial.
"""

import json
import time
from collections import defaultdict
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from contracts import topics
from contracts.assets import (
    Asset,
    AssetKind,
    Guarantee,
    GuaranteeKind,
    PreservationStage,
    Respondent,
)
from contracts.cloudevents import decode_headers
from contracts.court import (
    BatchFilingSubmitted,
    ComplaintElements,
    PreservationApplicationSubmitted,
)
from contracts.loans import CaseSummary
from contracts.rulings import (
    CaseDocketedByCourt,
    FilingRejectedByCourt,
    JudgmentIssued,
    PreservationOrdered,
)
from recourse.simulators.court.docketing import WRONG_COURT
from recourse.simulators.loans import LoanFactory
from services.filing_batcher.complaints import complaint_for
from services.filing_batcher.domain.courts import Court, CourtRegistry
from services.filing_batcher.domain.docket import parse_docket
from services.filing_batcher.registry import plaintiffs
from shared.clock import scaled_setting
from tests.integration.test_filing_flow import Tap
from tests.support.infra import Infra
from tests.support.kafka import Publisher, create_topics
from tests.support.services import ServiceUnderTest, run_id

pytestmark = pytest.mark.integration
START = datetime(2026, 6, 1, 1, 0, tzinfo=UTC)
FACTOR = 259_200.0  # one real second is three simulated days
BATCH = 150
ACME = plaintiffs().by_id("acme")


@pytest.fixture
async def court(infra: Infra, tmp_path: Path) -> AsyncIterator[ServiceUnderTest]:
    run = run_id()
    registry = [
        {"id": f"{run}-c0", "code": "京0105", "name": "测试法院", "region": "北京市"},
        {"id": f"{run}-c1", "code": "沪0115", "name": "测试法院", "region": "上海市"},
    ]
    (tmp_path / "courts.json").write_text(json.dumps(registry, ensure_ascii=False))
    service = ServiceUnderTest(
        infra,
        "recourse.simulators.court",
        f"court_{run}",
        run,
        tmp_path,
        {
            "RECOURSE_COURT_REGISTRY": str(tmp_path / "courts.json"),
            "RECOURSE_CLOCK": scaled_setting(START, FACTOR, time.time()),
            "RECOURSE_SWEEP_INTERVAL_SECONDS": "0.2",
            "RECOURSE_COURT_REJECT_SHARE": "0.1",
            "RECOURSE_COURT_MIN_DECISION_HOURS": "1",
            "RECOURSE_COURT_MAX_DECISION_HOURS": "48",
            "RECOURSE_COURT_JUDGMENT_DAYS": "3,6",
        },
    )
    yield service
    service.stop()


def complaints(run: str, batch: int) -> list[ComplaintElements]:
    courts = CourtRegistry(
        [Court(f"{run}-c{i}", f"京010{i}", "测试法院", "北京市") for i in (0, 1)]
    )
    factory = LoanFactory(f"{run}-p0", (f"{run}-c0",) * 9 + (f"{run}-c1",))
    found = []
    for index in range(batch * BATCH, (batch + 1) * BATCH):
        loan = factory.overdue(index)
        summary = CaseSummary(
            borrower=loan.borrower,
            loan=loan.loan,
            arrears=loan.arrears,
            agreed_court_id=loan.agreed_court_id,
            e_service_consent=loan.e_service_consent,
        )
        found.append(complaint_for(loan.case_id, summary, ACME, courts))
    return found


def filing(run: str, batch: int) -> BatchFilingSubmitted:
    return BatchFilingSubmitted(
        batch_id=f"{run}-b{batch}",
        plaintiff_id=f"{run}-p0",
        court_id=f"{run}-c0",
        fee_paid=Decimal("7500.00"),
        cases=tuple(complaints(run, batch)),
        submitted_at=datetime.now(UTC),
    )


def application(run: str) -> PreservationApplicationSubmitted:
    return PreservationApplicationSubmitted(
        application_id=f"{run}-app",
        plaintiff_id=f"{run}-p0",
        court_id=f"{run}-c0",
        case_id=f"{run}-p0-0000001",
        stage=PreservationStage.PRE_SUIT,
        respondent=Respondent(name="张三", id_number="11010519900307123X"),
        assets=(
            Asset(
                kind=AssetKind.BANK_ACCOUNT,
                identifier="6222020200112233445",
                value=Decimal("30000"),
            ),
        ),
        guarantee=Guarantee(kind=GuaranteeKind.CASH_DEPOSIT, amount=Decimal("30000")),
        claim_amount=Decimal("30000"),
        fee=Decimal("320.00"),
        submitted_at=datetime.now(UTC),
    )


async def test_court_dockets_rejects_and_judges_each_case_once_across_a_restart(
    infra: Infra, court: ServiceUnderTest
) -> None:
    run = court.run
    filings, rulings = (
        topics.court_topic(f"{run}-c0", k) for k in ("filings", "rulings")
    )
    batches = [filing(run, 0), filing(run, 1)]
    expected = {c.case_id for b in batches for c in b.cases}
    await create_topics(infra.bootstrap_servers, [filings])
    async with Tap(infra.bootstrap_servers, run, [rulings]) as tap:
        court.start()
        async with Publisher(infra.bootstrap_servers) as publisher:
            for batch in batches:
                await publisher.event(filings, batch, batch.batch_id)
            await publisher.event(filings, application(run), f"{run}-p0")
        killed = False
        deadline = time.monotonic() + 150
        while True:
            court.assert_alive()
            assert time.monotonic() < deadline, "court did not answer in time"
            await tap.poll()
            answers = tap.unique(CaseDocketedByCourt) + tap.unique(
                FilingRejectedByCourt
            )
            if not killed and len(answers) >= 100:
                court.kill()
                court.start()
                killed = True
            docketed = tap.unique(CaseDocketedByCourt)
            judged = tap.unique(JudgmentIssued)
            orders = tap.unique(PreservationOrdered)
            if (
                len(answers) >= len(expected)
                and len(judged) >= len(docketed)
                and orders
            ):
                break
        await tap.settle()

    events = tap.events(CaseDocketedByCourt) + tap.events(FilingRejectedByCourt)
    ids_per_case = defaultdict(set)
    for ce_id, event in events:
        ids_per_case[event.case_id].add(ce_id)
    assert set(ids_per_case) == expected
    assert all(len(ids) == 1 for ids in ids_per_case.values())
    docketed = tap.unique(CaseDocketedByCourt)
    rejected = tap.unique(FilingRejectedByCourt)
    in_order = sorted(docketed, key=lambda d: (d.decided_at, d.docket_number))
    serials = [parse_docket(d.docket_number).serial for d in in_order]
    assert serials == list(range(1, len(docketed) + 1))
    assert {parse_docket(d.docket_number).court_code for d in docketed} == {"京0105"}
    wrong_court = {
        c.case_id for b in batches for c in b.cases if c.agreed_court_id != f"{run}-c0"
    }
    assert {r.case_id for r in rejected if r.reason == WRONG_COURT} == wrong_court
    assert 0 < len(rejected) - len(wrong_court) < 0.25 * len(expected)
    judgments = {j.case_id: j for j in tap.unique(JudgmentIssued)}
    assert set(judgments) == {d.case_id for d in docketed}
    filed = {c.case_id: c for b in batches for c in b.cases}
    for d in docketed:
        judged = judgments[d.case_id]
        assert judged.docket_number == d.docket_number
        delay = judged.judged_at - d.decided_at
        assert timedelta(days=3) <= delay <= timedelta(days=6, hours=8)
        defendant = filed[d.case_id].defendant
        assert judged.defendant_phone == defendant.phone
        assert judged.defendant_service_address == defendant.service_address
    [order] = tap.unique(PreservationOrdered)
    assert order.application_id == f"{run}-app"
    assert all(decode_headers(r.headers).source for r in tap.records)
    assert killed
    unsent = "SELECT count(*) FROM outbox WHERE sent_at IS NULL"
    assert await court.fetchval(unsent) == 0
