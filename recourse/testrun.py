"""`make test`: local infrastructure when none is given, then pytest, then stop."""

import os
import subprocess
import sys

from recourse.localinfra import stack
from recourse.localinfra.process import pid_alive


def main(argv: list[str]) -> int:
    env = dict(os.environ)
    started_here = False
    if not (env.get("KAFKA_BOOTSTRAP_SERVERS") and env.get("DATABASE_URL")):
        before = stack.load_state()
        running = before is not None and pid_alive(before.kafka_pid)
        state = stack.up()
        started_here = not running
        env["KAFKA_BOOTSTRAP_SERVERS"] = state.bootstrap_servers
        env["DATABASE_URL"] = state.database_url
        print(f"infrastructure: kafka {state.bootstrap_servers}, {state.database_url}")
    try:
        command = [sys.executable, "-m", "pytest", "tests", *argv]
        return subprocess.call(command, env=env)
    finally:
        if started_here:
            stack.down()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
