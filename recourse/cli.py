"""The operator command line: `recourse --help`."""

import typer

from recourse.localinfra.cli import app as infra_app

app = typer.Typer(help="Recourse operator tooling.", no_args_is_help=True)
app.add_typer(infra_app, name="infra")


def main() -> None:
    app()
