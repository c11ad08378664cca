"""Runs services and simulators as child processes and stops every one of them."""

import contextlib
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

SERVICES = {
    "triage-scorer": "services.triage_scorer",
    "contact-notifier": "services.contact_notifier",
    "fee-calculator": "services.fee_calculator",
    "filing-batcher": "services.filing_batcher",
    "preservation-tracker": "services.preservation_tracker",
    "sanctions-publisher": "services.sanctions_publisher",
}


@dataclass
class Child:
    name: str
    module: str
    proc: subprocess.Popen[bytes]
    log_path: Path


@dataclass
class ProcessGroup:
    """Children started here, each in its own session, all stopped on exit."""

    log_dir: Path
    env: dict[str, str]
    children: list[Child] = field(default_factory=list)

    def start(
        self, name: str, module: str, extra: dict[str, str] | None = None
    ) -> Child:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        log_path = self.log_dir / f"{name}.log"
        env = {**os.environ, **self.env, **(extra or {}), "PYTHONUNBUFFERED": "1"}
        with log_path.open("ab") as log:
            proc = subprocess.Popen(
                [sys.executable, "-m", module],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        child = Child(name, module, proc, log_path)
        self.children.append(child)
        return child

    def start_services(self, names: list[str]) -> None:
        for name in names:
            self.start(name, SERVICES[name])

    def kill_and_restart(self, name: str) -> Child:
        """SIGKILL a running child, as a crash would, then start it afresh."""
        [child] = [c for c in self.children if c.name == name]
        _signal_group(child.proc.pid, signal.SIGKILL)
        child.proc.wait(timeout=10)
        self.children.remove(child)
        return self.start(name, child.module)

    def dead(self) -> list[Child]:
        return [c for c in self.children if c.proc.poll() is not None]

    def stop_all(self, timeout: float = 20.0) -> None:
        """SIGTERM every child's process group, then SIGKILL what lingers."""
        for child in self.children:
            if child.proc.poll() is None:
                _signal_group(child.proc.pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        for child in self.children:
            remaining = max(0.1, deadline - time.monotonic())
            try:
                child.proc.wait(timeout=remaining)
            except subprocess.TimeoutExpired:
                _signal_group(child.proc.pid, signal.SIGKILL)
                child.proc.wait(timeout=10)
        self.children.clear()


def _signal_group(pid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, sig)
