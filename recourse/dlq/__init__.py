"""Operator tooling for dead letters: list them, and replay them once fixed."""

from recourse.dlq.broker import (
    BrokerUnavailable,
    configured_bootstrap,
    read_letters,
    republish,
    run_bounded,
)
from recourse.dlq.letters import (
    SERVICES,
    DeadLetter,
    Selection,
    in_failure_order,
    in_replay_order,
)

__all__ = [
    "SERVICES",
    "BrokerUnavailable",
    "DeadLetter",
    "Selection",
    "configured_bootstrap",
    "in_failure_order",
    "in_replay_order",
    "read_letters",
    "republish",
    "run_bounded",
]
