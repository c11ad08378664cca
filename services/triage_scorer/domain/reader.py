"""Built-in, offline conversation reader: keywords plus a negation window.

Only the borrower's lines are read; a line that starts with an agent label is
skipped. A reason phrase counts unless a negator sits in the few words (or
characters) before it in the same clause, or the clause disowns it afterwards
("...but that's not why"). After a causal word only "not because" negates, so
"can't pay because I lost my job" still states a reason.
"""

import re
from dataclasses import dataclass

from contracts.triage import Sentiment
from services.triage_scorer.domain import lexicon
from services.triage_scorer.domain.case import ReasonCategory


@dataclass(frozen=True)
class Reading:
    reason_stated: bool
    category: ReasonCategory | None
    sentiment: Sentiment
    evidence: tuple[str, ...]


_CJK = re.compile(r"[\u4e00-\u9fff]")
_CLAUSE_BREAK = re.compile(r"[,.;:!?，。；：！？、\n]|\bbut\b|\bso\b|但是|可是|所以")
_WINDOW_WORDS = 5
_WINDOW_CHARS = 6


def _compile(
    table: dict[ReasonCategory, tuple[str, ...]], words: bool
) -> list[tuple[ReasonCategory, re.Pattern[str]]]:
    edge = r"\b" if words else ""
    return [
        (category, re.compile(f"{edge}(?:{p}){edge}"))
        for category, patterns in table.items()
        for p in patterns
    ]


_REASONS = _compile(lexicon.REASONS_EN, True) + _compile(lexicon.REASONS_ZH, False)
_DISCLAIMER = re.compile("|".join(lexicon.DISCLAIMERS_EN + lexicon.DISCLAIMERS_ZH))


def _lexicon(english: tuple[str, ...], chinese: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join([*(rf"\b(?:{p})\b" for p in english), *chinese]))


_POSITIVE = _lexicon(lexicon.POSITIVE_EN, lexicon.POSITIVE_ZH)
_NEGATIVE = _lexicon(lexicon.NEGATIVE_EN, lexicon.NEGATIVE_ZH)


def _normalise(text: str) -> str:
    return text.replace("’", "'").replace("‘", "'").lower()


def borrower_lines(transcript: str) -> list[str]:
    """Lines not spoken by the agent, with any short speaker label removed."""
    lines = []
    for raw in transcript.splitlines():
        label = re.match(r"\s*([^:：]{1,12})[:：]", raw)
        speaker = _normalise(label.group(1)).strip() if label else ""
        if speaker.startswith(lexicon.AGENT_PREFIXES):
            continue
        lines.append(raw[label.end() :] if label else raw)
    return lines


def _clause_start(text: str, end: int) -> int:
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, end)]
    return breaks[-1] if breaks else 0


def _negated_en(before: str) -> bool:
    words = re.findall(r"[a-z']+", before)[-_WINDOW_WORDS:]
    causal = [i for i, w in enumerate(words) if w in lexicon.CAUSAL_EN]
    if causal:
        ahead = words[causal[-1] - 1] if causal[-1] > 0 else ""
        return ahead in lexicon.NEGATORS_EN or ahead.endswith("n't")
    return any(w in lexicon.NEGATORS_EN or w.endswith("n't") for w in words)


def _negated_zh(before: str) -> bool:
    for phrase in lexicon.NOT_NEGATING_ZH:
        before = before.replace(phrase, "")
    window = before[-_WINDOW_CHARS:]
    for causal in lexicon.CAUSAL_ZH:
        at = window.rfind(causal)
        if at >= 0:
            return window[:at].endswith(lexicon.NEGATORS_ZH)
    return any(n in window for n in lexicon.NEGATORS_ZH)


def _negated(line: str, start: int, end: int) -> bool:
    before = line[_clause_start(line, start) : start]
    sentence_end = re.search(r"[.;!?。；！？\n]", line[end:])
    after = line[end : end + sentence_end.start() if sentence_end else len(line)]
    if _DISCLAIMER.search(after):
        return True
    if _CJK.search(line[start:end]):
        return _negated_zh(before)
    return _negated_en(before)


def _reason_in(line: str) -> tuple[int, ReasonCategory] | None:
    found = [
        (m.start(), category)
        for category, pattern in _REASONS
        for m in pattern.finditer(line)
        if not _negated(line, m.start(), m.end())
    ]
    return min(found) if found else None


def _polarity(lines: list[str]) -> Sentiment:
    balance = 0
    for line in lines:
        for m in _POSITIVE.finditer(line):
            balance += -1 if _negated(line, m.start(), m.end()) else 1
        balance -= len(_NEGATIVE.findall(line))
    if balance > 0:
        return Sentiment.POSITIVE
    if balance < 0:
        return Sentiment.NEGATIVE
    return Sentiment.NEUTRAL


def read_conversation(transcript: str) -> Reading:
    """Find a stated reason for lacking money, its category, and the sentiment."""
    lines = borrower_lines(transcript)
    lowered = [_normalise(line) for line in lines]
    hits = [
        (line, hit)
        for line, low in zip(lines, lowered, strict=True)
        if (hit := _reason_in(low))
    ]
    category = hits[0][1][1] if hits else None
    return Reading(
        reason_stated=bool(hits),
        category=category,
        sentiment=_polarity(lowered),
        evidence=tuple(line.strip() for line, _ in hits),
    )
