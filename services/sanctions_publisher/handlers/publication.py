"""Builds the public entry and refuses one that would leak personal data."""

from contracts.rulings import JudgmentIssued
from contracts.sanctions import PublicSanctionEntry
from services.sanctions_publisher import translate
from services.sanctions_publisher.domain.entry import build_public_entry
from services.sanctions_publisher.domain.errors import UnmaskedPiiError
from services.sanctions_publisher.domain.judgment import Judgment, obligation_amount
from services.sanctions_publisher.domain.listing import Listing
from services.sanctions_publisher.domain.performance import Performance
from shared.masking import contains_unmasked_pii


def guard_public_bytes(payload: str, issued: JudgmentIssued) -> None:
    """The serialized entry holds no id or mobile number, nor the debtor's id."""
    if contains_unmasked_pii(payload) or issued.defendant.id_number in payload:
        raise UnmaskedPiiError("the public entry would publish personal data")


def public_entry(
    issued: JudgmentIssued, judgment: Judgment, listing: Listing, entry_id: str
) -> PublicSanctionEntry:
    """The masked public entry of a listing, validated before anything is queued."""
    owed = Performance(obligation_amount(judgment))
    entry = build_public_entry(
        translate.debtor_of(issued), listing, judgment, owed, listing.listed_on
    )
    published = translate.public_entry_of(entry, entry_id, issued.court_id, owed.status)
    guard_public_bytes(published.model_dump_json(), issued)
    return published
