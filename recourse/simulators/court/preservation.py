"""The court's side of asset preservation: orders and renewals of measures."""

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from contracts.assets import Asset, AssetKind, Measure, MeasureKind, PreservationStage
from contracts.base import Contract
from contracts.court import (
    PreservationApplicationSubmitted,
    PreservationRenewalSubmitted,
)
from contracts.rulings import PreservationOrdered, PreservationRenewed
from recourse.simulators.court.docketing import docket_number, docket_year
from services.filing_batcher.domain.courts import load_courts
from services.filing_batcher.domain.errors import UnknownCourtError
from shared.periods import add_years

CHINA = ZoneInfo("Asia/Shanghai")
# SPC interpretation of the Civil Procedure Law, Art. 485, by asset kind.
TERM_YEARS = {
    AssetKind.BANK_ACCOUNT: 1,
    AssetKind.VEHICLE_OR_SHIP: 2,
    AssetKind.EQUIPMENT: 2,
    AssetKind.OTHER: 2,
    AssetKind.REAL_ESTATE: 3,
    AssetKind.SECURITIES: 3,
    AssetKind.RECEIVABLE: 3,
    AssetKind.INTELLECTUAL_PROPERTY: 3,
}
MEASURE_OF = {
    AssetKind.BANK_ACCOUNT: MeasureKind.FREEZE,
    AssetKind.SECURITIES: MeasureKind.FREEZE,
    AssetKind.RECEIVABLE: MeasureKind.FREEZE,
    AssetKind.INTELLECTUAL_PROPERTY: MeasureKind.FREEZE,
    AssetKind.VEHICLE_OR_SHIP: MeasureKind.SEIZE,
    AssetKind.EQUIPMENT: MeasureKind.SEIZE,
    AssetKind.REAL_ESTATE: MeasureKind.SEAL,
    AssetKind.OTHER: MeasureKind.SEAL,
}
INQUIRY_BANKS = ("工商银行", "建设银行", "农业银行", "招商银行", "微信支付", "支付宝")
PRE_SUIT_TYPE = "财保"
IN_SUIT_TYPE = "执保"
FOUND_BY_INQUIRY = 0.7
BEYOND_CAP = 0.04


def court_code(court_id: str) -> str:
    """The court's display code; a court outside the registry gets a stable one."""
    try:
        return load_courts().by_id(court_id).code
    except UnknownCourtError:
        return f"京{sum(court_id.encode()) % 9000 + 1000}"


def _expiry(kind: AssetKind, start: date, rng: random.Random) -> date:
    cap = add_years(start, TERM_YEARS[kind])
    if rng.random() < BEYOND_CAP:
        return cap + timedelta(days=rng.randint(5, 20))
    return cap - timedelta(days=1)


def _measure(
    asset: Asset, amount: Decimal, start: date, rng: random.Random, lead: bool
) -> Measure:
    return Measure(
        asset_kind=asset.kind,
        asset_identifier=asset.identifier,
        measure=MEASURE_OF[asset.kind],
        amount=amount,
        from_lead=lead,
        start_date=start,
        expiry_date=_expiry(asset.kind, start, rng),
    )


def _searched(lead: Asset, n: int, rng: random.Random) -> Asset | None:
    """What the online enforcement inquiry finds behind a lead, if anything."""
    if rng.random() >= FOUND_BY_INQUIRY:
        return None
    bank = rng.choice(INQUIRY_BANKS)
    balance = Decimal(rng.randrange(500, 80_000))
    account = f"网络查控-{bank}-{rng.randrange(10**6):06d}-{n}"
    return Asset(kind=AssetKind.BANK_ACCOUNT, identifier=account, value=balance)


def _measures(
    app: PreservationApplicationSubmitted, start: date, rng: random.Random
) -> list[Measure]:
    remaining = app.claim_amount
    measures = []
    for n, asset in enumerate(app.assets):
        found = _searched(asset, n, rng) if asset.lead else asset
        if found is None or found.value is None or remaining <= 0:
            continue
        amount = min(found.value, remaining)
        remaining -= amount
        measures.append(_measure(found, amount, start, rng, asset.lead))
    return measures


@dataclass(frozen=True)
class OrderPlan:
    """The court's order before it gets its serial: when, which docket, what."""

    ordered_at: datetime
    court_code: str
    year: int
    case_type: str
    application: PreservationApplicationSubmitted
    measures: tuple[Measure, ...]

    def order(self, serial: int) -> PreservationOrdered:
        """The order under the serial the court's register gave it."""
        app = self.application
        return PreservationOrdered(
            court_id=app.court_id,
            plaintiff_id=app.plaintiff_id,
            application_id=app.application_id,
            case_id=app.case_id,
            docket_number=docket_number(
                self.court_code, self.year, serial, self.case_type
            ),
            measures=self.measures,
            ordered_at=self.ordered_at,
        )


def plan_order(
    app: PreservationApplicationSubmitted, now: datetime, rng: random.Random
) -> OrderPlan:
    """The court's order: within 48 hours pre-suit, within five days in-suit."""
    hours = rng.uniform(2, 47) if app.stage is PreservationStage.PRE_SUIT else None
    delay = timedelta(hours=hours) if hours else timedelta(days=rng.uniform(1, 5))
    ordered_at = now + delay
    start = ordered_at.astimezone(CHINA).date()
    kind = PRE_SUIT_TYPE if app.stage is PreservationStage.PRE_SUIT else IN_SUIT_TYPE
    return OrderPlan(
        ordered_at=ordered_at,
        court_code=court_code(app.court_id),
        year=docket_year(ordered_at),
        case_type=kind,
        application=app,
        measures=tuple(_measures(app, start, rng)),
    )


def on_renewal_application(
    renewal: PreservationRenewalSubmitted, now: datetime, rng: random.Random
) -> list[tuple[datetime, Contract]]:
    """Renew the measure for a full new term of its kind, within a few days."""
    renewed_at = now + timedelta(days=rng.uniform(1, 5))
    cap = add_years(renewal.expiry_date, TERM_YEARS[renewal.asset_kind])
    ruling = PreservationRenewed(
        court_id=renewal.court_id,
        plaintiff_id=renewal.plaintiff_id,
        application_id=renewal.application_id,
        asset_identifier=renewal.asset_identifier,
        expiry_date=cap - timedelta(days=1),
        renewed_at=renewed_at,
    )
    return [(renewed_at, ruling)]
