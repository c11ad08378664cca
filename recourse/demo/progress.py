"""Live counts per stage and platform, from the services' outboxes."""

from collections import Counter

import asyncpg

from recourse.demo.ledger import existing_schemas

STAGES = (
    ("CaseOpened", "opened"),
    ("ContactAttempted", "contacts"),
    ("CaseTriaged", "triaged"),
    ("FeeAssessed", "priced"),
    ("BatchSealed", "batches"),
    ("CaseDocketed", "docketed"),
    ("PreservationOrderRecorded", "preserved"),
    ("SanctionRecorded", "sanctioned"),
    ("SanctionLifted", "lifted"),
)
COUNTS = """
SELECT convert_from(header_values[array_position(header_names, 'ce_type')], 'UTF8')
         AS ce_type,
       convert_from(key, 'UTF8') AS key, count(*) AS n,
       count(*) FILTER (WHERE sent_at IS NULL) AS unsent
FROM %s.outbox GROUP BY 1, 2
"""


def _platform_of(key: str, platforms: tuple[str, ...]) -> str | None:
    for platform in platforms:
        if key == platform or key.startswith(platform + "-"):
            return platform
    return None


async def snapshot(
    conn: asyncpg.Connection, platforms: tuple[str, ...]
) -> tuple[dict[str, Counter[str]], int, int]:
    """Per platform, events per stage; plus unsent rows and dead letters."""
    stages = dict(STAGES)
    per_platform: dict[str, Counter[str]] = {p: Counter() for p in platforms}
    unsent = dead = 0
    for schema in await existing_schemas(conn):
        for row in await conn.fetch(COUNTS % schema):
            unsent += row["unsent"]
            ce_type = row["ce_type"] or ""
            name = ce_type.split(".")[2] if ce_type.count(".") == 3 else ce_type
            if name not in stages:
                if not ce_type:
                    dead += row["n"]
                continue
            platform = _platform_of(row["key"] or "", platforms)
            if platform:
                per_platform[platform][stages[name]] += row["n"]
    return per_platform, unsent, dead
