"""The court's judgments on docketed loan cases."""

import random
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from contracts.assets import Respondent
from contracts.base import Contract
from contracts.court import ComplaintElements
from contracts.rulings import (
    LISTING_TERM_YEARS,
    CaseDocketedByCourt,
    DishonestListing,
    JudgmentIssued,
    JudgmentOutcome,
    PenaltyKind,
)
from services.filing_batcher import registry
from services.filing_batcher.domain.errors import UnknownCourtError

CENT = Decimal("0.01")
CONDUCT = {
    1: "有履行能力而拒不履行生效法律文书确定义务",
    2: "以伪造证据、暴力、威胁等方法妨碍、抗拒执行",
    3: "以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行",
    4: "违反财产报告制度",
    5: "违反限制消费令",
    6: "无正当理由拒不履行执行和解协议",
}
ITEM_WEIGHTS = (6, 1, 2, 2, 1, 1)
MALICIOUS_SHARE = 0.4
PENALTY_SHARE = 0.05
EXTENSION_SHARE = 0.2


def _listing(rng: random.Random) -> DishonestListing:
    """Item 1 with no term; items 2 to 6 for the legal term, some extended."""
    item = rng.choices(range(1, 7), weights=ITEM_WEIGHTS)[0]
    if item == 1:
        return DishonestListing(art1_item=item, conduct=CONDUCT[item])
    extended = rng.random() < EXTENSION_SHARE
    return DishonestListing(
        art1_item=item,
        conduct=CONDUCT[item],
        term_years=LISTING_TERM_YEARS,
        extension_years=rng.randint(1, 3) if extended else None,
    )


def court_name(court_id: str) -> str | None:
    """The court's registered name, or None for a court not registered."""
    try:
        return registry.courts().by_id(court_id).name
    except UnknownCourtError:
        return None


def _costs(claim: Decimal) -> Decimal:
    return max(Decimal("50"), claim * Decimal("0.0125")).quantize(CENT, ROUND_HALF_UP)


def on_case_docketed(
    docketed: CaseDocketedByCourt,
    case: ComplaintElements,
    now: datetime,
    rng: random.Random,
    dismissal_share: float = 0.1,
    listing_share: float = 0.3,
    judgment_days: tuple[int, int] = (20, 60),
) -> list[tuple[datetime, Contract]]:
    """The judgment, given `judgment_days` (by default 20 to 60) after docketing."""
    days = rng.randint(*judgment_days)
    judged_at = now + timedelta(days=days, hours=rng.randint(0, 8))
    dismissed = rng.random() < dismissal_share
    malicious = not dismissed and rng.random() < MALICIOUS_SHARE
    principal = Decimal("0.00") if dismissed else case.principal_owed
    interest = case.interest_owed + case.penalty_interest_owed if malicious else None
    if dismissed:
        outcome, obligation = JudgmentOutcome.DISMISSED, "驳回原告的全部诉讼请求"
    elif interest:
        outcome = JudgmentOutcome.REPAY_PRINCIPAL_AND_INTEREST
        obligation = f"偿还借款本金{principal}元及利息、罚息{interest}元"
    else:
        outcome, obligation = (
            JudgmentOutcome.REPAY_PRINCIPAL,
            f"偿还借款本金{principal}元",
        )
    listed = not dismissed and rng.random() < listing_share
    penalised = not dismissed and rng.random() < PENALTY_SHARE
    judgment = JudgmentIssued(
        court_id=docketed.court_id,
        court_name=court_name(docketed.court_id),
        plaintiff_id=docketed.plaintiff_id,
        case_id=docketed.case_id,
        docket_number=docketed.docket_number,
        defendant=Respondent(
            name=case.defendant.name, id_number=case.defendant.id_number
        ),
        defendant_sex=case.defendant.sex,
        defendant_birth_date=case.defendant.birth_date,
        defendant_phone=case.defendant.phone,
        defendant_service_address=case.defendant.service_address,
        outcome=outcome,
        principal_awarded=principal,
        interest_awarded=interest or Decimal("0.00"),
        costs_awarded=Decimal("0.00") if dismissed else _costs(case.claim_amount),
        reserved_interest_claim=outcome is JudgmentOutcome.REPAY_PRINCIPAL_AND_INTEREST,
        obligation=obligation,
        listing=_listing(rng) if listed else None,
        penalties=(rng.choice(list(PenaltyKind)),) if penalised else (),
        judged_at=judged_at,
    )
    return [(judged_at, judgment)]
