"""What an operator sees of a case: masked people, clear errors without a database."""

import pytest
from typer.testing import CliRunner

from recourse.cli import app
from recourse.history import masked_for_operators

runner = CliRunner()
UNREACHABLE = {
    "DATABASE_URL": "postgresql://postgres@127.0.0.1:1/postgres",
    "KAFKA_BOOTSTRAP_SERVERS": "127.0.0.1:1",
}


def test_people_are_masked_but_a_plaintiff_company_keeps_its_name() -> None:
    payload = {
        "borrower": {
            "name": "张三丰",
            "birth_date": "1990-05-06",
            "id_number": "110105199005061234",
        },
        "plaintiff": {"name": "金信小额贷款有限公司"},
        "defendant_name": "李四",
        "court_name": "北京市朝阳区人民法院",
    }

    masked = masked_for_operators(payload)

    assert masked["borrower"]["name"] == "张**"
    assert masked["borrower"]["birth_date"] == "1990-**-**"
    assert masked["plaintiff"]["name"] == "金信小额贷款有限公司"
    assert masked["defendant_name"] == "李*"
    assert masked["court_name"] == "北京市朝阳区人民法院"


@pytest.mark.parametrize("args", [["cases", "show", "case-1"], ["batches", "list"]])
def test_an_unreachable_database_is_a_clear_error_with_exit_code_2(
    args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in UNREACHABLE.items():
        monkeypatch.setenv(name, value)

    result = runner.invoke(app, args)

    assert result.exit_code == 2
    assert "cannot read the services' database at 127.0.0.1:1" in result.stderr
    assert "Traceback" not in result.output
