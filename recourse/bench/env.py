"""Connection settings for operator tools: the environment, else the infra env file."""

import os

from recourse.localinfra import stack


class NoInfrastructureError(RuntimeError):
    """Neither the environment nor `recourse infra up` gave connection settings."""


def connection_settings() -> tuple[str, str]:
    """Return (KAFKA_BOOTSTRAP_SERVERS, DATABASE_URL)."""
    bootstrap = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
    database = os.environ.get("DATABASE_URL")
    if bootstrap and database:
        return bootstrap, database
    path = stack.env_file()
    if not path.exists():
        raise NoInfrastructureError(
            "set KAFKA_BOOTSTRAP_SERVERS and DATABASE_URL, or run `recourse infra up`"
        )
    values = dict(
        line.split("=", 1) for line in path.read_text().splitlines() if "=" in line
    )
    return values["KAFKA_BOOTSTRAP_SERVERS"], values["DATABASE_URL"]
