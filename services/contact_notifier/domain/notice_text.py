"""The text of a notice, from the values its command carries in `context`.

Commands come from several services, so the few spellings they use are all
read: `case_number` or `docket_number`; a `ruling`, or the judgment's
`outcome` and `obligation`; a `measure`, or the `listed_until` and
`penalties` of a sanction.
"""

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from services.contact_notifier.domain.messages import (
    collection_message,
    judgment_notice,
    privacy_notice,
    sanction_notice,
    yuan,
)
from services.contact_notifier.domain.model import Purpose

OUTCOMES = {
    "repay_principal": ("偿还本金", "repay the principal"),
    "repay_principal_and_interest": (
        "偿还本金及利息",
        "repay the principal and interest",
    ),
    "dismissed": ("驳回诉讼请求", "the claim is dismissed"),
}
COURT = ("人民法院", "the court")


class MessageError(ValueError):
    """A notice cannot be written: its command lacks a value the text needs."""


def _value(context: Mapping[str, str], *keys: str) -> str:
    for key in keys:
        if context.get(key):
            return context[key]
    raise MessageError(f"context lacks {' or '.join(repr(k) for k in keys)}")


def _date(context: Mapping[str, str], key: str) -> date:
    try:
        return date.fromisoformat(_value(context, key))
    except ValueError as e:
        raise MessageError(f"context {key!r} is not an ISO date") from e


def _amount(context: Mapping[str, str], key: str) -> Decimal:
    try:
        return Decimal(_value(context, key))
    except ArithmeticError as e:
        raise MessageError(f"context {key!r} is not a decimal") from e


def _ruling(zh: bool, context: Mapping[str, str]) -> str:
    if context.get("ruling"):
        return context["ruling"]
    outcome = _value(context, "ruling", "outcome")
    text = OUTCOMES.get(outcome, (outcome, outcome))[0 if zh else 1]
    if not context.get("obligation"):
        return text
    owed = yuan(_amount(context, "obligation"))
    return f"{text}，应付{owed}元" if zh else f"{text}, {owed} yuan due"


def _measure(zh: bool, context: Mapping[str, str]) -> str:
    if context.get("measure"):
        return context["measure"]
    parts = []
    if context.get("listed_until"):
        until = context["listed_until"]
        parts.append(
            f"列入失信被执行人名单（至{until}）并限制高消费"
            if zh
            else f"listing as a dishonest debtor (until {until}), "
            "restricting high spending"
        )
    if context.get("penalties"):
        parts.append(context["penalties"])
    if not parts:
        raise MessageError("context lacks 'measure' or 'listed_until' or 'penalties'")
    return ("；" if zh else "; ").join(parts)


def body_for(
    purpose: Purpose, language: str, name: str, context: Mapping[str, str]
) -> str:
    """The text of one notice; MessageError when the context cannot fill it."""
    zh = language == "zh"
    platform = _value(context, "platform", "plaintiff_id")
    if purpose is Purpose.COLLECTION_ATTEMPT:
        amount, pay_by = _amount(context, "amount"), _date(context, "pay_by")
        return collection_message(language, name, platform, amount, pay_by)
    if purpose is Purpose.PRIVACY_NOTICE:
        return privacy_notice(language, name, platform)
    court = context.get("court") or COURT[0 if zh else 1]
    number = _value(context, "case_number", "docket_number")
    if purpose is Purpose.JUDGMENT_NOTICE:
        by = _date(context, "pay_by") if context.get("pay_by") else None
        ruling = _ruling(zh, context)
        return judgment_notice(language, name, court, number, ruling, by)
    return sanction_notice(language, name, court, number, _measure(zh, context))
