"""The AsyncAPI document matches what the services' apps declare today."""

import json

from recourse.asyncapi import APPS, DOCUMENT, rendered


def test_committed_document_matches_the_apps() -> None:
    assert DOCUMENT.read_text("utf-8") == rendered(), "run make schemas"


def test_every_app_receives_its_declared_event_types_with_schemas() -> None:
    document = json.loads(rendered())
    channels = document["channels"]
    schemas = document["components"]["schemas"]
    messages = document["components"]["messages"]

    assert {name.split(".")[0] for name in channels} >= set(APPS)
    payments = messages["fee-calculator.on_tenant_payments:SubscribeMessage"]
    assert payments["payload"] == {"$ref": "#/components/schemas/FeePaymentMade"}
    assert schemas["FeePaymentMade"]["properties"]["amount"]["type"] == "string"
    assert channels["triage-scorer.on_tenant_overdue"]["address"] == (
        r"tenant\.[a-z0-9][a-z0-9-]*\.overdue\.v1"
    )
