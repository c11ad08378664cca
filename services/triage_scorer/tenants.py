"""Which tenants this deployment serves on the shared internal topics."""

import re

from shared.delivery.consumer import Handler
from shared.delivery.unit_of_work import Incoming, UnitOfWork


def for_tenants(pattern: str, handler: Handler) -> Handler:
    """Skip events of plaintiffs outside the tenant pattern; edge topics need not."""
    served = re.compile(pattern)

    async def handle(uow: UnitOfWork, incoming: Incoming) -> None:
        plaintiff = getattr(incoming.event, "plaintiff_id", "")
        if served.fullmatch(plaintiff):
            await handler(uow, incoming)

    return handle
