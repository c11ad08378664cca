"""The value an application asks to preserve: the fee's basis before the order."""

from decimal import Decimal

from services.preservation_tracker.domain.assets import Application


def value_to_preserve(app: Application) -> Decimal:
    """The claim, or less when the named assets are worth less and no lead is left."""
    if app.leads:
        return app.amount
    named = sum((a.value for a in app.assets), Decimal("0.00"))
    return min(app.amount, named)
