"""python -m recourse.simulators.platform [--loans N] [--seed S]"""

import argparse
import asyncio
import os
import signal

from recourse.simulators.platform.plan import PlatformPlan
from recourse.simulators.platform.runtime import PlatformSimulator
from shared.clock import clock_from_setting
from shared.logging import configure_logging


async def main() -> None:
    parser = argparse.ArgumentParser(description="Simulated lending platforms.")
    parser.add_argument(
        "--loans", type=int, default=int(os.environ.get("RECOURSE_SIM_LOANS", 2000))
    )
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    configure_logging("platform-simulator")
    plan = PlatformPlan(loans=args.loans, seed=args.seed)
    clock = clock_from_setting(os.environ.get("RECOURSE_CLOCK", "system"))
    bootstrap = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await PlatformSimulator(plan, bootstrap, clock).run(stop)


asyncio.run(main())
