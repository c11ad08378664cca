"""Every subscriber of a service joins a consumer group of its own."""

import importlib

import pytest

SERVICES = (
    "services.triage_scorer",
    "services.contact_notifier",
    "services.fee_calculator",
    "services.filing_batcher",
    "services.preservation_tracker",
    "services.sanctions_publisher",
)


@pytest.fixture(autouse=True)
def connection_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9")
    monkeypatch.setenv("DATABASE_URL", "postgresql://nobody@127.0.0.1:9/none")
    monkeypatch.delenv("RECOURSE_GROUP_ID", raising=False)


@pytest.mark.parametrize("module", SERVICES)
def test_each_subscriber_of_a_service_has_its_own_group(module: str) -> None:
    service = importlib.import_module(f"{module}.bootstrap").build()
    groups = [s.group_id for s in service.broker.subscribers]

    assert len(groups) >= 2
    assert len(set(groups)) == len(groups)
    assert all(g.startswith(f"{service.settings.service_name}.on_") for g in groups)


def test_group_names_carry_the_configured_group_and_the_title(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("RECOURSE_GROUP_ID", "fees-blue")
    service = importlib.import_module("services.fee_calculator.bootstrap").build()

    groups = {s.group_id for s in service.broker.subscribers}

    assert "fees-blue.on_tenant_payments" in groups
    assert "fees-blue.on_triage" in groups
