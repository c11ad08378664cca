from collections.abc import Collection, Sequence
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from services.contact_notifier.domain.model import Channel, Recipient
from services.contact_notifier.domain.policy import (
    DEFAULT_CONTACT_POLICY,
    TenantContactPolicies,
)
from services.contact_notifier.domain.rules import (
    Allowed,
    Blocked,
    BlockReason,
    ContactRuleError,
    PriorCall,
    check_attempt,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
BORROWER = Recipient("b-1", "张三", "+8613800000000")


def local(day: int, hour: int, minute: int = 0, zone: ZoneInfo = SHANGHAI) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=zone)


def check(
    at: datetime,
    prior_calls: Sequence[PriorCall] = (),
    do_not_contact: Collection[str] = frozenset(),
) -> Allowed | Blocked:
    return check_attempt(
        Channel.PHONE, BORROWER, at, DEFAULT_CONTACT_POLICY, prior_calls, do_not_contact
    )


def test_call_at_2159_local_is_allowed() -> None:
    assert check(local(2, 21, 59)) == Allowed(local(2, 21, 59))


def test_call_at_2200_local_waits_for_0800_next_morning() -> None:
    assert check(local(2, 22, 0)) == Blocked(BlockReason.QUIET_HOURS, local(3, 8))


def test_call_at_0759_local_waits_for_0800_same_morning() -> None:
    assert check(local(3, 7, 59)) == Blocked(BlockReason.QUIET_HOURS, local(3, 8))


def test_call_at_0800_local_is_allowed() -> None:
    assert isinstance(check(local(3, 8, 0)), Allowed)


def test_quiet_hours_use_the_borrowers_own_timezone() -> None:
    abroad = Recipient("b-2", "Li", "+4420000000", timezone="Europe/London")
    at = datetime(2026, 3, 2, 22, 30, tzinfo=ZoneInfo("Europe/London"))
    shanghai_noon = at.astimezone(SHANGHAI)
    result = check_attempt(Channel.SMS, abroad, at, DEFAULT_CONTACT_POLICY)
    assert isinstance(result, Blocked)
    assert result.next_allowed_at == datetime(
        2026, 3, 3, 8, tzinfo=ZoneInfo("Europe/London")
    )
    assert isinstance(check(shanghai_noon), Blocked)


def test_consent_to_night_contact_lifts_quiet_hours() -> None:
    consenting = Recipient("b-3", "王五", "+8613900000000", night_consent=True)
    at = local(2, 23, 30)
    assert check_attempt(Channel.PHONE, consenting, at, DEFAULT_CONTACT_POLICY) == (
        Allowed(at)
    )


def test_letters_are_not_bound_by_quiet_hours() -> None:
    at = local(2, 23, 0)
    assert isinstance(
        check_attempt(Channel.LETTER, BORROWER, at, DEFAULT_CONTACT_POLICY), Allowed
    )


def unanswered(count: int) -> list[PriorCall]:
    return [PriorCall(BORROWER.address, local(2, 9 + i), False) for i in range(count)]


def test_sixth_unanswered_call_of_the_day_is_allowed() -> None:
    assert isinstance(check(local(2, 16), prior_calls=unanswered(5)), Allowed)


def test_seventh_unanswered_call_of_the_day_waits_for_next_morning() -> None:
    assert check(local(2, 16), prior_calls=unanswered(6)) == Blocked(
        BlockReason.UNANSWERED_CALL_CAP, local(3, 8)
    )


def test_answered_calls_and_other_numbers_do_not_count_toward_the_cap() -> None:
    calls = [*unanswered(5), PriorCall(BORROWER.address, local(2, 15), True)]
    calls.append(PriorCall("+8613711111111", local(2, 15, 30), False))
    assert isinstance(check(local(2, 16), prior_calls=calls), Allowed)


def test_cap_counts_the_local_day_not_the_utc_day() -> None:
    yesterday_evening = [
        PriorCall(BORROWER.address, local(1, 14) + timedelta(minutes=i), False)
        for i in range(6)
    ]
    assert isinstance(check(local(2, 8, 30), prior_calls=yesterday_evening), Allowed)


def test_do_not_contact_borrower_is_blocked_for_good() -> None:
    result = check(local(2, 12), do_not_contact=frozenset({"b-1"}))
    assert result == Blocked(BlockReason.DO_NOT_CONTACT, None)


def test_do_not_contact_number_is_blocked_on_every_channel() -> None:
    for channel in Channel:
        result = check_attempt(
            channel,
            BORROWER,
            local(2, 12),
            DEFAULT_CONTACT_POLICY,
            do_not_contact={BORROWER.address},
        )
        assert result == Blocked(BlockReason.DO_NOT_CONTACT, None)


def test_tenant_can_narrow_the_contact_hours() -> None:
    policy = (
        TenantContactPolicies("acme")
        .amended(datetime(2026, 1, 1).date(), quiet_start=time(21), quiet_end=time(9))
        .on(datetime(2026, 3, 2).date())
    )
    result = check_attempt(Channel.SMS, BORROWER, local(2, 21, 0), policy)
    assert result == Blocked(BlockReason.QUIET_HOURS, local(3, 9))


def test_naive_time_is_refused() -> None:
    with pytest.raises(ContactRuleError):
        check(datetime(2026, 3, 2, 12))
