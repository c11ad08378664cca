"""A manual clock that service processes read from a file, moved by the test."""

import asyncio
import contextlib
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path

from shared.clock import FileClock, manual_setting


class SteppedClock:
    """Moves a shared FileClock by `step` every `every` seconds, unless held."""

    def __init__(self, path: Path, start: datetime, step: timedelta, every: float):
        self.clock = FileClock(path)
        self.clock.set(start)
        self.setting = manual_setting(path)
        self._step, self._every = step, every
        self._moving = False

    def hold(self) -> datetime:
        """Stop time; returns the moment it stands at."""
        self._moving = False
        return self.clock.now()

    def resume(self) -> None:
        self._moving = True

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator["SteppedClock"]:
        self._moving = True
        task = asyncio.create_task(self._tick())
        try:
            yield self
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _tick(self) -> None:
        while True:
            await asyncio.sleep(self._every)
            if self._moving:
                self.clock.advance(self._step)
