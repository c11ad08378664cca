from pathlib import Path

import pytest

from contracts import schemas
from contracts.registry import MODELS


def test_committed_schemas_match_the_models() -> None:
    assert schemas.drifted() == [], "run: python -m contracts.schemas"


def test_one_schema_per_registered_model() -> None:
    assert set(schemas.rendered()) == {f"{model.__name__}.json" for model in MODELS}


def test_check_reports_stale_missing_and_leftover_files(tmp_path: Path) -> None:
    schemas.write(tmp_path)
    (tmp_path / "LoanOverdue.json").write_text("{}\n")
    (tmp_path / "CaseTriaged.json").unlink()
    (tmp_path / "Removed.json").write_text("{}\n")
    assert schemas.drifted(tmp_path) == [
        "CaseTriaged.json",
        "LoanOverdue.json",
        "Removed.json",
    ]


def test_check_exits_nonzero_on_drift(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(schemas, "SCHEMA_DIR", tmp_path)
    assert schemas.main(["--check"]) == 1
