import json

from typer.testing import CliRunner

from recourse.cli_docket import app

runner = CliRunner()


def test_parse_prints_the_parts_as_json() -> None:
    result = runner.invoke(app, ["parse", "（2026）京0105民初1234号之一"])

    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "year": 2026,
        "court_code": "京0105",
        "case_type": "民初",
        "case_type_meaning": "civil first instance",
        "serial": 1234,
        "suffix": "之一",
        "formatted": "(2026)京0105民初1234号之一",
    }


def test_parse_invalid_number_exits_2_with_message_on_stderr() -> None:
    result = runner.invoke(app, ["parse", "not a docket"])

    assert result.exit_code == 2
    assert "not a docket number" in result.stderr
    assert result.stdout == ""


def test_format_writes_full_width_parentheses() -> None:
    result = runner.invoke(app, ["format", "(2026)京0105执保3号", "--fullwidth"])

    assert result.stdout.strip() == "（2026）京0105执保3号"
