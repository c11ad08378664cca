"""`recourse dlq list|replay`: inspect dead letters, send them back once fixed."""

import json
import logging
from collections.abc import Sequence
from typing import Annotated

import typer

from recourse.dlq import (
    SERVICES,
    BrokerUnavailable,
    DeadLetter,
    Selection,
    configured_bootstrap,
    in_failure_order,
    in_replay_order,
    read_letters,
    republish,
    run_bounded,
)

app = typer.Typer(
    help="Inspect dead letters and replay them once their cause is fixed.",
    no_args_is_help=True,
)

BROKER_FAILED = 1
Timeout = Annotated[
    float, typer.Option(min=1.0, help="Seconds to wait for Kafka before giving up.")
]
OriginalTopic = Annotated[
    str | None, typer.Option(help="Only letters from this original topic.")
]


def _services(service: str | None) -> tuple[str, ...]:
    if service is None:
        return SERVICES
    if service not in SERVICES:
        known = ", ".join(SERVICES)
        raise typer.BadParameter(
            f"unknown service {service!r}; one of {known}", param_hint="--service"
        )
    return (service,)


def _letters(services: Sequence[str], timeout: float) -> list[DeadLetter]:
    # aiokafka logs every failed connection; the command reports a failure once.
    logging.getLogger("aiokafka").setLevel(logging.CRITICAL)
    bootstrap = configured_bootstrap()
    try:
        return run_bounded(read_letters(bootstrap, services), bootstrap, timeout)
    except BrokerUnavailable as error:
        typer.echo(f"dlq: cannot read dead letters: {error}", err=True)
        raise typer.Exit(BROKER_FAILED) from error


def _letters_text(count: int) -> str:
    return f"{count} dead letter" + ("" if count == 1 else "s")


def _line(letter: DeadLetter) -> str:
    origin = (
        f"{letter.original_topic}[{letter.original_partition}]@{letter.original_offset}"
    )
    return "  ".join(
        (
            letter.failed_at or "-",
            letter.service,
            origin,
            letter.ce_type or "-",
            letter.ce_id or "-",
            letter.reason or "-",
        )
    )


@app.command("list")
def list_letters(
    service: Annotated[
        str | None, typer.Option(help="One service; all six when omitted.")
    ] = None,
    original_topic: OriginalTopic = None,
    limit: Annotated[
        int | None, typer.Option(min=1, help="Show only the N most recent letters.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON array.")] = False,
    timeout: Timeout = 30.0,
) -> None:
    """Show dead letters: origin, reason, time and event id; never the payload."""
    selection = Selection(original_topic=original_topic)
    found = in_failure_order(
        x for x in _letters(_services(service), timeout) if selection.matches(x)
    )
    shown = found[-limit:] if limit else found
    if as_json:
        typer.echo(json.dumps([x.summary() for x in shown], ensure_ascii=False))
        return
    typer.echo("failed_at  service  origin  ce_type  ce_id  reason")
    for letter in shown:
        typer.echo(_line(letter))
    typer.echo(f"{len(shown)} of {_letters_text(len(found))} shown")


@app.command()
def replay(
    service: Annotated[str, typer.Option(help="The service whose letters to replay.")],
    original_topic: OriginalTopic = None,
    original_partition: Annotated[
        int | None, typer.Option(min=0, help="Only letters from this partition.")
    ] = None,
    offset_from: Annotated[
        int | None,
        typer.Option(min=0, help="Only letters whose original offset is at least N."),
    ] = None,
    ce_id: Annotated[str | None, typer.Option(help="Only this event id.")] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show the selection; send nothing.")
    ] = False,
    timeout: Timeout = 30.0,
) -> None:
    """Send selected letters back to their original topic: same bytes and headers."""
    selection = Selection(original_topic, original_partition, offset_from, ce_id)
    chosen = [x for x in _letters(_services(service), timeout) if selection.matches(x)]
    letters = in_replay_order(chosen)
    if len(letters) < len(chosen):
        typer.echo(
            f"{_letters_text(len(chosen) - len(letters))} without an origin skipped",
            err=True,
        )
    for letter in letters:
        typer.echo(_line(letter))
    if dry_run:
        typer.echo(f"dry run: {_letters_text(len(letters))} would be replayed")
        return
    if not letters:
        typer.echo("no dead letters selected; nothing replayed")
        return
    bootstrap = configured_bootstrap()
    try:
        sent = run_bounded(republish(bootstrap, letters), bootstrap, timeout)
    except BrokerUnavailable as error:
        typer.echo(
            f"dlq: replay stopped, some letters may already be back: {error}", err=True
        )
        raise typer.Exit(BROKER_FAILED) from error
    typer.echo(f"replayed {_letters_text(sent)} to their original topics")
