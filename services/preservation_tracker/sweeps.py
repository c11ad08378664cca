"""Sweepers: due renewal and lapse deadlines, and reviews waiting too long."""

from datetime import datetime, timedelta
from itertools import groupby

import structlog

from contracts import topics
from contracts.notices import NoticeKind
from contracts.preservation import (
    FreezeRenewalDue,
    LiftReason,
    PreSuitDeadlineWarned,
)
from services.preservation_tracker import clocks_store, store
from services.preservation_tracker.config import Policies
from services.preservation_tracker.domain.deadlines import DeadlineKind
from services.preservation_tracker.domain.review import (
    ReviewElement,
    ReviewItem,
    due_escalations,
)
from services.preservation_tracker.handlers.lifting import lift
from services.preservation_tracker.handlers.renewing import apply_for_renewal
from services.preservation_tracker.handlers.reviews import escalate
from shared.delivery.unit_of_work import UnitOfWork
from shared.notices import notify_platform as notify
from shared.periods import local_day

log = structlog.get_logger(__name__)


def _cause(row: store.Row) -> str:
    return (
        f"deadline:{row['application_id']}:{row['kind']}:"
        f"{row['asset_identifier']}:{row['due_on']}"
    )


class Sweeps:
    """The service's sweepers, sharing the tenants' policies."""

    def __init__(self, policies: Policies) -> None:
        self._policies = policies

    async def emit_due_deadlines(self, uow: UnitOfWork) -> None:
        """Turn each due deadline into its event and notice, exactly once."""
        now = uow.now()
        for row in await clocks_store.due_deadlines(uow.conn, now):
            if row["application_status"] == "ordered":
                await self._emit(uow, row)
            await clocks_store.mark_done(uow.conn, row["deadline_id"], now)

    async def _emit(self, uow: UnitOfWork, row: store.Row) -> None:
        kind = DeadlineKind(row["kind"])
        if kind is DeadlineKind.LAPSE_LIFT:
            app = await store.application(uow.conn, row["application_id"])
            assert app is not None
            await lift(uow, app, LiftReason.SUIT_NOT_FILED, _cause(row))
        elif kind is DeadlineKind.LAPSE_WARNING:
            self._warn_lapse(uow, row)
        else:
            await self._renewal_clock(uow, row, kind)

    def _warn_lapse(self, uow: UnitOfWork, row: store.Row) -> None:
        days_left = max((row["suit_due_on"] - local_day(uow.now())).days, 0)
        uow.emit(
            PreSuitDeadlineWarned(
                application_id=row["application_id"],
                plaintiff_id=row["plaintiff_id"],
                case_id=row["case_id"],
                court_id=row["court_id"],
                measures_taken_on=row["taken_on"],
                suit_due_on=row["suit_due_on"],
                days_left=days_left,
                warned_at=uow.now(),
            ),
            topic=topics.PRESERVATION,
            key=row["plaintiff_id"],
            cause_id=_cause(row),
            name="PreSuitDeadlineWarned",
            subject=row["case_id"],
        )
        notify(
            uow,
            plaintiff_id=row["plaintiff_id"],
            case_id=row["case_id"],
            kind=NoticeKind.DEADLINE_WARNING,
            text=(
                f"File suit on case {row['case_id']} by {row['suit_due_on']} "
                f"({days_left} days left) or the pre-suit preservation is lifted"
            ),
            data={"application_id": row["application_id"], "days_left": days_left},
            cause_id=_cause(row),
            name="lapse_warning",
        )

    async def _renewal_clock(
        self, uow: UnitOfWork, row: store.Row, kind: DeadlineKind
    ) -> None:
        app_id, asset = row["application_id"], row["asset_identifier"]
        measures = await clocks_store.measures_of(uow.conn, app_id)
        measure = next((m for m in measures if m["asset_identifier"] == asset), None)
        if measure is None:
            return
        if kind is DeadlineKind.EXPIRY:
            await clocks_store.set_measure_status(uow.conn, app_id, asset, "expired")
            if len(measures) == 1:
                app = await store.application(uow.conn, app_id)
                assert app is not None
                await lift(uow, app, LiftReason.EXPIRED, _cause(row))
            return
        policy = self._policies.for_tenant(row["plaintiff_id"])
        expiry = measure["expiry_date"]
        request_by = expiry - timedelta(days=policy.renewal_urgent_days)
        urgent = kind is DeadlineKind.RENEWAL_URGENT
        if kind is DeadlineKind.RENEWAL_REMINDER:
            await apply_for_renewal(uow, row, measure, policy, _cause(row))
        uow.emit(
            FreezeRenewalDue(
                application_id=app_id,
                plaintiff_id=row["plaintiff_id"],
                case_id=row["case_id"],
                court_id=row["court_id"],
                asset_identifier=asset,
                expiry_date=expiry,
                request_by=request_by,
                urgent=urgent,
                warned_at=uow.now(),
            ),
            topic=topics.PRESERVATION,
            key=row["plaintiff_id"],
            cause_id=_cause(row),
            name="FreezeRenewalDue",
            subject=row["case_id"],
        )
        notify(
            uow,
            plaintiff_id=row["plaintiff_id"],
            case_id=row["case_id"],
            kind=NoticeKind.DEADLINE_WARNING,
            text=(
                f"{'URGENT: ' if urgent else ''}measure on {asset} expires {expiry}; "
                f"ask the court to renew it by {request_by}"
            ),
            data={"application_id": app_id, "expiry_date": expiry, "urgent": urgent},
            cause_id=_cause(row),
            name="renewal_due",
        )

    async def escalate_stale_reviews(self, uow: UnitOfWork) -> None:
        """Escalate judgement elements that waited past their tenant's limit."""
        now = uow.now()
        oldest = now - self._policies.shortest_review_age()
        rows = await store.stale_review_items(uow.conn, oldest)
        stale = sorted(
            (r for r in rows if self._overdue(r, now)),
            key=lambda r: (r["application_id"], r["element"]),
        )
        for app_id, group in groupby(stale, key=lambda r: r["application_id"]):
            items = list(group)
            limit = self._policies.for_tenant(items[0]["plaintiff_id"]).review_max_age
            reason = f"waited more than {limit} for a reviewer"
            cause = f"escalation:{app_id}:{'+'.join(i['element'] for i in items)}"
            await escalate(uow, items[0], items, reason, cause)

    def _overdue(self, row: store.Row, now: datetime) -> bool:
        item = ReviewItem(
            row["application_id"], ReviewElement(row["element"]), "", row["queued_at"]
        )
        limit = self._policies.for_tenant(row["plaintiff_id"]).review_max_age
        return bool(due_escalations([item], now, limit))
