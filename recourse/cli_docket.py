"""`recourse docket parse|format`: docket numbers (案号) in and out."""

import json
from typing import Annotated

import typer

from services.filing_batcher.domain.docket import (
    CASE_TYPES,
    format_docket,
    parse_docket,
)
from services.filing_batcher.domain.errors import InvalidDocketNumberError

app = typer.Typer(help="Parse and format docket numbers.", no_args_is_help=True)

USAGE_ERROR = 2


@app.callback()
def docket() -> None:
    """Docket numbers such as (2026)京0105民初1234号."""


@app.command()
def parse(number: Annotated[str, typer.Argument(help="A docket number.")]) -> None:
    """Print the parts of a docket number as JSON."""
    try:
        parsed = parse_docket(number)
    except InvalidDocketNumberError as error:
        typer.echo(f"cannot parse: {error}", err=True)
        raise typer.Exit(USAGE_ERROR) from error
    fields = {
        "year": parsed.year,
        "court_code": parsed.court_code,
        "case_type": parsed.case_type,
        "case_type_meaning": CASE_TYPES[parsed.case_type],
        "serial": parsed.serial,
        "suffix": parsed.suffix,
        "formatted": format_docket(parsed),
    }
    typer.echo(json.dumps(fields, ensure_ascii=False, indent=2))


@app.command("format")
def format_number(
    number: Annotated[str, typer.Argument(help="A docket number.")],
    fullwidth: Annotated[
        bool, typer.Option(help="Use full-width parentheses.")
    ] = False,
) -> None:
    """Print a docket number in canonical form."""
    try:
        parsed = parse_docket(number)
    except InvalidDocketNumberError as error:
        typer.echo(f"cannot parse: {error}", err=True)
        raise typer.Exit(USAGE_ERROR) from error
    typer.echo(format_docket(parsed, fullwidth=fullwidth))
