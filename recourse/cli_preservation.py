"""`recourse preservation review|upcoming`: the reviewer queue and the deadlines."""

import asyncio
import json
import os
import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Annotated, Any

import asyncpg
import typer
from aiokafka import AIOKafkaProducer

from contracts import topics
from contracts.cloudevents import EventMeta, encode_headers
from contracts.preservation import ReviewDecisionRecorded, ReviewElement, ReviewVerdict
from contracts.registry import encode, event_type
from shared.clock import clock_from_setting

app = typer.Typer(
    help="Preservation: the reviewer queue and upcoming deadlines.",
    no_args_is_help=True,
)
USAGE_ERROR = 2
SOURCE = "/recourse/cli/preservation"
SchemaOption = Annotated[str, typer.Option(help="Schema of preservation-tracker.")]
QUEUE = """
SELECT r.item_id, r.element, r.detail, r.queued_at, r.escalated_at,
       a.plaintiff_id, a.request_id, a.case_id, a.court_id, a.stage
FROM review_items r JOIN applications a USING (application_id)
WHERE r.decision IS NULL AND a.status = 'in_review' AND ($1::bigint IS NULL
      OR r.item_id = $1)
ORDER BY r.queued_at, r.item_id
"""
UPCOMING = """
SELECT d.kind, d.asset_identifier, d.due_on, a.application_id, a.plaintiff_id,
       a.case_id, a.court_id, a.stage
FROM deadlines d JOIN applications a USING (application_id)
WHERE d.done_at IS NULL AND d.cancelled_at IS NULL AND d.due_at <= $1
ORDER BY d.due_at, d.deadline_id
"""


def _now() -> datetime:
    return clock_from_setting(os.environ.get("RECOURSE_CLOCK", "system")).now()


def _env(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        typer.echo(f"{name} is not set", err=True)
        raise typer.Exit(USAGE_ERROR)
    return value


async def fetch(schema: str, query: str, *args: object) -> list[dict[str, Any]]:
    """Rows of a query on the service's schema, as plain dictionaries."""
    conn = await asyncpg.connect(
        _env("DATABASE_URL"), server_settings={"search_path": schema}
    )
    try:
        return [dict(r) for r in await conn.fetch(query, *args)]
    finally:
        await conn.close()


def decision_for(
    item: Mapping[str, Any],
    approve: bool,
    reviewer: str,
    note: str | None,
    now: datetime,
) -> ReviewDecisionRecorded:
    """The event recording a reviewer's verdict on one queued item."""
    return ReviewDecisionRecorded(
        request_id=item["request_id"],
        plaintiff_id=item["plaintiff_id"],
        case_id=item["case_id"],
        verdict=ReviewVerdict.APPROVE if approve else ReviewVerdict.RETURN,
        element=ReviewElement(item["element"]),
        reviewer=reviewer,
        note=note,
        decided_at=now,
    )


async def publish_decisions(
    bootstrap: str, decisions: Sequence[ReviewDecisionRecorded]
) -> list[str]:
    """Publish decisions on the tracker's topic; the service applies each once."""
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap, enable_idempotence=True, acks="all"
    )
    await producer.start()
    ids, deliveries = [], []
    try:
        for decision in decisions:
            meta = EventMeta(
                id=str(uuid.uuid4()),
                type=event_type(decision),
                source=SOURCE,
                time=decision.decided_at,
            )
            deliveries.append(
                await producer.send(
                    topics.PRESERVATION,
                    value=encode(decision),
                    key=decision.plaintiff_id.encode(),
                    headers=encode_headers(meta),
                )
            )
            ids.append(meta.id)
        await asyncio.gather(*deliveries)
    finally:
        await producer.stop()
    return ids


def _table(rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> str:
    cells = [[str(row[c]) for c in columns] for row in rows]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))]
    lines += [
        "  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)) for r in cells
    ]
    return "\n".join(lines)


def _print(rows: list[dict[str, Any]], columns: Sequence[str], as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps(rows, default=str, ensure_ascii=False, indent=2))
    elif rows:
        typer.echo(_table(rows, columns))
    else:
        typer.echo("nothing due")


@app.command()
def review(
    decide: Annotated[int | None, typer.Option(help="Item to decide.")] = None,
    approve: Annotated[
        bool | None, typer.Option("--approve/--reject", help="The verdict.")
    ] = None,
    reviewer: Annotated[str | None, typer.Option(help="Who decides.")] = None,
    note: Annotated[str | None, typer.Option(help="Why.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    schema: SchemaOption = "preservation",
) -> None:
    """List queued judgement elements, or record a reviewer's decision on one."""
    if decide is None:
        rows = asyncio.run(fetch(schema, QUEUE, None))
        columns = ("item_id", "plaintiff_id", "request_id", "element", "queued_at")
        _print(rows, (*columns, "escalated_at", "detail"), as_json)
        return
    if approve is None or not reviewer:
        typer.echo("give --approve or --reject, and --reviewer", err=True)
        raise typer.Exit(USAGE_ERROR)
    found = asyncio.run(fetch(schema, QUEUE, decide))
    if not found:
        typer.echo(f"no open review item {decide}", err=True)
        raise typer.Exit(USAGE_ERROR)
    decision = decision_for(found[0], approve, reviewer, note, _now())
    bootstrap = _env("KAFKA_BOOTSTRAP_SERVERS")
    [event_id] = asyncio.run(publish_decisions(bootstrap, [decision]))
    typer.echo(f"recorded {decision.verdict} on item {decide} as event {event_id}")


@app.command()
def upcoming(
    days: Annotated[int, typer.Option(min=0, help="Window in days from now.")] = 30,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    schema: SchemaOption = "preservation",
) -> None:
    """List renewal and pre-suit deadlines due within the next N days."""
    until = _now() + timedelta(days=days)
    rows = asyncio.run(fetch(schema, UPCOMING, until))
    columns = ("due_on", "kind", "plaintiff_id", "case_id", "application_id")
    _print(rows, (*columns, "asset_identifier"), as_json)
