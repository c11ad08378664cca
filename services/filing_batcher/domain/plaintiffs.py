"""The plaintiffs' registered particulars, as the complaint names them."""

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from services.filing_batcher.domain.errors import UnknownPlaintiffError

_PACKAGE = "services.filing_batcher.domain"
CREDIT_CODE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$")


@dataclass(frozen=True)
class Plaintiff:
    plaintiff_id: str
    name: str
    credit_code: str
    representative: str
    address: str

    def __post_init__(self) -> None:
        if not CREDIT_CODE.match(self.credit_code):
            raise ValueError(
                f"{self.plaintiff_id}: not a credit code {self.credit_code}"
            )


class PlaintiffRegistry:
    """Registered platforms by tenant id."""

    def __init__(self, plaintiffs: list[Plaintiff]) -> None:
        self._by_id = {p.plaintiff_id: p for p in plaintiffs}

    def __iter__(self) -> Iterator[Plaintiff]:
        return iter(self._by_id.values())

    def by_id(self, plaintiff_id: str) -> Plaintiff:
        try:
            return self._by_id[plaintiff_id]
        except KeyError as error:
            raise UnknownPlaintiffError(
                f"plaintiff {plaintiff_id!r} is not registered"
            ) from error


def parse_plaintiffs(text: str) -> list[Plaintiff]:
    return [
        Plaintiff(
            row["id"],
            row["name"],
            row["credit_code"],
            row["representative"],
            row["address"],
        )
        for row in json.loads(text)
    ]


@cache
def load_plaintiffs() -> PlaintiffRegistry:
    """The registry shipped with the package."""
    text = resources.files(_PACKAGE).joinpath("plaintiffs.json").read_text("utf-8")
    return PlaintiffRegistry(parse_plaintiffs(text))
