"""The court's preservation orders and renewals, and dismissals of preserved cases."""

import structlog

from contracts import topics
from contracts.notices import NoticeKind
from contracts.preservation import (
    MeasureRenewed,
    PreservationOrderRecorded,
    TermBeyondCap,
)
from contracts.rulings import PreservationOrdered, PreservationRenewed
from services.preservation_tracker import clocks_store, store, translate
from services.preservation_tracker.config import Policies
from services.preservation_tracker.domain.assets import Stage
from services.preservation_tracker.domain.deadlines import (
    DeadlineKind,
    deadlines_for,
    lapse_date,
)
from services.preservation_tracker.domain.errors import InvalidOrderError
from services.preservation_tracker.domain.order import (
    CourtOrder,
    excess_terms,
    latest_expiry,
    renew,
)
from shared.delivery.unit_of_work import Incoming, UnitOfWork
from shared.errors import BadInput
from shared.notices import notify_platform as notify
from shared.periods import default_calendar, local_day

log = structlog.get_logger(__name__)
RENEWAL_KINDS = (
    DeadlineKind.RENEWAL_REMINDER,
    DeadlineKind.RENEWAL_URGENT,
    DeadlineKind.EXPIRY,
)


async def _applied_for(
    uow: UnitOfWork, ruling: PreservationOrdered | PreservationRenewed
) -> store.Row:
    row = await store.application(uow.conn, ruling.application_id)
    if row is None:
        raise BadInput(f"no preservation application {ruling.application_id!r}")
    if (row["plaintiff_id"], row["court_id"]) != (ruling.plaintiff_id, ruling.court_id):
        raise BadInput(
            f"application {ruling.application_id!r} belongs to another plaintiff "
            "or court"
        )
    return row


class RulingRecorder:
    """Handlers of the court's preservation rulings, with the tenants' policies."""

    def __init__(self, policies: Policies) -> None:
        self._policies = policies

    async def record_order(self, uow: UnitOfWork, incoming: Incoming) -> None:
        """Store the measures and start their renewal and pre-suit clocks."""
        ordered = incoming.event
        assert isinstance(ordered, PreservationOrdered)
        app = await _applied_for(uow, ordered)
        if app["case_id"] != ordered.case_id:
            raise BadInput(f"order names case {ordered.case_id!r}, not the applied one")
        if app["status"] in ("ordered", "lifted"):
            log.info("order_already_recorded", application_id=ordered.application_id)
            return
        if app["status"] != "applied":
            raise BadInput(
                f"application {ordered.application_id!r} was never applied for"
            )
        assets = [m.asset_identifier for m in ordered.measures]
        if len(set(assets)) != len(assets):
            raise BadInput("the order names one asset under two measures")
        policy = self._policies.for_tenant(ordered.plaintiff_id)
        case = await store.docketed_case(
            uow.conn, ordered.plaintiff_id, ordered.case_id
        )
        measures = tuple(translate.measure_of(m) for m in ordered.measures)
        order = CourtOrder(
            order_id=ordered.application_id,
            case_id=ordered.case_id,
            stage=Stage(app["stage"]),
            taken_on=min(
                (m.starts_on for m in measures), default=local_day(ordered.ordered_at)
            ),
            measures=measures,
            case_filed_on=case["filed_on"] if case else None,
        )
        latest = [latest_expiry(m, policy) for m in measures]
        await clocks_store.insert_measures(
            uow.conn, ordered.application_id, ordered.measures, latest
        )
        pre_suit = order.stage is Stage.PRE_SUIT and bool(measures)
        suit_due = lapse_date(order, policy, default_calendar()) if pre_suit else None
        await store.set_status(
            uow.conn,
            ordered.application_id,
            "ordered",
            ruling_docket=ordered.docket_number,
            taken_on=order.taken_on,
            suit_due_on=suit_due,
        )
        if measures:
            deadlines = deadlines_for(order, policy, default_calendar())
            await clocks_store.insert_deadlines(
                uow.conn, ordered.application_id, deadlines
            )
        beyond = tuple(
            TermBeyondCap(
                asset_identifier=t.asset_ref,
                asset_kind=next(
                    m.asset_kind
                    for m in ordered.measures
                    if m.asset_identifier == t.asset_ref
                ),
                expiry_date=t.expires_on,
                latest_allowed=t.latest_allowed,
            )
            for t in excess_terms(order, policy)
        )
        recorded = PreservationOrderRecorded(
            application_id=ordered.application_id,
            plaintiff_id=ordered.plaintiff_id,
            case_id=ordered.case_id,
            court_id=ordered.court_id,
            stage=app["stage"],
            docket_number=ordered.docket_number,
            measures=ordered.measures,
            suit_due_on=suit_due,
            terms_beyond_cap=beyond,
            recorded_at=uow.now(),
        )
        uow.emit(
            recorded,
            topic=topics.PRESERVATION,
            key=ordered.plaintiff_id,
            cause_id=incoming.meta.id,
            name="PreservationOrderRecorded",
            subject=ordered.case_id,
        )
        if beyond:
            flagged = ", ".join(
                f"{b.asset_identifier} until {b.expiry_date}" for b in beyond
            )
            notify(
                uow,
                plaintiff_id=ordered.plaintiff_id,
                case_id=ordered.case_id,
                kind=NoticeKind.OTHER,
                text=(
                    f"Order {ordered.docket_number} sets terms beyond the legal "
                    f"maximum: {flagged}"
                ),
                data={"application_id": ordered.application_id, "flagged": len(beyond)},
                cause_id=incoming.meta.id,
                name="beyond_cap",
            )
        log.info(
            "order_recorded",
            application_id=ordered.application_id,
            measures=len(measures),
            beyond_cap=len(beyond),
        )

    async def record_renewal(self, uow: UnitOfWork, incoming: Incoming) -> None:
        """Replace one measure's expiry and restart its renewal clock."""
        renewed = incoming.event
        assert isinstance(renewed, PreservationRenewed)
        app = await _applied_for(uow, renewed)
        rows = await clocks_store.measures_of(uow.conn, renewed.application_id, None)
        row = next(
            (r for r in rows if r["asset_identifier"] == renewed.asset_identifier), None
        )
        if row is None or row["status"] != "live":
            state = "unknown" if row is None else row["status"]
            raise BadInput(f"no live measure on {renewed.asset_identifier!r} ({state})")
        policy = self._policies.for_tenant(renewed.plaintiff_id)
        current = translate.measure_from_row(row)
        order = CourtOrder(
            renewed.application_id,
            app["case_id"],
            Stage(app["stage"]),
            app["taken_on"],
            (current,),
        )
        try:
            order = renew(order, renewed.asset_identifier, renewed.expiry_date)
        except InvalidOrderError as error:
            raise BadInput(str(error)) from error
        measure = order.measures[0]
        latest = latest_expiry(measure, policy)
        await clocks_store.renew_measure(
            uow.conn,
            renewed.application_id,
            measure.asset_ref,
            measure.starts_on,
            measure.expires_on,
            latest,
        )
        now = uow.now()
        await clocks_store.cancel_deadlines(
            uow.conn, renewed.application_id, RENEWAL_KINDS, now, measure.asset_ref
        )
        fresh = [
            d
            for d in deadlines_for(order, policy, default_calendar())
            if d.kind in RENEWAL_KINDS
        ]
        await clocks_store.insert_deadlines(uow.conn, renewed.application_id, fresh)
        uow.emit(
            MeasureRenewed(
                application_id=renewed.application_id,
                plaintiff_id=renewed.plaintiff_id,
                case_id=app["case_id"],
                court_id=renewed.court_id,
                asset_identifier=measure.asset_ref,
                previous_expiry=current.expires_on,
                expiry_date=measure.expires_on,
                beyond_cap=measure.expires_on > latest,
                recorded_at=now,
            ),
            topic=topics.PRESERVATION,
            key=renewed.plaintiff_id,
            cause_id=incoming.meta.id,
            name="MeasureRenewed",
            subject=app["case_id"],
        )
        log.info("measure_renewed", application_id=renewed.application_id)
