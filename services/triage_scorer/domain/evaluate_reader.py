"""Score the built-in reader on the labelled conversations and print the result.

Run: python -m services.triage_scorer.domain.evaluate_reader [LABELLED.jsonl]
"""

import json
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from services.triage_scorer.domain.metrics import Scores, scores_of
from services.triage_scorer.domain.reader import read_conversation

DEFAULT_LABELS = (
    Path(__file__).resolve().parents[3] / "tests/data/conversations/labelled.jsonl"
)


@dataclass(frozen=True)
class ReaderReport:
    reason: Scores
    category_accuracy: float
    sentiment_accuracy: float
    size: int


def evaluate(rows: Iterable[Mapping[str, Any]]) -> ReaderReport:
    """Compare the reader with each row's labels."""
    pairs, categories, sentiments = [], [], []
    for row in rows:
        reading = read_conversation(row["text"])
        pairs.append((reading.reason_stated, bool(row["reason_stated"])))
        if reading.reason_stated and row["reason_stated"]:
            categories.append(reading.category == row["category"])
        sentiments.append(reading.sentiment == row["sentiment"])
    return ReaderReport(
        reason=scores_of(pairs),
        category_accuracy=sum(categories) / len(categories) if categories else 0.0,
        sentiment_accuracy=sum(sentiments) / len(sentiments) if sentiments else 0.0,
        size=len(pairs),
    )


def load(path: Path) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def main(argv: list[str]) -> None:
    path = Path(argv[0]) if argv else DEFAULT_LABELS
    report = evaluate(load(path))
    print(f"conversations: {report.size}")
    print(f"reason stated  precision {report.reason.precision:.3f}")
    print(f"               recall    {report.reason.recall:.3f}")
    print(f"               f1        {report.reason.f1:.3f}")
    print(f"category accuracy (on true positives) {report.category_accuracy:.3f}")
    print(f"sentiment accuracy {report.sentiment_accuracy:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
