"""The report in the terminal (rich) and as one self-contained HTML file."""

import base64
import html
import io
import json
from collections import Counter
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from rich.console import Console
from rich.table import Table

from recourse.demo.report import RunReport

FUNNEL = [
    ("CaseOpened", "opened"),
    ("CaseTriaged", "triaged"),
    ("FeeAssessed", "priced"),
    ("CaseDocketed", "docketed"),
    ("SanctionRecorded", "sanctioned"),
    ("SanctionLifted", "listing lifted"),
]
DEADLINES = (
    "ServiceLevelWarned",
    "ServiceLevelBreached",
    "FreezeRenewalDue",
    "PreSuitDeadlineWarned",
    "PreservationLifted",
    "PrepaymentDeadlineApproaching",
    "SanctionLifted",
)


def _table(title: str, rows: dict[str, object]) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("what")
    table.add_column("count", justify="right")
    for key, value in rows.items():
        table.add_row(str(key), str(value))
    return table


def print_report(report: RunReport, console: Console) -> None:
    decisions = Table(title="Cases per decision", title_justify="left")
    decisions.add_column("platform")
    for name in ("opened", *FINAL_NAMES):
        decisions.add_column(name, justify="right")
    for plaintiff, opened in sorted(report.cases_opened.items()):
        counts = report.decisions.get(plaintiff, Counter())
        decisions.add_row(
            plaintiff, str(opened), *(str(counts[d]) for d in FINAL_NAMES)
        )
    console.print(decisions)
    sizes = report.batch_sizes
    console.print(
        _table(
            "Batches",
            {
                "sealed": len(sizes),
                "smallest": min(sizes, default=0),
                "largest": max(sizes, default=0),
                **{f"sealed: {k}": v for k, v in report.batches_by_reason.items()},
                "cases docketed": report.docketed,
                "unique docket numbers": report.unique_docket_numbers,
                "cases rejected by court": report.rejected,
            },
        )
    )
    fees = Table(title="Fees per platform (yuan)", title_justify="left")
    for column in ("platform", "invoiced", "paid"):
        fees.add_column(column, justify="right" if column != "platform" else "left")
    for plaintiff in sorted(set(report.invoiced) | set(report.paid)):
        fees.add_row(
            plaintiff,
            f"{report.invoiced.get(plaintiff, 0):,.2f}",
            f"{report.paid.get(plaintiff, 0):,.2f}",
        )
    console.print(fees)
    console.print(_table("Service levels", dict(report.service_levels)))
    console.print(_table("Preservation", dict(report.preservation)))
    console.print(_table("Sanctions", dict(report.sanctions)))
    console.print(_table("Dead letters", dict(report.dead_letters) or {"none": 0}))


FINAL_NAMES = ("return_to_collection", "return_recover_principal", "file_suit")


def _png(figure: plt.Figure) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    plt.close(figure)
    return base64.b64encode(buffer.getvalue()).decode()


def _charts(report: RunReport) -> list[tuple[str, str]]:
    charts = []
    figure, axis = plt.subplots(figsize=(7, 3.2))
    labels = [label for _, label in FUNNEL]
    axis.barh(
        labels[::-1], [report.events[n] for n, _ in FUNNEL][::-1], color="#3b6ea5"
    )
    axis.set_xlabel("events")
    charts.append(("Case funnel", _png(figure)))
    figure, axis = plt.subplots(figsize=(7, 3.2))
    axis.hist(report.batch_sizes or [0], bins=20, range=(0, 220), color="#6a994e")
    axis.axvline(100, color="grey", linestyle="--")
    axis.axvline(200, color="grey", linestyle="--")
    axis.set_xlabel("cases per batch")
    axis.set_ylabel("batches")
    charts.append(("Batch sizes", _png(figure)))
    figure, axis = plt.subplots(figsize=(7, 3.2))
    for name in DEADLINES:
        days = report.timeline.get(name)
        if days:
            xs = sorted(days)
            axis.plot(xs, [days[x] for x in xs], marker="o", markersize=3, label=name)
    axis.set_xlabel("simulated day")
    axis.set_ylabel("events")
    axis.legend(fontsize=7)
    charts.append(("Deadlines over time", _png(figure)))
    return charts


def write_html(report: RunReport, path: Path, summary: dict[str, object]) -> Path:
    images = "".join(
        f"<h2>{html.escape(title)}</h2><img alt='{html.escape(title)}' "
        f"src='data:image/png;base64,{data}'>"
        for title, data in _charts(report)
    )
    body = html.escape(json.dumps({**summary, **report.as_dict()}, indent=2))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Recourse demo report</title><style>body{font-family:sans-serif;"
        "max-width:900px;margin:2em auto}pre{background:#f4f4f4;padding:1em}"
        "</style></head><body><h1>Recourse demo report</h1>"
        f"{images}<h2>Figures</h2><pre>{body}</pre></body></html>",
        encoding="utf-8",
    )
    return path
