"""Per-stage lag: from an event's row in one outbox to its claim in the next inbox."""

import asyncpg

from recourse.demo.ledger import existing_schemas

# (stage, producing schema, consuming schema, event type)
STAGES = (
    ("intake -> contact", "triage", "contact", "SendNotice"),
    ("contact -> triage", "contact", "triage", "ContactAttempted"),
    ("triage -> fees", "triage", "fees", "CaseTriaged"),
    ("fees -> filing", "fees", "filing", "FeeAssessed"),
    ("filing -> fees", "filing", "fees", "BatchSealed"),
    ("fees -> filing (settled)", "fees", "filing", "InvoiceSettled"),
    ("judgment -> contact", "sanctions", "contact", "SendNotice"),
)
LAG = """
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY lag) AS p50,
       percentile_cont(0.99) WITHIN GROUP (ORDER BY lag) AS p99, count(*) AS n
FROM (
  SELECT extract(epoch FROM i.received_at - o.created_at) * 1000 AS lag
  FROM {producer}.outbox o JOIN {consumer}.inbox i ON i.event_id = o.event_id
  WHERE convert_from(o.header_values[array_position(o.header_names, 'ce_type')],
                     'UTF8') = 'io.recourse.{event}.v1'
) lags
"""


async def stage_lags(url: str) -> dict[str, dict[str, float]]:
    """p50 and p99 in milliseconds for every stage with data."""
    conn = await asyncpg.connect(url)
    try:
        present = set(await existing_schemas(conn))
        result = {}
        for stage, producer, consumer, event in STAGES:
            if not {producer, consumer} <= present:
                continue
            row = await conn.fetchrow(
                LAG.format(producer=producer, consumer=consumer, event=event)
            )
            if row["n"]:
                result[stage] = {
                    "p50_ms": round(float(row["p50"]), 1),
                    "p99_ms": round(float(row["p99"]), 1),
                    "events": int(row["n"]),
                }
        return result
    finally:
        await conn.close()
