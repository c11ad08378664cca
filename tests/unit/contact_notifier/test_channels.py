import asyncio
from collections import Counter
from datetime import datetime
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

from services.contact_notifier.channels.base import ChannelAdapter, content_ref
from services.contact_notifier.channels.letter import SimulatedLetter
from services.contact_notifier.channels.outcome_model import reachable
from services.contact_notifier.channels.simulated import (
    simulated_chat_app,
    simulated_phone,
    simulated_sms,
)
from services.contact_notifier.domain.disclosure import mentions_debt
from services.contact_notifier.domain.model import (
    Channel,
    Delivery,
    Notice,
    Profile,
    Purpose,
    Recipient,
)
from services.triage_scorer.domain.reader import read_conversation

AT = datetime(2026, 3, 2, 10, tzinfo=ZoneInfo("Asia/Shanghai"))


def notice(
    i: int, channel: Channel, profile: Profile = Profile.SALARIED, language: str = "zh"
) -> Notice:
    recipient = Recipient(f"b-{i}", "张三", "+8613800000000", profile, language)
    return Notice(
        f"att-{i}",
        "acme",
        f"c-{i}",
        channel,
        Purpose.COLLECTION_ATTEMPT,
        recipient,
        "张三您好：\n您的借款已逾期，请及时还款。",
        AT,
    )


def send_all(adapter: ChannelAdapter, notices: list[Notice]) -> list[Delivery]:
    async def run() -> list[Delivery]:
        return [await adapter.send(n) for n in notices]

    return asyncio.run(run())


def test_same_seed_and_attempt_give_identical_deliveries() -> None:
    notices = [notice(i, Channel.PHONE) for i in range(50)]
    first = send_all(simulated_phone("s1"), notices)
    again = send_all(simulated_phone("s1"), notices)
    assert first == again


def test_another_seed_gives_another_mix() -> None:
    notices = [notice(i, Channel.PHONE) for i in range(50)]
    assert send_all(simulated_phone("s1"), notices) != send_all(
        simulated_phone("s2"), notices
    )


def test_reach_differs_by_channel_and_profile() -> None:
    def reach(adapter: ChannelAdapter, profile: Profile) -> int:
        notices = [notice(i, adapter.channel, profile) for i in range(400)]
        return sum(d.outcome.reached for d in send_all(adapter, notices))

    assert reach(simulated_sms(), Profile.SALARIED) > reach(
        simulated_phone(), Profile.SALARIED
    )
    assert reach(simulated_phone(), Profile.SALARIED) > reach(
        simulated_phone(), Profile.UNEMPLOYED
    )


def test_transcripts_come_in_both_languages_and_state_hardship_sometimes() -> None:
    for language in ("zh", "en"):
        notices = [
            notice(i, Channel.CHAT_APP, Profile.UNEMPLOYED, language)
            for i in range(200)
        ]
        deliveries = send_all(simulated_chat_app(), notices)
        stated = [d for d in deliveries if d.outcome.stated_reason is not None]
        assert stated, language
        for d in stated:
            reading = read_conversation(d.outcome.transcript or "")
            assert reading.category == d.outcome.stated_reason
            assert d.outcome.transcript_ref == content_ref(d.outcome.transcript or "")


def test_third_party_part_of_a_call_never_mentions_debt() -> None:
    deliveries = send_all(
        simulated_phone(), [notice(i, Channel.PHONE) for i in range(200)]
    )
    wrong_party = [
        d for d in deliveries if d.outcome.answered and not d.outcome.right_party
    ]
    assert wrong_party
    for d in wrong_party:
        assert not mentions_debt(d.outcome.transcript or "")


def test_letter_is_chinese_html_with_its_hash_as_reference() -> None:
    [delivery] = send_all(SimulatedLetter(), [notice(1, Channel.LETTER)])
    html = delivery.document or ""
    HTMLParser().feed(html)
    assert html.startswith("<!DOCTYPE html>") and 'lang="zh-CN"' in html
    assert "还款通知函" in html and "2026年03月02日" in html
    assert delivery.outcome.transcript_ref == content_ref(html)
    assert Counter(send_all(SimulatedLetter(), [notice(1, Channel.LETTER)])) == Counter(
        [delivery]
    )


def test_reachability_is_drawn_once_per_borrower_and_lowers_reach() -> None:
    people = [f"b-{i}" for i in range(300)]
    live = [p for p in people if reachable("s1", p, Profile.SALARIED)]
    assert live == [p for p in people if reachable("s1", p, Profile.SALARIED)]
    assert 0.45 < len(live) / len(people) < 0.75
    dead = next(p for p in people if p not in live)
    calls = [
        Notice(
            f"att-{i}",
            "acme",
            "c",
            Channel.PHONE,
            Purpose.COLLECTION_ATTEMPT,
            Recipient(dead, "张三", "+8613800000000"),
            "x",
            AT,
        )
        for i in range(200)
    ]
    reached = sum(d.outcome.reached for d in send_all(simulated_phone("s1"), calls))
    assert reached < 40
