"""Events of fee-calculator: case fees, batch invoices and their payment."""

from datetime import date
from enum import StrEnum

from pydantic import AwareDatetime, Field, model_validator

from contracts.base import (
    CaseId,
    Contract,
    CourtId,
    Money,
    PlaintiffId,
    PositiveMoney,
    Rate,
    Ref,
)
from contracts.loans import CaseSummary


class FeeKind(StrEnum):
    ACCEPTANCE = "acceptance"
    PRESERVATION = "preservation"
    ENFORCEMENT = "enforcement"


class Procedure(StrEnum):
    ORDINARY = "ordinary"
    SIMPLIFIED = "simplified"


class FeePolicy(StrEnum):
    STATUTORY = "statutory"
    SEED = "seed"


class PaymentStatus(StrEnum):
    PARTIAL = "partial"
    OVERPAID = "overpaid"
    UNKNOWN_INVOICE = "unknown_invoice"
    ALREADY_SETTLED = "already_settled"
    AFTER_WITHDRAWAL = "after_withdrawal"


class FeeBand(Contract):
    """One band of the fee table and what it contributed."""

    lower: Money = Field(description="Band's lower bound of the claim, in yuan.")
    upper: Money | None = Field(default=None, description="Upper bound; None: open.")
    rate: Rate | None = Field(default=None, description="Rate on the band's part.")
    fixed: Money | None = Field(default=None, description="Fixed fee of the band.")
    portion: Money = Field(
        description="Fee of this band to 0.01 yuan; the total is rounded once."
    )

    @model_validator(mode="after")
    def _rate_or_fixed(self) -> "FeeBand":
        if (self.rate is None) == (self.fixed is None):
            raise ValueError("a band has either a rate or a fixed fee")
        return self


class FeeAssessed(Contract):
    """A fee was priced for one case."""

    plaintiff_id: PlaintiffId = Field(description="Plaintiff who pays.")
    case_id: CaseId = Field(description="The case.")
    court_id: CourtId = Field(description="Court the fee is owed to.")
    fee_kind: FeeKind = Field(description="Acceptance, preservation or enforcement.")
    procedure: Procedure = Field(description="Simplified procedure halves the fee.")
    policy: FeePolicy = Field(description="Statutory table or the seed's pricing.")
    claim_amount: Money = Field(description="Claim or preserved value, in yuan.")
    amount: Money = Field(description="Fee, rounded half-up to 0.01 yuan.")
    breakdown: tuple[FeeBand, ...] = Field(description="Bands the fee summed over.")
    assessed_at: AwareDatetime = Field(description="When the fee was priced.")
    application_id: Ref | None = Field(
        default=None, description="Preservation application priced, if any."
    )
    case: CaseSummary | None = Field(
        default=None,
        description="Borrower, loan, arrears and court; required for acceptance.",
    )

    @model_validator(mode="after")
    def _acceptance_carries_case(self) -> "FeeAssessed":
        if self.fee_kind is FeeKind.ACCEPTANCE and self.case is None:
            raise ValueError("an acceptance fee must carry the case summary")
        return self


class PreservationFeeReassessed(Contract):
    """The court's order fixed the value preserved; the fee is priced on it."""

    plaintiff_id: PlaintiffId = Field(description="Plaintiff who pays.")
    case_id: CaseId = Field(description="The case.")
    court_id: CourtId = Field(description="Court the fee is owed to.")
    application_id: Ref = Field(description="Preservation application priced.")
    preserved_value: Money = Field(description="Value actually preserved, in yuan.")
    prepaid: Money = Field(description="Fee assessed on the value applied for.")
    amount: Money = Field(description="Fee on the value actually preserved.")
    refund_due: Money = Field(description="Prepaid beyond the fee, to refund.")
    balance_due: Money = Field(description="Fee beyond the prepayment, still owed.")
    breakdown: tuple[FeeBand, ...] = Field(description="Bands the fee summed over.")
    reassessed_at: AwareDatetime = Field(description="When the fee was repriced.")


class CaseFee(Contract):
    """One case's line on a batch invoice."""

    case_id: CaseId = Field(description="The case.")
    amount: Money = Field(description="Its fee in yuan.")


class FeeInvoiceIssued(Contract):
    """The plaintiff was invoiced the fees of one batch."""

    invoice_id: Ref = Field(description="Unique id of the invoice.")
    plaintiff_id: PlaintiffId = Field(description="Plaintiff who pays.")
    batch_id: Ref = Field(description="Batch invoiced.")
    court_id: CourtId = Field(description="Court of the batch.")
    amount: PositiveMoney = Field(description="Total due in yuan.")
    case_fees: tuple[CaseFee, ...] = Field(min_length=1, description="Lines.")
    issued_at: AwareDatetime = Field(description="When the invoice was issued.")
    due_on: date = Field(description="Last day to prepay (Art. 22: 7 days).")


class InvoiceSettled(Contract):
    """An invoice was paid in full."""

    invoice_id: Ref = Field(description="The invoice.")
    plaintiff_id: PlaintiffId = Field(description="Plaintiff who paid.")
    batch_id: Ref = Field(description="Batch now paid for.")
    court_id: CourtId = Field(description="Court of the batch.")
    amount_paid: PositiveMoney = Field(description="Total received in yuan.")
    payment_ids: tuple[Ref, ...] = Field(min_length=1, description="Payments used.")
    settled_at: AwareDatetime = Field(description="When the last payment arrived.")


class InvoicePaymentReported(Contract):
    """A payment that did not simply settle an invoice, for the platform to see."""

    payment_id: Ref = Field(description="The payment.")
    plaintiff_id: PlaintiffId = Field(description="Plaintiff who paid.")
    invoice_id: Ref | None = Field(default=None, description="Invoice, if known.")
    amount: PositiveMoney = Field(description="Amount paid in yuan.")
    status: PaymentStatus = Field(description="What is wrong with the payment.")
    outstanding: Money = Field(description="Still owed on the invoice.")
    excess: Money = Field(description="Paid beyond what was owed.")
    reported_at: AwareDatetime = Field(description="When this was noticed.")


class PrepaymentDeadlineApproaching(Contract):
    """An invoice is still unpaid close to its due date."""

    invoice_id: Ref = Field(description="The invoice.")
    plaintiff_id: PlaintiffId = Field(description="Plaintiff who owes.")
    batch_id: Ref = Field(description="Batch at risk.")
    due_on: date = Field(description="Last day to prepay.")
    outstanding: PositiveMoney = Field(description="Still owed in yuan.")
    warned_at: AwareDatetime = Field(description="When the warning was raised.")


class InvoiceOverdue(Contract):
    """An invoice passed its due date unpaid."""

    invoice_id: Ref = Field(description="The invoice.")
    plaintiff_id: PlaintiffId = Field(description="Plaintiff who owes.")
    batch_id: Ref = Field(description="Batch affected.")
    due_on: date = Field(description="Missed due date.")
    outstanding: PositiveMoney = Field(description="Still owed in yuan.")
    detected_at: AwareDatetime = Field(description="When the sweeper saw it.")


class BatchWithdrawn(Contract):
    """An unpaid batch counts as withdrawn (Art. 22) and will not be filed."""

    batch_id: Ref = Field(description="The batch.")
    plaintiff_id: PlaintiffId = Field(description="Plaintiff of the batch.")
    court_id: CourtId = Field(description="Court of the batch.")
    invoice_id: Ref = Field(description="Invoice left unpaid.")
    withdrawn_at: AwareDatetime = Field(description="When it was withdrawn.")


EVENTS = (
    FeeAssessed,
    PreservationFeeReassessed,
    FeeInvoiceIssued,
    InvoiceSettled,
    InvoicePaymentReported,
    PrepaymentDeadlineApproaching,
    InvoiceOverdue,
    BatchWithdrawn,
)
