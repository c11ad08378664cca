"""A case's history and the batches, read from the services' own schemas."""

import json
from dataclasses import dataclass
from typing import Any

import asyncpg

from recourse.demo.ledger import existing_schemas
from shared.logging import mask_personal_data
from shared.masking import mask_name

# Beyond what logs mask, an operator's view hides who a person is; a
# plaintiff is a company and keeps its name.
NAME_KEYS = {"name", "defendant_name", "borrower_name", "debtor_name"}
BIRTH_KEYS = {"birth_date", "defendant_birth_date"}
COMPANY_KEYS = {"plaintiff"}


def masked_for_operators(value: Any, parent: str = "") -> Any:
    """Logs' masking plus people's names and birth dates, through nested data."""
    if isinstance(value, dict):
        return {
            key: _masked_field(str(key), item, parent) for key, item in value.items()
        }
    if isinstance(value, list):
        return [masked_for_operators(item, parent) for item in value]
    return value


def _masked_field(key: str, value: Any, parent: str) -> Any:
    if isinstance(value, str) and parent not in COMPANY_KEYS:
        if key in NAME_KEYS:
            return mask_name(value)
        if key in BIRTH_KEYS:
            return value[:4] + "-**-**"
    return masked_for_operators(value, key)


CASE_EVENTS = """
SELECT %(schema)r AS schema, o.topic,
       convert_from(o.header_values[array_position(o.header_names, 'ce_type')],
                    'UTF8') AS ce_type,
       convert_from(o.header_values[array_position(o.header_names, 'ce_time')],
                    'UTF8') AS ce_time,
       convert_from(o.payload, 'UTF8') AS payload, o.seq
FROM %(schema)s.outbox o
WHERE o.topic NOT LIKE 'dlq.%%'
  AND position($1 in convert_from(o.payload, 'UTF8')) > 0
"""


@dataclass(frozen=True)
class HistoryEntry:
    time: str
    service_schema: str
    topic: str
    event: str
    payload: dict[str, Any]


def _mentions(payload: Any, case_id: str) -> bool:
    if isinstance(payload, dict):
        return any(
            (key in ("case_id", "case_ids") and (v == case_id or case_id in v))
            or _mentions(v, case_id)
            for key, v in payload.items()
        )
    if isinstance(payload, list):
        return any(_mentions(v, case_id) for v in payload)
    return False


async def case_history(url: str, case_id: str) -> list[HistoryEntry]:
    """Every event any service published about the case, oldest first, masked."""
    conn = await asyncpg.connect(url)
    try:
        entries = []
        for schema in await existing_schemas(conn):
            for row in await conn.fetch(CASE_EVENTS % {"schema": schema}, case_id):
                payload = json.loads(row["payload"])
                if not _mentions(payload, case_id):
                    continue
                masked = masked_for_operators(
                    dict(mask_personal_data(None, "", payload))
                )
                name = (row["ce_type"] or "").split(".")
                entries.append(
                    HistoryEntry(
                        time=row["ce_time"] or "",
                        service_schema=schema,
                        topic=row["topic"],
                        event=name[2] if len(name) == 4 else row["ce_type"],
                        payload=masked,
                    )
                )
        return sorted(entries, key=lambda e: e.time)
    finally:
        await conn.close()


BATCHES = """
WITH events AS (
  SELECT convert_from(header_values[array_position(header_names, 'ce_type')], 'UTF8')
           AS ce_type,
         convert_from(payload, 'UTF8')::jsonb AS body
  FROM filing.outbox WHERE topic NOT LIKE 'dlq.%'
)
SELECT s.body->>'batch_id' AS batch_id, s.body->>'plaintiff_id' AS plaintiff_id,
       s.body->>'court_id' AS court_id, jsonb_array_length(s.body->'case_ids') AS cases,
       s.body->>'reason' AS reason, s.body->>'sealed_at' AS sealed_at,
       EXISTS (SELECT 1 FROM events f WHERE f.ce_type LIKE '%.BatchFiled.%'
               AND f.body->>'batch_id' = s.body->>'batch_id') AS filed,
       (SELECT count(*) FROM events d WHERE d.ce_type LIKE '%.CaseDocketed.%'
               AND d.body->>'batch_id' = s.body->>'batch_id') AS docketed,
       (SELECT count(*) FROM events b WHERE b.ce_type LIKE '%.ServiceLevelBreached.%'
               AND b.body->>'batch_id' = s.body->>'batch_id') AS breaches
FROM events s WHERE s.ce_type LIKE '%.BatchSealed.%'
ORDER BY s.body->>'sealed_at'
"""


async def batches(url: str) -> list[dict[str, Any]]:
    conn = await asyncpg.connect(url)
    try:
        if "filing" not in await existing_schemas(conn):
            return []
        return [dict(row) for row in await conn.fetch(BATCHES)]
    finally:
        await conn.close()
