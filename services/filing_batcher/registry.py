"""Courts and plaintiffs known to this deployment: packaged data plus files."""

import os
from functools import cache
from pathlib import Path

from services.filing_batcher.domain.courts import (
    CourtRegistry,
    load_courts,
    parse_courts,
)
from services.filing_batcher.domain.plaintiffs import (
    PlaintiffRegistry,
    load_plaintiffs,
    parse_plaintiffs,
)

COURT_REGISTRY_ENV = "RECOURSE_COURT_REGISTRY"
PLAINTIFF_REGISTRY_ENV = "RECOURSE_PLAINTIFF_REGISTRY"


def _extra(variable: str) -> str | None:
    path = os.environ.get(variable)
    return Path(path).read_text("utf-8") if path else None


@cache
def courts() -> CourtRegistry:
    """Packaged courts, plus those in the JSON file named by the environment."""
    extra = _extra(COURT_REGISTRY_ENV)
    if extra is None:
        return load_courts()
    return CourtRegistry([*load_courts(), *parse_courts(extra)])


@cache
def plaintiffs() -> PlaintiffRegistry:
    """Packaged plaintiffs, plus those in the JSON file named by the environment."""
    extra = _extra(PLAINTIFF_REGISTRY_ENV)
    if extra is None:
        return load_plaintiffs()
    return PlaintiffRegistry([*load_plaintiffs(), *parse_plaintiffs(extra)])
