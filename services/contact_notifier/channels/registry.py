"""The adapter for each channel; a real provider replaces its simulated one here."""

from contracts.contact import Channel
from services.contact_notifier.channels.base import ChannelAdapter
from services.contact_notifier.channels.letter import SimulatedLetter
from services.contact_notifier.channels.simulated import (
    simulated_chat_app,
    simulated_phone,
    simulated_sms,
)


def simulated_channels(seed: str) -> dict[Channel, ChannelAdapter]:
    """Seeded simulated providers for every channel."""
    return {
        Channel.PHONE: simulated_phone(seed),
        Channel.SMS: simulated_sms(seed),
        Channel.CHAT_APP: simulated_chat_app(seed),
        Channel.LETTER: SimulatedLetter(seed=seed),
    }
