from datetime import date

import pytest

from services.sanctions_publisher.domain.errors import InvalidListingError
from services.sanctions_publisher.domain.listing import (
    CONDUCT_LABELS,
    DishonestConduct,
    HighConsumption,
    Listing,
    extend,
    restrictions,
    term_end,
    term_years,
)

LISTED = date(2026, 6, 1)


def listing(conduct: DishonestConduct) -> Listing:
    return Listing("(2026)京0105执88号", "北京市朝阳区人民法院", conduct, LISTED)


def test_able_but_refusing_debtor_is_listed_without_a_term() -> None:
    assert term_years(listing(DishonestConduct.ABLE_BUT_REFUSES)) is None
    assert term_end(listing(DishonestConduct.ABLE_BUT_REFUSES)) is None


@pytest.mark.parametrize("item", [2, 3, 4, 5, 6])
def test_items_two_to_six_are_listed_for_two_years(item: int) -> None:
    entry = listing(DishonestConduct(item))

    assert term_years(entry) == 2
    assert term_end(entry) == date(2028, 6, 1)


@pytest.mark.parametrize(("years", "end_year"), [(1, 2029), (3, 2031)])
def test_extension_adds_one_to_three_years(years: int, end_year: int) -> None:
    extended = extend(listing(DishonestConduct.OBSTRUCTS_ENFORCEMENT), years)

    assert term_end(extended) == date(end_year, 6, 1)


@pytest.mark.parametrize("years", [0, 4])
def test_extension_outside_one_to_three_years_is_rejected(years: int) -> None:
    with pytest.raises(InvalidListingError):
        extend(listing(DishonestConduct.EVADES_ENFORCEMENT), years)


def test_open_term_listing_cannot_be_extended() -> None:
    with pytest.raises(InvalidListingError):
        extend(listing(DishonestConduct.ABLE_BUT_REFUSES), 1)


def test_listing_is_extended_only_once() -> None:
    once = extend(listing(DishonestConduct.REFUSES_SETTLEMENT), 1)

    with pytest.raises(InvalidListingError):
        extend(once, 1)


def test_every_listing_restricts_all_high_consumption() -> None:
    restricted = restrictions(listing(DishonestConduct.BREACHES_PROPERTY_REPORTING))

    assert HighConsumption.FLIGHTS_SLEEPERS_SHIP_CABINS in restricted
    assert HighConsumption.HIGH_SPEED_RAIL_PREMIUM_SEATS in restricted
    assert HighConsumption.PRIVATE_SCHOOL_FEES in restricted
    assert restricted == frozenset(HighConsumption)


def test_all_six_article_one_items_have_labels() -> None:
    assert [c.value for c in DishonestConduct] == [1, 2, 3, 4, 5, 6]
    assert set(CONDUCT_LABELS) == set(DishonestConduct)
