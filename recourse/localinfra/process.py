"""Process, port and path helpers for the local infrastructure."""

import os
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


class InfraError(Exception):
    """The local infrastructure could not be started, checked or stopped."""


def state_dir() -> Path:
    """Where runtime data, pids and the env file live (untracked)."""
    return Path(os.environ.get("RECOURSE_STATE_DIR", REPO_ROOT / ".recourse"))


@contextmanager
def using_state_dir(path: Path) -> Iterator[None]:
    """Point the infra commands at another state directory for a while."""
    before = os.environ.get("RECOURSE_STATE_DIR")
    os.environ["RECOURSE_STATE_DIR"] = str(path)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("RECOURSE_STATE_DIR", None)
        else:
            os.environ["RECOURSE_STATE_DIR"] = before


def cache_dir() -> Path:
    """Where downloaded jars are cached, outside the repository."""
    default = Path.home() / ".cache" / "recourse"
    return Path(os.environ.get("RECOURSE_CACHE_DIR", default))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def port_free(port: int) -> bool:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def ensure_ports_free(ports: dict[str, int], wait: float = 10.0) -> None:
    """Kept ports must still be free; a brief client connection may hold one."""

    def taken() -> dict[str, int]:
        return {name: port for name, port in ports.items() if not port_free(port)}

    try:
        wait_until(lambda: not taken(), wait, "free ports")
    except InfraError:
        still = taken()
        if not still:
            return
        listed = ", ".join(f"{name} port {port}" for name, port in still.items())
        raise InfraError(
            f"{listed} (kept from the first start) is taken by another process; "
            "stop it, or run `recourse infra down --purge` to start afresh on "
            "new ports"
        ) from None


def port_answers(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return _not_zombie(pid)


def _not_zombie(pid: int) -> bool:
    stat = Path(f"/proc/{pid}/stat")
    if not stat.exists():
        return True
    return stat.read_text().split(") ", 1)[1][:1] != "Z"


def wait_until(check: Callable[[], bool], timeout: float, what: str) -> None:
    """Poll `check` until it holds, at least once, failing after `timeout`."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() >= deadline:
            raise InfraError(f"{what} did not become ready within {timeout:.0f}s")
        time.sleep(0.2)


def stop_pid(pid: int, timeout: float = 30.0) -> None:
    """Stop one process: SIGTERM, then SIGKILL if it lingers."""
    if not pid_alive(pid):
        return
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and pid_alive(pid):
        time.sleep(0.2)
    if pid_alive(pid):
        os.kill(pid, signal.SIGKILL)


def run(
    cmd: list[str], env: dict[str, str] | None = None, stdin: int | None = None
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(cmd, capture_output=True, text=True, env=env, stdin=stdin)
    if result.returncode != 0:
        raise InfraError(
            f"{cmd[0]} failed ({result.returncode}): {result.stderr[-2000:]}"
        )
    return result
