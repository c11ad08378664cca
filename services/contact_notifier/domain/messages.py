"""Notice texts in Chinese and English: plain, factual, never threatening."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal


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
    language: str,
    name: str,
    court: str,
    case_number: str,
    ruling: str,
    pay_by: date | None,
) -> str:
    """Report a judgment and the date by which it must be performed."""
    if language == "zh":
        when = f"于{pay_by:%Y年%m月%d日}前" if pay_by else "在判决确定的期限内"
        return (
            f"{name}您好：{court}已就{case_number}案作出判决：{ruling}。"
            f"请{when}履行。逾期不履行的，债权人可申请强制执行。"
        )
    when = f"by {pay_by:%d %B %Y}" if pay_by else "within the time the judgment sets"
    return (
        f"Dear {name}, {court} has given judgment in case {case_number}: "
        f"{ruling}. Please perform it {when}. If it is not "
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
