from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

from contracts.contact import Channel, Purpose
from contracts.loans import BorrowerProfile
from contracts.notices import NoticeKind
from contracts.triage import CaseFeatures, CaseTriaged, Reason, TriageDecision
from recourse.simulators.loans import LoanFactory
from services.triage_scorer import outgoing
from services.triage_scorer.domain.policy import DEFAULT_POLICY

AT = datetime(2026, 3, 2, 2, tzinfo=UTC)
FACTORY = LoanFactory("acme", ("cn-110105",))
REPORT = FACTORY.overdue(3)


def decided(decision: TriageDecision, *rules: str) -> CaseTriaged:
    return CaseTriaged(
        plaintiff_id="acme",
        case_id=REPORT.case_id,
        revision=2,
        decision=decision,
        score=Decimal("0.4"),
        reasons=tuple(Reason(rule=r, text=f"{r} fired") for r in rules),
        features=CaseFeatures(
            principal=Decimal(12000),
            principal_owed=Decimal(9000),
            term_months=24,
            overdue_days=60,
            attempts=5,
            reached=1,
            reach_rate=Decimal("0.2"),
            right_party_reached=False,
            stated_reason="none",
            product_complexity=2,
            profile="salaried",
        ),
        decided_at=AT,
    )


def test_collection_command_asks_for_the_amount_owed_within_a_week() -> None:
    command = outgoing.send_notice("cmd-1", REPORT, Purpose.COLLECTION, Channel.SMS, AT)
    assert command.context["amount"] == f"{REPORT.arrears.total:.2f}"
    assert command.context["pay_by"] == "2026-03-09"
    assert command.recipient.phone == REPORT.borrower.phone
    assert command.recipient.profile is REPORT.borrower.profile
    assert (command.not_before, command.requested_by) == (AT, "triage-scorer")


def test_commands_address_the_borrower_in_the_language_triage_chose() -> None:
    english = replace(DEFAULT_POLICY, english_share=(("salaried", 1.0),))
    salaried = next(
        report
        for i in range(50)
        if (report := FACTORY.overdue(i)).borrower.profile is BorrowerProfile.SALARIED
    )

    sms = outgoing.send_notice("c-1", salaried, Purpose.COLLECTION, Channel.SMS, AT)
    chat = outgoing.send_notice(
        "c-2", salaried, Purpose.COLLECTION, Channel.CHAT_APP, AT, english
    )
    letter = outgoing.send_notice(
        "c-3", salaried, Purpose.COLLECTION, Channel.LETTER, AT, english
    )

    assert sms.recipient.language == outgoing.language_for(
        salaried, Channel.SMS, DEFAULT_POLICY
    )
    assert (chat.recipient.language, letter.recipient.language) == ("en", "zh")


def test_privacy_command_carries_no_amount() -> None:
    command = outgoing.send_notice(
        "cmd-2", REPORT, Purpose.PRIVACY_NOTICE, Channel.LETTER, AT
    )
    assert set(command.context) == {"platform"}


def test_returned_notice_gives_the_opinion_when_rule_three_fired() -> None:
    triaged = decided(TriageDecision.RETURN_RECOVER_PRINCIPAL, "recover_principal")
    notice = outgoing.returned_notice(triaged, "n-1", AT)
    assert notice.kind is NoticeKind.RETURNED_TO_COLLECTION
    assert "recommend recovering principal" in notice.text
    assert notice.data["opinion_zh"] == "建议追回本金"
    assert notice.data["revision"] == "2"


def test_plain_return_has_no_opinion() -> None:
    triaged = decided(TriageDecision.RETURN_TO_COLLECTION, "high_reach")
    notice = outgoing.returned_notice(triaged, "n-2", AT)
    assert "opinion" not in notice.data
    assert "high_reach fired" in notice.text
