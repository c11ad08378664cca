"""`recourse fees quote`: the statutory fee with its band-by-band breakdown."""

import json
from datetime import date
from decimal import Decimal
from typing import Annotated

import typer

from services.fee_calculator.domain.errors import FeeCalculatorError
from services.fee_calculator.domain.schedules import FeeKind
from services.fee_calculator.domain.statutory import FeeQuote, Procedure, quote_fee
from shared.money import MoneyError, to_money

app = typer.Typer(help="Quote statutory court fees.", no_args_is_help=True)

USAGE_ERROR = 2


@app.callback()
def fees() -> None:
    """Statutory court fees (诉讼费用交纳办法)."""


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def quote_as_json(quote: FeeQuote) -> dict[str, object]:
    return {
        "kind": quote.kind.value,
        "claim": str(quote.claim),
        "procedure": quote.procedure.value,
        "fee": str(quote.amount),
        "unrounded": str(quote.unrounded),
        "halved": quote.halved,
        "capped": quote.capped,
        "source": quote.source,
        "breakdown": [
            {
                "lower": str(c.lower),
                "upper": _text(c.upper),
                "rate": _text(c.rate),
                "fixed": _text(c.fixed),
                "claim_in_band": str(c.claim_in_band),
                "portion": str(c.portion),
            }
            for c in quote.breakdown
        ],
    }


@app.command()
def quote(
    claim: Annotated[str, typer.Option(help="Claim or preserved value in yuan.")],
    kind: Annotated[FeeKind, typer.Option(help="Which fee.")] = FeeKind.ACCEPTANCE,
    procedure: Annotated[
        Procedure, typer.Option(help="Halving procedures apply to acceptance only.")
    ] = Procedure.ORDINARY,
    on: Annotated[
        str, typer.Option(help="Date the schedule applies on (YYYY-MM-DD).")
    ] = "",
) -> None:
    """Print the fee and its band-by-band breakdown as JSON."""
    try:
        day = date.fromisoformat(on) if on else date.today()
        result = quote_fee(kind, to_money(claim), day, procedure)
    except (FeeCalculatorError, MoneyError, ValueError) as error:
        typer.echo(f"cannot quote: {error}", err=True)
        raise typer.Exit(USAGE_ERROR) from error
    typer.echo(json.dumps(quote_as_json(result), ensure_ascii=False, indent=2))
