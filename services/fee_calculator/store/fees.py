"""SQL for fees priced per case or per preservation application."""

from collections.abc import Sequence

import asyncpg

from contracts.fees import FeeAssessed

INSERT_FEE = """
INSERT INTO fees (fee_id, plaintiff_id, case_id, court_id, fee_kind, procedure, policy,
                  claim_amount, amount, application_id, source_event_id, assessed_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
ON CONFLICT (fee_id) DO NOTHING
RETURNING 1
"""


def fee_id(assessed: FeeAssessed) -> str:
    """One acceptance fee per case; one preservation fee per application."""
    if assessed.application_id is not None:
        return f"{assessed.fee_kind}:{assessed.application_id}"
    return f"{assessed.fee_kind}:{assessed.plaintiff_id}:{assessed.case_id}"


async def insert_fee(
    conn: asyncpg.Connection, assessed: FeeAssessed, source_event_id: str
) -> bool:
    """Store a priced fee; False when this case or application is priced already."""
    inserted = await conn.fetchval(
        INSERT_FEE,
        fee_id(assessed),
        assessed.plaintiff_id,
        assessed.case_id,
        assessed.court_id,
        assessed.fee_kind.value,
        assessed.procedure.value,
        assessed.policy.value,
        assessed.claim_amount,
        assessed.amount,
        assessed.application_id,
        source_event_id,
        assessed.assessed_at,
    )
    return inserted is not None


async def acceptance_fees(
    conn: asyncpg.Connection, plaintiff_id: str, case_ids: Sequence[str]
) -> list[asyncpg.Record]:
    return await conn.fetch(
        """
        SELECT case_id, amount FROM fees
        WHERE fee_kind = 'acceptance' AND plaintiff_id = $1 AND case_id = ANY($2)
        """,
        plaintiff_id,
        list(case_ids),
    )
