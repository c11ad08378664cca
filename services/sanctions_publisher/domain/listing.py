"""Dishonest-debtor listing, SPC provisions of 2017, and what it restricts."""

from dataclasses import dataclass, replace
from datetime import date
from enum import IntEnum, StrEnum

from services.sanctions_publisher.domain.errors import InvalidListingError
from shared.periods import add_years


class DishonestConduct(IntEnum):
    """Art. 1 items; the value is the item number."""

    ABLE_BUT_REFUSES = 1
    OBSTRUCTS_ENFORCEMENT = 2
    EVADES_ENFORCEMENT = 3
    BREACHES_PROPERTY_REPORTING = 4
    BREACHES_CONSUMPTION_ORDER = 5
    REFUSES_SETTLEMENT = 6


CONDUCT_LABELS = {
    DishonestConduct.ABLE_BUT_REFUSES: "有履行能力而拒不履行生效法律文书确定义务",
    DishonestConduct.OBSTRUCTS_ENFORCEMENT: (
        "以伪造证据、暴力、威胁等方法妨碍、抗拒执行"
    ),
    DishonestConduct.EVADES_ENFORCEMENT: (
        "以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行"
    ),
    DishonestConduct.BREACHES_PROPERTY_REPORTING: "违反财产报告制度",
    DishonestConduct.BREACHES_CONSUMPTION_ORDER: "违反限制消费令",
    DishonestConduct.REFUSES_SETTLEMENT: "无正当理由拒不履行执行和解协议",
}


class HighConsumption(StrEnum):
    """Spending a listed debtor may not do (SPC provisions on high consumption)."""

    FLIGHTS_SLEEPERS_SHIP_CABINS = "flights, train soft sleepers, ship cabins"
    HIGH_SPEED_RAIL_PREMIUM_SEATS = "G-train seats, first class on other EMUs"
    STAR_HOTELS_NIGHTCLUBS_GOLF = "star hotels, nightclubs, golf courses"
    REAL_ESTATE_AND_LUXURY_RENOVATION = "buying real estate, building, luxury fit-out"
    PREMIUM_OFFICE_RENTAL = "renting premium offices, hotels or apartments"
    NON_ESSENTIAL_VEHICLES = "buying vehicles not needed for business"
    TRAVEL_AND_HOLIDAYS = "travel and holidays"
    PRIVATE_SCHOOL_FEES = "children at high-fee private schools"
    HIGH_PREMIUM_INSURANCE = "high-premium insurance wealth products"


@dataclass(frozen=True)
class ListingRules:
    """Term numbers of the 2017 provisions; a tenant or court may override."""

    effective_from: date = date(2017, 5, 1)
    base_years: int = 2
    min_extension_years: int = 1
    max_extension_years: int = 3
    lift_working_days: int = 3


DEFAULT_RULES = ListingRules()


@dataclass(frozen=True)
class Listing:
    case_number: str
    court: str
    conduct: DishonestConduct
    listed_on: date
    extension_years: int = 0


def term_years(listing: Listing, rules: ListingRules = DEFAULT_RULES) -> int | None:
    """Years on the list; None when the term is open (Art. 1 item 1)."""
    if listing.conduct is DishonestConduct.ABLE_BUT_REFUSES:
        return None
    return rules.base_years + listing.extension_years


def term_end(listing: Listing, rules: ListingRules = DEFAULT_RULES) -> date | None:
    """The day the listing term runs out, or None for an open term."""
    years = term_years(listing, rules)
    return None if years is None else add_years(listing.listed_on, years)


def extend(
    listing: Listing, years: int, rules: ListingRules = DEFAULT_RULES
) -> Listing:
    """Lengthen a fixed term once, by 1 to 3 years."""
    if listing.conduct is DishonestConduct.ABLE_BUT_REFUSES:
        raise InvalidListingError("an open-term listing cannot be extended")
    if listing.extension_years:
        raise InvalidListingError("the listing has already been extended")
    if not rules.min_extension_years <= years <= rules.max_extension_years:
        raise InvalidListingError(f"an extension of {years} years is out of range")
    return replace(listing, extension_years=years)


def restrictions(listing: Listing) -> frozenset[HighConsumption]:
    """Every listing restricts high consumption, whatever its conduct."""
    return frozenset(HighConsumption)
