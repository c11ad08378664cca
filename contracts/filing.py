"""Events of filing-batcher: batches, docket numbers and service-level clocks."""

from enum import StrEnum

from pydantic import AwareDatetime, Field

from contracts.base import (
    CaseId,
    Contract,
    CourtId,
    DocketNumber,
    PlaintiffId,
    Ref,
    Text,
)

MAX_BATCH_CASES = 200


class SealReason(StrEnum):
    AT_CAPACITY = "at_capacity"
    CUT_OFF = "cut_off"
    SERVICE_LEVEL = "service_level"


class ServiceLevel(StrEnum):
    """Clocks from sealing to docket numbers, and the court's own 7 days."""

    READY_ONE_DAY = "ready_one_day"
    NORMAL_SEVEN_DAYS = "normal_seven_days"
    MAXIMUM_FIFTEEN_DAYS = "maximum_fifteen_days"
    COURT_DECISION_SEVEN_DAYS = "court_decision_seven_days"


class BatchSealed(Contract):
    """A batch of one plaintiff's cases for one court was closed."""

    batch_id: Ref = Field(description="Unique id of the batch.")
    plaintiff_id: PlaintiffId = Field(description="Plaintiff of every case.")
    court_id: CourtId = Field(description="Court of every case.")
    case_ids: tuple[CaseId, ...] = Field(
        min_length=1, max_length=MAX_BATCH_CASES, description="Cases in the batch."
    )
    reason: SealReason = Field(description="Why the batch was sealed now.")
    sealed_at: AwareDatetime = Field(description="When it was sealed.")


class BatchFiled(Contract):
    """A paid batch was submitted to its court."""

    batch_id: Ref = Field(description="The batch.")
    plaintiff_id: PlaintiffId = Field(description="Plaintiff of the batch.")
    court_id: CourtId = Field(description="Court filed with.")
    invoice_id: Ref = Field(description="Settled fee invoice.")
    case_count: int = Field(ge=1, le=MAX_BATCH_CASES, description="Cases filed.")
    filed_at: AwareDatetime = Field(description="When it was submitted.")


class CaseDocketed(Contract):
    """The court accepted a case: filing is complete."""

    plaintiff_id: PlaintiffId = Field(description="Plaintiff of the case.")
    case_id: CaseId = Field(description="The case.")
    batch_id: Ref = Field(description="Batch it was filed in.")
    court_id: CourtId = Field(description="Court that docketed it.")
    docket_number: DocketNumber = Field(description="e.g. (2026)京0105民初1234号.")
    docketed_at: AwareDatetime = Field(description="When the court decided.")


class CaseRejected(Contract):
    """The court refused to docket a case."""

    plaintiff_id: PlaintiffId = Field(description="Plaintiff of the case.")
    case_id: CaseId = Field(description="The case.")
    batch_id: Ref = Field(description="Batch it was filed in.")
    court_id: CourtId = Field(description="Court that refused.")
    reason: Text = Field(description="The court's reason.")
    rejected_at: AwareDatetime = Field(description="When the court decided.")


class ServiceLevelWarned(Contract):
    """A batch's clock is close to running out."""

    batch_id: Ref = Field(description="The batch.")
    plaintiff_id: PlaintiffId = Field(description="Plaintiff of the batch.")
    court_id: CourtId = Field(description="Court of the batch.")
    level: ServiceLevel = Field(description="Which clock.")
    due_at: AwareDatetime = Field(description="When the clock runs out.")
    pending_cases: int = Field(ge=0, description="Cases still without an answer.")
    warned_at: AwareDatetime = Field(description="When the warning was raised.")


class ServiceLevelBreached(Contract):
    """A batch's clock ran out with cases still unanswered."""

    batch_id: Ref = Field(description="The batch.")
    plaintiff_id: PlaintiffId = Field(description="Plaintiff of the batch.")
    court_id: CourtId = Field(description="Court of the batch.")
    level: ServiceLevel = Field(description="Which clock.")
    due_at: AwareDatetime = Field(description="When the clock ran out.")
    pending_cases: int = Field(ge=1, description="Cases still without an answer.")
    breached_at: AwareDatetime = Field(description="When the breach was recorded.")


EVENTS = (
    BatchSealed,
    BatchFiled,
    CaseDocketed,
    CaseRejected,
    ServiceLevelWarned,
    ServiceLevelBreached,
)
