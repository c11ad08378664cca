"""Simulated postal letter: a formal Chinese letter rendered as HTML evidence."""

from dataclasses import dataclass
from html import escape

from services.contact_notifier.channels.base import content_ref
from services.contact_notifier.channels.outcome_model import draw, reachable, rng_for
from services.contact_notifier.domain.model import (
    Channel,
    ContactOutcome,
    Delivery,
    Notice,
    Purpose,
)

TITLES = {
    Purpose.COLLECTION_ATTEMPT: "还款通知函",
    Purpose.PRIVACY_NOTICE: "个人信息披露告知书",
    Purpose.JUDGMENT_NOTICE: "判决履行通知书",
    Purpose.SANCTION_NOTICE: "惩戒措施告知书",
}

_STYLE = (
    "body{font-family:'SimSun','Songti SC',serif;max-width:42em;margin:3em auto;"
    "line-height:1.9}h1{text-align:center;letter-spacing:.3em}"
    ".sign{text-align:right;margin-top:3em}.ref{color:#555;font-size:.85em}"
)


def render_letter(notice: Notice, sender: str) -> str:
    """Self-contained HTML letter; the date is the notice's, not the clock's."""
    title = TITLES[notice.purpose]
    paragraphs = "".join(
        f"<p>{escape(p)}</p>" for p in notice.body.splitlines() if p.strip()
    )
    return (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{escape(title)}</h1>"
        f'<p class="ref">编号：{escape(notice.attempt_id)}　'
        f"案件：{escape(notice.case_id)}</p>"
        f"<p>{escape(notice.recipient.name)}：</p>{paragraphs}"
        f'<div class="sign"><p>{escape(sender)}</p>'
        f"<p>{notice.at:%Y年%m月%d日}</p></div>"
        "</body></html>"
    )


@dataclass(frozen=True)
class SimulatedLetter:
    channel: Channel = Channel.LETTER
    seed: str = "recourse"
    sender: str = "平台法务部"

    async def send(self, notice: Notice) -> Delivery:
        """Render the letter and simulate postal delivery from the seed."""
        html = render_letter(notice, self.sender)
        who = notice.recipient
        result = draw(
            rng_for(self.seed, notice.attempt_id),
            self.channel,
            who.profile,
            reachable(self.seed, who.borrower_id, who.profile),
        )
        outcome = ContactOutcome(
            reached=result.reached,
            answered=False,
            right_party=False,
            cooperative=False,
            comprehension=False,
            transcript_ref=content_ref(html),
        )
        return Delivery(notice.attempt_id, self.channel, result.reached, outcome, html)
