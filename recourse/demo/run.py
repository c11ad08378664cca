"""One whole-system run: fresh infrastructure, six services, both simulators."""

import asyncio
import shutil
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg

from recourse.demo.ledger import COURT_SCHEMA, SCHEMAS, existing_schemas
from recourse.localinfra import stack
from recourse.localinfra.process import REPO_ROOT, using_state_dir
from recourse.processes import SERVICES, ProcessGroup
from recourse.simulators.platform.plan import PLATFORMS
from shared.clock import ScaledClock, scaled_setting

SIMULATED_START = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)


class RunFailedError(RuntimeError):
    """A process of the run died, or the run did not settle in time."""


@dataclass
class RunConfig:
    loans: int = 2000
    days: float = 40.0
    minutes: float = 3.0
    state_dir: Path = REPO_ROOT / ".recourse" / "demo"
    platforms: tuple[str, ...] = PLATFORMS
    judgment_days: tuple[int, int] = (4, 10)
    extra_env: dict[str, str] = field(default_factory=dict)

    @property
    def factor(self) -> float:
        return self.days * 86_400 / (self.minutes * 60)


class SystemRun:
    """Starts everything on its own Kafka and Postgres and stops all of it."""

    def __init__(self, config: RunConfig) -> None:
        self.config = config
        self.group: ProcessGroup | None = None
        self.clock: ScaledClock | None = None
        self.database_url = ""
        self.bootstrap_servers = ""
        self.started_wall = 0.0

    def start(self) -> None:
        with using_state_dir(self.config.state_dir):
            stack.down(purge=True)
            shutil.rmtree(self.config.state_dir, ignore_errors=True)
            state = stack.up(fsync=False)
        self.database_url = state.database_url
        self.bootstrap_servers = state.bootstrap_servers
        anchor = time.time() + 8.0
        self.clock = ScaledClock(SIMULATED_START, self.config.factor, anchor)
        env = {
            "KAFKA_BOOTSTRAP_SERVERS": state.bootstrap_servers,
            "DATABASE_URL": state.database_url,
            "RECOURSE_CLOCK": scaled_setting(
                SIMULATED_START, self.config.factor, anchor
            ),
            "RECOURSE_SWEEP_INTERVAL_SECONDS": "0.5",
            "RECOURSE_LOG_JSON": "true",
            "RECOURSE_LOG_LEVEL": "warning",
            "RECOURSE_SIM_LOANS": str(self.config.loans),
            "RECOURSE_COURT_JUDGMENT_DAYS": ",".join(
                map(str, self.config.judgment_days)
            ),
            **self.config.extra_env,
        }
        self.group = ProcessGroup(self.config.state_dir / "logs", env)
        self.group.start_services(list(SERVICES))
        self.group.start("court-simulator", "recourse.simulators.court")
        self.group.start("platform-simulator", "recourse.simulators.platform")
        self.started_wall = time.monotonic()

    def simulated_day(self) -> float:
        assert self.clock is not None
        return (self.clock.now() - SIMULATED_START) / timedelta(days=1)

    def check_alive(self) -> None:
        assert self.group is not None
        dead = self.group.dead()
        if dead:
            tail = dead[0].log_path.read_text(errors="replace")[-3000:]
            raise RunFailedError(f"{dead[0].name} exited early:\n{tail}")

    async def unsent(self) -> int:
        conn = await asyncpg.connect(self.database_url)
        try:
            total = 0
            wanted = (*SCHEMAS, COURT_SCHEMA)
            for schema in await existing_schemas(conn, wanted):
                total += await conn.fetchval(
                    f"SELECT count(*) FROM {schema}.outbox WHERE sent_at IS NULL"
                )
            return int(total)
        finally:
            await conn.close()

    def finished(self) -> bool:
        return self.simulated_day() >= self.config.days

    def stop(self, keep_infra: bool = False) -> None:
        if self.group is not None:
            self.group.stop_all()
        if not keep_infra:
            with using_state_dir(self.config.state_dir):
                stack.down(purge=True)

    async def settle(self, limit_seconds: float = 60.0) -> None:
        """After the simulated days: wait until every outbox is drained."""
        deadline = time.monotonic() + limit_seconds
        while await self.unsent() > 0:
            self.check_alive()
            if time.monotonic() > deadline:
                raise RunFailedError("outboxes did not drain in time")
            await asyncio.sleep(0.5)
