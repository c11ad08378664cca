"""Maps contract models onto the preservation domain and back."""

import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime
from decimal import Decimal
from typing import Any

from contracts import assets as edge
from contracts.platform import PreservationRequested
from services.preservation_tracker.domain import assets as domain
from services.preservation_tracker.domain.assets import Document
from services.preservation_tracker.domain.order import Measure, MeasureKind

_APPLICATION_NS = uuid.UUID("5f0c3c51-2b8e-4d0e-9d55-7f1f7a52b1e4")

ASSET_KIND: Mapping[edge.AssetKind, domain.AssetKind] = {
    edge.AssetKind.REAL_ESTATE: domain.AssetKind.REAL_ESTATE,
    edge.AssetKind.VEHICLE_OR_SHIP: domain.AssetKind.VEHICLE_OR_SHIP,
    edge.AssetKind.BANK_ACCOUNT: domain.AssetKind.BANK_ACCOUNT,
    edge.AssetKind.SECURITIES: domain.AssetKind.SECURITIES_EQUITY,
    edge.AssetKind.RECEIVABLE: domain.AssetKind.THIRD_PARTY_CLAIM,
    edge.AssetKind.EQUIPMENT: domain.AssetKind.PLANT_EQUIPMENT,
    edge.AssetKind.INTELLECTUAL_PROPERTY: domain.AssetKind.INTELLECTUAL_PROPERTY,
    edge.AssetKind.OTHER: domain.AssetKind.OTHER,
}
# The contract's one identifier fills the main field; details supply the rest.
PRIMARY_IDENTIFIER: Mapping[domain.AssetKind, str] = {
    domain.AssetKind.REAL_ESTATE: "certificate_number",
    domain.AssetKind.VEHICLE_OR_SHIP: "registration_number",
    domain.AssetKind.BANK_ACCOUNT: "account_number",
    domain.AssetKind.SECURITIES_EQUITY: "account_number",
    domain.AssetKind.THIRD_PARTY_CLAIM: "claim_basis",
    domain.AssetKind.PLANT_EQUIPMENT: "description",
    domain.AssetKind.INTELLECTUAL_PROPERTY: "registration_number",
    domain.AssetKind.OTHER: "description",
}
GUARANTEE_KIND: Mapping[edge.GuaranteeKind, domain.GuaranteeKind] = {
    edge.GuaranteeKind.CASH_DEPOSIT: domain.GuaranteeKind.CASH_DEPOSIT,
    edge.GuaranteeKind.BANK_GUARANTEE: domain.GuaranteeKind.BANK_GUARANTEE,
    edge.GuaranteeKind.INSURANCE_POLICY: domain.GuaranteeKind.INSURANCE_POLICY,
    edge.GuaranteeKind.TITLE_DEED: domain.GuaranteeKind.TITLE_DEED,
}
MATERIAL_OF: Mapping[Document, edge.MaterialKind] = {
    Document.APPLICATION_FORM: edge.MaterialKind.APPLICATION_FORM,
    Document.LOAN_CONTRACT: edge.MaterialKind.EVIDENCE,
    Document.BANK_STATEMENT: edge.MaterialKind.EVIDENCE,
    Document.INSURANCE_POLICY: edge.MaterialKind.GUARANTEE_DOCUMENTS,
    Document.TITLE_DEED: edge.MaterialKind.GUARANTEE_DOCUMENTS,
    Document.DEPOSIT_RECEIPT: edge.MaterialKind.GUARANTEE_DOCUMENTS,
    Document.BANK_GUARANTEE_LETTER: edge.MaterialKind.GUARANTEE_DOCUMENTS,
    Document.IDENTITY_CARD: edge.MaterialKind.IDENTITY_DOCUMENT,
    Document.BUSINESS_LICENCE: edge.MaterialKind.IDENTITY_DOCUMENT,
    Document.OTHER: edge.MaterialKind.OTHER,
}
MEASURE_KIND: Mapping[edge.MeasureKind, MeasureKind] = {
    edge.MeasureKind.FREEZE: MeasureKind.FREEZE,
    edge.MeasureKind.SEIZE: MeasureKind.DETAIN,
    edge.MeasureKind.SEAL: MeasureKind.SEAL,
}


def application_id_for(plaintiff_id: str, request_id: str) -> str:
    """The court application's id, the same for every copy of a request."""
    return "pa-" + uuid.uuid5(_APPLICATION_NS, f"{plaintiff_id}/{request_id}").hex


def _documents(
    materials: Iterable[edge.MaterialKind], guarantee: domain.Guarantee | None
) -> frozenset[Document]:
    found: set[Document] = set()
    for kind in materials:
        found.update(d for d, k in MATERIAL_OF.items() if k is kind)
    guarantee_documents = {
        d for d, k in MATERIAL_OF.items() if k is edge.MaterialKind.GUARANTEE_DOCUMENTS
    }
    if guarantee is None:
        return frozenset(found - guarantee_documents)
    offered = domain.GUARANTEE_DOCUMENT[guarantee.kind]
    return frozenset(found - (guarantee_documents - {offered}))


def _guarantee(offered: edge.Guarantee | None) -> domain.Guarantee | None:
    if offered is None or offered.kind not in GUARANTEE_KIND:
        return None
    return domain.Guarantee(GUARANTEE_KIND[offered.kind], offered.amount)


def application_of(
    request: PreservationRequested, application_id: str, received_at: datetime
) -> tuple[domain.Application, list[str]]:
    """The domain application, and defects the domain has no word for."""
    problems = []
    if request.guarantee and request.guarantee.kind not in GUARANTEE_KIND:
        problems.append(
            "guarantee of kind 'other' is not accepted: offer a cash deposit, "
            "bank guarantee, insurance policy or title deed"
        )
    guarantee = _guarantee(request.guarantee)
    known, leads = [], []
    for asset in request.assets:
        kind = ASSET_KIND[asset.kind]
        if asset.lead:
            leads.append(domain.AssetLead(kind, asset.identifier))
            continue
        names = {PRIMARY_IDENTIFIER[kind]: asset.identifier, **asset.details}
        value = asset.value if asset.value is not None else Decimal("0")
        known.append(domain.Asset(kind, value, names))
    application = domain.Application(
        application_id=application_id,
        stage=domain.Stage(request.stage.value),
        amount=request.claim_amount,
        received_at=received_at,
        applicant_is_organisation=True,
        documents=_documents(request.materials, guarantee),
        assets=tuple(known),
        leads=tuple(leads),
        requests_online_inquiry=bool(leads),
        guarantee=guarantee,
    )
    return application, problems


def missing_materials(documents: Iterable[Document]) -> tuple[edge.MaterialKind, ...]:
    """The contract's material kinds for missing documents, each named once."""
    return tuple(dict.fromkeys(MATERIAL_OF[d] for d in documents))


def measure_of(measure: edge.Measure) -> Measure:
    return Measure(
        asset_ref=measure.asset_identifier,
        asset_kind=ASSET_KIND[measure.asset_kind],
        kind=MEASURE_KIND[measure.measure],
        starts_on=measure.start_date,
        expires_on=measure.expiry_date,
        preserved_value=measure.amount or Decimal("0.00"),
    )


def measure_from_row(row: Mapping[str, Any]) -> Measure:
    """A stored measure as the domain sees it."""
    amount = row["amount"]
    return Measure(
        asset_ref=str(row["asset_identifier"]),
        asset_kind=ASSET_KIND[edge.AssetKind(row["asset_kind"])],
        kind=MEASURE_KIND[edge.MeasureKind(row["measure"])],
        starts_on=row["start_date"],
        expires_on=row["expiry_date"],
        preserved_value=amount if isinstance(amount, Decimal) else Decimal("0.00"),
    )
