"""What every service published, read from the outboxes: the run's ground truth."""

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import asyncpg

SCHEMAS = ("triage", "contact", "fees", "filing", "preservation", "sanctions")
COURT_SCHEMA = "court_sim"

PUBLISHED = """
SELECT %(schema)r AS schema, o.topic, convert_from(o.key, 'UTF8') AS key,
       convert_from(o.header_values[array_position(o.header_names, 'ce_type')],
                    'UTF8') AS ce_type,
       convert_from(o.header_values[array_position(o.header_names, 'ce_time')],
                    'UTF8') AS ce_time,
       o.payload, o.sent_at IS NOT NULL AS sent
FROM %(schema)s.outbox o
"""


@dataclass(frozen=True)
class Published:
    schema: str
    topic: str
    key: str
    ce_type: str
    time: datetime | None
    payload: bytes
    sent: bool

    @property
    def name(self) -> str:
        """The event's class name, from `io.recourse.<Name>.v1`."""
        parts = self.ce_type.split(".")
        return parts[2] if len(parts) == 4 else self.ce_type

    def body(self) -> dict[str, Any]:
        if self.topic.startswith("dlq."):
            return {}
        value = json.loads(self.payload)
        return value if isinstance(value, dict) else {}


async def existing_schemas(
    conn: asyncpg.Connection, wanted: Sequence[str] = SCHEMAS
) -> list[str]:
    """Those of `wanted` (the six services by default) that have an outbox."""
    rows = await conn.fetch(
        "SELECT table_schema FROM information_schema.tables WHERE table_name = 'outbox'"
    )
    found = {row["table_schema"] for row in rows}
    return [schema for schema in wanted if schema in found]


async def read_ledger(url: str, schemas: Sequence[str] = SCHEMAS) -> list[Published]:
    conn = await asyncpg.connect(url)
    try:
        present = set(await existing_schemas(conn, schemas))
        rows: list[Published] = []
        for schema in schemas:
            if schema not in present:
                continue
            for row in await conn.fetch(PUBLISHED % {"schema": schema}):
                rows.append(
                    Published(
                        schema=row["schema"],
                        topic=row["topic"],
                        key=row["key"] or "",
                        ce_type=row["ce_type"] or "",
                        time=datetime.fromisoformat(row["ce_time"])
                        if row["ce_time"]
                        else None,
                        payload=bytes(row["payload"]),
                        sent=row["sent"],
                    )
                )
        return rows
    finally:
        await conn.close()
