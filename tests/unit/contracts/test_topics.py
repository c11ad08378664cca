import re

import pytest

from contracts import topics
from contracts.errors import TopicNameError


def test_builds_tenant_court_and_dead_letter_topics() -> None:
    assert topics.tenant_topic("acme", "overdue") == "tenant.acme.overdue.v1"
    assert topics.court_topic("cn-110105", "rulings") == "court.cn-110105.rulings.v1"
    assert topics.dlq_topic("triage-scorer") == "dlq.triage-scorer.v1"


@pytest.mark.parametrize("plaintiff", ["Acme", "a", "ac.me", "平台", "-acme"])
def test_refuses_ids_that_are_not_lowercase_ascii_slugs(plaintiff: str) -> None:
    with pytest.raises(TopicNameError):
        topics.tenant_topic(plaintiff, "payments")


def test_refuses_unknown_kinds() -> None:
    with pytest.raises(TopicNameError):
        topics.court_topic("cn-110105", "overdue")  # type: ignore[arg-type]


def test_parses_owner_from_edge_topics() -> None:
    assert (
        topics.plaintiff_of("tenant.acme-lending.contact-outcomes.v1") == "acme-lending"
    )
    assert topics.court_of("court.cn-110105.filings.v1") == "cn-110105"


@pytest.mark.parametrize(
    "topic",
    ["tenant.acme.unknown.v1", "tenant.acme.overdue.v2", "court.CN-1.filings.v1", "x"],
)
def test_parsers_return_none_for_other_topics(topic: str) -> None:
    assert topics.plaintiff_of(topic) is None
    assert topics.court_of(topic) is None


def test_patterns_match_only_their_kind() -> None:
    pattern = re.compile(topics.TENANT_OVERDUE_PATTERN)
    assert pattern.fullmatch(topics.tenant_topic("acme", "overdue"))
    assert not pattern.fullmatch(topics.tenant_topic("acme", "payments"))
    assert re.fullmatch(topics.COURT_RULINGS_PATTERN, "court.cn-110105.rulings.v1")


def test_internal_topics_follow_the_naming_scheme() -> None:
    assert topics.CONTACT_COMMANDS == "recourse.contact-commands.v1"
    assert topics.PUBLIC_SANCTIONS == "public.sanctions.v1"
