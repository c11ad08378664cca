"""Operator commands of triage: read one conversation, evaluate decisions."""

import asyncio
import csv
import json
import os
import uuid
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

import asyncpg
import typer

from contracts.cloudevents import EventMeta, encode_headers
from contracts.registry import encode, event_type
from contracts.topics import TRIAGE_COMMANDS
from contracts.triage import RetriageCase
from recourse.bench.env import NoInfrastructureError, connection_settings
from recourse.dlq.broker import configured_bootstrap
from services.triage_scorer.domain.metrics import (
    AmbiguousCaseError,
    Scores,
    latest_scores,
    scores_of,
)
from services.triage_scorer.domain.policy import DEFAULT_POLICY
from services.triage_scorer.domain.reader import read_conversation
from services.triage_scorer.store import decisions
from shared.delivery.relay import new_producer

app = typer.Typer(help="Triage: read conversations and evaluate file-suit decisions.")

THRESHOLDS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


@app.command("explain-transcript")
def explain_transcript(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False)],
) -> None:
    """Print as JSON what the built-in reader finds in one conversation."""
    reading = read_conversation(file.read_text(encoding="utf-8"))
    typer.echo(json.dumps(asdict(reading), ensure_ascii=False, indent=2))


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return [{k.strip(): v.strip() for k, v in r.items()} for r in csv.DictReader(f)]


def _recovered(value: str) -> bool:
    if value.lower() not in {"yes", "no", "y", "n", "true", "false", "1", "0"}:
        raise typer.BadParameter(f"recovered must be yes or no, got {value!r}")
    return value.lower() in {"yes", "y", "true", "1"}


def file_suit_scores(
    recovered: dict[str, bool], scores: dict[str, float], threshold: float
) -> Scores:
    """Filing is right when collection did not recover; file when score <= t."""
    return scores_of(
        (scores[case] <= threshold, not recovered[case])
        for case in recovered
        if case in scores
    )


@app.command()
def evaluate(
    labels: Annotated[Path, typer.Argument(exists=True, dir_okay=False)],
    decisions: Annotated[
        Path | None,
        typer.Option(
            exists=True,
            dir_okay=False,
            help="CSV of case_id,score; without it, scores come from the database.",
        ),
    ] = None,
    schema: Annotated[str, typer.Option(help="triage-scorer's schema.")] = "triage",
    plaintiff: Annotated[
        str | None, typer.Option(help="Only this plaintiff's decisions.")
    ] = None,
    out: Annotated[Path, typer.Option()] = Path("precision_recall.png"),
) -> None:
    """Print precision/recall/F1 of filing at several thresholds; chart the curve."""
    label_rows = _rows(labels)
    recovered = {r["case_id"]: _recovered(r["recovered"]) for r in label_rows}
    if decisions is not None:
        scores = _scores_from_file(decisions)
    elif label_rows and "score" in label_rows[0]:
        scores = _scores_from_file(labels)
    else:
        scores = stored_scores(schema, list(recovered), plaintiff)
    matched = sum(1 for case in recovered if case in scores)
    typer.echo(f"cases with label and score: {matched}")
    typer.echo("threshold  precision  recall  f1     filed")
    thresholds = sorted({*THRESHOLDS, DEFAULT_POLICY.file_suit_max_score})
    for t in thresholds:
        s = file_suit_scores(recovered, scores, t)
        mark = "  (default)" if t == DEFAULT_POLICY.file_suit_max_score else ""
        filed = s.true_positives + s.false_positives
        typer.echo(
            f"{t:9.2f}  {s.precision:9.3f}  {s.recall:6.3f}  {s.f1:5.3f}  "
            f"{filed:5d}{mark}"
        )
    _chart(recovered, scores, out)
    typer.echo(f"chart: {out}")


UNREACHABLE = (OSError, asyncpg.PostgresError, asyncpg.InterfaceError, TimeoutError)


def _database_url() -> str:
    """DATABASE_URL, else the one `recourse infra up` wrote, as other commands do."""
    if url := os.environ.get("DATABASE_URL"):
        return url
    try:
        return connection_settings()[1]
    except NoInfrastructureError as error:
        typer.echo(f"cannot find triage's database: {error}", err=True)
        raise typer.Exit(2) from error


async def _read_scores(
    url: str, schema: str, case_ids: list[str], plaintiff: str | None
) -> dict[str, float]:
    conn = await asyncpg.connect(
        url, timeout=10, server_settings={"search_path": schema}
    )
    try:
        return latest_scores(await decisions.decision_scores(conn, case_ids, plaintiff))
    finally:
        await conn.close()


def stored_scores(
    schema: str, case_ids: list[str], plaintiff: str | None
) -> dict[str, float]:
    """Each labelled case's latest stored score; exit 2 if the database fails."""
    url = _database_url()
    try:
        return asyncio.run(_read_scores(url, schema, case_ids, plaintiff))
    except AmbiguousCaseError as error:
        raise typer.BadParameter(f"{error}; pass --plaintiff") from error
    except asyncpg.UndefinedTableError as error:
        typer.echo(f"no triage decisions in schema {schema!r} (--schema)", err=True)
        raise typer.Exit(2) from error
    except UNREACHABLE as error:
        where = urlsplit(url)
        typer.echo(
            f"cannot read triage's database at {where.hostname}:{where.port}: "
            f"{error.__class__.__name__}: {error}. Is it running? "
            "(recourse infra status), or give --decisions FILE",
            err=True,
        )
        raise typer.Exit(2) from error


def _scores_from_file(path: Path) -> dict[str, float]:
    rows = _rows(path)
    if not rows or "score" not in rows[0]:
        raise typer.BadParameter(f"{path} needs case_id,score columns")
    return {r["case_id"]: float(r["score"]) for r in rows}


def _chart(recovered: dict[str, bool], scores: dict[str, float], out: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    cuts = sorted({scores[c] for c in recovered if c in scores})
    curve = [file_suit_scores(recovered, scores, t) for t in cuts]
    fig, ax = plt.subplots(figsize=(5, 4))
    ax.plot([s.recall for s in curve], [s.precision for s in curve], marker=".")
    ax.set_xlabel("recall (unrecovered cases filed)")
    ax.set_ylabel("precision (filed cases not recovered)")
    ax.set_title("File-suit decision: precision vs recall")
    ax.set_xlim(0, 1.02)
    ax.set_ylim(0, 1.02)
    fig.tight_layout()
    fig.savefig(out)
    plt.close(fig)


async def _send(bootstrap: str, command: RetriageCase) -> None:
    meta = EventMeta(
        id=command.command_id,
        type=event_type(command),
        source="/recourse/cli",
        time=command.requested_at,
        subject=command.case_id,
    )
    producer = new_producer(bootstrap)
    await producer.start()
    try:
        await producer.send_and_wait(
            TRIAGE_COMMANDS,
            value=encode(command),
            key=command.plaintiff_id.encode(),
            headers=encode_headers(meta),
        )
    finally:
        await producer.stop()


@app.command()
def retriage(
    case_id: Annotated[str, typer.Argument(help="The case to decide again.")],
    plaintiff: Annotated[str, typer.Option(help="The case's plaintiff (tenant).")],
    operator: Annotated[str, typer.Option(help="Who asks.")] = "operator",
    note: Annotated[str | None, typer.Option(help="Why.")] = None,
) -> None:
    """Ask triage-scorer, through Kafka, to decide a case again as a new revision."""
    command = RetriageCase(
        command_id=f"retriage-{uuid.uuid4().hex}",
        plaintiff_id=plaintiff,
        case_id=case_id,
        requested_by=operator,
        note=note,
        requested_at=datetime.now(UTC),
    )
    asyncio.run(_send(configured_bootstrap(), command))
    typer.echo(json.dumps({"command_id": command.command_id, "case_id": case_id}))
