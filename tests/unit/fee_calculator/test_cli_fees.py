import json

from typer.testing import CliRunner

from recourse.cli_fees import app

runner = CliRunner()


def test_quote_prints_fee_and_breakdown_as_decimal_strings() -> None:
    result = runner.invoke(app, ["quote", "--claim", "15000", "--on", "2026-12-03"])

    body = json.loads(result.stdout)
    assert result.exit_code == 0
    assert body["fee"] == "175.00"
    assert [row["portion"] for row in body["breakdown"]] == ["50", "125.000"]


def test_quote_halves_for_simplified_procedure() -> None:
    result = runner.invoke(
        app, ["quote", "--claim", "150000", "--procedure", "simplified"]
    )

    assert json.loads(result.stdout)["fee"] == "1650.00"


def test_quote_preservation_fee() -> None:
    result = runner.invoke(app, ["quote", "--claim", "50000", "--kind", "preservation"])

    assert json.loads(result.stdout)["fee"] == "520.00"


def test_invalid_claim_exits_2_with_message_on_stderr() -> None:
    result = runner.invoke(app, ["quote", "--claim", "lots"])

    assert result.exit_code == 2
    assert "not a decimal amount" in result.stderr
    assert result.stdout == ""


def test_halving_a_preservation_fee_exits_2() -> None:
    result = runner.invoke(
        app,
        [
            "quote",
            "--claim",
            "50000",
            "--kind",
            "preservation",
            "--procedure",
            "simplified",
        ],
    )

    assert result.exit_code == 2
    assert "not halved" in result.stderr


def test_unknown_kind_exits_2() -> None:
    result = runner.invoke(app, ["quote", "--claim", "1", "--kind", "parking"])

    assert result.exit_code == 2
