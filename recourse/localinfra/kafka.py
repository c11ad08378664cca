"""A single-node KRaft Kafka broker from Maven Central jars."""

import os
import shutil
import subprocess
import uuid
from dataclasses import dataclass
from pathlib import Path

from recourse.localinfra.process import (
    REPO_ROOT,
    InfraError,
    cache_dir,
    free_port,
    port_answers,
    run,
    wait_until,
)

KAFKA_VERSION = "4.1.2"
INFRA_DIR = REPO_ROOT / "infra" / "kafka"


@dataclass(frozen=True)
class KafkaPorts:
    broker: int
    controller: int

    @classmethod
    def pick(cls) -> "KafkaPorts":
        return cls(broker=free_port(), controller=free_port())


def jars_dir() -> Path:
    return cache_dir() / f"kafka-{KAFKA_VERSION}" / "libs"


def fetch_jars() -> Path:
    """Collect the broker's runtime jars once; later calls reuse the cache."""
    target = jars_dir()
    marker = target / ".complete"
    if marker.exists():
        return target
    if shutil.which("mvn") is None:
        raise InfraError("Maven (mvn) is needed once to fetch the Kafka jars")
    target.mkdir(parents=True, exist_ok=True)
    local_repo = os.environ.get("RECOURSE_MAVEN_REPO")
    repo_flag = [f"-Dmaven.repo.local={local_repo}"] if local_repo else []
    run(
        [
            "mvn",
            "-B",
            "-q",
            *repo_flag,
            "-f",
            str(INFRA_DIR / "pom.xml"),
            f"-Dkafka.version={KAFKA_VERSION}",
            "dependency:copy-dependencies",
            "-DincludeScope=runtime",
            f"-DoutputDirectory={target}",
        ]
    )
    marker.touch()
    return target


def _java() -> str:
    java = shutil.which("java")
    if java is None:
        raise InfraError("Java 17 or newer is needed to run Kafka")
    return java


def _write_properties(home: Path, ports: KafkaPorts) -> Path:
    template = (INFRA_DIR / "server.properties.template").read_text()
    props = home / "server.properties"
    props.write_text(
        template.format(
            broker_port=ports.broker,
            controller_port=ports.controller,
            data_dir=home / "data",
        )
    )
    return props


def _java_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    return env


def format_storage(home: Path, ports: KafkaPorts) -> None:
    props = _write_properties(home, ports)
    run(
        [
            _java(),
            "-cp",
            f"{jars_dir()}/*",
            "kafka.tools.StorageTool",
            "format",
            f"--cluster-id={uuid.uuid4().hex[:22]}",
            "-c",
            str(props),
            "--standalone",
        ],
        env=_java_env(),
    )


def start(home: Path, ports: KafkaPorts, heap_mb: int = 512) -> int:
    """Start the broker on an already formatted data directory; return its pid."""
    props = _write_properties(home, ports)
    logs = home / "logs"
    logs.mkdir(exist_ok=True)
    server_log = logs / "server.log"
    offset = server_log.stat().st_size if server_log.exists() else 0
    cmd = [
        _java(),
        "-Xms256m",
        f"-Xmx{heap_mb}m",
        "-XX:+UseG1GC",
        f"-Dlog4j2.configurationFile={INFRA_DIR / 'log4j2.properties'}",
        f"-Dkafka.logs.dir={logs}",
        "-cp",
        f"{jars_dir()}/*",
        "kafka.Kafka",
        str(props),
    ]
    with open(logs / "stdout.log", "ab") as out:
        proc = subprocess.Popen(
            cmd,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=_java_env(),
            start_new_session=True,
        )
    wait_until(lambda: _started(proc, logs, offset, ports), 120, "Kafka")
    return proc.pid


def _started(
    proc: subprocess.Popen[bytes], logs: Path, offset: int, ports: KafkaPorts
) -> bool:
    if proc.poll() is not None:
        tail = (logs / "stdout.log").read_text(errors="replace")[-2000:]
        raise InfraError(f"Kafka exited with {proc.returncode}: {tail}")
    server_log = logs / "server.log"
    if not server_log.exists():
        return False
    with server_log.open("rb") as log:
        log.seek(offset)
        started = b"Kafka Server started" in log.read()
    return started and port_answers(ports.broker)
