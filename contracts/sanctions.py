"""Events of sanctions-publisher, including the masked public list."""

from datetime import date
from enum import StrEnum

from pydantic import AwareDatetime, Field

from contracts.base import (
    CaseId,
    Contract,
    CourtId,
    DocketNumber,
    Name,
    PlaintiffId,
    Ref,
    Text,
)
from contracts.loans import Sex
from contracts.rulings import DishonestListing, PenaltyKind

MASKED_ID_PATTERN = r"^[0-9]{10}\*{4}[0-9]{3}[0-9X]$"


class PerformanceStatus(StrEnum):
    NOT_PERFORMED = "not_performed"
    PARTIALLY_PERFORMED = "partially_performed"


class ConsumptionRestriction(StrEnum):
    """High consumption barred to a listed debtor (SPC provisions, Art. 3)."""

    FLIGHTS_SLEEPERS_SHIP_CABINS = "flights_sleepers_ship_cabins"
    HIGH_SPEED_RAIL_PREMIUM_SEATS = "high_speed_rail_premium_seats"
    STAR_HOTELS_NIGHTCLUBS_GOLF = "star_hotels_nightclubs_golf"
    REAL_ESTATE_AND_LUXURY_RENOVATION = "real_estate_and_luxury_renovation"
    PREMIUM_OFFICE_RENTAL = "premium_office_rental"
    NON_ESSENTIAL_VEHICLES = "non_essential_vehicles"
    TRAVEL_AND_HOLIDAYS = "travel_and_holidays"
    PRIVATE_SCHOOL_FEES = "private_school_fees"
    HIGH_PREMIUM_INSURANCE = "high_premium_insurance"


class LiftReason(StrEnum):
    PERFORMED = "performed"
    TERM_EXPIRED = "term_expired"
    JUDGMENT_SET_ASIDE = "judgment_set_aside"


class SanctionRecorded(Contract):
    """A judgment's sanctions were recorded against a borrower."""

    sanction_id: Ref = Field(description="Unique id of the sanction.")
    plaintiff_id: PlaintiffId = Field(description="Creditor of the case.")
    case_id: CaseId = Field(description="The case.")
    court_id: CourtId = Field(description="Court that judged.")
    docket_number: DocketNumber = Field(description="Docket of the judgment.")
    listing: DishonestListing | None = Field(
        default=None, description="Dishonest-debtor listing, if any."
    )
    penalties: tuple[PenaltyKind, ...] = Field(
        default=(), description="Administrative penalties."
    )
    restrictions: tuple[ConsumptionRestriction, ...] = Field(
        default=(),
        description="High consumption barred while listed; none without a listing.",
    )
    listed_on: date | None = Field(default=None, description="First day listed.")
    listed_until: date | None = Field(
        default=None, description="Last day listed; None when without fixed term."
    )
    recorded_at: AwareDatetime = Field(description="When it was recorded.")


class PublicSanctionEntry(Contract):
    """The public dishonest-debtor entry: masked, with no phone or address."""

    entry_id: Ref = Field(description="Unique id of the public entry.")
    name: Name = Field(description="Debtor's name.")
    sex: Sex = Field(description="Debtor's sex.")
    age: int = Field(ge=0, le=150, description="Debtor's age on publication.")
    masked_id_number: str = Field(
        pattern=MASKED_ID_PATTERN,
        description="Id number with birth month and day masked.",
    )
    court_id: CourtId = Field(description="Court that listed the debtor, by id.")
    court: Name = Field(
        description="That court as the list shows it: its name, else its code."
    )
    case_number: DocketNumber = Field(description="Enforcement case number.")
    basis_document: DocketNumber = Field(description="Number of the basis document.")
    obligation: Text = Field(description="Obligation set by the basis document.")
    performance_status: PerformanceStatus = Field(description="How far performed.")
    conduct: Text = Field(description="Conduct that justified the listing.")
    published_on: date = Field(description="Date of publication.")
    version: int = Field(
        default=1,
        ge=1,
        description="1 when first published; each republication of the entry"
        " (e.g. its performance changed) replaces it with the next number.",
    )


class PublicSanctionWithdrawn(Contract):
    """A public entry is deleted from the list."""

    entry_id: Ref = Field(description="The entry removed.")
    withdrawn_on: date = Field(description="Date of removal.")


class SanctionLifted(Contract):
    """A sanction ended: debt performed, term over, or judgment set aside."""

    sanction_id: Ref = Field(description="The sanction.")
    plaintiff_id: PlaintiffId = Field(description="Creditor of the case.")
    case_id: CaseId = Field(description="The case.")
    entry_id: Ref | None = Field(default=None, description="Public entry removed.")
    reason: LiftReason = Field(description="Why it ended.")
    lifted_at: AwareDatetime = Field(description="When it ended.")


EVENTS = (
    SanctionRecorded,
    PublicSanctionEntry,
    PublicSanctionWithdrawn,
    SanctionLifted,
)
