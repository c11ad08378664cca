from collections import Counter
from dataclasses import replace

import pytest

from recourse.simulators.loans import LoanFactory
from services.triage_scorer.domain.case import Channel
from services.triage_scorer.domain.language import Person, notice_language
from services.triage_scorer.domain.policy import DEFAULT_POLICY

WANG = Person("110105199003071234", "王芳", "Asia/Shanghai", "salaried")
ALL_ENGLISH = {"salaried": 1.0}
NO_ENGLISH = {"salaried": 0.0}
TALKING = (Channel.PHONE, Channel.SMS, Channel.CHAT_APP)


def test_formal_letters_are_always_chinese() -> None:
    abroad = replace(WANG, name="John Smith", timezone="Europe/London")

    assert notice_language(abroad, Channel.LETTER, ALL_ENGLISH) == "zh"


def test_a_latin_script_name_is_addressed_in_english() -> None:
    smith = replace(WANG, name="John Smith")

    assert notice_language(smith, Channel.SMS, NO_ENGLISH) == "en"


def test_a_borrower_living_abroad_is_addressed_in_english() -> None:
    abroad = replace(WANG, timezone="America/New_York")

    assert notice_language(abroad, Channel.PHONE, NO_ENGLISH) == "en"


@pytest.mark.parametrize("zone", ["Asia/Shanghai", "Asia/Hong_Kong", "Asia/Urumqi"])
def test_a_chinese_name_at_home_reads_chinese_when_no_share_is_english(
    zone: str,
) -> None:
    assert notice_language(replace(WANG, timezone=zone), Channel.SMS, {}) == "zh"


def test_the_profiles_share_decides_for_everyone_else() -> None:
    assert notice_language(WANG, Channel.SMS, ALL_ENGLISH) == "en"
    assert notice_language(WANG, Channel.SMS, NO_ENGLISH) == "zh"


def test_one_borrower_gets_one_language_on_every_conversational_channel() -> None:
    factory = LoanFactory("acme", ("cn-110105",))
    shares = dict(DEFAULT_POLICY.english_share)
    for index in range(200):
        who = factory.overdue(index).borrower
        person = Person(who.id_number, who.name, who.timezone, who.profile.value)
        assert len({notice_language(person, c, shares) for c in TALKING}) == 1


def test_default_shares_give_a_mostly_chinese_mix_with_some_english() -> None:
    factory = LoanFactory("acme", ("cn-110105",))
    shares = dict(DEFAULT_POLICY.english_share)
    people = [factory.overdue(i).borrower for i in range(500)]

    mix = Counter(
        notice_language(
            Person(w.id_number, w.name, w.timezone, w.profile.value),
            Channel.SMS,
            shares,
        )
        for w in people
    )

    assert 0.05 < mix["en"] / 500 < 0.25
    assert mix["zh"] > mix["en"]
