from datetime import date

import pytest

from contracts.loans import Sex
from contracts.sanctions import PerformanceStatus as ShownStatus
from contracts.sanctions import PublicSanctionEntry
from services.sanctions_publisher.domain.errors import UnmaskedPiiError
from services.sanctions_publisher.domain.performance import PerformanceStatus
from services.sanctions_publisher.handlers.publication import republished

PUBLISHED = PublicSanctionEntry(
    entry_id="pe-abc",
    name="张三丰",
    sex=Sex.MALE,
    age=36,
    masked_id_number="1101051990****1234",
    court_id="cn-110105",
    court="北京市朝阳区人民法院",
    case_number="(2026)京0105执1234号",
    basis_document="(2026)京0105民初1234号民事判决书",
    obligation="偿还借款本金12000.00元",
    performance_status=ShownStatus.NOT_PERFORMED,
    conduct="以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行",
    published_on=date(2026, 5, 7),
)


def test_partial_performance_republishes_the_same_entry_at_the_next_version() -> None:
    updated = republished(
        PUBLISHED.model_dump_json(), PerformanceStatus.PARTIALLY_PERFORMED
    )

    assert updated is not None
    assert updated.entry_id == PUBLISHED.entry_id
    assert updated.version == 2
    assert updated.performance_status is ShownStatus.PARTIALLY_PERFORMED
    assert updated.masked_id_number == "1101051990****1234"
    assert updated.model_dump(exclude={"version", "performance_status"}) == (
        PUBLISHED.model_dump(exclude={"version", "performance_status"})
    )


def test_a_status_already_shown_is_not_republished() -> None:
    partly = PUBLISHED.model_copy(
        update={"performance_status": ShownStatus.PARTIALLY_PERFORMED, "version": 2}
    )

    assert (
        republished(partly.model_dump_json(), PerformanceStatus.PARTIALLY_PERFORMED)
        is None
    )
    assert (
        republished(PUBLISHED.model_dump_json(), PerformanceStatus.UNPERFORMED) is None
    )


def test_a_performed_debt_is_withdrawn_rather_than_republished() -> None:
    stored = PUBLISHED.model_dump_json()

    assert republished(stored, PerformanceStatus.FULLY_PERFORMED) is None


def test_a_kept_entry_that_leaks_a_mobile_number_is_never_republished() -> None:
    leaking = PUBLISHED.model_copy(update={"obligation": "致电13812345678"})

    with pytest.raises(UnmaskedPiiError):
        republished(leaking.model_dump_json(), PerformanceStatus.PARTIALLY_PERFORMED)
