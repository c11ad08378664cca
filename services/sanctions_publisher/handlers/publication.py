"""Builds the public entry and refuses one that would leak personal data."""

from contracts.rulings import JudgmentIssued
from contracts.sanctions import PublicSanctionEntry
from services.sanctions_publisher import translate
from services.sanctions_publisher.domain.entry import build_public_entry
from services.sanctions_publisher.domain.errors import UnmaskedPiiError
from services.sanctions_publisher.domain.judgment import Judgment
from services.sanctions_publisher.domain.listing import Listing
from services.sanctions_publisher.domain.performance import (
    Performance,
    PerformanceStatus,
)
from shared.masking import contains_unmasked_pii


def guard_public_bytes(payload: str, issued: JudgmentIssued) -> None:
    """The serialized entry holds no id or mobile number, nor the debtor's details."""
    secrets = (
        issued.defendant.id_number,
        issued.defendant_phone,
        issued.defendant_service_address,
    )
    if contains_unmasked_pii(payload) or any(s and s in payload for s in secrets):
        raise UnmaskedPiiError("the public entry would publish personal data")


def public_entry(
    issued: JudgmentIssued,
    judgment: Judgment,
    listing: Listing,
    entry_id: str,
    performed: Performance,
) -> PublicSanctionEntry:
    """The masked public entry of a listing, validated before anything is queued."""
    entry = build_public_entry(
        translate.debtor_of(issued), listing, judgment, performed, listing.listed_on
    )
    status = performed.status
    published = translate.public_entry_of(entry, entry_id, issued.court_id, status)
    guard_public_bytes(published.model_dump_json(), issued)
    return published


def republished(stored: str, status: PerformanceStatus) -> PublicSanctionEntry | None:
    """The kept entry at its next version when its status changed, else None."""
    entry = PublicSanctionEntry.model_validate_json(stored)
    shown = translate.EDGE_STATUS.get(status)
    if shown is None or shown is entry.performance_status:
        return None
    fields = entry.model_dump()
    fields.update(performance_status=shown, version=entry.version + 1)
    updated = PublicSanctionEntry.model_validate(fields)
    if contains_unmasked_pii(updated.model_dump_json()):
        raise UnmaskedPiiError("the public entry would publish personal data")
    return updated
