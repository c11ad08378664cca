"""Third parties are never told of the debt: the only text they may receive."""

import re

from services.contact_notifier.domain.model import Purpose, Recipient

_DEBT_WORDS = re.compile(
    r"debt|loan|owe|overdue|arrear|repay|payment|instal|collect|court|sue|suit"
    r"|lawsuit|credit|borrow|lend|欠|债|贷|逾期|还款|还钱|催收|法院|起诉|诉讼|借款|账单"
    r"|分期|信用|失信",
    re.IGNORECASE,
)


class DisclosureError(ValueError):
    """A text meant for a third party would reveal the debt."""


def mentions_debt(text: str) -> bool:
    """True when the text contains any word that could reveal a debt."""
    return _DEBT_WORDS.search(text) is not None


def third_party_text(
    language: str, borrower_name: str, caller: str, callback: str
) -> str:
    """A neutral message for someone who is not the borrower."""
    if language == "zh":
        text = (
            f"您好，这里是{caller}。我们有一件私人事务想联系{borrower_name}，"
            f"方便的话请转告其回电{callback}。谢谢！"
        )
    else:
        text = (
            f"Hello, this is {caller}. We would like to reach {borrower_name} about "
            f"a personal matter. If convenient, please ask them to call {callback}. "
            "Thank you."
        )
    if mentions_debt(text):
        raise DisclosureError("caller name or number would reveal the debt")
    return text


def text_for(
    recipient: Recipient, right_party: bool, body: str, caller: str, callback: str
) -> str:
    """The notice body for the borrower, the neutral text for anyone else."""
    if right_party:
        return body
    return third_party_text(recipient.language, recipient.name, caller, callback)


def withheld_from_third_party(purpose: Purpose, third_party: bool) -> bool:
    """Only a neutral call-back request may reach a third party; notices never."""
    return third_party and purpose is not Purpose.COLLECTION_ATTEMPT
