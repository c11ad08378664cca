"""The asyncpg pool and the ordered, recorded SQL migrations of each schema."""

import re
from importlib import resources
from importlib.resources.abc import Traversable

import asyncpg
import structlog

from shared.errors import InfrastructureError

log = structlog.get_logger(__name__)
SCHEMA_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    asyncpg.PostgresConnectionError,
    asyncpg.InterfaceError,
    asyncpg.CannotConnectNowError,
    asyncpg.AdminShutdownError,
    asyncpg.CrashShutdownError,
    asyncpg.TooManyConnectionsError,
    asyncpg.SerializationError,
    asyncpg.DeadlockDetectedError,
    TimeoutError,
)


def checked_schema(schema: str) -> str:
    if not SCHEMA_NAME.match(schema):
        raise ValueError(f"invalid schema name {schema!r}")
    return schema


async def create_pool(url: str, schema: str, max_size: int = 10) -> asyncpg.Pool:
    """A pool whose connections see only the service's own schema by default."""
    try:
        pool = await asyncpg.create_pool(
            url,
            min_size=1,
            max_size=max_size,
            server_settings={"search_path": checked_schema(schema)},
        )
    except TRANSIENT_ERRORS as error:
        raise InfrastructureError(f"cannot connect to Postgres: {error}") from error
    assert pool is not None
    return pool


def _sql_files(package: str) -> list[Traversable]:
    folder = resources.files(package)
    files = [f for f in folder.iterdir() if f.name.endswith(".sql")]
    return sorted(files, key=lambda f: f.name)


async def migrate(url: str, schema: str, migrations_package: str | None) -> list[str]:
    """Create the schema, then apply unapplied migrations in name order."""
    checked_schema(schema)
    conn = await asyncpg.connect(url)
    try:
        await conn.execute("SELECT pg_advisory_lock(hashtext($1))", f"migrate:{schema}")
        await conn.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
        await conn.execute(f"SET search_path TO {schema}")
        await conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
        )
        done = {
            r["name"] for r in await conn.fetch("SELECT name FROM schema_migrations")
        }
        files = _sql_files("shared.sql")
        if migrations_package:
            files += _sql_files(migrations_package)
        applied = []
        for file in files:
            name = file.name
            if name in done:
                continue
            async with conn.transaction():
                await conn.execute(file.read_text(encoding="utf-8"))
                await conn.execute(
                    "INSERT INTO schema_migrations (name) VALUES ($1)", name
                )
            applied.append(name)
        if applied:
            log.info("migrations_applied", schema=schema, names=applied)
        return applied
    finally:
        await conn.close()
