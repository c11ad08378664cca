"""What the platform and the borrower are told about judgments and sanctions."""

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal

from contracts import topics
from contracts.cloudevents import derived_id
from contracts.contact import Channel, Purpose, Recipient, SendNotice
from contracts.rulings import JudgmentIssued, JudgmentOutcome, PenaltyKind
from services.sanctions_publisher.domain.penalties import PENALTY_LABELS
from services.sanctions_publisher.translate import PENALTY
from shared.delivery.unit_of_work import UnitOfWork
from shared.money import round_money

SERVICE = "sanctions-publisher"
VALUE_LIMIT = 500
OPEN_TERM_LISTING = "列入失信被执行人名单（无固定期限，履行义务后删除）并限制高消费"


def _context(data: Mapping[str, object]) -> dict[str, str]:
    return {k: str(v)[:VALUE_LIMIT] for k, v in data.items()}


def judgment_context(issued: JudgmentIssued, obligation: Decimal) -> dict[str, str]:
    """The judgment template's values: the outcome and the amount owed, a decimal."""
    context = {"outcome": issued.outcome.value}
    if issued.outcome is not JudgmentOutcome.DISMISSED:
        context["obligation"] = str(round_money(obligation))
    return context


def sanction_context(
    listed: bool, listed_until: date | None, penalties: tuple[PenaltyKind, ...]
) -> dict[str, str]:
    """The sanction template's values: a listing's last day and penalties by name.

    The template names a listing only with its last day, so an open-term
    listing is stated as a whole measure.
    """
    named = "、".join(PENALTY_LABELS[PENALTY[p]] for p in penalties)
    context = {"penalties": named} if named else {}
    if listed and listed_until is not None:
        context["listed_until"] = listed_until.isoformat()
    elif listed:
        context["measure"] = "；".join(m for m in (OPEN_TERM_LISTING, named) if m)
    return context


def borrower_recipient(issued: JudgmentIssued) -> Recipient:
    """The borrower at the details the court serves on; the rest is filled later."""
    zone = {"timezone": issued.defendant_timezone} if issued.defendant_timezone else {}
    return Recipient(
        name=issued.defendant.name,
        id_number=issued.defendant.id_number,
        phone=issued.defendant_phone,
        address=issued.defendant_service_address,
        **zone,
    )


def borrower_notice(
    issued: JudgmentIssued,
    purpose: Purpose,
    context: Mapping[str, str],
    command_id: str,
    at: datetime,
) -> SendNotice:
    """The letter contact-notifier sends the borrower about the judgment."""
    return SendNotice(
        command_id=command_id,
        plaintiff_id=issued.plaintiff_id,
        case_id=issued.case_id,
        purpose=purpose,
        channel=Channel.LETTER,
        recipient=borrower_recipient(issued),
        not_before=at,
        context=_context({"docket_number": issued.docket_number, **context}),
        requested_by=SERVICE,
    )


def notify_borrower(
    uow: UnitOfWork,
    issued: JudgmentIssued,
    purpose: Purpose,
    context: Mapping[str, str],
    cause_id: str,
) -> None:
    """Ask contact-notifier to write to the borrower at the court's service details."""
    command_id = derived_id(cause_id, f"command:{purpose}")
    command = borrower_notice(issued, purpose, context, command_id, uow.now())
    uow.emit(
        command,
        topic=topics.CONTACT_COMMANDS,
        key=issued.plaintiff_id,
        cause_id=cause_id,
        name=f"SendNotice:{purpose}",
        subject=issued.case_id,
    )
