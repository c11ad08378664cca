"""The fee calculator's error root and its specific errors."""

from shared.errors import RecourseError


class FeeCalculatorError(RecourseError):
    """Root of the errors the fee calculator raises on purpose."""


class NoScheduleError(FeeCalculatorError):
    """No fee schedule of the asked kind was in force on the asked date."""


class InvalidAmountError(FeeCalculatorError):
    """An amount that a fee or a payment cannot be computed from."""


class ReductionNotAllowedError(FeeCalculatorError):
    """Halving was asked for a fee that the statute never halves."""


class InvoiceError(FeeCalculatorError):
    """Fees that cannot form an invoice, or a payment that breaks its rules."""


class LedgerError(FeeCalculatorError):
    """A panel incentive that cannot be recorded in a court's ledger."""
