"""SQL for the court simulator's own schema."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import asyncpg

from contracts.base import Contract
from contracts.registry import encode, event_type
from contracts.topics import court_topic

INSERT_DECISION = """
INSERT INTO decisions (court_id, batch_id, case_id, plaintiff_id, court_code,
                       complaint, received_at, due_at, rejection_reason)
VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9)
ON CONFLICT (court_id, batch_id, case_id) DO NOTHING
"""


async def insert_decisions(
    conn: asyncpg.Connection, rows: Sequence[tuple[object, ...]]
) -> None:
    """Rows in the column order of INSERT_DECISION; a repeat is ignored."""
    await conn.executemany(INSERT_DECISION, rows)


DUE_DECISIONS = """
SELECT * FROM decisions WHERE decided_at IS NULL AND due_at <= $1
ORDER BY due_at, batch_id, case_id
LIMIT $2
FOR UPDATE SKIP LOCKED
"""


async def due_decisions(
    conn: asyncpg.Connection, now: datetime, limit: int = 1000
) -> list[asyncpg.Record]:
    return await conn.fetch(DUE_DECISIONS, now, limit)


async def next_serial(
    conn: asyncpg.Connection, court_code: str, year: int, case_type: str
) -> int:
    """The next serial of a court, year and case type; rolled back with the rest."""
    value = await conn.fetchval(
        """
        INSERT INTO serials (court_code, year, case_type, last_serial)
        VALUES ($1, $2, $3, 1)
        ON CONFLICT (court_code, year, case_type)
        DO UPDATE SET last_serial = serials.last_serial + 1
        RETURNING last_serial
        """,
        court_code,
        year,
        case_type,
    )
    return int(value)


async def mark_decided(
    conn: asyncpg.Connection, row: asyncpg.Record, number: str | None, at: datetime
) -> None:
    await conn.execute(
        """
        UPDATE decisions SET decided_at = $4, docket_number = $5
        WHERE court_id = $1 AND batch_id = $2 AND case_id = $3
        """,
        row["court_id"],
        row["batch_id"],
        row["case_id"],
        at,
        number,
    )


async def schedule(
    conn: asyncpg.Connection, ruling_id: str, due_at: datetime, ruling: Contract
) -> None:
    """Keep a ruling until it is due; the same id scheduled twice stays once."""
    # Every ruling contract names its court and plaintiff.
    named: Any = ruling
    court_id, plaintiff_id = named.court_id, named.plaintiff_id
    await conn.execute(
        """
        INSERT INTO rulings (ruling_id, topic, plaintiff_id, ce_type, payload, due_at)
        VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (ruling_id) DO NOTHING
        """,
        ruling_id,
        court_topic(court_id, "rulings"),
        plaintiff_id,
        event_type(ruling),
        encode(ruling).decode(),
        due_at,
    )


async def ruling_scheduled(conn: asyncpg.Connection, ruling_id: str) -> bool:
    """Whether a ruling of this id is kept already, so no serial is spent twice."""
    found = await conn.fetchval("SELECT 1 FROM rulings WHERE ruling_id = $1", ruling_id)
    return found is not None


DUE_RULINGS = """
SELECT * FROM rulings WHERE released_at IS NULL AND due_at <= $1
ORDER BY due_at, ruling_id
LIMIT $2
FOR UPDATE SKIP LOCKED
"""


async def due_rulings(
    conn: asyncpg.Connection, now: datetime, limit: int = 1000
) -> list[asyncpg.Record]:
    return await conn.fetch(DUE_RULINGS, now, limit)


async def mark_released(conn: asyncpg.Connection, ruling_id: str, at: datetime) -> None:
    await conn.execute(
        "UPDATE rulings SET released_at = $2 WHERE ruling_id = $1", ruling_id, at
    )
