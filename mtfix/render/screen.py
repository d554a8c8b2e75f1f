"""Where the command line's output goes: stdout, and a progress bar on stderr for long batches."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.progress import Progress

#: With this many files or more, and stderr a terminal, a progress bar is shown.
PROGRESS_MIN_FILES = 5


class OutputClosed(Exception):
    """Standard output was closed early (``mtfix clean x | head -1``)."""


def write_stdout(text: str) -> None:
    """Write to stdout; a closed pipe becomes ``OutputClosed`` (typer would swallow the OSError)."""
    if text:
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError as error:
            raise OutputClosed from error
        except OSError as error:  # typer would swallow it: the output would be lost silently
            raise OutputClosed(error.strerror or str(error)) from error


class Screen:
    """Where output goes: stdout, with a progress bar on stderr for a long batch at a terminal.

    While the bar is shown, output for a terminal is printed above it (a plain write would be
    overwritten by the bar's next refresh); stderr messages are routed above it by rich.
    """

    def __init__(self, total: int) -> None:
        self.progress: Progress | None = None
        if total >= PROGRESS_MIN_FILES and sys.stderr.isatty():
            # rich is imported only for a bar: most runs never show one, and start faster
            from rich.console import Console
            from rich.progress import Progress

            self.progress = Progress(
                console=Console(stderr=True), transient=True, redirect_stdout=False
            )
            self.task = self.progress.add_task("Cleaning", total=total)

    def __enter__(self) -> Screen:
        if self.progress:
            self.progress.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.progress:
            self.progress.stop()

    def advance(self) -> None:
        """Count one more input as done."""
        if self.progress:
            self.progress.advance(self.task)

    def emit(self, text: str) -> None:
        """Write rendered output."""
        if self.progress and text and sys.stdout.isatty():
            from rich.text import Text

            self.progress.console.print(Text.from_ansi(text), end="", soft_wrap=True)
        else:
            write_stdout(text)
