"""Docket numbers (案号) such as `(2026)京0105民初1234号之一`."""

import re
from dataclasses import dataclass

from services.filing_batcher.domain.errors import InvalidDocketNumberError

PROVINCES = "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新兵"

CASE_TYPES: dict[str, str] = {
    "民初": "civil first instance",
    "民终": "civil second instance",
    "民再": "civil retrial",
    "民申": "civil retrial application",
    "民特": "civil special procedure",
    "民督": "payment order",
    "民撤": "revocation of arbitral award",
    "民辖": "civil jurisdiction",
    "民辖终": "civil jurisdiction appeal",
    "财保": "pre-suit preservation",
    "执": "enforcement",
    "执保": "preservation enforcement",
    "执恢": "resumed enforcement",
    "执异": "enforcement objection",
    "执复": "enforcement review",
    "执监": "enforcement supervision",
    "破": "bankruptcy",
    "刑初": "criminal first instance",
    "行初": "administrative first instance",
}

_TYPES = "|".join(sorted(CASE_TYPES, key=len, reverse=True))
_PATTERN = re.compile(
    rf"[（(](?P<year>\d{{4}})[）)]"
    rf"(?P<court>[{PROVINCES}](?:\d{{4}}|\d{{2}})?)"
    rf"(?P<type>{_TYPES})"
    r"(?P<serial>[1-9]\d*)号"
    r"(?P<suffix>之[一二三四五六七八九十]+)?"
)


@dataclass(frozen=True)
class DocketNumber:
    """Year, court code (`京0105`), case type (`民初`), serial, optional `之一`."""

    year: int
    court_code: str
    case_type: str
    serial: int
    suffix: str | None = None


def parse_docket(text: str) -> DocketNumber:
    """Parse a docket number written with full-width or ASCII parentheses."""
    match = _PATTERN.fullmatch(text.strip())
    if match is None:
        raise InvalidDocketNumberError(f"not a docket number: {text!r}")
    return DocketNumber(
        year=int(match["year"]),
        court_code=match["court"],
        case_type=match["type"],
        serial=int(match["serial"]),
        suffix=match["suffix"],
    )


def format_docket(docket: DocketNumber, fullwidth: bool = False) -> str:
    """Write a docket number; full-width （） as courts print them if asked."""
    left, right = ("（", "）") if fullwidth else ("(", ")")
    suffix = docket.suffix or ""
    return (
        f"{left}{docket.year}{right}{docket.court_code}"
        f"{docket.case_type}{docket.serial}号{suffix}"
    )
