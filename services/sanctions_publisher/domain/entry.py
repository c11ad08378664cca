"""The public dishonest-debtor entry: what may be published, and a PII guard."""

from dataclasses import asdict, dataclass
from datetime import date
from enum import StrEnum

from services.sanctions_publisher.domain.errors import UnmaskedPiiError
from services.sanctions_publisher.domain.judgment import (
    Judgment,
    basis_document,
    obligation_text,
)
from services.sanctions_publisher.domain.listing import CONDUCT_LABELS, Listing
from services.sanctions_publisher.domain.performance import (
    STATUS_LABELS,
    Performance,
)
from shared.masking import contains_unmasked_pii, mask_id_number


class Sex(StrEnum):
    MALE = "男"
    FEMALE = "女"


@dataclass(frozen=True)
class Debtor:
    """The borrower as known internally; phone and address never leave it."""

    name: str
    sex: Sex
    id_number: str
    birth_date: date
    phone: str | None = None
    address: str | None = None


@dataclass(frozen=True)
class PublicEntry:
    name: str
    sex: str
    age: int
    masked_id_number: str
    court: str
    case_number: str
    basis_document: str
    obligation: str
    performance_status: str
    conduct: str
    published_on: date


def age_on(birth_date: date, day: date) -> int:
    """Completed years of age on a day."""
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - before_birthday


def build_public_entry(
    debtor: Debtor,
    listing: Listing,
    judgment: Judgment,
    performance: Performance,
    published_on: date,
) -> PublicEntry:
    """Assemble the publishable fields and refuse any that would leak PII."""
    entry = PublicEntry(
        name=debtor.name,
        sex=debtor.sex.value,
        age=age_on(debtor.birth_date, published_on),
        masked_id_number=mask_id_number(debtor.id_number),
        court=listing.court,
        case_number=listing.case_number,
        basis_document=basis_document(judgment),
        obligation=obligation_text(judgment),
        performance_status=STATUS_LABELS[performance.status],
        conduct=CONDUCT_LABELS[listing.conduct],
        published_on=published_on,
    )
    validate_public_entry(entry, debtor)
    return entry


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def validate_public_entry(entry: PublicEntry, debtor: Debtor | None = None) -> None:
    """Raise when any field holds an id number, phone or address in the clear."""
    texts = {k: v for k, v in asdict(entry).items() if isinstance(v, str)}
    for name, text in texts.items():
        if contains_unmasked_pii(text):
            raise UnmaskedPiiError(f"field {name} holds unmasked personal data")
    if "*" not in entry.masked_id_number:
        raise UnmaskedPiiError("field masked_id_number is not masked")
    if debtor is None:
        return
    secrets = [debtor.id_number]
    secrets += [s for s in (debtor.phone, debtor.address) if s]
    for name, text in texts.items():
        for secret in secrets:
            digits = _digits(secret)
            if secret in text or (len(digits) >= 7 and digits in _digits(text)):
                raise UnmaskedPiiError(f"field {name} holds the debtor's contact data")
