from datetime import UTC, datetime

from typer.testing import CliRunner

from contracts.preservation import ReviewElement, ReviewVerdict
from recourse.cli_preservation import _table, app, decision_for

NOW = datetime(2026, 3, 2, 9, tzinfo=UTC)
ITEM = {
    "item_id": 7,
    "plaintiff_id": "acme",
    "request_id": "pr-1",
    "case_id": "case-1",
    "element": "guarantee_adequacy",
}


def test_approval_becomes_an_approve_event_for_the_items_element() -> None:
    decision = decision_for(ITEM, True, "王审核", None, NOW)

    assert decision.verdict is ReviewVerdict.APPROVE
    assert decision.element is ReviewElement.GUARANTEE_ADEQUACY
    assert (decision.plaintiff_id, decision.request_id) == ("acme", "pr-1")


def test_rejection_returns_the_request_with_the_reviewers_note() -> None:
    decision = decision_for(ITEM, False, "王审核", "保单金额不足", NOW)

    assert decision.verdict is ReviewVerdict.RETURN
    assert decision.note == "保单金额不足"


def test_deciding_without_a_verdict_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["review", "--decide", "7", "--reviewer", "王"])

    assert result.exit_code == 2
    assert "--approve or --reject" in result.output


def test_table_aligns_columns_under_their_headers() -> None:
    text = _table([{"a": "x", "bb": "yyy"}, {"a": "long", "bb": "z"}], ("a", "bb"))

    assert text.splitlines() == ["a     bb ", "x     yyy", "long  z  "]
