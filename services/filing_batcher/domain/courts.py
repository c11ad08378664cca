"""The court registry, kept as data in `courts.json` beside this module."""

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from services.filing_batcher.domain.errors import UnknownCourtError

_PACKAGE = "services.filing_batcher.domain"


@dataclass(frozen=True)
class Court:
    court_id: str
    code: str
    name: str
    region: str


class CourtRegistry:
    """Courts by ASCII id (`cn-110105`) and by display code (`京0105`)."""

    def __init__(self, courts: list[Court]) -> None:
        self._by_id = {c.court_id: c for c in courts}
        self._by_code = {c.code: c for c in courts}

    def __iter__(self) -> Iterator[Court]:
        return iter(self._by_id.values())

    def by_id(self, court_id: str) -> Court:
        try:
            return self._by_id[court_id]
        except KeyError as error:
            raise UnknownCourtError(f"no court with id {court_id!r}") from error

    def by_code(self, code: str) -> Court:
        try:
            return self._by_code[code]
        except KeyError as error:
            raise UnknownCourtError(f"no court with code {code!r}") from error


def parse_courts(text: str) -> list[Court]:
    return [
        Court(row["id"], row["code"], row["name"], row["region"])
        for row in json.loads(text)
    ]


@cache
def load_courts() -> CourtRegistry:
    """The registry shipped with the package."""
    text = resources.files(_PACKAGE).joinpath("courts.json").read_text("utf-8")
    return CourtRegistry(parse_courts(text))
