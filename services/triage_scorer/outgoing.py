"""Messages triage sends to others: contact commands and platform notices."""

from datetime import datetime, timedelta

from contracts.contact import Channel, Purpose, Recipient, SendNotice
from contracts.notices import NoticeKind, PlatformNotice
from contracts.platform import LoanOverdue
from contracts.triage import CaseTriaged, TriageDecision
from services.triage_scorer.domain.language import Language, Person, notice_language
from services.triage_scorer.domain.policy import DEFAULT_POLICY, TriagePolicy
from services.triage_scorer.domain.rules import (
    RECOMMEND_RECOVERING_PRINCIPAL,
    RECOMMEND_RECOVERING_PRINCIPAL_ZH,
)

SERVICE_NAME = "triage-scorer"
PAY_WITHIN = timedelta(days=7)


def language_for(
    report: LoanOverdue, channel: Channel, policy: TriagePolicy
) -> Language:
    """Chinese or English, the same for one borrower on every message but letters."""
    who = report.borrower
    person = Person(who.id_number, who.name, who.timezone, who.profile.value)
    return notice_language(person, channel, dict(policy.english_share))


def recipient_of(report: LoanOverdue, language: Language = "zh") -> Recipient:
    who = report.borrower
    return Recipient(
        name=who.name,
        phone=who.phone,
        address=who.address,
        timezone=who.timezone,
        id_number=who.id_number,
        consent_to_night_contact=who.consent_to_night_contact,
        do_not_contact=who.do_not_contact,
        profile=who.profile,
        language=language,
    )


def send_notice(
    command_id: str,
    report: LoanOverdue,
    purpose: Purpose,
    channel: Channel,
    due_at: datetime,
    policy: TriagePolicy = DEFAULT_POLICY,
) -> SendNotice:
    """Ask contact-notifier for one attempt; collection asks for the amount owed."""
    context = {"platform": report.plaintiff_id}
    if purpose is Purpose.COLLECTION:
        context["amount"] = f"{report.arrears.total:.2f}"
        context["pay_by"] = (due_at + PAY_WITHIN).date().isoformat()
    return SendNotice(
        command_id=command_id,
        plaintiff_id=report.plaintiff_id,
        case_id=report.case_id,
        purpose=purpose,
        channel=channel,
        recipient=recipient_of(report, language_for(report, channel, policy)),
        not_before=due_at,
        context=context,
        requested_by=SERVICE_NAME,
    )


def returned_notice(
    triaged: CaseTriaged, notice_id: str, at: datetime
) -> PlatformNotice:
    """Tell the platform its case comes back, with the opinion where rule 3 fired."""
    recover = triaged.decision is TriageDecision.RETURN_RECOVER_PRINCIPAL
    because = "; ".join(r.text for r in triaged.reasons)
    text = f"Case {triaged.case_id} is returned to collection: {because}."
    data = {
        "decision": triaged.decision.value,
        "revision": str(triaged.revision),
        "score": format(triaged.score, "f"),
        "reasons": ",".join(r.rule for r in triaged.reasons),
    }
    if recover:
        text += (
            f" Opinion: {RECOMMEND_RECOVERING_PRINCIPAL} "
            f"({RECOMMEND_RECOVERING_PRINCIPAL_ZH})."
        )
        data["opinion"] = RECOMMEND_RECOVERING_PRINCIPAL
        data["opinion_zh"] = RECOMMEND_RECOVERING_PRINCIPAL_ZH
    return PlatformNotice(
        notice_id=notice_id,
        plaintiff_id=triaged.plaintiff_id,
        case_id=triaged.case_id,
        kind=NoticeKind.RETURNED_TO_COLLECTION,
        text=text[:2000],
        data=data,
        issued_at=at,
    )
