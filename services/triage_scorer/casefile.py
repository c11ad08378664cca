"""One case as the decision code needs it: report, domain case, attempts, policy."""

from dataclasses import dataclass
from datetime import date

import asyncpg

from contracts.platform import LoanOverdue
from services.triage_scorer import mapping
from services.triage_scorer.domain.case import Attempt, Case
from services.triage_scorer.domain.policy import (
    TriagePolicy,
    overrides_from_json,
    policies_from,
)
from services.triage_scorer.store import decisions
from shared.policies import tenant_overrides

COLLECTING = "collecting"
AWAITING_PRIVACY_NOTICE = "awaiting_privacy_notice"
DECIDED = "decided"


async def policy_for(
    conn: asyncpg.Connection, plaintiff_id: str, day: date
) -> TriagePolicy:
    """The tenant's policy in force on `day`: stored overrides over the defaults."""
    rows = [
        {"effective_from": effective_from, **overrides_from_json(raw)}
        for effective_from, raw in await tenant_overrides(conn, plaintiff_id)
    ]
    return policies_from(plaintiff_id, rows).on(day)


@dataclass(frozen=True)
class CaseFile:
    row: asyncpg.Record
    report: LoanOverdue
    case: Case
    rows: list[asyncpg.Record]

    @property
    def plaintiff_id(self) -> str:
        return self.report.plaintiff_id

    @property
    def case_id(self) -> str:
        return self.report.case_id

    @property
    def status(self) -> str:
        return str(self.row["status"])

    @property
    def attempts(self) -> list[Attempt]:
        return [mapping.attempt_of(r) for r in self.rows]


async def open_file(conn: asyncpg.Connection, row: asyncpg.Record) -> CaseFile:
    report = mapping.report_of(row)
    attempts = await decisions.collection_attempts(
        conn, report.plaintiff_id, report.case_id
    )
    case = mapping.case_of(report, row["opened_at"])
    return CaseFile(row, report, case, attempts)
