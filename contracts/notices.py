"""What a platform is told on its `tenant.<plaintiff>.notices.v1` topic."""

from enum import StrEnum

from pydantic import AwareDatetime, Field

from contracts.base import (
    CaseId,
    ContextKey,
    ContextValue,
    Contract,
    PlaintiffId,
    Ref,
    Text,
)


class NoticeKind(StrEnum):
    RETURNED_TO_COLLECTION = "returned_to_collection"
    FEE_INVOICE = "fee_invoice"
    DOCKET_NUMBER = "docket_number"
    FILING_REJECTED = "filing_rejected"
    DEADLINE_WARNING = "deadline_warning"
    PRESERVATION_RETURNED = "preservation_returned"
    PAYMENT_REPORTED = "payment_reported"
    JUDGMENT = "judgment"
    SANCTION = "sanction"
    OTHER = "other"


class PlatformNotice(Contract):
    """Something the platform must hear about one of its cases or batches."""

    notice_id: Ref = Field(description="Unique id of the notice.")
    plaintiff_id: PlaintiffId = Field(description="The platform told.")
    case_id: CaseId | None = Field(default=None, description="Case concerned.")
    batch_id: Ref | None = Field(default=None, description="Batch concerned.")
    kind: NoticeKind = Field(description="What the notice is about.")
    text: Text = Field(description="Human-readable message.")
    data: dict[ContextKey, ContextValue] = Field(
        default_factory=dict, max_length=20, description="Machine-readable details."
    )
    issued_at: AwareDatetime = Field(description="When it was issued.")


EVENTS = (PlatformNotice,)
