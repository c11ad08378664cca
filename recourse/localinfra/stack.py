"""Bring the local Kafka and Postgres up, report on them, and take them down."""

import hashlib
import json
import shutil
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from recourse.localinfra import kafka, postgres
from recourse.localinfra.process import (
    InfraError,
    ensure_ports_free,
    free_port,
    pid_alive,
    port_answers,
    state_dir,
    stop_pid,
)


@dataclass
class InfraState:
    kafka_home: str
    kafka_broker_port: int
    kafka_controller_port: int
    pg_home: str
    pg_port: int
    kafka_pid: int = 0
    pg_pid: int = 0

    @property
    def bootstrap_servers(self) -> str:
        return f"127.0.0.1:{self.kafka_broker_port}"

    @property
    def database_url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.pg_port}/postgres"


def infra_dir() -> Path:
    return state_dir() / "infra"


def env_file() -> Path:
    return state_dir() / "infra.env"


def _state_file() -> Path:
    return infra_dir() / "state.json"


def _pg_home() -> Path:
    # Postgres runs as another user, which must reach its files and whose
    # socket path must stay short; so its home lives under /var/tmp.
    digest = hashlib.sha1(str(state_dir().resolve()).encode()).hexdigest()[:10]
    return Path("/var/tmp/recourse") / digest / "pg"


def load_state() -> InfraState | None:
    path = _state_file()
    if not path.exists():
        return None
    return InfraState(**json.loads(path.read_text()))


def _save(state: InfraState) -> None:
    infra_dir().mkdir(parents=True, exist_ok=True)
    _state_file().write_text(json.dumps(asdict(state), indent=2))
    env_file().write_text(
        f"KAFKA_BOOTSTRAP_SERVERS={state.bootstrap_servers}\n"
        f"DATABASE_URL={state.database_url}\n"
    )


def _new_state() -> InfraState:
    return InfraState(
        kafka_home=str(infra_dir() / "kafka"),
        kafka_broker_port=free_port(),
        kafka_controller_port=free_port(),
        pg_home=str(_pg_home()),
        pg_port=free_port(),
    )


def up(fsync: bool = True) -> InfraState:
    """Start whatever is not running; reuse data, ports and formats already made."""
    kafka.fetch_jars()
    state = load_state() or _new_state()
    kafka_home, pg_home = Path(state.kafka_home), Path(state.pg_home)
    ports = kafka.KafkaPorts(state.kafka_broker_port, state.kafka_controller_port)
    if not (state.kafka_pid and pid_alive(state.kafka_pid)):
        ensure_ports_free(
            {"Kafka broker": ports.broker, "Kafka controller": ports.controller}
        )
        if not (kafka_home / "data" / "meta.properties").exists():
            kafka_home.mkdir(parents=True, exist_ok=True)
            kafka.format_storage(kafka_home, ports)
        state.kafka_pid = kafka.start(kafka_home, ports)
        _save(state)
    if not (state.pg_pid and pid_alive(state.pg_pid)):
        ensure_ports_free({"Postgres": state.pg_port})
        if not (pg_home / "data" / "PG_VERSION").exists():
            postgres.init(pg_home)
        state.pg_pid = postgres.start(pg_home, state.pg_port, fsync=fsync)
    _save(state)
    return state


def status() -> dict[str, object]:
    state = load_state()
    if state is None:
        return {"kafka": "absent", "postgres": "absent"}
    return {
        "kafka": _describe(state.kafka_pid, state.kafka_broker_port),
        "postgres": _describe(state.pg_pid, state.pg_port),
        "KAFKA_BOOTSTRAP_SERVERS": state.bootstrap_servers,
        "DATABASE_URL": state.database_url,
        "env_file": str(env_file()),
    }


def _describe(pid: int, port: int) -> str:
    if pid and pid_alive(pid):
        return f"running (pid {pid}, port {port}, answers={port_answers(port)})"
    return "stopped"


def down(purge: bool = False) -> None:
    """Stop exactly the processes that `up` started; delete their data if asked."""
    state = load_state()
    if state is None:
        return
    if state.pg_pid and pid_alive(state.pg_pid):
        postgres.stop(Path(state.pg_home))
    if state.kafka_pid:
        stop_pid(state.kafka_pid)
    state.kafka_pid = state.pg_pid = 0
    if purge:
        shutil.rmtree(state.kafka_home, ignore_errors=True)
        shutil.rmtree(state.pg_home, ignore_errors=True)
        shutil.rmtree(infra_dir(), ignore_errors=True)
        env_file().unlink(missing_ok=True)
        return
    _save(state)


def wait_stopped(state: InfraState, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not pid_alive(state.kafka_pid) and not pid_alive(state.pg_pid):
            return
        time.sleep(0.2)
    raise InfraError("infrastructure processes did not stop")
