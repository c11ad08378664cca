"""Hides id numbers, phone numbers and addresses inside a conversation's text."""

import re
from collections.abc import Iterable

from shared.masking import mask_address, mask_id_number, mask_phone, scrub_text

_CJK = "\u4e00-\u9fff"
_ZH_NUMERAL = "0-9０-９一二三四五六七八九十百千零〇两"
_ZH_ADDRESS = re.compile(
    rf"(?P<area>[{_CJK}]{{2,12}}?(?:省|自治区|市|区|县|旗))?"
    rf"[{_CJK}0-9]{{1,20}}?(?:路|街|大道|巷|弄|胡同)"
    rf"[{_ZH_NUMERAL}]+(?:号院|号)"
    rf"(?:[{_ZH_NUMERAL}A-Za-z-]+(?:号楼|栋|幢|楼|单元|层|室))*"
)
_EN_ADDRESS = re.compile(
    r"(?:\b[Nn]o\.\s*)?\b\d{1,5}[A-Za-z]?,?\s+(?:[A-Z][a-z]+\s+){1,3}"
    r"(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Boulevard|Blvd|Drive|Dr)\b\.?"
)
_LANDLINE = re.compile(r"(?<![\d*])0\d{2,3}[- ]?\d{7,8}(?!\d)")
HIDDEN = "***"
_AREA_MARKER = re.compile("[市区县]")


def _masked_place(value: str) -> str:
    """Keep the city, as shared masking does, only where one is named."""
    return mask_address(value) if _AREA_MARKER.search(value) else HIDDEN


def _zh_address(match: re.Match[str]) -> str:
    return _masked_place(match.group(0)) if match.group("area") else HIDDEN


def _number_pattern(number: str) -> re.Pattern[str] | None:
    digits = re.sub(r"\D", "", number)
    if len(digits) < 5:
        return None
    spaced = r"[- ]?".join(re.escape(d) for d in digits)
    return re.compile(rf"(?<!\d){spaced}(?!\d)")


def _mask_known(
    text: str, ids: Iterable[str], phones: Iterable[str], addresses: Iterable[str]
) -> str:
    for id_number in filter(None, ids):
        text = text.replace(id_number, mask_id_number(id_number))
    for phone in filter(None, phones):
        pattern = _number_pattern(phone)
        if pattern is not None:
            text = pattern.sub(lambda m: mask_phone(m.group(0)), text)
    for address in sorted(filter(None, addresses), key=len, reverse=True):
        text = text.replace(address, _masked_place(address))
    return text


def scrub_transcript(
    text: str,
    *,
    ids: Iterable[str] = (),
    phones: Iterable[str] = (),
    addresses: Iterable[str] = (),
) -> str:
    """Mask id numbers, phone numbers and recognisable addresses in free text.

    `ids`, `phones` and `addresses` are the person's own details, masked
    wherever they appear even when no pattern would recognise them.
    """
    text = _mask_known(text, ids, phones, addresses)
    text = scrub_text(text)
    text = _LANDLINE.sub(lambda m: mask_phone(m.group(0)), text)
    text = _ZH_ADDRESS.sub(_zh_address, text)
    return _EN_ADDRESS.sub(HIDDEN, text)
