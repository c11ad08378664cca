"""The inbox: ids of events already handled, claimed inside the handling transaction."""

from collections.abc import Sequence

import asyncpg

CLAIM = """
INSERT INTO inbox (event_id, topic)
SELECT * FROM unnest($1::text[], $2::text[])
ON CONFLICT (event_id) DO NOTHING
RETURNING event_id
"""


async def claim(
    conn: asyncpg.Connection, ids: Sequence[str], topics: Sequence[str]
) -> set[str]:
    """Record the ids; return those seen for the first time."""
    rows = await conn.fetch(CLAIM, list(ids), list(topics))
    return {row["event_id"] for row in rows}
