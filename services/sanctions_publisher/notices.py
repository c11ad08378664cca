"""What the platform and the borrower are told about judgments and sanctions."""

from collections.abc import Mapping

from contracts import topics
from contracts.cloudevents import derived_id
from contracts.contact import Channel, Purpose, Recipient, SendNotice
from contracts.notices import NoticeKind, PlatformNotice
from contracts.rulings import JudgmentIssued
from shared.delivery.unit_of_work import UnitOfWork

SERVICE = "sanctions-publisher"
VALUE_LIMIT = 500


def _context(data: Mapping[str, object]) -> dict[str, str]:
    return {k: str(v)[:VALUE_LIMIT] for k, v in data.items()}


def notify_platform(
    uow: UnitOfWork,
    *,
    plaintiff_id: str,
    case_id: str,
    kind: NoticeKind,
    text: str,
    data: Mapping[str, object],
    cause_id: str,
    name: str,
) -> None:
    """Queue a notice on the platform's topic, its id derived from the cause."""
    notice = PlatformNotice(
        notice_id=derived_id(cause_id, f"notice:{name}"),
        plaintiff_id=plaintiff_id,
        case_id=case_id,
        kind=kind,
        text=text[:2000],
        data=_context(data),
        issued_at=uow.now(),
    )
    uow.emit(
        notice,
        topic=topics.tenant_topic(plaintiff_id, "notices"),
        key=plaintiff_id,
        cause_id=cause_id,
        name=f"PlatformNotice:{name}",
        subject=case_id,
    )


def notify_borrower(
    uow: UnitOfWork,
    issued: JudgmentIssued,
    purpose: Purpose,
    data: Mapping[str, object],
    cause_id: str,
) -> None:
    """Ask contact-notifier to tell the borrower; it owns the contact details."""
    command = SendNotice(
        command_id=derived_id(cause_id, f"command:{purpose}"),
        plaintiff_id=issued.plaintiff_id,
        case_id=issued.case_id,
        purpose=purpose,
        channel=Channel.LETTER,
        recipient=Recipient(
            name=issued.defendant.name, id_number=issued.defendant.id_number
        ),
        not_before=uow.now(),
        context=_context({"docket_number": issued.docket_number, **data}),
        requested_by=SERVICE,
    )
    uow.emit(
        command,
        topic=topics.CONTACT_COMMANDS,
        key=issued.plaintiff_id,
        cause_id=cause_id,
        name=f"SendNotice:{purpose}",
        subject=issued.case_id,
    )
