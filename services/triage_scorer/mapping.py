"""Translation between triage's contracts and its domain."""

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal

import asyncpg

from contracts import contact as c
from contracts import triage as t
from contracts.loans import CaseSummary
from contracts.platform import LoanOverdue
from services.triage_scorer.domain.case import Attempt, Case, ReasonCategory
from services.triage_scorer.domain.features import CaseFeatures
from services.triage_scorer.domain.rules import Reason
from services.triage_scorer.domain.triage import Triage

RULES = {
    "R1": "high_reach",
    "R2": "stated_hardship",
    "R3": "recover_principal",
    "R4": "file_suit",
    "SCORE": "score_above_threshold",
}


def report_of(case_row: asyncpg.Record) -> LoanOverdue:
    return LoanOverdue.model_validate_json(case_row["report"])


def summary_of(report: LoanOverdue) -> CaseSummary:
    return CaseSummary(
        borrower=report.borrower,
        loan=report.loan,
        arrears=report.arrears,
        agreed_court_id=report.agreed_court_id,
        e_service_consent=report.e_service_consent,
    )


def case_of(report: LoanOverdue, opened_at: datetime) -> Case:
    reach = report.loan.marketing_call_reach
    return Case(
        case_id=report.case_id,
        tenant=report.plaintiff_id,
        principal=report.loan.principal,
        term_months=report.loan.term_months,
        overdue_days=report.arrears.overdue_days,
        product_complexity=report.loan.product_complexity,
        opened_at=opened_at,
        marketing_call_reach=float(reach) if reach is not None else None,
    )


def attempt_of(row: asyncpg.Record) -> Attempt:
    reason = row["stated_reason"]
    return Attempt(
        attempt_id=row["attempt_id"],
        channel=c.Channel(row["channel"]),
        at=row["attempted_at"],
        reached=row["reached"],
        answered=row["answered"],
        right_party=row["right_party"],
        cooperative=bool(row["cooperative"]),
        comprehension=bool(row["comprehension"]),
        stated_reason=ReasonCategory(reason) if reason else None,
        marketing=row["marketing"],
    )


def rate(value: float) -> Decimal:
    return Decimal(f"{min(max(value, 0.0), 1.0):.6f}")


def features_of(
    found: CaseFeatures, report: LoanOverdue, rows: Sequence[asyncpg.Record]
) -> t.CaseFeatures:
    reasons = tuple(sorted(c.StatedReason(r.value) for r in found.stated_reasons))
    sentiments = [r["sentiment"] for r in rows if r["sentiment"]]
    right_party = found.right_party_rate > 0
    return t.CaseFeatures(
        principal=report.loan.principal,
        principal_owed=report.arrears.principal_owed,
        term_months=report.loan.term_months,
        overdue_days=report.arrears.overdue_days,
        attempts=found.attempts,
        reached=sum(1 for r in rows if r["reached"]),
        reach_rate=rate(found.reach_rate),
        marketing_call_reach=report.loan.marketing_call_reach,
        right_party_reached=right_party,
        cooperative=found.cooperation_rate > 0 if right_party else None,
        stated_reason=reasons[0] if reasons else c.StatedReason.NONE,
        product_complexity=report.loan.product_complexity,
        profile=report.borrower.profile,
        answered_rate=rate(found.answered_rate),
        right_party_rate=rate(found.right_party_rate),
        cooperation_rate=rate(found.cooperation_rate),
        comprehension_rate=rate(found.comprehension_rate),
        stated_reasons=reasons,
        marketing_reached=found.marketing_reached,
        sentiment=t.Sentiment(sentiments[-1]) if sentiments else None,
    )


def reason_of(reason: Reason) -> t.Reason:
    return t.Reason(
        rule=RULES[reason.rule_id], text=reason.text, text_zh=reason.text_zh
    )


def triaged_of(
    triage: Triage,
    plaintiff_id: str,
    report: LoanOverdue,
    rows: Sequence[asyncpg.Record],
) -> t.CaseTriaged:
    """The event for a decision; a suit carries the case for pricing and filing."""
    decision = t.TriageDecision(triage.decision.value)
    suit = decision is t.TriageDecision.FILE_SUIT
    rows = [r for r in rows if r["attempted_at"] <= triage.decided_at]
    return t.CaseTriaged(
        plaintiff_id=plaintiff_id,
        case_id=triage.case_id,
        revision=triage.revision,
        decision=decision,
        score=rate(triage.score),
        reasons=tuple(reason_of(r) for r in triage.reasons),
        features=features_of(triage.features, report, rows),
        decided_at=triage.decided_at,
        case=summary_of(report) if suit else None,
        cause=t.TriageCause(triage.cause.value),
    )
