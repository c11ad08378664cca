"""Cases through the whole pipeline at full speed on this machine."""

import asyncio
import time
from dataclasses import dataclass

import asyncpg

from recourse.bench.lag import stage_lags
from recourse.bench.memory import MemoryWatch
from recourse.demo.run import RunConfig, SystemRun
from recourse.localinfra.process import REPO_ROOT

PROGRESS = """
SELECT
  (SELECT count(DISTINCT convert_from(payload, 'UTF8')::jsonb->>'case_id')
     FROM triage.outbox
    WHERE convert_from(header_values[array_position(header_names, 'ce_type')], 'UTF8')
          = 'io.recourse.CaseTriaged.v1') AS triaged,
  (SELECT max(created_at) FROM triage.outbox) AS triage_last,
  (SELECT max(created_at) FROM filing.outbox) AS filing_last,
  (SELECT min(created_at) FROM triage.outbox) AS first
"""


@dataclass
class PipelineResult:
    cases: int
    seconds: float
    cases_per_second: float
    stage_lag: dict[str, dict[str, float]]
    peak_memory_mb: dict[str, float]


async def _tables_ready(url: str) -> bool:
    conn = await asyncpg.connect(url)
    try:
        found = await conn.fetchval(
            "SELECT count(*) FROM information_schema.tables"
            " WHERE table_name = 'outbox' AND table_schema IN ('triage', 'filing')"
        )
        return int(found) == 2
    finally:
        await conn.close()


async def _wait_quiet(
    run: SystemRun, cases: int, quiet_s: float
) -> tuple[float, float]:
    """Wait until every case is triaged and nothing new happens for quiet_s."""
    while not await _tables_ready(run.database_url):
        run.check_alive()
        await asyncio.sleep(1.0)
    conn = await asyncpg.connect(run.database_url)
    try:
        last_change, last_seen = time.monotonic(), None
        while True:
            run.check_alive()
            row = await conn.fetchrow(PROGRESS)
            marker = (row["triaged"], row["triage_last"], row["filing_last"])
            if marker != last_seen:
                last_seen, last_change = marker, time.monotonic()
            if row["triaged"] >= cases and time.monotonic() - last_change > quiet_s:
                end = max(t for t in (row["triage_last"], row["filing_last"]) if t)
                return row["first"].timestamp(), end.timestamp()
            await asyncio.sleep(2.0)
    finally:
        await conn.close()


async def run_pipeline(cases: int, sim_day_seconds: float = 2.0) -> PipelineResult:
    config = RunConfig(
        loans=cases,
        days=10_000,
        minutes=10_000 * sim_day_seconds / 60,
        state_dir=REPO_ROOT / ".recourse" / "bench",
    )
    run = SystemRun(config)
    run.start()
    assert run.group is not None
    watch = MemoryWatch(run.group)
    sampler = asyncio.create_task(watch.run())
    try:
        first, end = await _wait_quiet(run, cases, quiet_s=15.0)
        lags = await stage_lags(run.database_url)
    finally:
        sampler.cancel()
        run.stop()
    seconds = end - first
    return PipelineResult(
        cases=cases,
        seconds=round(seconds, 1),
        cases_per_second=round(cases / seconds, 1),
        stage_lag=lags,
        peak_memory_mb={k: round(v, 1) for k, v in watch.peak_mb.items()},
    )
