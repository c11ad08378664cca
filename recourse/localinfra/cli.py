"""`recourse infra up|down|status`: local Kafka and Postgres without Docker."""

import json
import sys
import time

import typer

from recourse.localinfra import stack
from recourse.localinfra.process import InfraError

app = typer.Typer(help="Start, inspect and stop the local Kafka and Postgres.")


@app.command()
def up(
    no_fsync: bool = typer.Option(False, help="Postgres without fsync (tests only)."),
) -> None:
    """Start Kafka and Postgres on free loopback ports and write the env file."""
    started = time.monotonic()
    try:
        state = stack.up(fsync=not no_fsync)
    except InfraError as error:
        typer.echo(f"infra up failed: {error}", err=True)
        raise typer.Exit(1) from error
    typer.echo(f"KAFKA_BOOTSTRAP_SERVERS={state.bootstrap_servers}")
    typer.echo(f"DATABASE_URL={state.database_url}")
    typer.echo(f"# written to {stack.env_file()}", err=True)
    typer.echo(f"# ready in {time.monotonic() - started:.1f}s", err=True)


@app.command()
def status() -> None:
    """Print whether each process runs, with its connection settings."""
    json.dump(stack.status(), sys.stdout, indent=2)
    typer.echo()


@app.command()
def down(
    purge: bool = typer.Option(False, help="Also delete the data directories."),
) -> None:
    """Stop the processes `up` started (by pid), keeping data unless --purge."""
    try:
        stack.down(purge=purge)
    except InfraError as error:
        typer.echo(f"infra down failed: {error}", err=True)
        raise typer.Exit(1) from error
    typer.echo("stopped" + (" and purged" if purge else ""))
