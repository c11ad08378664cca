"""Asking the court to renew a measure at its renewal reminder."""

import structlog

from contracts import topics
from contracts.assets import AssetKind, MeasureKind
from contracts.court import PreservationRenewalSubmitted
from contracts.preservation import RenewalApplied
from services.preservation_tracker import clocks_store, store, translate
from services.preservation_tracker.domain.policy import PreservationPolicy
from services.preservation_tracker.domain.renewal import applies_for_renewal
from shared.delivery.unit_of_work import UnitOfWork
from shared.periods import local_day

log = structlog.get_logger(__name__)


async def apply_for_renewal(
    uow: UnitOfWork,
    deadline: store.Row,
    measure: store.Row,
    policy: PreservationPolicy,
    cause: str,
) -> None:
    """File a renewal on the court's topic, unless the tenant renews by hand."""
    now = uow.now()
    current = translate.measure_from_row(measure)
    app_id, asset = deadline["application_id"], current.asset_ref
    if not applies_for_renewal(current, policy, local_day(now)):
        log.info("renewal_left_to_platform", application_id=app_id)
        return
    if not await clocks_store.mark_renewal_applied(
        uow.conn, app_id, asset, current.expires_on
    ):
        log.info("renewal_already_applied", application_id=app_id)
        return
    submitted = PreservationRenewalSubmitted(
        application_id=app_id,
        plaintiff_id=deadline["plaintiff_id"],
        court_id=deadline["court_id"],
        case_id=deadline["case_id"],
        ruling_docket=deadline["ruling_docket"],
        asset_kind=AssetKind(measure["asset_kind"]),
        asset_identifier=asset,
        measure=MeasureKind(measure["measure"]),
        expiry_date=current.expires_on,
        submitted_at=now,
    )
    uow.emit(
        submitted,
        topic=topics.court_topic(deadline["court_id"], "filings"),
        key=app_id,
        cause_id=cause,
        name="PreservationRenewalSubmitted",
        subject=deadline["case_id"],
    )
    uow.emit(
        RenewalApplied(
            application_id=app_id,
            plaintiff_id=deadline["plaintiff_id"],
            case_id=deadline["case_id"],
            court_id=deadline["court_id"],
            asset_identifier=asset,
            expiry_date=current.expires_on,
            applied_at=now,
        ),
        topic=topics.PRESERVATION,
        key=deadline["plaintiff_id"],
        cause_id=cause,
        name="RenewalApplied",
        subject=deadline["case_id"],
    )
    log.info("renewal_applied", application_id=app_id, expiry=current.expires_on)
