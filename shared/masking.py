"""Masking of personal information before it is logged or published."""

import re

_ID_NUMBER = re.compile(
    r"(?<![0-9A-Za-z])"
    r"[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]"
    r"(?![0-9A-Za-z])"
)
_MOBILE = re.compile(
    r"(?<![\d+])(?P<prefix>(?:\+|00)?86[- ]?)?"
    r"(?P<number>1[3-9]\d[- ]?\d{4}[- ]?\d{4})(?!\d)"
)
_ADDRESS_MARKERS = ("市", "区", "县")
_ADDRESS_FALLBACK = 6


def _keep_ends(value: str, head: int, tail: int) -> str:
    if len(value) <= head + tail:
        return "*" * len(value)
    return value[:head] + "*" * (len(value) - head - tail) + value[len(value) - tail :]


def mask_id_number(value: str) -> str:
    """Mask the birth month and day of an 18-character id, or all but the ends."""
    value = value.strip()
    if len(value) == 18:
        return value[:10] + "****" + value[14:]
    return _keep_ends(value, 2, 2)


def mask_phone(value: str) -> str:
    """Keep the first three and last four digits of a phone number."""
    digits = re.sub(r"\D", "", value)
    if len(digits) == 13 and digits.startswith("86"):
        return "+86 " + mask_phone(digits[2:])
    if len(digits) < 8:
        return "*" * len(digits)
    return _keep_ends(digits, 3, 4)


def mask_address(value: str) -> str:
    """Keep the province and city prefix of an address and hide the rest."""
    value = value.strip()
    cuts = [value.find(m) + 1 for m in _ADDRESS_MARKERS if m in value]
    cut = min(cuts) if cuts else min(_ADDRESS_FALLBACK, len(value))
    return value[:cut] + "***"


def mask_name(value: str) -> str:
    """Keep the surname character and hide the given name."""
    value = value.strip()
    if len(value) <= 1:
        return "*" * len(value)
    return value[0] + "*" * (len(value) - 1)


def _mask_mobile_match(match: re.Match[str]) -> str:
    prefix = match.group("prefix") or ""
    return prefix + mask_phone(match.group("number"))


def scrub_text(text: str) -> str:
    """Mask every id number and mainland mobile number found in free text."""
    text = _ID_NUMBER.sub(lambda m: mask_id_number(m.group(0)), text)
    return _MOBILE.sub(_mask_mobile_match, text)


def contains_unmasked_pii(text: str) -> bool:
    """Tell whether free text holds a full id number or mobile number."""
    return bool(_ID_NUMBER.search(text) or _MOBILE.search(text))
