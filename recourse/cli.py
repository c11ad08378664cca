"""The operator command line: `recourse --help`."""

import typer

from recourse.cli_docket import app as docket_app
from recourse.cli_fees import app as fees_app
from recourse.cli_triage import app as triage_app
from recourse.demo.cli import demo
from recourse.localinfra.cli import app as infra_app

app = typer.Typer(help="Recourse operator tooling.", no_args_is_help=True)
app.add_typer(infra_app, name="infra")
app.add_typer(fees_app, name="fees")
app.add_typer(docket_app, name="docket")
app.add_typer(triage_app, name="triage")
app.command(name="demo")(demo)


def main() -> None:
    app()
