"""`recourse demo`: the whole system on a scaled clock, a live view, a report."""

import asyncio
import json
import time
from pathlib import Path
from typing import Annotated

import asyncpg
import typer
from rich.console import Console
from rich.live import Live
from rich.table import Table

from recourse.demo.ledger import read_ledger
from recourse.demo.progress import STAGES, snapshot
from recourse.demo.render import print_report, write_html
from recourse.demo.report import build_report
from recourse.demo.run import SIMULATED_START, RunConfig, RunFailedError, SystemRun
from recourse.localinfra.process import REPO_ROOT

console = Console()


def _view(run: SystemRun, counts: dict, unsent: int, dead: int) -> Table:
    day = run.simulated_day()
    table = Table(
        title=f"Recourse demo · simulated day {max(day, 0):.1f}"
        f" of {run.config.days:.0f}"
        f" · {time.monotonic() - run.started_wall:.0f}s · outbox backlog {unsent}"
        f" · dead letters {dead}",
        title_justify="left",
    )
    table.add_column("platform")
    for _, label in STAGES:
        table.add_column(label, justify="right")
    for platform, stages in counts.items():
        table.add_row(platform, *(str(stages[label]) for _, label in STAGES))
    return table


async def _watch(run: SystemRun) -> None:
    conn = await asyncpg.connect(run.database_url)
    try:
        with Live(console=console, refresh_per_second=2) as live:
            while not run.finished():
                run.check_alive()
                counts, unsent, dead = await snapshot(conn, run.config.platforms)
                live.update(_view(run, counts, unsent, dead))
                await asyncio.sleep(1.0)
            await run.settle()
            counts, unsent, dead = await snapshot(conn, run.config.platforms)
            live.update(_view(run, counts, unsent, dead))
    finally:
        await conn.close()


DEFAULT_REPORT = REPO_ROOT / "reports" / "demo-report.html"


def demo(
    loans: Annotated[int, typer.Option(help="Overdue loans, three platforms.")] = 2000,
    days: Annotated[float, typer.Option(help="Simulated days to play.")] = 40.0,
    minutes: Annotated[float, typer.Option(help="Wall minutes for those days.")] = 3.0,
    report: Annotated[Path, typer.Option(help="Where the HTML goes.")] = DEFAULT_REPORT,
) -> None:
    """Run all six services and both simulators, then print and save a report."""
    run = SystemRun(RunConfig(loans=loans, days=days, minutes=minutes))
    wall = time.monotonic()
    try:
        console.print("starting Kafka, Postgres, six services and two simulators…")
        run.start()
        asyncio.run(_watch(run))
        rows = asyncio.run(read_ledger(run.database_url))
    except RunFailedError as error:
        console.print(f"[red]demo failed:[/red] {error}")
        raise typer.Exit(1) from error
    except KeyboardInterrupt:
        console.print("interrupted; stopping everything")
        raise typer.Exit(130) from None
    finally:
        run.stop()
    result = build_report(rows, SIMULATED_START)
    print_report(result, console)
    summary = {
        "loans": loans,
        "days": days,
        "wall_seconds": round(time.monotonic() - wall),
    }
    path = write_html(result, report, summary)
    json_path = path.with_suffix(".json")
    json_path.write_text(json.dumps({**summary, **result.as_dict()}, indent=2))
    console.print(f"wall time {summary['wall_seconds']}s; report: {path}")
