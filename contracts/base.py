"""The base model and the constrained value types every contract uses."""

from decimal import Decimal
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    StringConstraints,
    WithJsonSchema,
)

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]{1,39}$"
REF_PATTERN = r"^[A-Za-z0-9._:-]{1,64}$"
MONEY_CEILING = Decimal("1000000000")


class Contract(BaseModel):
    """Frozen message model: unknown fields are rejected, never dropped."""

    model_config = ConfigDict(frozen=True, extra="forbid")


def _exact_decimal(value: Any) -> Any:
    # Floats carry binary rounding error into yuan amounts, so only exact forms pass.
    if isinstance(value, bool | float):
        raise ValueError("must be a decimal string or an integer, not a float")
    return value


def _decimal_schema(pattern: str, description: str) -> WithJsonSchema:
    return WithJsonSchema(
        {"type": "string", "pattern": pattern, "description": description}
    )


Money = Annotated[
    Decimal,
    BeforeValidator(_exact_decimal),
    Field(ge=0, le=MONEY_CEILING, decimal_places=2),
    PlainSerializer(lambda v: f"{v:.2f}", return_type=str, when_used="json"),
    _decimal_schema(
        r"^[0-9]{1,10}(\.[0-9]{1,2})?$",
        "Yuan as a decimal string, 0 to 1,000,000,000, at most 2 decimals.",
    ),
]
PositiveMoney = Annotated[
    Money,
    Field(gt=0),
    _decimal_schema(
        r"^([0-9]{0,9}[1-9][0-9]{0,9}(\.[0-9]{1,2})?|0?\.(0[1-9]|[1-9][0-9]?))$",
        "Yuan as a decimal string, above 0 and up to 1,000,000,000.",
    ),
]
Rate = Annotated[
    Decimal,
    BeforeValidator(_exact_decimal),
    Field(ge=0, le=1, decimal_places=6),
    PlainSerializer(lambda v: format(v, "f"), return_type=str, when_used="json"),
    _decimal_schema(
        r"^(0(\.[0-9]{1,6})?|1(\.0{1,6})?)$",
        "A fraction from 0 to 1 as a decimal string, at most 6 decimals.",
    ),
]

PlaintiffId = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
CourtId = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
ServiceName = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
CaseId = Annotated[str, StringConstraints(pattern=REF_PATTERN)]
Ref = Annotated[str, StringConstraints(pattern=REF_PATTERN)]
IdNumber = Annotated[str, StringConstraints(pattern=r"^[0-9]{17}[0-9X]$")]
Phone = Annotated[str, StringConstraints(pattern=r"^\+?[0-9][0-9 -]{4,19}$")]
Name = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)
]
Address = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=256)
]
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
DocketNumber = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=4, max_length=64)
]


def _known_zone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValueError(f"unknown time zone {name!r}") from error
    return name


TimeZoneName = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z_]+(/[A-Za-z0-9_+-]+){0,2}$"),
    AfterValidator(_known_zone),
]
ContextKey = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
ContextValue = Annotated[str, StringConstraints(max_length=500)]
