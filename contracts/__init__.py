"""Event contracts of Recourse: models, topic names and CloudEvents codec."""

from contracts.base import (
    CaseId,
    Contract,
    CourtId,
    Money,
    PlaintiffId,
    PositiveMoney,
    Rate,
)
from contracts.cloudevents import EventMeta, decode_headers, derived_id, encode_headers
from contracts.errors import (
    ContractError,
    InvalidHeadersError,
    InvalidPayloadError,
    MissingHeadersError,
    TopicNameError,
    UnknownEventTypeError,
)
from contracts.registry import MODELS, decode, encode, event_type, model_for

__all__ = [
    "MODELS",
    "CaseId",
    "Contract",
    "ContractError",
    "CourtId",
    "EventMeta",
    "InvalidHeadersError",
    "InvalidPayloadError",
    "MissingHeadersError",
    "Money",
    "PlaintiffId",
    "PositiveMoney",
    "Rate",
    "TopicNameError",
    "UnknownEventTypeError",
    "decode",
    "decode_headers",
    "derived_id",
    "encode",
    "encode_headers",
    "event_type",
    "model_for",
]
