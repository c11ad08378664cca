"""Peak resident memory of each child process, sampled while the run goes on."""

import asyncio

import psutil

from recourse.processes import ProcessGroup


class MemoryWatch:
    def __init__(self, group: ProcessGroup) -> None:
        self.group = group
        self.peak_mb: dict[str, float] = {}

    def sample(self) -> None:
        for child in self.group.children:
            try:
                process = psutil.Process(child.proc.pid)
                rss = process.memory_info().rss
            except psutil.Error:
                continue
            mb = rss / 1_048_576
            self.peak_mb[child.name] = max(self.peak_mb.get(child.name, 0.0), mb)

    async def run(self, every: float = 0.5) -> None:
        while True:
            self.sample()
            await asyncio.sleep(every)
