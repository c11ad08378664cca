"""Kafka topic names: internal, per-tenant edge, per-court edge and dead letters."""

import re
from typing import Literal, get_args

from contracts.base import SLUG_PATTERN
from contracts.errors import TopicNameError

TenantKind = Literal[
    "overdue", "contact-outcomes", "payments", "preservation-requests", "notices"
]
CourtKind = Literal["filings", "rulings"]
TENANT_KINDS: tuple[str, ...] = get_args(TenantKind)
COURT_KINDS: tuple[str, ...] = get_args(CourtKind)

CONTACT = "recourse.contact.v1"
CONTACT_COMMANDS = "recourse.contact-commands.v1"
TRIAGE = "recourse.triage.v1"
TRIAGE_COMMANDS = "recourse.triage-commands.v1"
FEES = "recourse.fees.v1"
FILING = "recourse.filing.v1"
PRESERVATION = "recourse.preservation.v1"
SANCTIONS = "recourse.sanctions.v1"
PUBLIC_SANCTIONS = "public.sanctions.v1"

# Subscription patterns avoid `{n,m}` quantifiers: FastStream reads braces as
# path parameters. The exact tenant or court is checked by plaintiff_of/court_of.
_NAME = r"[a-z0-9][a-z0-9-]+"
TENANT_OVERDUE_PATTERN = rf"tenant\.{_NAME}\.overdue\.v1"
TENANT_CONTACT_OUTCOMES_PATTERN = rf"tenant\.{_NAME}\.contact-outcomes\.v1"
TENANT_PAYMENTS_PATTERN = rf"tenant\.{_NAME}\.payments\.v1"
TENANT_PRESERVATION_REQUESTS_PATTERN = rf"tenant\.{_NAME}\.preservation-requests\.v1"
TENANT_NOTICES_PATTERN = rf"tenant\.{_NAME}\.notices\.v1"
COURT_FILINGS_PATTERN = rf"court\.{_NAME}\.filings\.v1"
COURT_RULINGS_PATTERN = rf"court\.{_NAME}\.rulings\.v1"

_SLUG = SLUG_PATTERN.removeprefix("^").removesuffix("$")
_SERVICE = re.compile(SLUG_PATTERN)
_TENANT_TOPIC = re.compile(
    rf"^tenant\.(?P<owner>{_SLUG})\.(?:{'|'.join(TENANT_KINDS)})\.v1$"
)
_COURT_TOPIC = re.compile(
    rf"^court\.(?P<owner>{_SLUG})\.(?:{'|'.join(COURT_KINDS)})\.v1$"
)


def _checked(value: str, what: str) -> str:
    if not _SERVICE.fullmatch(value):
        raise TopicNameError(f"{what} {value!r} is not a lowercase ASCII slug")
    return value


def tenant_topic(plaintiff: str, kind: TenantKind) -> str:
    """Name the edge topic of one plaintiff, e.g. `tenant.acme.overdue.v1`."""
    if kind not in TENANT_KINDS:
        raise TopicNameError(f"unknown tenant topic kind {kind!r}")
    return f"tenant.{_checked(plaintiff, 'plaintiff id')}.{kind}.v1"


def court_topic(court: str, kind: CourtKind) -> str:
    """Name the edge topic of one court, e.g. `court.cn-110105.filings.v1`."""
    if kind not in COURT_KINDS:
        raise TopicNameError(f"unknown court topic kind {kind!r}")
    return f"court.{_checked(court, 'court id')}.{kind}.v1"


def dlq_topic(service: str) -> str:
    """Name the dead-letter topic of a service, e.g. `dlq.triage-scorer.v1`."""
    return f"dlq.{_checked(service, 'service name')}.v1"


def plaintiff_of(topic: str) -> str | None:
    """Return the plaintiff id in a tenant edge topic name, else None."""
    match = _TENANT_TOPIC.fullmatch(topic)
    return match["owner"] if match else None


def court_of(topic: str) -> str | None:
    """Return the court id in a court edge topic name, else None."""
    match = _COURT_TOPIC.fullmatch(topic)
    return match["owner"] if match else None
