"""How the simulated court decides on each filed case, and numbers it."""

import random
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from contracts.court import ComplaintElements
from services.filing_batcher.domain.docket import DocketNumber, format_docket

CHINA_TIME = timezone(timedelta(hours=8), "Asia/Shanghai")
CIVIL_FIRST_INSTANCE = "民初"
WRONG_COURT = "不属于本院管辖，请向有管辖权的人民法院起诉"
UNKNOWN_COURT = "本院代码未登记，无法立案"
REJECTION_REASONS = (
    "起诉状要素填写不完整，请补正后重新提交",
    "被告身份信息与身份证件记载不一致",
    "借款合同及放款凭证等证据材料不齐全",
    "被告送达地址无法确认",
    "诉讼请求金额计算有误，请核对后重新提交",
)


@dataclass(frozen=True)
class CourtBehaviour:
    """Shares are fractions of cases; the court decides within the delays."""

    reject_share: float = 0.02
    min_delay: timedelta = timedelta(hours=4)
    max_delay: timedelta = timedelta(days=5)
    dismissal_share: float = 0.1
    listing_share: float = 0.3
    judgment_days: tuple[int, int] = (20, 60)
    seed: int = 7


@dataclass(frozen=True)
class Decision:
    """Docket when `rejection_reason` is None; either way, at `due_at`."""

    due_at: datetime
    rejection_reason: str | None = None


def rng_for(seed: int, *parts: str) -> random.Random:
    """A generator fixed by its inputs, so a replayed filing decides the same."""
    return random.Random(":".join((str(seed), *parts)))


def decide(
    case: ComplaintElements,
    court_id: str,
    court_known: bool,
    received_at: datetime,
    behaviour: CourtBehaviour,
    rng: random.Random,
) -> Decision:
    """Reject what is not this court's or fails review; docket the rest."""
    span = behaviour.max_delay - behaviour.min_delay
    due_at = received_at + behaviour.min_delay + span * rng.random()
    if not court_known:
        return Decision(due_at, UNKNOWN_COURT)
    if case.agreed_court_id != court_id:
        return Decision(due_at, WRONG_COURT)
    if rng.random() < behaviour.reject_share:
        return Decision(due_at, rng.choice(REJECTION_REASONS))
    return Decision(due_at)


def docket_year(decided_at: datetime) -> int:
    return decided_at.astimezone(CHINA_TIME).year


def docket_number(
    court_code: str, year: int, serial: int, case_type: str = CIVIL_FIRST_INSTANCE
) -> str:
    """E.g. (2026)京0105民初1234号, written as the court's system prints it."""
    return format_docket(DocketNumber(year, court_code, case_type, serial))
