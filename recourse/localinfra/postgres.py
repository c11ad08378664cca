"""A Postgres server from the machine's binaries, run as an unprivileged user."""

import os
import pwd
import shutil
import subprocess
from pathlib import Path

from recourse.localinfra.process import InfraError, port_answers, run, wait_until

PG_USER = "recourse"
PG_BIN_CANDIDATES = [Path(f"/usr/lib/postgresql/{v}/bin") for v in (17, 16, 15)]


def pg_bin() -> Path:
    configured = os.environ.get("RECOURSE_PG_BIN")
    if configured:
        return Path(configured)
    for candidate in PG_BIN_CANDIDATES:
        if (candidate / "initdb").exists():
            return candidate
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    raise InfraError("PostgreSQL server binaries (initdb, pg_ctl) were not found")


def _as_user() -> list[str]:
    """Prefix that runs a command as the unprivileged user when we are root."""
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam(PG_USER)
    except KeyError:
        run(
            [
                "useradd",
                "--system",
                "--no-create-home",
                "--shell",
                "/bin/false",
                PG_USER,
            ]
        )
    return ["runuser", "-u", PG_USER, "--"]


def _own(path: Path) -> None:
    if os.geteuid() == 0:
        entry = pwd.getpwnam(PG_USER)
        for root, _dirs, files in os.walk(path):
            os.chown(root, entry.pw_uid, entry.pw_gid)
            for name in files:
                os.chown(Path(root) / name, entry.pw_uid, entry.pw_gid)


def init(home: Path) -> None:
    prefix = _as_user()
    home.mkdir(parents=True, exist_ok=True)
    _own(home)
    run(
        [
            *prefix,
            str(pg_bin() / "initdb"),
            "-D",
            str(home / "data"),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        ]
    )


def start(home: Path, port: int, fsync: bool = True) -> int:
    """Start the server on its data directory; return the postmaster pid."""
    prefix = _as_user()
    _own(home)
    options = f"-p {port} -k {home} -h 127.0.0.1 -c max_connections=300"
    if not fsync:
        options += " -F"
    run(
        [
            *prefix,
            str(pg_bin() / "pg_ctl"),
            "-D",
            str(home / "data"),
            "-w",
            "-t",
            "60",
            "-l",
            str(home / "postgres.log"),
            "-o",
            options,
            "start",
        ],
        stdin=subprocess.DEVNULL,
    )
    wait_until(lambda: port_answers(port), 60, "Postgres")
    pid_line = (home / "data" / "postmaster.pid").read_text().splitlines()[0]
    return int(pid_line)


def stop(home: Path, mode: str = "fast") -> None:
    if not (home / "data" / "postmaster.pid").exists():
        return
    run(
        [
            *_as_user(),
            str(pg_bin() / "pg_ctl"),
            "-D",
            str(home / "data"),
            "-m",
            mode,
            "-w",
            "stop",
        ]
    )
