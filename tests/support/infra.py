"""Chooses the Kafka and Postgres that tests run against.

Order: KAFKA_BOOTSTRAP_SERVERS and DATABASE_URL from the environment; else
containers when a Docker engine answers; else local processes started from
Maven Central jars and the machine's Postgres binaries.
"""

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

KAFKA_IMAGE = "apache/kafka:4.1.1"
POSTGRES_IMAGE = "postgres:16.4"


class InfrastructureMissing(RuntimeError):
    """No Kafka or Postgres could be found or started for the tests."""


@dataclass(frozen=True)
class Infra:
    bootstrap_servers: str
    database_url: str
    origin: str


def _docker_answers() -> bool:
    if shutil.which("docker") is None:
        return False
    probe = subprocess.run(["docker", "info"], capture_output=True, timeout=20)
    return probe.returncode == 0


@contextmanager
def _containers() -> Iterator[Infra]:
    from testcontainers.core.container import DockerContainer
    from testcontainers.core.waiting_utils import wait_for_logs
    from testcontainers.postgres import PostgresContainer

    kafka = DockerContainer(KAFKA_IMAGE).with_bind_ports(9092, 19092)
    kafka.with_env("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://127.0.0.1:19092")
    with kafka, PostgresContainer(POSTGRES_IMAGE, driver=None) as pg:
        wait_for_logs(kafka, "Kafka Server started", timeout=120)
        yield Infra("127.0.0.1:19092", pg.get_connection_url(), "containers")


@contextmanager
def _local_processes() -> Iterator[Infra]:
    from recourse.localinfra import stack
    from recourse.localinfra.process import InfraError

    was_running = stack.status().get("kafka", "").startswith("running")
    try:
        state = stack.up()
    except InfraError as error:
        raise InfrastructureMissing(
            "no KAFKA_BOOTSTRAP_SERVERS/DATABASE_URL, no Docker engine, and the "
            f"local Kafka/Postgres could not start: {error}"
        ) from error
    try:
        yield Infra(state.bootstrap_servers, state.database_url, "local processes")
    finally:
        if not was_running:
            stack.down()


@contextmanager
def test_infrastructure() -> Iterator[Infra]:
    """Yield connection settings for a real broker and database."""
    bootstrap = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
    database = os.environ.get("DATABASE_URL")
    if bootstrap and database:
        yield Infra(bootstrap, database, "environment")
    elif bootstrap or database:
        raise InfrastructureMissing(
            "set both KAFKA_BOOTSTRAP_SERVERS and DATABASE_URL, or neither"
        )
    elif _docker_answers():
        with _containers() as infra:
            yield infra
    else:
        with _local_processes() as infra:
            yield infra
