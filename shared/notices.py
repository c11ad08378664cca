"""Platform notices: what a tenant must hear, on its own notices topic."""

from collections.abc import Mapping

from contracts import topics
from contracts.cloudevents import derived_id
from contracts.notices import NoticeKind, PlatformNotice
from shared.delivery.unit_of_work import UnitOfWork

TEXT_LIMIT = 2000
VALUE_LIMIT = 500


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
    """Queue one notice on the platform's topic, its id derived from the cause."""
    notice = PlatformNotice(
        notice_id=derived_id(cause_id, f"notice:{name}"),
        plaintiff_id=plaintiff_id,
        case_id=case_id,
        kind=kind,
        text=text[:TEXT_LIMIT],
        data={k: str(v)[:VALUE_LIMIT] for k, v in data.items()},
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
