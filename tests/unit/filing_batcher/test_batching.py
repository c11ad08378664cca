from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.filing_batcher.domain.batching import (
    Batcher,
    PendingCase,
    SealDecision,
)
from services.filing_batcher.domain.errors import BatchingError
from services.filing_batcher.domain.seal_policy import (
    CHINA_TIME,
    SealPolicy,
    SealReason,
)

MORNING = datetime(2026, 12, 3, 9, 0, tzinfo=CHINA_TIME)
CUTOFF = datetime(2026, 12, 3, 16, 0, tzinfo=CHINA_TIME)


def fill(
    batcher: Batcher,
    count: int,
    plaintiff: str = "acme",
    court: str = "cn-110105",
    at: datetime = MORNING,
    start: int = 0,
) -> list[SealDecision]:
    decisions = []
    for n in range(start, start + count):
        case = PendingCase(f"{plaintiff}-{court}-{n}", plaintiff, court, at)
        decisions += batcher.add_case(case)
    return decisions


def test_batch_of_199_stays_open() -> None:
    batcher = Batcher()

    assert fill(batcher, 199) == []


def test_seals_batch_at_two_hundred_cases() -> None:
    batcher = Batcher()

    [decision] = fill(batcher, 200)

    assert decision.reason is SealReason.FULL
    assert len(decision.case_ids) == 200
    assert decision.batch_id == "acme-cn-110105-20261203-01"
    assert batcher.open_batches() == []


def test_case_201_starts_a_new_batch() -> None:
    batcher = Batcher()

    fill(batcher, 201)

    [batch] = batcher.open_batches()
    assert batch.batch_id == "acme-cn-110105-20261203-02"
    assert [c.case_id for c in batch.cases] == ["acme-cn-110105-200"]


def test_cutoff_leaves_99_cases_open() -> None:
    batcher = Batcher()
    fill(batcher, 99)

    assert batcher.on_tick(CUTOFF) == []


def test_cutoff_seals_a_batch_of_100() -> None:
    batcher = Batcher()
    fill(batcher, 100)

    [decision] = batcher.on_tick(CUTOFF)

    assert decision.reason is SealReason.CUTOFF
    assert decision.sealed_at == CUTOFF


def test_nothing_seals_a_minute_before_the_cutoff() -> None:
    batcher = Batcher()
    fill(batcher, 100)

    assert batcher.on_tick(CUTOFF - timedelta(minutes=1)) == []


def test_batch_reaching_100_after_the_cutoff_waits_for_the_next_one() -> None:
    batcher = Batcher()
    fill(batcher, 60)
    batcher.on_tick(CUTOFF)
    fill(batcher, 40, at=CUTOFF + timedelta(hours=1), start=60)

    assert batcher.on_tick(CUTOFF + timedelta(hours=2)) == []
    assert len(batcher.on_tick(CUTOFF + timedelta(days=1))) == 1


def test_cutoff_is_configurable() -> None:
    batcher = Batcher(SealPolicy(cutoff=CUTOFF.time().replace(hour=12)))
    fill(batcher, 100)

    [decision] = batcher.on_tick(MORNING.replace(hour=12))

    assert decision.reason is SealReason.CUTOFF


def test_small_batch_seals_at_last_cutoff_before_its_service_level() -> None:
    # arrived Tue 10:00, must seal by Mon 10:00; Sun 16:00 is the last cut-off
    batcher = Batcher()
    fill(batcher, 3, at=datetime(2026, 12, 1, 10, tzinfo=CHINA_TIME))
    saturday = datetime(2026, 12, 5, 16, tzinfo=CHINA_TIME)

    assert batcher.on_tick(saturday) == []
    [decision] = batcher.on_tick(saturday + timedelta(days=1))
    assert decision.reason is SealReason.SERVICE_LEVEL
    assert len(decision.case_ids) == 3


def test_small_batch_seals_once_its_latest_seal_time_arrives() -> None:
    policy = SealPolicy(
        service_target=timedelta(hours=12), docket_allowance=timedelta(0)
    )
    batcher = Batcher(policy)
    arrived = CUTOFF + timedelta(hours=1)
    fill(batcher, 5, at=arrived)

    assert batcher.on_tick(arrived + timedelta(hours=11, minutes=59)) == []
    [decision] = batcher.on_tick(arrived + timedelta(hours=12))
    assert decision.reason is SealReason.SERVICE_LEVEL


def test_service_level_counts_from_the_oldest_case() -> None:
    batcher = Batcher()
    fill(batcher, 1, at=datetime(2026, 12, 1, 10, tzinfo=CHINA_TIME))
    fill(batcher, 1, at=datetime(2026, 12, 5, 10, tzinfo=CHINA_TIME), start=1)

    [decision] = batcher.on_tick(datetime(2026, 12, 6, 16, tzinfo=CHINA_TIME))

    assert decision.case_ids == ("acme-cn-110105-0", "acme-cn-110105-1")


def test_plaintiffs_and_courts_get_separate_batches() -> None:
    batcher = Batcher()
    fill(batcher, 150, "acme", "cn-110105")
    fill(batcher, 150, "zeta", "cn-110105")
    fill(batcher, 150, "acme", "cn-110108")

    decisions = batcher.on_tick(CUTOFF)

    ids = sorted(d.batch_id for d in decisions)
    assert ids == [
        "acme-cn-110105-20261203-01",
        "acme-cn-110108-20261203-01",
        "zeta-cn-110105-20261203-01",
    ]


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["acme", "zeta"]), st.sampled_from(["c1", "c2"])),
        max_size=900,
    )
)
def test_never_mixes_plaintiffs_or_courts(keys: list[tuple[str, str]]) -> None:
    batcher = Batcher()
    owner = {}
    decisions = []
    for n, (plaintiff, court) in enumerate(keys):
        owner[f"case-{n}"] = (plaintiff, court)
        case = PendingCase(f"case-{n}", plaintiff, court, MORNING)
        decisions += batcher.add_case(case)

    decisions += batcher.on_tick(MORNING + timedelta(days=30))

    sealed = [c for d in decisions for c in d.case_ids]
    assert sorted(sealed) == sorted(owner)
    for d in decisions:
        assert {owner[c] for c in d.case_ids} == {(d.plaintiff_id, d.court_id)}
        assert len(d.case_ids) <= 200


def test_same_case_cannot_join_twice() -> None:
    batcher = Batcher()
    fill(batcher, 1)

    with pytest.raises(BatchingError):
        fill(batcher, 1)


def test_naive_time_is_rejected() -> None:
    with pytest.raises(BatchingError):
        Batcher().on_tick(datetime(2026, 12, 3, 16))
