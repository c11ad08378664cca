"""Reads a tenant's effective-dated policy overrides from a service's own schema."""

import json
from datetime import date
from typing import Any

import asyncpg

TENANT_OVERRIDES = (
    "SELECT effective_from, overrides FROM policies WHERE plaintiff_id = $1"
)


async def tenant_overrides(
    conn: asyncpg.Connection, plaintiff_id: str
) -> list[tuple[date, dict[str, Any]]]:
    """The tenant's stored overrides with their effective dates; none means defaults."""
    rows = await conn.fetch(TENANT_OVERRIDES, plaintiff_id)
    return [(row["effective_from"], json.loads(row["overrides"])) for row in rows]
