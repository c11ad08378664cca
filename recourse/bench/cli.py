"""`recourse bench`: throughput, lag and memory, beside the Kafka ceiling."""

import asyncio
import dataclasses
import json
import platform
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from recourse.bench import ceiling
from recourse.bench.pipeline import run_pipeline
from recourse.localinfra import stack
from recourse.localinfra.process import REPO_ROOT, using_state_dir

RESULTS = REPO_ROOT / "bench-results"
BENCH_STATE = REPO_ROOT / ".recourse" / "bench"
HOPS = 9


def bench(
    cases: Annotated[int, typer.Option(help="Cases through the pipeline.")] = 50_000,
    chain_messages: Annotated[
        int, typer.Option(help="Messages for the chain.")
    ] = 50_000,
    perf_records: Annotated[
        int, typer.Option(help="Records for Kafka's tools.")
    ] = 500_000,
    out: Annotated[Path | None, typer.Option(help="JSON result file.")] = None,
) -> None:
    """Push cases through all six services; measure the ceiling on one broker."""
    started = time.monotonic()
    pipeline = asyncio.run(run_pipeline(cases))
    with using_state_dir(BENCH_STATE):
        state = stack.up(fsync=False)
        try:
            kafka_tools = ceiling.kafka_producer_perf(
                state.bootstrap_servers, perf_records, 1000
            )
            chain = asyncio.run(
                ceiling.passthrough_chain(state.bootstrap_servers, chain_messages, HOPS)
            )
        finally:
            stack.down(purge=True)
    result = {
        "measured_at": datetime.now(UTC).isoformat(),
        "machine": {
            "cpus": __import__("os").cpu_count(),
            "python": platform.python_version(),
        },
        "pipeline": dataclasses.asdict(pipeline),
        "kafka_tools": kafka_tools,
        "aiokafka_chain": chain,
        "ratio_to_chain": round(
            pipeline.cases_per_second / chain["chain_messages_per_s"], 4
        ),
        "wall_seconds": round(time.monotonic() - started, 1),
    }
    RESULTS.mkdir(exist_ok=True)
    path = out or RESULTS / f"bench-{datetime.now(UTC):%Y%m%dT%H%M%S}.json"
    path.write_text(json.dumps(result, indent=2))
    baseline = RESULTS / "baseline.json"
    if not baseline.exists():
        baseline.write_text(json.dumps(result, indent=2))
    typer.echo(json.dumps(result, indent=2))
    typer.echo(f"written to {path}")
