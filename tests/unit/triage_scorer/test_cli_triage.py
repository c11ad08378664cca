import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from recourse.cli_triage import app
from services.triage_scorer.domain.metrics import AmbiguousCaseError, latest_scores

runner = CliRunner()


def test_explain_transcript_prints_reading_as_json(tmp_path: Path) -> None:
    file = tmp_path / "call.txt"
    file.write_text(
        "坐席：您好\n借款人：不是因为失业，是我生病住院了。", encoding="utf-8"
    )
    result = runner.invoke(app, ["explain-transcript", str(file)])
    assert result.exit_code == 0, result.output
    reading = json.loads(result.output)
    assert reading["reason_stated"] is True
    assert reading["category"] == "illness"
    assert reading["sentiment"] in {"negative", "neutral", "positive"}
    assert reading["evidence"]


def test_evaluate_prints_metrics_per_threshold_and_writes_chart(
    tmp_path: Path,
) -> None:
    labels = tmp_path / "labels.csv"
    labels.write_text("case_id,recovered\nc1,no\nc2,no\nc3,yes\nc4,yes\nc5,no\n")
    decisions = tmp_path / "decisions.csv"
    decisions.write_text("case_id,score\nc1,0.05\nc2,0.25\nc3,0.28\nc4,0.9\nc5,0.7\n")
    chart = tmp_path / "pr.png"
    result = runner.invoke(
        app,
        ["evaluate", str(labels), "--decisions", str(decisions), "--out", str(chart)],
    )
    assert result.exit_code == 0, result.output
    rows = {
        line.split()[0]: line.split()[1:4]
        for line in result.output.splitlines()
        if line[:1] == " " or line[:1].isdigit()
    }
    assert rows["0.20"] == ["1.000", "0.333", "0.500"]
    assert rows["0.30"] == ["0.667", "0.667", "0.667"]
    assert "(default)" in result.output
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_evaluate_without_decisions_exits_2_when_the_database_is_unreachable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    labels = tmp_path / "labels.csv"
    labels.write_text("case_id,recovered\nc1,no\n")
    monkeypatch.setenv("DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none")

    result = runner.invoke(app, ["evaluate", str(labels)])

    assert result.exit_code == 2
    assert "cannot read triage's database at 127.0.0.1:1" in result.output
    assert "--decisions" in result.output


def test_stored_scores_are_each_cases_latest_revision() -> None:
    rows = [("acme", "c1", 1, 0.2), ("acme", "c1", 3, 0.7), ("acme", "c1", 2, 0.4)]

    assert latest_scores([*rows, ("acme", "c2", 1, 0.1)]) == {"c1": 0.7, "c2": 0.1}


def test_a_case_id_decided_for_two_plaintiffs_is_refused() -> None:
    with pytest.raises(AmbiguousCaseError, match="acme and zeta"):
        latest_scores([("acme", "c1", 1, 0.2), ("zeta", "c1", 1, 0.9)])
