"""Reaching borrowers: the SendNotice command and the attempts it produces."""

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AwareDatetime, Field, StringConstraints, model_validator

from contracts.base import (
    Address,
    CaseId,
    ContextKey,
    ContextValue,
    Contract,
    IdNumber,
    Name,
    Phone,
    PlaintiffId,
    Ref,
    ServiceName,
    TimeZoneName,
)
from contracts.loans import BorrowerProfile

# A content hash such as `sha256:<64 hex>`: longer than a Ref allows.
EvidenceRef = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9._:/-]{1,128}$")]
Language = Literal["zh", "en"]


class Channel(StrEnum):
    LETTER = "letter"
    PHONE = "phone"
    SMS = "sms"
    CHAT_APP = "chat_app"


class Purpose(StrEnum):
    COLLECTION = "collection"
    PRIVACY_NOTICE = "privacy_notice"
    JUDGMENT_NOTICE = "judgment_notice"
    SANCTION_NOTICE = "sanction_notice"


class StatedReason(StrEnum):
    JOB_LOSS = "job_loss"
    ILLNESS = "illness"
    BUSINESS_FAILURE = "business_failure"
    WAGES_UNPAID = "wages_unpaid"
    FAMILY_EMERGENCY = "family_emergency"
    OTHER = "other"
    NONE = "none"


class AttemptStatus(StrEnum):
    DELIVERED = "delivered"
    BLOCKED = "blocked"
    FAILED = "failed"


class BlockedReason(StrEnum):
    QUIET_HOURS = "quiet_hours"
    DAILY_CALL_LIMIT = "daily_call_limit"
    DO_NOT_CONTACT = "do_not_contact"
    NO_ADDRESS = "no_address"
    THIRD_PARTY = "third_party"


class Recipient(Contract):
    """How to reach the borrower; only the channel in use needs its detail."""

    name: Name = Field(description="Borrower's name.")
    phone: Phone | None = Field(default=None, description="Phone for calls and SMS.")
    address: Address | None = Field(default=None, description="Postal address.")
    timezone: TimeZoneName = Field(
        default="Asia/Shanghai", description="IANA time zone for contact hours."
    )
    id_number: IdNumber | None = Field(
        default=None, description="Id number, to confirm the right party."
    )
    consent_to_night_contact: bool = Field(
        default=False, description="Borrower agreed to contact from 22:00 to 08:00."
    )
    do_not_contact: bool = Field(
        default=False, description="Borrower may not be contacted at all."
    )
    profile: BorrowerProfile | None = Field(
        default=None, description="Borrower's occupation profile, if known."
    )
    language: Language = Field(default="zh", description="Language of the notice.")
    third_party: bool = Field(
        default=False,
        description="The recipient is not the borrower: never told of the debt.",
    )


class SendNotice(Contract):
    """Command: make one contact attempt with the borrower."""

    command_id: Ref = Field(description="Unique id of this command.")
    plaintiff_id: PlaintiffId = Field(description="Plaintiff owning the case.")
    case_id: CaseId = Field(description="Case the contact is about.")
    purpose: Purpose = Field(description="Why the borrower is contacted.")
    channel: Channel = Field(description="Channel to use.")
    recipient: Recipient = Field(description="The borrower's contact details.")
    not_before: AwareDatetime = Field(description="Earliest time to attempt.")
    context: dict[ContextKey, ContextValue] = Field(
        default_factory=dict,
        max_length=20,
        description="Values for the message template, e.g. amount or docket.",
    )
    requested_by: ServiceName = Field(description="Service issuing the command.")


class ContactOutcome(Contract):
    """What one attempt achieved."""

    reached: bool = Field(description="The message or call got through.")
    answered: bool = Field(description="Someone answered or replied.")
    right_party: bool = Field(description="The person reached is the borrower.")
    cooperative: bool | None = Field(
        default=None, description="Borrower was cooperative, if known."
    )
    comprehension: bool | None = Field(
        default=None, description="Borrower understood the conversation, if known."
    )
    stated_reason: StatedReason = Field(
        default=StatedReason.NONE, description="Reason stated for not paying."
    )
    transcript_ref: EvidenceRef | None = Field(
        default=None,
        description="Reference to a stored transcript, recording or letter.",
    )
    transcript: str | None = Field(
        default=None, max_length=20000, description="Transcript text, if inline."
    )


class ContactAttempted(Contract):
    """One contact attempt was made, blocked by the rules, or failed."""

    attempt_id: Ref = Field(description="Unique id of the attempt.")
    command_id: Ref | None = Field(
        default=None, description="Command that asked for it; None if reported."
    )
    plaintiff_id: PlaintiffId = Field(description="Plaintiff owning the case.")
    case_id: CaseId = Field(description="Case the contact was about.")
    purpose: Purpose = Field(description="Why the borrower was contacted.")
    channel: Channel = Field(description="Channel used.")
    attempted_at: AwareDatetime = Field(description="When the attempt happened.")
    status: AttemptStatus = Field(description="Delivered, blocked or failed.")
    blocked_reason: BlockedReason | None = Field(
        default=None, description="Contact rule that blocked it, when blocked."
    )
    rescheduled_to: AwareDatetime | None = Field(
        default=None, description="When a blocked attempt will be retried."
    )
    outcome: ContactOutcome = Field(description="What the attempt achieved.")
    marketing: bool = Field(
        default=False, description="A marketing call, counted in the reach rate."
    )

    @model_validator(mode="after")
    def _blocked_has_reason(self) -> "ContactAttempted":
        if (self.status is AttemptStatus.BLOCKED) != (self.blocked_reason is not None):
            raise ValueError("blocked_reason is required exactly when blocked")
        return self


EVENTS = (SendNotice, ContactAttempted)
