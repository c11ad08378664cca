import pytest

from services.triage_scorer.domain.case import ReasonCategory
from services.triage_scorer.domain.evaluate_reader import DEFAULT_LABELS, evaluate, load
from services.triage_scorer.domain.reader import Sentiment, read_conversation


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Borrower: I can't pay because I lost my job.", ReasonCategory.JOB_LOSS),
        ("借款人：我最近失业了，还不上。", ReasonCategory.JOB_LOSS),
        ("I've been in hospital since May.", ReasonCategory.ILLNESS),
        ("借款人：生意失败了，店也关了。", ReasonCategory.BUSINESS_FAILURE),
        ("My boss hasn't paid me since March.", ReasonCategory.WAGES_UNPAID),
        ("借款人：公司拖欠工资。", ReasonCategory.WAGES_UNPAID),
        ("借款人：我爸爸住院了。", ReasonCategory.FAMILY_EMERGENCY),
        ("I got scammed online.", ReasonCategory.OTHER),
    ],
)
def test_stated_reason_is_found_with_its_category(
    text: str, category: ReasonCategory
) -> None:
    reading = read_conversation(text)
    assert (reading.reason_stated, reading.category) == (True, category)
    assert reading.evidence


@pytest.mark.parametrize(
    "text",
    [
        "It's not because I lost my job, I just forgot.",
        "I didn't lose my job.",
        "借款人：不是因为失业，我就是忘了。",
        "借款人：我没有失业。",
        "I lost my job last year but that's not why I missed it.",
        "If I get laid off I will call you.",
        "借款人：万一被裁员再说。",
    ],
)
def test_negated_or_hypothetical_reason_is_not_stated(text: str) -> None:
    assert read_conversation(text).reason_stated is False


def test_agent_lines_are_ignored() -> None:
    reading = read_conversation("Agent: Did you lose your job?\nBorrower: No.")
    assert reading.reason_stated is False


def test_refusal_reads_negative_and_promise_reads_positive() -> None:
    refusal = read_conversation("借款人：别再打了，烦死了，我不还。")
    promise = read_conversation("Borrower: Okay, I'll pay on Friday, thanks.")
    assert refusal.sentiment is Sentiment.NEGATIVE
    assert promise.sentiment is Sentiment.POSITIVE


def test_reader_precision_and_recall_on_labelled_set_reach_the_floor() -> None:
    rows = load(DEFAULT_LABELS)
    report = evaluate(rows)
    print(
        f"\nreader on {report.size} conversations: "
        f"precision={report.reason.precision:.3f} recall={report.reason.recall:.3f} "
        f"f1={report.reason.f1:.3f} category={report.category_accuracy:.3f} "
        f"sentiment={report.sentiment_accuracy:.3f}"
    )
    assert sum(r["lang"] == "zh" for r in rows) >= 25
    assert sum(r["lang"] == "en" for r in rows) >= 25
    assert report.size >= 60
    assert report.reason.precision >= 0.8
    assert report.reason.recall >= 0.8
