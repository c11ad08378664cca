"""The one port every channel provider implements."""

import hashlib
from typing import Protocol

from services.contact_notifier.domain.model import Channel, Delivery, Notice


class ChannelError(Exception):
    """A provider failed to take the notice; the attempt may be retried."""


class ChannelAdapter(Protocol):
    """Sends one notice over one channel and reports what happened."""

    @property
    def channel(self) -> Channel:
        """The channel this adapter delivers on."""
        ...

    async def send(self, notice: Notice) -> Delivery:
        """Deliver `notice`; the same attempt_id must not be sent twice."""
        ...


def content_ref(content: str) -> str:
    """A reference to stored evidence: the SHA-256 of its UTF-8 text."""
    return "sha256:" + hashlib.sha256(content.encode("utf-8")).hexdigest()
