"""Starting one service under test with its own schema, group and tenants."""

import asyncio
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import asyncpg

from contracts import topics
from shared.delivery.subscription import subscriber_group
from tests.support.infra import Infra
from tests.support.kafka import create_topics
from tests.support.processes import ServiceProcess


def run_id() -> str:
    return "t" + uuid.uuid4().hex[:7]


@dataclass
class ServiceUnderTest:
    """A service process bound to one test's schema, group and tenant prefix."""

    infra: Infra
    module: str
    schema: str
    run: str
    log_dir: Path
    extra_env: dict[str, str] = field(default_factory=dict)
    process: ServiceProcess | None = None

    @property
    def env(self) -> dict[str, str]:
        return {
            "KAFKA_BOOTSTRAP_SERVERS": self.infra.bootstrap_servers,
            "DATABASE_URL": self.infra.database_url,
            "RECOURSE_DB_SCHEMA": self.schema,
            "RECOURSE_GROUP_ID": f"{self.schema}-group",
            "RECOURSE_TENANT_PATTERN": f"{self.run}-[a-z0-9-]+",
            "RECOURSE_COURT_PATTERN": f"{self.run}-[a-z0-9-]+",
            "RECOURSE_LOG_JSON": "true",
            **self.extra_env,
        }

    def group(self, title: str) -> str:
        """The consumer group of the service's subscriber called `title`."""
        return subscriber_group(f"{self.schema}-group", title)

    def start(self) -> ServiceProcess:
        log_path = self.log_dir / f"{self.schema}.log"
        self.process = ServiceProcess(self.module, self.env, log_path).start()
        return self.process

    def stop(self) -> None:
        if self.process:
            self.process.stop()

    def kill(self) -> None:
        if self.process:
            self.process.kill()

    async def fetchval(self, query: str, *args: object) -> object:
        conn = await asyncpg.connect(
            self.infra.database_url, server_settings={"search_path": self.schema}
        )
        try:
            return await conn.fetchval(query, *args)
        finally:
            await conn.close()

    async def wait_for_count(
        self, query: str, expected: int, timeout: float, ready: Callable[[], None]
    ) -> int:
        """Poll a count query until it reaches `expected`, failing on timeout."""
        deadline = time.monotonic() + timeout
        count = -1
        while time.monotonic() < deadline:
            ready()
            try:
                count = int(await self.fetchval(query))  # type: ignore[arg-type]
            except asyncpg.UndefinedTableError:
                count = -1
            if count >= expected:
                return count
            await asyncio.sleep(0.2)
        raise AssertionError(f"{query!r} reached {count}, expected {expected}")

    def assert_alive(self) -> None:
        if self.process and not self.process.alive():
            raise AssertionError(
                f"{self.module} exited early:\n{self.process.log_tail()}"
            )


async def collection_pair(
    infra: Infra, tmp_path: Path, env: dict[str, str]
) -> tuple[ServiceUnderTest, ServiceUnderTest]:
    """triage-scorer and contact-notifier of one run, sharing `env` and topics."""
    run = run_id()
    triage = ServiceUnderTest(
        infra, "services.triage_scorer", f"triage_{run}", run, tmp_path, dict(env)
    )
    contact = ServiceUnderTest(
        infra, "services.contact_notifier", f"contact_{run}", run, tmp_path, dict(env)
    )
    await create_topics(
        infra.bootstrap_servers,
        [topics.CONTACT, topics.CONTACT_COMMANDS, topics.TRIAGE_COMMANDS],
    )
    return triage, contact
