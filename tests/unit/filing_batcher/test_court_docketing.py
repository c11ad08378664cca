from datetime import UTC, datetime, timedelta

from contracts.court import ComplaintElements
from contracts.loans import CaseSummary
from recourse.simulators.court.docketing import (
    REJECTION_REASONS,
    UNKNOWN_COURT,
    WRONG_COURT,
    CourtBehaviour,
    decide,
    docket_number,
    docket_year,
    rng_for,
)
from recourse.simulators.loans import LoanFactory
from services.filing_batcher.complaints import complaint_for
from services.filing_batcher.domain.courts import load_courts
from services.filing_batcher.domain.docket import parse_docket
from services.filing_batcher.domain.plaintiffs import load_plaintiffs

RECEIVED = datetime(2026, 12, 3, 8, 0, tzinfo=UTC)
BEHAVIOUR = CourtBehaviour(
    reject_share=0.1, min_delay=timedelta(hours=2), max_delay=timedelta(hours=50)
)


def complaint(index: int, court: str = "cn-110105") -> ComplaintElements:
    loan = LoanFactory("acme", (court,)).overdue(index)
    case = CaseSummary(
        borrower=loan.borrower,
        loan=loan.loan,
        arrears=loan.arrears,
        agreed_court_id=court,
        e_service_consent=loan.e_service_consent,
    )
    return complaint_for(
        loan.case_id, case, load_plaintiffs().by_id("acme"), load_courts()
    )


def test_decisions_fall_within_the_configured_delays() -> None:
    decisions = [
        decide(complaint(n), "cn-110105", True, RECEIVED, BEHAVIOUR, rng_for(7, str(n)))
        for n in range(200)
    ]

    delays = [d.due_at - RECEIVED for d in decisions]
    assert min(delays) >= timedelta(hours=2)
    assert max(delays) <= timedelta(hours=50)


def test_about_the_configured_share_is_rejected_with_a_stated_reason() -> None:
    decisions = [
        decide(complaint(n), "cn-110105", True, RECEIVED, BEHAVIOUR, rng_for(7, str(n)))
        for n in range(400)
    ]

    reasons = [d.rejection_reason for d in decisions if d.rejection_reason]
    assert 20 <= len(reasons) <= 60
    assert set(reasons) <= set(REJECTION_REASONS)


def test_case_agreed_for_another_court_is_rejected_for_jurisdiction() -> None:
    decision = decide(
        complaint(1, "cn-310115"), "cn-110105", True, RECEIVED, BEHAVIOUR, rng_for(1)
    )

    assert decision.rejection_reason == WRONG_COURT


def test_court_without_a_registered_code_rejects_rather_than_invents_numbers() -> None:
    decision = decide(complaint(1), "cn-110105", False, RECEIVED, BEHAVIOUR, rng_for(1))

    assert decision.rejection_reason == UNKNOWN_COURT


def test_the_same_filing_replayed_gets_the_same_decision() -> None:
    case = complaint(9)

    first = decide(case, "cn-110105", True, RECEIVED, BEHAVIOUR, rng_for(7, "b", "c9"))
    again = decide(case, "cn-110105", True, RECEIVED, BEHAVIOUR, rng_for(7, "b", "c9"))

    assert first == again


def test_docket_number_reads_back_as_civil_first_instance() -> None:
    number = docket_number("京0105", 2026, 1234)

    parsed = parse_docket(number)
    assert number == "(2026)京0105民初1234号"
    assert (parsed.court_code, parsed.case_type, parsed.serial) == (
        "京0105",
        "民初",
        1234,
    )


def test_docket_year_is_the_year_in_china() -> None:
    new_year_in_beijing = datetime(2026, 12, 31, 17, 0, tzinfo=UTC)

    assert docket_year(new_year_in_beijing) == 2027
