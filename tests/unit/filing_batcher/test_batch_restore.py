from datetime import UTC, datetime

import pytest

from services.filing_batcher.domain.batching import (
    MAX_PREFIX,
    Batcher,
    OpenBatch,
    PendingCase,
    batch_prefix,
)
from services.filing_batcher.domain.errors import BatchingError
from services.filing_batcher.domain.seal_policy import CHINA_TIME, SealReason

MORNING = datetime(2026, 12, 3, 9, 0, tzinfo=CHINA_TIME)
CUTOFF = datetime(2026, 12, 3, 16, 0, tzinfo=CHINA_TIME)
PREFIX = "acme-cn-110105-20261203"


def stored(count: int, batch_id: str = f"{PREFIX}-01") -> OpenBatch:
    cases = [PendingCase(f"c{n}", "acme", "cn-110105", MORNING) for n in range(count)]
    return OpenBatch(batch_id, "acme", "cn-110105", MORNING, MORNING, cases)


def test_restored_batch_seals_when_its_two_hundredth_case_arrives() -> None:
    batcher = Batcher.restore([stored(199)], {PREFIX: 1})

    [decision] = batcher.add_case(PendingCase("c199", "acme", "cn-110105", MORNING))

    assert (decision.batch_id, len(decision.case_ids)) == (f"{PREFIX}-01", 200)


def test_restored_numbering_continues_after_the_last_stored_batch() -> None:
    batcher = Batcher.restore([], {PREFIX: 4})

    batcher.add_case(PendingCase("c1", "acme", "cn-110105", MORNING))

    assert [b.batch_id for b in batcher.open_batches()] == [f"{PREFIX}-05"]
    assert batcher.sequences == {PREFIX: 5}


def test_restored_batch_seals_at_the_cutoff_it_has_not_yet_checked() -> None:
    batcher = Batcher.restore([stored(120)], {})

    [decision] = batcher.on_tick(CUTOFF)

    assert decision.reason is SealReason.CUTOFF


def test_a_case_already_in_a_restored_batch_cannot_join_again() -> None:
    batcher = Batcher.restore([stored(3)], {})

    with pytest.raises(BatchingError):
        batcher.add_case(PendingCase("c1", "acme", "cn-110105", MORNING))


def test_two_open_batches_of_one_group_cannot_be_restored() -> None:
    with pytest.raises(BatchingError):
        Batcher.restore([stored(3), stored(3, f"{PREFIX}-02")], {})


def test_batch_prefix_names_plaintiff_court_and_the_day_in_china() -> None:
    one_in_the_morning_in_china = datetime(2026, 12, 2, 17, 0, tzinfo=UTC)

    prefix = batch_prefix("acme", "cn-110105", one_in_the_morning_in_china, CHINA_TIME)

    assert prefix == PREFIX


def test_long_ids_give_a_short_prefix_that_still_tells_groups_apart() -> None:
    plaintiff, court = "p" * 40, "c" * 40

    first = batch_prefix(plaintiff, court, MORNING, CHINA_TIME)
    second = batch_prefix(plaintiff, court[:-1] + "d", MORNING, CHINA_TIME)

    assert len(first) <= MAX_PREFIX
    assert first != second
    assert first.endswith("-20261203")


def test_a_day_without_a_batch_cannot_be_restored_as_number_zero() -> None:
    with pytest.raises(BatchingError):
        Batcher.restore([stored(3)], {"acme-cn-110105-20261204": 0})


def test_restored_batch_joined_on_a_later_day_reports_only_numbers_used() -> None:
    batcher = Batcher.restore([stored(3)], {PREFIX: 1})

    batcher.add_case(PendingCase("c9", "acme", "cn-110105", CUTOFF.replace(day=4)))

    assert batcher.sequences == {PREFIX: 1}
