"""Precision, recall and F1 of a yes/no prediction against labels."""

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Scores:
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        predicted = self.true_positives + self.false_positives
        return self.true_positives / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        actual = self.true_positives + self.false_negatives
        return self.true_positives / actual if actual else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def scores_of(pairs: Iterable[tuple[bool, bool]]) -> Scores:
    """Count (predicted, actual) pairs into precision/recall scores."""
    tp = fp = fn = 0
    for predicted, actual in pairs:
        tp += predicted and actual
        fp += predicted and not actual
        fn += actual and not predicted
    return Scores(tp, fp, fn)


class AmbiguousCaseError(ValueError):
    """One case id was decided for several plaintiffs; name the plaintiff."""


def latest_scores(rows: Iterable[tuple[str, str, int, float]]) -> dict[str, float]:
    """Each case's score at its latest revision, from (plaintiff, case, rev, score)."""
    latest: dict[str, tuple[str, int, float]] = {}
    for plaintiff, case, revision, score in rows:
        seen = latest.get(case)
        if seen is not None and seen[0] != plaintiff:
            raise AmbiguousCaseError(
                f"case {case} was decided for {seen[0]} and {plaintiff}"
            )
        if seen is None or revision > seen[1]:
            latest[case] = (plaintiff, revision, score)
    return {case: score for case, (_, _, score) in latest.items()}
