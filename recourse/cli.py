"""The operator command line: `recourse --help`."""

import typer

from recourse.bench.cli import bench
from recourse.cli_dlq import app as dlq_app
from recourse.cli_docket import app as docket_app
from recourse.cli_fees import app as fees_app
from recourse.cli_ops import batches_app, cases_app, services_app
from recourse.cli_preservation import app as preservation_app
from recourse.cli_triage import app as triage_app
from recourse.demo.cli import demo
from recourse.localinfra.cli import app as infra_app

app = typer.Typer(help="Recourse operator tooling.", no_args_is_help=True)
app.add_typer(infra_app, name="infra")
app.add_typer(fees_app, name="fees")
app.add_typer(docket_app, name="docket")
app.add_typer(triage_app, name="triage")
app.add_typer(preservation_app, name="preservation")
app.command(name="demo")(demo)
app.add_typer(services_app, name="services")
app.add_typer(cases_app, name="cases")
app.add_typer(batches_app, name="batches")
app.add_typer(dlq_app, name="dlq")
app.command(name="bench")(bench)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
