from datetime import date
from decimal import Decimal

import pytest

from services.sanctions_publisher.domain.errors import InvalidJudgmentError
from services.sanctions_publisher.domain.judgment import (
    Judgment,
    JudgmentOutcome,
    obligation_amount,
    obligation_text,
)
from services.sanctions_publisher.domain.penalties import (
    PENALTY_LABELS,
    AdministrativePenalty,
)

DECIDED = date(2026, 5, 6)


def judgment(outcome: JudgmentOutcome, interest: str = "0", **kw: bool) -> Judgment:
    return Judgment(
        "(2026)京0105民初1234号",
        "北京市朝阳区人民法院",
        outcome,
        DECIDED,
        Decimal("12000.00"),
        Decimal(interest),
        **kw,
    )


def test_principal_ruling_obliges_the_principal_only() -> None:
    ruling = judgment(JudgmentOutcome.REPAY_PRINCIPAL)

    assert obligation_amount(ruling) == Decimal("12000.00")
    assert obligation_text(ruling) == "偿还借款本金12000.00元"


def test_principal_and_interest_ruling_obliges_both() -> None:
    ruling = judgment(JudgmentOutcome.REPAY_PRINCIPAL_AND_INTEREST, "1500.50")

    assert obligation_amount(ruling) == Decimal("13500.50")
    assert obligation_text(ruling) == "偿还借款本金12000.00元及利息1500.50元"


def test_malicious_arrears_keep_the_reserved_interest_claim() -> None:
    ruling = judgment(
        JudgmentOutcome.REPAY_PRINCIPAL_AND_INTEREST,
        "100",
        reserved_interest_claim=True,
    )

    assert ruling.reserved_interest_claim


def test_principal_only_ruling_cannot_reserve_interest() -> None:
    with pytest.raises(InvalidJudgmentError):
        judgment(JudgmentOutcome.REPAY_PRINCIPAL, reserved_interest_claim=True)


def test_principal_only_ruling_cannot_award_interest() -> None:
    with pytest.raises(InvalidJudgmentError):
        judgment(JudgmentOutcome.REPAY_PRINCIPAL, "10")


def test_dismissal_obliges_nothing() -> None:
    ruling = judgment(JudgmentOutcome.DISMISSAL)

    assert obligation_amount(ruling) == Decimal("0.00")
    with pytest.raises(InvalidJudgmentError):
        obligation_text(ruling)


def test_every_administrative_penalty_kind_has_a_label() -> None:
    assert len(AdministrativePenalty) == 6
    assert set(PENALTY_LABELS) == set(AdministrativePenalty)
