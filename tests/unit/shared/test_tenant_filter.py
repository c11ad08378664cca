"""A deployment serves only the tenants its pattern names, on every topic."""

from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

from contracts.notices import NoticeKind, PlatformNotice
from shared.clock import ManualClock
from shared.delivery.consumer import BatchProcessor, Route


def processor(tenants: str | None) -> BatchProcessor:
    pools: Any = SimpleNamespace(pool=None)
    clock = ManualClock(datetime(2026, 12, 3, tzinfo=UTC))
    return BatchProcessor(pools, Route({}), clock, "test-service", tenants=tenants)


def notice(plaintiff: str) -> PlatformNotice:
    return PlatformNotice(
        notice_id="n1",
        plaintiff_id=plaintiff,
        kind=NoticeKind.OTHER,
        text="x",
        issued_at=datetime(2026, 12, 3, tzinfo=UTC),
    )


def test_events_of_tenants_outside_the_pattern_are_not_served() -> None:
    only_t1 = processor("t1-[a-z0-9-]+")

    served = [p for p in ("t1-p0", "t2-p0", "t1") if only_t1._serves(notice(p))]

    assert served == ["t1-p0"]


def test_without_a_pattern_every_tenant_is_served() -> None:
    everyone = processor(None)

    assert everyone._serves(notice("t2-p0"))
