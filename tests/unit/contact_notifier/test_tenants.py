import asyncio
from types import SimpleNamespace
from typing import Any

from services.contact_notifier.tenants import for_tenants


def test_events_of_tenants_outside_the_pattern_are_skipped() -> None:
    seen: list[str] = []

    async def handler(uow: Any, incoming: Any) -> None:
        seen.append(incoming.event.plaintiff_id)

    handle = for_tenants("t1-[a-z0-9-]+", handler)

    async def feed() -> None:
        for plaintiff in ("t1-p0", "t2-p0", "t1"):
            incoming = SimpleNamespace(event=SimpleNamespace(plaintiff_id=plaintiff))
            await handle(None, incoming)  # type: ignore[arg-type]

    asyncio.run(feed())
    assert seen == ["t1-p0"]
