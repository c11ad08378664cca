"""SQL for what is known of borrowers and tenants: details, bans, rules."""

from collections.abc import Sequence
from datetime import datetime

import asyncpg

from contracts.contact import Recipient


async def do_not_contact_among(
    conn: asyncpg.Connection, plaintiff_id: str, subjects: Sequence[str]
) -> set[str]:
    rows = await conn.fetch(
        "SELECT subject FROM do_not_contact"
        " WHERE plaintiff_id = $1 AND subject = ANY($2::text[])",
        plaintiff_id,
        list(subjects),
    )
    return {row["subject"] for row in rows}


async def add_do_not_contact(
    conn: asyncpg.Connection, plaintiff_id: str, subject: str, at: datetime
) -> None:
    await conn.execute(
        "INSERT INTO do_not_contact (plaintiff_id, subject, added_at)"
        " VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        plaintiff_id,
        subject,
        at,
    )


async def known_recipient(
    conn: asyncpg.Connection, plaintiff_id: str, case_id: str
) -> Recipient | None:
    value = await conn.fetchval(
        "SELECT recipient FROM recipients WHERE plaintiff_id = $1 AND case_id = $2",
        plaintiff_id,
        case_id,
    )
    return Recipient.model_validate_json(value) if value else None


async def keep_recipient(
    conn: asyncpg.Connection,
    plaintiff_id: str,
    case_id: str,
    recipient: Recipient,
    at: datetime,
) -> None:
    await conn.execute(
        "INSERT INTO recipients (plaintiff_id, case_id, recipient, updated_at)"
        " VALUES ($1, $2, $3::jsonb, $4) ON CONFLICT (plaintiff_id, case_id)"
        " DO UPDATE SET recipient = excluded.recipient,"
        " updated_at = excluded.updated_at",
        plaintiff_id,
        case_id,
        recipient.model_dump_json(),
        at,
    )
