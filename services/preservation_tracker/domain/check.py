"""Automatic completeness check of a preservation application."""

from collections.abc import Mapping
from dataclasses import dataclass, field

from services.preservation_tracker.domain.assets import (
    GUARANTEE_DOCUMENT,
    REQUIRED_IDENTIFIERS,
    Application,
    Document,
    GuaranteeKind,
)
from services.preservation_tracker.domain.guarantee import (
    guarantee_shortfall,
    required_guarantee,
)
from services.preservation_tracker.domain.policy import PreservationPolicy
from services.preservation_tracker.domain.review import ReviewElement, ReviewItem

LABELS: Mapping[Document, str] = {
    Document.APPLICATION_FORM: "application form (财产保全申请书)",
    Document.LOAN_CONTRACT: "evidence: loan contract (借款合同)",
    Document.BANK_STATEMENT: "evidence: bank statement of the loan (银行流水)",
    Document.INSURANCE_POLICY: "guarantee document: insurance policy (保单保函)",
    Document.TITLE_DEED: "guarantee document: title deed (不动产权证书)",
    Document.DEPOSIT_RECEIPT: "guarantee document: cash deposit receipt (保证金凭证)",
    Document.BANK_GUARANTEE_LETTER: "guarantee document: bank guarantee (银行保函)",
    Document.IDENTITY_CARD: "identity card of the applicant (身份证)",
    Document.BUSINESS_LICENCE: "business licence of the applicant (营业执照)",
    Document.OTHER: "other material (其他材料)",
}
_JUDGED_GUARANTEES = {GuaranteeKind.INSURANCE_POLICY, GuaranteeKind.TITLE_DEED}


@dataclass(frozen=True)
class CheckResult:
    complete: bool
    missing: list[str]
    review_items: list[ReviewItem] = field(default_factory=list)
    asks_online_inquiry: bool = False
    missing_documents: list[Document] = field(default_factory=list)


def _required_documents(app: Application) -> list[Document]:
    required = [
        Document.APPLICATION_FORM,
        Document.LOAN_CONTRACT,
        Document.BANK_STATEMENT,
    ]
    if app.guarantee is not None:
        required.append(GUARANTEE_DOCUMENT[app.guarantee.kind])
    if app.applicant_is_organisation:
        required.append(Document.BUSINESS_LICENCE)
    else:
        required.append(Document.IDENTITY_CARD)
    return required


def _missing_assets(app: Application) -> list[str]:
    missing: list[str] = []
    if not app.assets and not app.leads:
        missing.append("at least one asset or asset lead (财产或财产线索)")
    for n, asset in enumerate(app.assets, start=1):
        for name in REQUIRED_IDENTIFIERS[asset.kind]:
            if not asset.identifiers.get(name, "").strip():
                missing.append(f"asset {n} ({asset.kind}): {name}")
        if asset.value <= 0:
            missing.append(f"asset {n} ({asset.kind}): value above zero")
    if app.leads and not app.requests_online_inquiry:
        missing.append("request for the court's online enforcement inquiry (网络查控)")
    return missing


def _guarantee(app: Application, policy: PreservationPolicy) -> list[str]:
    required = required_guarantee(app.amount, app.stage, policy)
    if app.guarantee is None:
        return [f"guarantee of at least {required} yuan (财产保全担保)"]
    short = guarantee_shortfall(app.guarantee.value, app.amount, app.stage, policy)
    if short > 0:
        return [f"guarantee short by {short} yuan: {required} yuan required"]
    return []


def _review(app: Application, policy: PreservationPolicy) -> list[ReviewItem]:
    items: list[ReviewItem] = []
    guarantee = app.guarantee
    required = required_guarantee(app.amount, app.stage, policy)
    ceiling = required * (1 + policy.review_margin)
    if guarantee and guarantee.kind in _JUDGED_GUARANTEES and guarantee.value < ceiling:
        detail = f"{guarantee.kind} worth {guarantee.value} against {required} required"
        items.append(
            ReviewItem(
                app.application_id,
                ReviewElement.GUARANTEE_ADEQUACY,
                detail,
                app.received_at,
            )
        )
    if app.leads:
        detail = "; ".join(f"{lead.kind}: {lead.description}" for lead in app.leads)
        items.append(
            ReviewItem(
                app.application_id,
                ReviewElement.ASSET_LEAD_CREDIBILITY,
                detail,
                app.received_at,
            )
        )
    return items


def check_application(app: Application, policy: PreservationPolicy) -> CheckResult:
    """List exactly what is missing, and queue the two judgement elements."""
    absent = [d for d in _required_documents(app) if d not in app.documents]
    missing = [LABELS[d] for d in absent]
    missing += _missing_assets(app) + _guarantee(app, policy)
    if missing:
        return CheckResult(complete=False, missing=missing, missing_documents=absent)
    return CheckResult(
        complete=True,
        missing=[],
        review_items=_review(app, policy),
        asks_online_inquiry=bool(app.leads),
    )
