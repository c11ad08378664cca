"""Built-in simulated providers for phone, SMS and chat app."""

from dataclasses import dataclass
from random import Random

from services.contact_notifier.channels.base import content_ref
from services.contact_notifier.channels.outcome_model import (
    Draw,
    draw,
    reachable,
    rng_for,
)
from services.contact_notifier.channels.transcripts import transcript
from services.contact_notifier.domain.disclosure import third_party_text
from services.contact_notifier.domain.model import (
    Channel,
    ContactOutcome,
    Delivery,
    Notice,
)


@dataclass(frozen=True)
class SimulatedConversationChannel:
    """A channel where the borrower can talk back: phone calls or chat."""

    channel: Channel
    seed: str = "recourse"
    caller_zh: str = "客户服务中心"
    caller_en: str = "the customer service centre"
    callback: str = "400-000-0000"

    def _transcript(self, notice: Notice, rng: Random, result: Draw) -> str:
        who = notice.recipient
        caller = self.caller_zh if who.language == "zh" else self.caller_en
        neutral = third_party_text(who.language, who.name, caller, self.callback)
        return transcript(rng, who.language, who.name, result, neutral)

    async def send(self, notice: Notice) -> Delivery:
        """Simulate the notice; identical for identical seed and attempt id."""
        rng = rng_for(self.seed, notice.attempt_id)
        who = notice.recipient
        live = reachable(self.seed, who.borrower_id, who.profile)
        result = draw(rng, self.channel, who.profile, live)
        text = self._transcript(notice, rng, result) if result.answered else None
        outcome = ContactOutcome(
            reached=result.reached,
            answered=result.answered,
            right_party=result.right_party,
            cooperative=result.cooperative,
            comprehension=result.comprehension,
            stated_reason=result.stated_reason,
            transcript=text,
            transcript_ref=content_ref(text) if text else None,
        )
        return Delivery(notice.attempt_id, self.channel, result.reached, outcome)


def simulated_phone(seed: str = "recourse") -> SimulatedConversationChannel:
    return SimulatedConversationChannel(Channel.PHONE, seed)


def simulated_sms(seed: str = "recourse") -> SimulatedConversationChannel:
    return SimulatedConversationChannel(Channel.SMS, seed)


def simulated_chat_app(seed: str = "recourse") -> SimulatedConversationChannel:
    return SimulatedConversationChannel(Channel.CHAT_APP, seed)
