"""Operator commands: run services, follow a case, list batches."""

import asyncio
import json
import signal
import time
from collections.abc import Coroutine
from typing import Annotated, Any, TypeVar
from urllib.parse import urlsplit

import asyncpg
import typer
from rich.console import Console
from rich.table import Table

from recourse import history
from recourse.bench.env import NoInfrastructureError, connection_settings
from recourse.localinfra.process import REPO_ROOT
from recourse.processes import SERVICES, ProcessGroup

services_app = typer.Typer(help="Run Recourse services as processes.")
cases_app = typer.Typer(help="Follow cases across the six services.")
batches_app = typer.Typer(help="Filing batches.")
console = Console()


def _settings() -> tuple[str, str]:
    try:
        return connection_settings()
    except NoInfrastructureError as error:
        typer.echo(str(error), err=True)
        raise typer.Exit(2) from error


T = TypeVar("T")
UNREACHABLE = (OSError, asyncpg.PostgresError, asyncpg.InterfaceError, TimeoutError)


def _read(url: str, query: Coroutine[Any, Any, T]) -> T:
    """Run a read against the services' database; a clear error if it fails."""
    try:
        return asyncio.run(query)
    except UNREACHABLE as error:
        where = urlsplit(url)
        typer.echo(
            f"cannot read the services' database at {where.hostname}:{where.port}: "
            f"{error.__class__.__name__}: {error}. Is it running? "
            "(recourse infra status)",
            err=True,
        )
        raise typer.Exit(2) from error


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


@services_app.command("run")
def run_services(
    names: Annotated[
        list[str] | None, typer.Argument(help="Services to run; all when omitted.")
    ] = None,
) -> None:
    """Run services as separate processes until Ctrl-C; logs in .recourse/logs."""
    chosen = names or list(SERVICES)
    unknown = sorted(set(chosen) - set(SERVICES))
    if unknown:
        typer.echo(f"unknown services: {', '.join(unknown)}", err=True)
        typer.echo(f"known: {', '.join(SERVICES)}", err=True)
        raise typer.Exit(2)
    bootstrap, url = _settings()
    env = {"KAFKA_BOOTSTRAP_SERVERS": bootstrap, "DATABASE_URL": url}
    group = ProcessGroup(REPO_ROOT / ".recourse" / "logs", env)
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        group.start_services(chosen)
        typer.echo(f"running {', '.join(chosen)}; Ctrl-C stops them")
        while not group.dead():
            time.sleep(0.5)
        dead = group.dead()[0]
        typer.echo(f"{dead.name} exited; see {dead.log_path}", err=True)
        raise typer.Exit(1)
    except KeyboardInterrupt:
        typer.echo("stopping")
    finally:
        group.stop_all()


@cases_app.command("show")
def show_case(
    case_id: Annotated[str, typer.Argument(help="The case id.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """One case's history across the services, in order, personal data masked."""
    _, url = _settings()
    entries = _read(url, history.case_history(url, case_id))
    if not entries:
        typer.echo(f"no events mention case {case_id}", err=True)
        raise typer.Exit(1)
    if as_json:
        typer.echo(json.dumps([e.__dict__ for e in entries], ensure_ascii=False))
        return
    table = Table(title=f"case {case_id}", title_justify="left")
    for column in ("time", "service", "event", "detail"):
        table.add_column(column)
    for entry in entries:
        detail = {k: v for k, v in entry.payload.items() if not isinstance(v, dict)}
        table.add_row(
            entry.time[:19],
            entry.service_schema,
            entry.event,
            json.dumps(detail, ensure_ascii=False)[:160],
        )
    console.print(table)


@batches_app.command("list")
def list_batches(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Sealed batches with size, filing, docketed cases and breaches."""
    _, url = _settings()
    rows = _read(url, history.batches(url))
    if as_json:
        typer.echo(json.dumps(rows, default=str))
        return
    table = Table(title=f"{len(rows)} batches", title_justify="left")
    for column in rows[0] if rows else ("batch_id",):
        table.add_column(column)
    for row in rows:
        table.add_row(*(str(v) for v in row.values()))
    console.print(table)
