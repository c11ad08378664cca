"""What the platform is told about its cases and batches."""

from datetime import datetime

from contracts import topics
from contracts.cloudevents import derived_id
from contracts.notices import NoticeKind, PlatformNotice
from shared.delivery.unit_of_work import UnitOfWork


def tell_platform(
    uow: UnitOfWork,
    *,
    cause_id: str,
    plaintiff_id: str,
    kind: NoticeKind,
    text: str,
    at: datetime,
    case_id: str | None = None,
    batch_id: str | None = None,
    data: dict[str, str] | None = None,
) -> None:
    """Queue a notice on the plaintiff's notices topic, derived from its cause."""
    name = f"PlatformNotice:{kind}"
    notice = PlatformNotice(
        notice_id=derived_id(cause_id, name),
        plaintiff_id=plaintiff_id,
        case_id=case_id,
        batch_id=batch_id,
        kind=kind,
        text=text,
        data=data or {},
        issued_at=at,
    )
    uow.emit(
        notice,
        topic=topics.tenant_topic(plaintiff_id, "notices"),
        key=plaintiff_id,
        cause_id=cause_id,
        name=name,
        subject=case_id or batch_id,
    )
