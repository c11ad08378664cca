"""Simulated call and chat transcripts in Chinese and English."""

import random

from services.contact_notifier.channels.outcome_model import Draw
from services.contact_notifier.domain.model import StatedReason

_HARDSHIP = {
    "zh": {
        StatedReason.JOB_LOSS: ("我上个月失业了，还在找工作。", "公司裁员，我被裁了。"),
        StatedReason.ILLNESS: ("我前段时间生病住院了。", "我刚做完手术，没法上班。"),
        StatedReason.BUSINESS_FAILURE: ("我的店倒闭了。", "做生意亏了，现在很难。"),
        StatedReason.WAGES_UNPAID: ("公司拖欠工资两个月了。", "工资还没发，发了就还。"),
        StatedReason.FAMILY_EMERGENCY: ("我妈妈住院了，钱都用在医院了。",),
        StatedReason.OTHER: ("我被骗了一笔钱。", "这学期要交学费，钱不够。"),
    },
    "en": {
        StatedReason.JOB_LOSS: ("I lost my job last month.", "I was laid off."),
        StatedReason.ILLNESS: ("I was in hospital for weeks.", "I had surgery."),
        StatedReason.BUSINESS_FAILURE: ("My shop closed down.", "My business failed."),
        StatedReason.WAGES_UNPAID: (
            "My employer hasn't paid me for two months.",
            "My salary is delayed.",
        ),
        StatedReason.FAMILY_EMERGENCY: (
            "My father is in hospital, a family emergency.",
        ),
        StatedReason.OTHER: (
            "I got scammed and lost my savings.",
            "I had to pay tuition.",
        ),
    },
}

_LINES = {
    "zh": {
        "agent": "坐席：",
        "party": "借款人：",
        "someone": "接听人：",
        "greet": "您好，请问是{name}本人吗？",
        "yes": "是我，什么事？",
        "no": "不是，你打错了吧。",
        "third": "好的，我会转告。",
        "explain": "您的借款已逾期，想和您确认还款安排。",
        "promise": ("好的，我这周内还，谢谢提醒。", "明白了，我会尽快还款。"),
        "refuse": ("我现在不想谈这个，别再打了。", "随便你们，我没钱。"),
        "unclear": "你说的我不太明白。",
    },
    "en": {
        "agent": "Agent: ",
        "party": "Borrower: ",
        "someone": "Callee: ",
        "greet": "Hello, am I speaking with {name}?",
        "yes": "Yes, speaking. What is it?",
        "no": "No, wrong number.",
        "third": "Okay, I'll pass it on.",
        "explain": "Your loan is overdue and we'd like to agree how you will repay.",
        "promise": (
            "Okay, I'll pay this week, thanks.",
            "I understand, I'll pay soon.",
        ),
        "refuse": (
            "I don't want to talk about it. Stop calling.",
            "Whatever, no money.",
        ),
        "unclear": "Sorry, I don't really follow.",
    },
}


def transcript(
    rng: random.Random, language: str, name: str, outcome: Draw, third_party: str
) -> str:
    """Write the conversation an outcome implies; third parties hear no debt."""
    lang = "zh" if language == "zh" else "en"
    say = _LINES[lang]
    agent, party = str(say["agent"]), str(say["party"])
    lines = [agent + str(say["greet"]).format(name=name)]
    if not outcome.right_party:
        other = str(say["someone"])
        lines += [
            other + str(say["no"]),
            agent + third_party,
            other + str(say["third"]),
        ]
        return "\n".join(lines)
    lines += [party + str(say["yes"]), agent + str(say["explain"])]
    if outcome.stated_reason is not None:
        lines.append(party + rng.choice(_HARDSHIP[lang][outcome.stated_reason]))
    if not outcome.comprehension:
        lines.append(party + str(say["unclear"]))
    answer = say["promise"] if outcome.cooperative else say["refuse"]
    lines.append(party + rng.choice(answer))
    return "\n".join(lines)
