"""SQL for fees priced per case or per preservation application."""

from collections.abc import Sequence

import asyncpg

from contracts.fees import FeeAssessed, FeeKind, PreservationFeeReassessed

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


async def preservation_fee(
    conn: asyncpg.Connection, application_id: str
) -> asyncpg.Record | None:
    return await conn.fetchrow(
        "SELECT * FROM fees WHERE fee_id = $1 FOR UPDATE",
        f"{FeeKind.PRESERVATION}:{application_id}",
    )


async def record_reassessment(
    conn: asyncpg.Connection, fee_id: str, reassessed: PreservationFeeReassessed
) -> None:
    await conn.execute(
        "UPDATE fees SET preserved_value = $2, final_amount = $3, reassessed_at = $4"
        " WHERE fee_id = $1",
        fee_id,
        reassessed.preserved_value,
        reassessed.amount,
        reassessed.reassessed_at,
    )
