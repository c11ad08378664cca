from datetime import date
from decimal import Decimal

import pytest

from services.fee_calculator.domain.book import InvoiceBook
from services.fee_calculator.domain.errors import InvalidAmountError, InvoiceError
from services.fee_calculator.domain.invoices import (
    CaseFee,
    Invoice,
    InvoiceStatus,
    Payment,
    PaymentOutcome,
    build_invoices,
)

NOTICE = date(2026, 12, 3)
BATCH = "acme-cn-110105-20261203-01"


def invoice(amount: str = "350.00") -> Invoice:
    fees = [CaseFee("c1", "acme", BATCH, Decimal("175.00"))]
    fees.append(CaseFee("c2", "acme", BATCH, Decimal(amount) - Decimal("175.00")))
    return build_invoices(fees, NOTICE)[0]


def pay(amount: str, payment_id: str = "p1", invoice_id: str | None = None) -> Payment:
    target = invoice_id or invoice().invoice_id
    return Payment(payment_id, target, Decimal(amount), NOTICE)


def test_groups_case_fees_into_one_invoice_per_plaintiff_per_batch() -> None:
    fees = [
        CaseFee("c1", "acme", "b1", Decimal("175.00")),
        CaseFee("c2", "acme", "b1", Decimal("50.01")),
        CaseFee("c3", "acme", "b2", Decimal("3300.00")),
        CaseFee("c4", "zeta", "b1", Decimal("50.00")),
    ]

    invoices = build_invoices(fees, NOTICE)

    summary = {(i.plaintiff_id, i.batch_id): (i.case_ids, i.amount) for i in invoices}
    assert summary == {
        ("acme", "b1"): (("c1", "c2"), Decimal("225.01")),
        ("acme", "b2"): (("c3",), Decimal("3300.00")),
        ("zeta", "b1"): (("c4",), Decimal("50.00")),
    }


def test_case_charged_twice_in_a_batch_is_rejected() -> None:
    fee = CaseFee("c1", "acme", "b1", Decimal("50"))

    with pytest.raises(InvoiceError):
        build_invoices([fee, fee], NOTICE)


def test_exact_payment_settles_the_invoice() -> None:
    book = InvoiceBook([invoice()])

    report = book.record(pay("350.00"))

    assert report.outcome is PaymentOutcome.SETTLED
    assert (report.balance, report.credit) == (Decimal(0), Decimal(0))
    assert book.get(invoice().invoice_id).status is InvoiceStatus.SETTLED


def test_partial_payment_reports_the_balance_left() -> None:
    book = InvoiceBook([invoice()])

    report = book.record(pay("100.00"))

    assert report.outcome is PaymentOutcome.PARTIAL
    assert report.balance == Decimal("250.00")
    assert book.get(invoice().invoice_id).status is InvoiceStatus.PARTIALLY_PAID


def test_second_payment_covering_the_balance_settles() -> None:
    book = InvoiceBook([invoice()])
    book.record(pay("100.00", "p1"))

    report = book.record(pay("250.00", "p2"))

    assert report.outcome is PaymentOutcome.SETTLED


def test_overpayment_settles_and_reports_the_excess_credit() -> None:
    book = InvoiceBook([invoice()])
    book.record(pay("300.00", "p1"))

    report = book.record(pay("80.00", "p2"))

    assert report.outcome is PaymentOutcome.OVERPAID
    assert report.credit == Decimal("30.00")
    assert book.get(invoice().invoice_id).credit == Decimal("30.00")


def test_payment_for_unknown_invoice_is_kept_as_unmatched() -> None:
    book = InvoiceBook([invoice()])
    stray = pay("99.00", invoice_id="inv-nobody")

    report = book.record(stray)

    assert report.outcome is PaymentOutcome.UNMATCHED
    assert report.credit == Decimal("99.00")
    assert book.unmatched == [stray]


def test_repeated_payment_id_changes_nothing() -> None:
    book = InvoiceBook([invoice()])
    book.record(pay("100.00"))

    report = book.record(pay("100.00"))

    assert report.outcome is PaymentOutcome.DUPLICATE
    assert book.get(invoice().invoice_id).paid == Decimal("100.00")


def test_payment_after_withdrawal_is_credited_back() -> None:
    book = InvoiceBook([invoice()])
    book.withdraw(invoice().invoice_id)

    report = book.record(pay("350.00"))

    assert report.outcome is PaymentOutcome.AFTER_WITHDRAWAL
    assert report.credit == Decimal("350.00")


def test_settled_invoice_cannot_be_withdrawn() -> None:
    book = InvoiceBook([invoice()])
    book.record(pay("350.00"))

    with pytest.raises(InvoiceError):
        book.withdraw(invoice().invoice_id)


def test_non_positive_payment_is_rejected() -> None:
    book = InvoiceBook([invoice()])

    with pytest.raises(InvalidAmountError):
        book.record(pay("0"))


def test_payment_to_a_settled_invoice_is_credited_not_applied() -> None:
    book = InvoiceBook([invoice()])
    book.record(pay("350.00", "p1"))

    report = book.record(pay("20.00", "p2"))

    assert report.outcome is PaymentOutcome.ALREADY_SETTLED
    assert report.credit == Decimal("20.00")
    assert book.get(invoice().invoice_id).paid == Decimal("350.00")


def test_invoice_is_named_after_its_batch() -> None:
    assert invoice().invoice_id == f"inv-{BATCH}"
