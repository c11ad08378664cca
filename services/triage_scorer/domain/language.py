"""The language triage asks contact-notifier to address a borrower in."""

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from services.triage_scorer.domain.case import Channel

Language = Literal["zh", "en"]
# Zones where Chinese is the language of daily life; elsewhere we write English.
CHINESE_ZONES = frozenset(
    {
        "Asia/Shanghai",
        "Asia/Chongqing",
        "Asia/Chungking",
        "Asia/Harbin",
        "Asia/Urumqi",
        "Asia/Kashgar",
        "Asia/Hong_Kong",
        "Asia/Macau",
        "Asia/Taipei",
        "PRC",
        "Hongkong",
        "ROC",
    }
)
_HAN = re.compile("[\u3400-\u9fff]")


@dataclass(frozen=True)
class Person:
    """What triage knows of a borrower that bears on their language."""

    key: str
    name: str
    timezone: str
    profile: str


def share_drawn(key: str, share: float) -> bool:
    """A stable draw: the same person always falls on the same side of `share`."""
    digest = hashlib.sha256(("language:" + key).encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < share


def notice_language(
    person: Person, channel: Channel, english_share: Mapping[str, float]
) -> Language:
    """Chinese letters always; English for a Latin-script name or a zone abroad.

    Otherwise a share of each occupation profile (per-tenant policy) reads
    English, the same borrowers every time.
    """
    if channel is Channel.LETTER:
        return "zh"
    if not _HAN.search(person.name) or person.timezone not in CHINESE_ZONES:
        return "en"
    share = english_share.get(person.profile, 0.0)
    return "en" if share_drawn(person.key, share) else "zh"
