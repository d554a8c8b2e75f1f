"""The end-of-batch summary table: articles, words, changes per kind, problems, time, speed."""

from __future__ import annotations

import io

from ..batch import Summary
from ..change import KINDS


def render(summary: Summary, color: bool = False, width: int = 100) -> str:
    """Return the summary as a table (plain text unless ``color``), problems listed below it."""
    from rich import box  # imported when a summary is shown, not on every start
    from rich.console import Console
    from rich.table import Table

    table = Table(box=box.SIMPLE, show_header=False, title="mtfix summary", title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    done = f"{summary.finished:,} of {summary.total:,}" if summary.interrupted else ""
    table.add_row("articles", f"{summary.cleaned:,}" + (f" ({done} finished)" if done else ""))
    table.add_row("words", f"{summary.words:,}")
    table.add_row("changes", f"{summary.changes:,}")
    for kind in sorted(summary.by_kind, key=_kind_order):
        table.add_row(f"  {kind}", f"{summary.by_kind[kind]:,}")
    if summary.sources:
        sources = summary.sources
        table.add_row(
            "with a source",
            f"{sources['used']:,} of {sources['articles']:,} articles, "
            f"{sources['aligned']:,} of {sources['lines']:,} lines aligned",
        )
        table.add_row(
            "  from the source",
            f"{sources['changes']:,} changes, {sources['vetoed']:,} vetoed",
        )
    table.add_row("errors", f"{len(summary.errors):,}")
    if summary.skipped:
        table.add_row("skipped", f"{len(summary.skipped):,}")
    table.add_row("time", f"{summary.seconds:.1f} s")
    speed = summary.words / summary.seconds if summary.seconds > 0 else 0.0
    table.add_row("speed", f"{speed:,.0f} words/s")
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, width=width, highlight=False)
    console.print(table)
    for label, problems in (("error", summary.errors), ("skipped", summary.skipped)):
        for name, message in problems:
            console.print(f"{label}: {name}: {message}", markup=False, soft_wrap=True)
    return buffer.getvalue()


def _kind_order(kind: str) -> tuple[int, str]:
    return (KINDS.index(kind) if kind in KINDS else len(KINDS), kind)
