"""The run's report, computed from what the services published."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from recourse.demo.ledger import Published

FINAL_DECISIONS = ("return_to_collection", "return_recover_principal", "file_suit")


@dataclass
class RunReport:
    cases_opened: Counter[str] = field(default_factory=Counter)
    decisions: dict[str, Counter[str]] = field(default_factory=dict)
    batch_sizes: list[int] = field(default_factory=list)
    batches_by_reason: Counter[str] = field(default_factory=Counter)
    invoiced: dict[str, Decimal] = field(default_factory=dict)
    paid: dict[str, Decimal] = field(default_factory=dict)
    docketed: int = 0
    rejected: int = 0
    unique_docket_numbers: int = 0
    service_levels: Counter[str] = field(default_factory=Counter)
    preservation: Counter[str] = field(default_factory=Counter)
    sanctions: Counter[str] = field(default_factory=Counter)
    dead_letters: Counter[str] = field(default_factory=Counter)
    unsent: int = 0
    events: Counter[str] = field(default_factory=Counter)
    timeline: dict[str, Counter[int]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "cases_opened": dict(self.cases_opened),
            "decisions": {p: dict(c) for p, c in self.decisions.items()},
            "batches": {
                "count": len(self.batch_sizes),
                "sizes": sorted(self.batch_sizes),
                "by_reason": dict(self.batches_by_reason),
            },
            "fees_invoiced": {p: str(v) for p, v in self.invoiced.items()},
            "fees_paid": {p: str(v) for p, v in self.paid.items()},
            "docketed": self.docketed,
            "rejected": self.rejected,
            "unique_docket_numbers": self.unique_docket_numbers,
            "service_levels": dict(self.service_levels),
            "preservation": dict(self.preservation),
            "sanctions": dict(self.sanctions),
            "dead_letters": dict(self.dead_letters),
            "unsent_outbox_rows": self.unsent,
        }


def _latest_decisions(rows: list[Published]) -> dict[tuple[str, str], str]:
    latest: dict[tuple[str, str], tuple[int, str]] = {}
    for row in rows:
        body = row.body()
        key = (body["plaintiff_id"], body["case_id"])
        revision = int(body.get("revision", 1))
        if key not in latest or revision >= latest[key][0]:
            latest[key] = (revision, body["decision"])
    return {key: decision for key, (_, decision) in latest.items()}


PRESERVATION_EVENTS = {
    "PreservationApplied": "applied",
    "PreservationApplicationReturned": "returned",
    "PreservationOrderRecorded": "orders",
    "FreezeRenewalDue": "renewal reminders",
    "RenewalApplied": "renewal applications",
    "MeasureRenewed": "renewals",
    "PreSuitDeadlineWarned": "30-day warnings",
    "PreservationLifted": "lapsed / lifted",
    "WrongfulApplicationExposureFlagged": "wrongful-application flags",
}
SANCTION_EVENTS = {
    "SanctionRecorded": "sanctions recorded (listings, penalties)",
    "PublicSanctionEntry": "public entries published",
    "SanctionLifted": "listings lifted",
    "PublicSanctionWithdrawn": "public entries withdrawn",
}


SERVICE_LEVELS = (
    "ready_one_day",
    "normal_seven_days",
    "maximum_fifteen_days",
    "court_decision_seven_days",
)


def _service_levels(by_name: dict[str, list[Published]]) -> Counter[str]:
    """Per clock: met (every case answered, no breach), warned and breached."""
    counts: Counter[str] = Counter()
    open_cases = {
        row.body()["batch_id"]: set(row.body()["case_ids"])
        for row in by_name["BatchSealed"]
    }
    for row in [*by_name["CaseDocketed"], *by_name["CaseRejected"]]:
        body = row.body()
        open_cases.get(body["batch_id"], set()).discard(body["case_id"])
    answered = {batch for batch, cases in open_cases.items() if not cases}
    breached = {
        (row.body()["batch_id"], row.body()["level"])
        for row in by_name["ServiceLevelBreached"]
    }
    for level in SERVICE_LEVELS:
        counts[f"met {level}"] = sum(
            (batch, level) not in breached for batch in answered
        )
    for row in by_name["ServiceLevelWarned"]:
        counts[f"warned {row.body()['level']}"] += 1
    for row in by_name["ServiceLevelBreached"]:
        counts[f"breached {row.body()['level']}"] += 1
    counts["batches filed"] = len(by_name["BatchFiled"])
    counts["batches fully answered"] = len(answered)
    return counts


def build_report(rows: list[Published], start_day: Any = None) -> RunReport:
    report = RunReport()
    by_name: dict[str, list[Published]] = defaultdict(list)
    for row in rows:
        report.unsent += 0 if row.sent else 1
        if row.topic.startswith("dlq."):
            report.dead_letters[row.topic.split(".")[1]] += 1
            continue
        by_name[row.name].append(row)
        report.events[row.name] += 1
        if start_day is not None and row.time is not None:
            day = (row.time - start_day).days
            report.timeline.setdefault(row.name, Counter())[day] += 1
    for row in by_name["CaseOpened"]:
        report.cases_opened[row.key] += 1
    for (plaintiff, _), decision in _latest_decisions(by_name["CaseTriaged"]).items():
        report.decisions.setdefault(plaintiff, Counter())[decision] += 1
    for row in by_name["BatchSealed"]:
        body = row.body()
        report.batch_sizes.append(len(body["case_ids"]))
        report.batches_by_reason[body.get("reason", "?")] += 1
    for row in by_name["FeeInvoiceIssued"]:
        body = row.body()
        plaintiff = body["plaintiff_id"]
        report.invoiced[plaintiff] = report.invoiced.get(
            plaintiff, Decimal(0)
        ) + Decimal(body["amount"])
    for row in by_name["InvoiceSettled"]:
        body = row.body()
        plaintiff = body["plaintiff_id"]
        report.paid[plaintiff] = report.paid.get(plaintiff, Decimal(0)) + Decimal(
            body["amount_paid"]
        )
    dockets = [row.body()["docket_number"] for row in by_name["CaseDocketed"]]
    report.docketed = len(dockets)
    report.unique_docket_numbers = len(set(dockets))
    report.rejected = len(by_name["CaseRejected"])
    report.service_levels.update(_service_levels(by_name))
    for name, label in PRESERVATION_EVENTS.items():
        report.preservation[label] = len(by_name[name])
    judgments = [r for r in by_name["PlatformNotice"] if r.body()["kind"] == "judgment"]
    report.sanctions["judgments received"] = len(judgments)
    for name, label in SANCTION_EVENTS.items():
        report.sanctions[label] = len(by_name[name])
    return report
