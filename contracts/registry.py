"""CloudEvents types of the contract models, and payload encoding."""

from pydantic import ValidationError

from contracts import (
    contact,
    court,
    fees,
    filing,
    notices,
    platform,
    preservation,
    rulings,
    sanctions,
    triage,
)
from contracts.base import Contract
from contracts.errors import InvalidPayloadError, UnknownEventTypeError

TYPE_PREFIX = "io.recourse."
TYPE_SUFFIX = ".v1"
MAX_REASON_ERRORS = 5

MODELS: tuple[type[Contract], ...] = (
    *platform.EVENTS,
    *contact.EVENTS,
    *triage.EVENTS,
    *fees.EVENTS,
    *filing.EVENTS,
    *court.EVENTS,
    *rulings.EVENTS,
    *preservation.EVENTS,
    *sanctions.EVENTS,
    *notices.EVENTS,
)
_BY_TYPE: dict[str, type[Contract]] = {
    f"{TYPE_PREFIX}{model.__name__}{TYPE_SUFFIX}": model for model in MODELS
}
_BY_MODEL = {model: ce_type for ce_type, model in _BY_TYPE.items()}


def event_type(model: Contract | type[Contract]) -> str:
    """CloudEvents type of a registered model, e.g. `io.recourse.CaseTriaged.v1`."""
    cls = model if isinstance(model, type) else type(model)
    try:
        return _BY_MODEL[cls]
    except KeyError:
        raise UnknownEventTypeError(f"{cls.__name__} is not a message") from None


def model_for(ce_type: str) -> type[Contract]:
    """Model registered for a CloudEvents type."""
    try:
        return _BY_TYPE[ce_type]
    except KeyError:
        raise UnknownEventTypeError(f"unknown event type {ce_type!r}") from None


def _summary(error: ValidationError) -> str:
    # Only locations and messages: input values may hold id or phone numbers.
    items = error.errors(include_input=False, include_url=False, include_context=False)
    parts = [
        f"{'.'.join(str(p) for p in item['loc']) or '<root>'}: {item['msg']}"
        for item in items[:MAX_REASON_ERRORS]
    ]
    more = len(items) - MAX_REASON_ERRORS
    if more > 0:
        parts.append(f"and {more} more")
    return "; ".join(parts)


def decode(ce_type: str, payload: bytes) -> Contract:
    """Parse a JSON payload into the model its CloudEvents type names."""
    model = model_for(ce_type)
    try:
        return model.model_validate_json(payload)
    except ValidationError as e:
        if any(item["type"] == "json_invalid" for item in e.errors()):
            raise InvalidPayloadError(ce_type, "payload is not UTF-8 JSON") from None
        reason = f"payload does not match {model.__name__}: {_summary(e)}"
        raise InvalidPayloadError(ce_type, reason) from None


def encode(message: Contract) -> bytes:
    """Serialize a registered model as UTF-8 JSON."""
    event_type(message)
    return message.model_dump_json().encode()
