"""The platform simulator's seeded decisions."""

from collections import Counter
from datetime import UTC, date, datetime
from decimal import Decimal

from contracts.fees import CaseFee, FeeInvoiceIssued
from contracts.platform import FeePaymentMade, LoanOverdue
from recourse.simulators.platform import behaviour
from recourse.simulators.platform.plan import PlatformPlan

START = datetime(2026, 12, 1, tzinfo=UTC)


def invoice(number: int) -> FeeInvoiceIssued:
    return FeeInvoiceIssued(
        invoice_id=f"inv-{number}",
        plaintiff_id="jinxin-loans",
        batch_id=f"b-{number}",
        court_id="cn-110105",
        amount=Decimal("12345.67"),
        case_fees=(CaseFee(case_id="c1", amount=Decimal("12345.67")),),
        issued_at=START,
        due_on=date(2026, 12, 8),
    )


def test_intake_reports_each_platforms_share_of_loans_once() -> None:
    plan = PlatformPlan(loans=301)

    reports = [
        a.event
        for p in plan.platforms
        for a in behaviour.intake(plan, p, START)
        if isinstance(a.event, LoanOverdue)
    ]

    assert len(reports) == 301
    assert len({r.case_id for r in reports}) == 301
    assert Counter(r.plaintiff_id for r in reports) == {
        "qianhai-credit": 101,
        "jinxin-loans": 100,
        "yunfei-finance": 100,
    }


def test_intake_is_the_same_for_the_same_seed() -> None:
    plan = PlatformPlan(loans=30)

    first = behaviour.intake(plan, "jinxin-loans", START)
    second = behaviour.intake(plan, "jinxin-loans", START)

    assert first == second


def test_payments_of_an_invoice_add_up_to_its_amount_unless_the_payer_is_late() -> None:
    plan = PlatformPlan(partial_payer_share=0.5, late_payer_share=0.1)

    outcomes = [behaviour.pay_invoice(plan, invoice(n), START) for n in range(200)]

    paid = [o for o in outcomes if o]
    assert 150 <= len(paid) < 200
    for actions in paid:
        payments = [a.event for a in actions]
        assert all(isinstance(p, FeePaymentMade) for p in payments)
        assert sum(p.amount for p in payments) == Decimal("12345.67")  # type: ignore[union-attr]
    assert any(len(a) == 2 for a in paid)
