"""The demo report's service levels: met, warned and breached per clock."""

import json
from typing import Any

from recourse.demo.ledger import Published
from recourse.demo.report import build_report


def published(name: str, **body: Any) -> Published:
    return Published(
        schema="filing",
        topic="recourse.filing.v1",
        key=body.get("batch_id", ""),
        ce_type=f"io.recourse.{name}.v1",
        time=None,
        payload=json.dumps(body).encode(),
        sent=True,
    )


def test_a_clock_is_met_by_fully_answered_batches_without_its_breach() -> None:
    rows = [
        published("BatchSealed", batch_id="b1", case_ids=["c1", "c2"]),
        published("BatchSealed", batch_id="b2", case_ids=["c3"]),
        published("BatchSealed", batch_id="b3", case_ids=["c4", "c5"]),
        published("CaseDocketed", batch_id="b1", case_id="c1", docket_number="n1"),
        published("CaseRejected", batch_id="b1", case_id="c2"),
        published("CaseDocketed", batch_id="b2", case_id="c3", docket_number="n2"),
        published("CaseDocketed", batch_id="b3", case_id="c4", docket_number="n3"),
        published("ServiceLevelWarned", batch_id="b2", level="ready_one_day"),
        published("ServiceLevelBreached", batch_id="b2", level="ready_one_day"),
        published("MeasureRenewed"),
    ]

    report = build_report(rows)

    levels = report.service_levels
    assert levels["batches fully answered"] == 2
    assert levels["met ready_one_day"] == 1
    assert levels["warned ready_one_day"] == 1
    assert levels["breached ready_one_day"] == 1
    assert levels["met normal_seven_days"] == 2
    assert report.preservation["renewals"] == 1
