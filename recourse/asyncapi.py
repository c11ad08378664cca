"""The AsyncAPI document of Recourse, generated from the services' FastStream apps.

Each service's bootstrap declares what it consumes (topic or pattern, and the
event types its route accepts). This module replays those declarations on a
documentation-only FastStream broker per process, one handler per event type so
every type shows up as a message with its pydantic schema, adds what the system
sends across its edges (platform notices, court filings and rulings, public
sanction entries), and lets FastStream render the AsyncAPI 3.0 document.

    python -m recourse.asyncapi            write contracts/asyncapi.json
    python -m recourse.asyncapi --check    exit 1 if the file is out of date
"""

import argparse
import importlib
import json
import os
import sys
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from faststream.kafka import KafkaBroker
from faststream.specification import AsyncAPI

from contracts import topics
from contracts.base import Contract
from contracts.registry import model_for
from shared.runtime import Service

DOCUMENT = Path(__file__).resolve().parents[1] / "contracts" / "asyncapi.json"
APPS = {
    "triage-scorer": "services.triage_scorer.bootstrap",
    "contact-notifier": "services.contact_notifier.bootstrap",
    "fee-calculator": "services.fee_calculator.bootstrap",
    "filing-batcher": "services.filing_batcher.bootstrap",
    "preservation-tracker": "services.preservation_tracker.bootstrap",
    "sanctions-publisher": "services.sanctions_publisher.bootstrap",
    "court-simulator": "recourse.simulators.court.runtime",
}
# What leaves the system for parties that run no Recourse code.
EDGE_SENDS = {
    topics.TENANT_NOTICES_PATTERN: ("PlatformNotice", "FeeInvoiceIssued"),
    topics.PUBLIC_SANCTIONS: ("PublicSanctionEntry", "PublicSanctionWithdrawn"),
}
SETTINGS_PREFIXES = ("RECOURSE_", "KAFKA_", "DATABASE_")


@contextmanager
def _default_settings() -> Iterator[None]:
    """Build every app from its defaults, whatever this shell has exported."""
    saved = {k: v for k, v in os.environ.items() if k.startswith(SETTINGS_PREFIXES)}
    for name in saved:
        del os.environ[name]
    try:
        yield
    finally:
        os.environ.update(saved)


def _documented(model: type[Contract]) -> Callable[..., Awaitable[None]]:
    async def handler(event: Any) -> None:
        del event

    handler.__annotations__["event"] = model
    handler.__name__ = handler.__qualname__ = model.__name__
    return handler


def _app_broker(name: str, service: Service) -> KafkaBroker:
    broker = KafkaBroker("kafka:9092", description=f"Recourse {name}")
    for declared in service.subscriptions:
        subscriber = broker.subscriber(
            *declared.topics,
            pattern=declared.pattern,
            title=f"{name}/{declared.title}",
            description=f"{name} consumes these event types here.",
        )
        for ce_type in sorted(declared.route.handlers):
            subscriber(_documented(model_for(ce_type)))
    return broker


def _edge_broker() -> KafkaBroker:
    broker = KafkaBroker("kafka:9092", description="Recourse edge outputs")
    for topic, names in EDGE_SENDS.items():
        for name in names:
            broker.publisher(
                topic,
                title=f"edge/{name}",
                schema=model_for(f"io.recourse.{name}.v1"),
                description=f"{name}, sent to parties outside Recourse.",
            )
    return broker


def rendered() -> str:
    """The whole document as stable, indented JSON."""
    with _default_settings():
        brokers = [
            _app_broker(name, importlib.import_module(module).build())
            for name, module in APPS.items()
        ]
    brokers.append(_edge_broker())
    spec = AsyncAPI(
        *brokers,
        title="Recourse",
        version="1",
        description=(
            "Topics of the six Recourse services and the court simulator. Every "
            "record carries CloudEvents binary-mode headers; ce_type is "
            "io.recourse.<Message>.v1."
        ),
    ).to_specification()
    return json.dumps(spec.to_jsonable(), indent=2, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m recourse.asyncapi")
    parser.add_argument("--check", action="store_true", help="exit 1 if stale")
    args = parser.parse_args(argv)
    text = rendered()
    if not args.check:
        DOCUMENT.write_text(text, "utf-8")
        return 0
    if not DOCUMENT.exists() or DOCUMENT.read_text("utf-8") != text:
        print(f"{DOCUMENT} is out of date: run make schemas", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
