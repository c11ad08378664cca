"""Notice texts in Chinese and English: plain, factual, never threatening."""

from collections.abc import Mapping
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from services.contact_notifier.domain.model import Purpose


def yuan(amount: Decimal) -> str:
    return f"{amount.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):,}"


def collection_message(
    language: str, name: str, platform: str, amount: Decimal, pay_by: date
) -> str:
    """Ask for payment and say, as facts, what not paying leads to."""
    if language == "zh":
        return (
            f"{name}您好：您在{platform}的借款尚有{yuan(amount)}元逾期未还。"
            f"请在{pay_by:%Y年%m月%d日}前还款；如有困难，可回复说明原因，"
            "我们可以商量还款安排。若仍不还款，平台可能依法向法院起诉，"
            "并可申请财产保全（冻结存款等财产）；判决生效后仍不履行的，"
            "法院可能将您列入失信被执行人名单并限制高消费。"
        )
    return (
        f"Dear {name}, your loan with {platform} has {yuan(amount)} yuan overdue. "
        f"Please pay by {pay_by:%d %B %Y}. If you are in difficulty, reply and "
        "tell us why; we can agree a repayment plan. If the debt stays unpaid, "
        "the platform may sue in court and ask for asset preservation (freezing "
        "deposits or other property); if a judgment is then not performed, the "
        "court may put you on the dishonest-debtor list, which restricts high "
        "spending."
    )


def privacy_notice(language: str, name: str, platform: str) -> str:
    """Tell the borrower, before filing, what a court may disclose."""
    if language == "zh":
        return (
            f"{name}您好：{platform}拟就您的借款向法院提起诉讼。进入诉讼程序后，"
            "与财产有关的个人信息（如存款、房产、车辆）可能在诉讼和执行中"
            "依法被查询或披露。如有疑问，请在起诉前与我们联系。"
        )
    return (
        f"Dear {name}, {platform} intends to take your loan to court. Once in "
        "court, personal information about your property (deposits, real "
        "estate, vehicles) may lawfully be searched or disclosed during the "
        "proceedings and enforcement. Contact us before filing if you have "
        "questions."
    )


def judgment_notice(
    language: str, name: str, court: str, case_number: str, ruling: str, pay_by: date
) -> str:
    """Report a judgment and the date by which it must be performed."""
    if language == "zh":
        return (
            f"{name}您好：{court}已就{case_number}案作出判决：{ruling}。"
            f"请于{pay_by:%Y年%m月%d日}前履行。逾期不履行的，"
            "债权人可申请强制执行。"
        )
    return (
        f"Dear {name}, {court} has given judgment in case {case_number}: "
        f"{ruling}. Please perform it by {pay_by:%d %B %Y}. If it is not "
        "performed, the creditor may apply for enforcement."
    )


def sanction_notice(
    language: str, name: str, court: str, case_number: str, measure: str
) -> str:
    """Report a sanction and how it ends."""
    if language == "zh":
        return (
            f"{name}您好：因{case_number}案判决未履行，{court}已对您采取以下措施："
            f"{measure}。履行义务后，相关信息将依法删除或解除。"
        )
    return (
        f"Dear {name}, because the judgment in case {case_number} has not been "
        f"performed, {court} has imposed: {measure}. Once you perform it, the "
        "entry is deleted or lifted as the law requires."
    )


class MessageError(ValueError):
    """A notice cannot be written: its command lacks a value the text needs."""


def _value(context: Mapping[str, str], key: str) -> str:
    value = context.get(key)
    if not value:
        raise MessageError(f"context lacks {key!r}")
    return value


def _date(context: Mapping[str, str], key: str) -> date:
    try:
        return date.fromisoformat(_value(context, key))
    except ValueError as e:
        raise MessageError(f"context {key!r} is not an ISO date") from e


def _amount(context: Mapping[str, str]) -> Decimal:
    try:
        return Decimal(_value(context, "amount"))
    except ArithmeticError as e:
        raise MessageError("context 'amount' is not a decimal") from e


def body_for(
    purpose: Purpose, language: str, name: str, context: Mapping[str, str]
) -> str:
    """The text of one notice, from the values its command carries."""
    platform = context.get("platform") or _value(context, "plaintiff_id")
    if purpose is Purpose.COLLECTION_ATTEMPT:
        pay_by = _date(context, "pay_by")
        return collection_message(language, name, platform, _amount(context), pay_by)
    if purpose is Purpose.PRIVACY_NOTICE:
        return privacy_notice(language, name, platform)
    court, number = _value(context, "court"), _value(context, "case_number")
    if purpose is Purpose.JUDGMENT_NOTICE:
        ruling, pay_by = _value(context, "ruling"), _date(context, "pay_by")
        return judgment_notice(language, name, court, number, ruling, pay_by)
    return sanction_notice(language, name, court, number, _value(context, "measure"))
