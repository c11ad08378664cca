"""Sweeps of contact-notifier: retry notices whose next allowed moment has come."""

from services.contact_notifier.attempts import Channels, try_notice
from services.contact_notifier.store import notices
from shared.delivery.unit_of_work import UnitOfWork
from shared.runtime import Sweep

BATCH = 200


def retrying_due_notices(channels: Channels) -> Sweep:
    """The sweep, bound to the channel adapters it performs through."""

    async def retry_due_notices(uow: UnitOfWork) -> None:
        """Try every pending notice whose due time has passed, oldest first."""
        for command in await notices.due_notices(uow.conn, uow.now(), BATCH):
            await try_notice(uow, command, channels)

    return retry_due_notices
