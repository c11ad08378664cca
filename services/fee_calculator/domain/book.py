"""Open invoices and every payment received, matched or not."""

from collections.abc import Iterable
from dataclasses import replace

from services.fee_calculator.domain.errors import InvoiceError
from services.fee_calculator.domain.invoices import (
    Invoice,
    InvoiceStatus,
    Payment,
    PaymentOutcome,
    PaymentReport,
    apply_payment,
)


class InvoiceBook:
    """Invoices by id; unmatched payments are kept, never dropped."""

    def __init__(self, invoices: Iterable[Invoice] = ()) -> None:
        self._invoices: dict[str, Invoice] = {}
        self._seen: dict[str, PaymentReport] = {}
        self.unmatched: list[Payment] = []
        for invoice in invoices:
            self.add(invoice)

    def add(self, invoice: Invoice) -> None:
        if invoice.invoice_id in self._invoices:
            raise InvoiceError(f"invoice {invoice.invoice_id} already exists")
        self._invoices[invoice.invoice_id] = invoice

    def get(self, invoice_id: str) -> Invoice:
        try:
            return self._invoices[invoice_id]
        except KeyError as error:
            raise InvoiceError(f"unknown invoice {invoice_id}") from error

    def record(self, payment: Payment) -> PaymentReport:
        """Apply a payment once; a repeated payment id changes nothing."""
        if payment.payment_id in self._seen:
            first = self._seen[payment.payment_id]
            return PaymentReport(
                payment.payment_id, first.invoice_id, PaymentOutcome.DUPLICATE
            )
        invoice = self._invoices.get(payment.invoice_id)
        if invoice is None:
            self.unmatched.append(payment)
            report = PaymentReport(
                payment.payment_id,
                payment.invoice_id,
                PaymentOutcome.UNMATCHED,
                credit=payment.amount,
            )
        else:
            updated, report = apply_payment(invoice, payment)
            self._invoices[invoice.invoice_id] = updated
        self._seen[payment.payment_id] = report
        return report

    def withdraw(self, invoice_id: str) -> Invoice:
        """Mark an unpaid invoice withdrawn: the court treats its suit as withdrawn."""
        invoice = self.get(invoice_id)
        if invoice.status is InvoiceStatus.SETTLED:
            raise InvoiceError(f"invoice {invoice_id} is settled")
        withdrawn = replace(invoice, status=InvoiceStatus.WITHDRAWN)
        self._invoices[invoice_id] = withdrawn
        return withdrawn
