"""Interactive review in the terminal: accept, reject or edit each change, then write the file.

Keys (one keypress at a terminal, one line otherwise): ``y`` accept, ``n`` reject, ``e`` type your
own replacement, ``a`` accept this and every later change of its kind (also those after an ``s``
or ``q``), ``s`` skip the rest of this file, ``q`` quit. With an accept file (``--accept FILE``),
``n`` asks whether to add the word to it, so that mtfix never changes or flags it again. A file's
accepted changes are written atomically when its review ends (after its last change, ``s`` or
``q``); a file with nothing accepted is not touched, nor one that changed on disk during its
review. Ctrl-C stops at once and writes nothing more.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from rich.console import Console
from rich.markup import escape as markup_escape
from rich.text import Text

from .accept import add_to_file
from .change import Change, apply_changes
from .config import Config
from .decisions import Original, read_original
from .io import BinaryFileError, InputError, encode, write_atomic
from .pipeline import clean
from .render import escape

#: Characters of context shown on each side of a change.
CONTEXT = 70

_HELP = (
    "y accept · n reject · e edit (type your own) · a accept all of this kind · "
    "s skip the rest of this file · q quit (writes what was accepted)"
)


_PROMPT = (
    r"[bold]Accept?[/] [green]\[y][/]es [red]\[n][/]o [cyan]\[e][/]dit "
    r"[cyan]\[a][/]ll {kind} [cyan]\[s][/]kip file [cyan]\[q][/]uit [dim]\[?][/] "
)
_FLAG_PROMPT = (
    r"[bold]No fix known:[/] [cyan]\[e][/]dit (type one) [cyan]\[n][/]ext "
    r"[cyan]\[s][/]kip file [cyan]\[q][/]uit [dim]\[?][/] "
)


class Quit(Exception):
    """The reviewer pressed ``q``."""


@dataclass
class FileResult:
    """What happened to one file: how many changes were accepted, rejected and written."""

    display: str
    accepted: list[Change] = field(default_factory=list)
    rejected: int = 0
    left: int = 0
    written: bool = False
    error: str = ""
    total: int = 0


class Keyboard:
    """Read decisions: a single keypress from a terminal, else a line from standard input.

    Used as a context manager: at a terminal, keys are read without echo or Enter for the whole
    review (so keys typed ahead are kept, not echoed), and the terminal is restored at the end.
    """

    def __init__(self) -> None:
        self.saved: list | None = None

    def __enter__(self) -> Keyboard:
        if sys.stdin.isatty():
            import termios
            import tty

            self.saved = termios.tcgetattr(sys.stdin.fileno())
            tty.setcbreak(sys.stdin.fileno(), termios.TCSANOW)
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._restore()

    def _restore(self) -> None:
        if self.saved is not None:
            import termios

            termios.tcsetattr(sys.stdin.fileno(), termios.TCSADRAIN, self.saved)

    def key(self) -> str:
        """Return one lower-case key ('q' at end of input)."""
        if self.saved is not None:
            data = os.read(sys.stdin.fileno(), 16)
            return data.decode("utf-8", "replace")[:1].lower() if data else "q"
        line = sys.stdin.readline()
        return line.strip()[:1].lower() if line else "q"

    def line(self, prompt: str, default: str) -> str | None:
        """Read an edited replacement, starting from ``default``; ``None`` if cancelled."""
        if self.saved is None:
            line = sys.stdin.readline()
            return line.rstrip("\r\n") if line else None
        import readline
        import termios
        import tty

        self._restore()
        readline.set_startup_hook(lambda: readline.insert_text(default))
        try:
            return input(prompt)
        except EOFError:
            return None
        finally:
            readline.set_startup_hook(None)
            tty.setcbreak(sys.stdin.fileno(), termios.TCSANOW)


class Session:
    """One interactive review over several files, remembering the kinds accepted with ``a``."""

    def __init__(
        self,
        config: Config,
        console: Console,
        keyboard: Keyboard,
        backup: bool,
        accept_file: Path | None = None,
        sources: Mapping[Path, str] | None = None,
    ) -> None:
        self.config = config
        self.sources = sources or {}
        self.console = console
        self.keyboard = keyboard
        self.backup = backup
        self.accept_kinds: set[str] = set()
        self.accept_file = accept_file
        self.accepted_words: set[str] = set()

    def run(self, files: Sequence[tuple[Path, str, bool]]) -> list[FileResult]:
        """Review each ``(path, display name, found in a folder)`` in turn; stop early on ``q``.

        A binary file found in a folder is skipped (its result has no error and is not written).
        """
        results: list[FileResult] = []
        for path, display, from_walk in files:
            result = FileResult(display)
            results.append(result)
            try:
                self._file(path, result)
            except Quit:
                break
            except BinaryFileError as error:
                if not from_walk:
                    result.error = str(error)
            except InputError as error:
                result.error = str(error)
        return results

    def _file(self, path: Path, result: FileResult) -> None:
        """Review one file's changes, then write the accepted ones."""
        original = read_original(path)
        text = original.decoded.text
        changes = clean(text, self.config, source=self.sources.get(path)).changes
        result.total = len(changes)
        reviewed = 0
        try:
            for number, change in enumerate(changes, 1):
                decision = self._decide(result.display, text, change, number, len(changes))
                reviewed = number
                if decision is not None:
                    result.accepted.append(decision)
                elif change.is_flag:
                    result.left += 1
                else:
                    result.rejected += 1
        except (_SkipFile, Quit) as stop:
            # "a" means every later change of its kind, also those the reviewer skips
            result.accepted += [
                change
                for change in changes[reviewed + 1 :]
                if change.kind in self.accept_kinds and not change.is_flag
            ]
            if isinstance(stop, Quit):
                self._write(path, original, result)
                raise
        self._write(path, original, result)

    def _decide(
        self, display: str, text: str, change: Change, number: int, total: int
    ) -> Change | None:
        """Show one change and return it (maybe edited) if accepted, ``None`` if rejected.

        A flag (no fix known) can only be left as it is (``n``, or ``y``) or fixed with ``e``.
        """
        if change.kind in self.accept_kinds and not change.is_flag:
            return change
        if change.original in self.accepted_words:
            return None
        self._show(display, text, change, number, total)
        prompt = _FLAG_PROMPT if change.is_flag else _PROMPT.format(kind=change.kind)
        while True:
            self.console.print(prompt, end="")
            key = self.keyboard.key()
            self.console.print(key if key.isprintable() else "", end="  ")
            if change.is_flag and key in ("y", "n"):
                self.console.print("[dim]left as it is")
                self._offer_accept(change, key)
                return None
            if key in ("y", "a") and not change.is_flag:
                if key == "a":
                    self.accept_kinds.add(change.kind)
                self.console.print(
                    "[green]accepted" + (f", and every later {change.kind} change" * (key == "a"))
                )
                return change
            if key == "n":
                self.console.print("[red]rejected")
                self._offer_accept(change, key)
                return None
            if key == "s":
                self.console.print("[yellow]skipping the rest of this file")
                raise _SkipFile
            if key == "q":
                self.console.print("[yellow]quit")
                raise Quit
            if key == "e":
                self.console.print()
                typed = self.keyboard.line("Replacement: ", change.replacement)
                if typed is None:
                    self.console.print("[dim]edit cancelled")
                    continue
                if typed == change.original:
                    self.console.print("[red]rejected[/] (the text stays as it is)")
                    return None
                self.console.print(f"[green]accepted, edited:[/] {markup_escape(repr(typed))}")
                return replace(change, replacement=typed)
            self.console.print()
            self.console.print(f"[dim]{_HELP}")

    def _offer_accept(self, change: Change, key: str) -> None:
        """After ``n``, offer to add the word to the accept file, so it is never shown again."""
        word = change.original.strip()
        if key != "n" or self.accept_file is None or not _is_word(word):
            return
        self.console.print(
            f"Never change or flag “{markup_escape(word)}” again (add it to "
            f"{markup_escape(str(self.accept_file))})? [cyan]\\[y][/]es, any other key: no ",
            end="",
        )
        if self.keyboard.key() != "y":
            self.console.print("no")
            return
        try:
            add_to_file(self.accept_file, word)
        except OSError as error:
            self.console.print(f"[red]cannot write {markup_escape(str(self.accept_file))}: {error}")
            return
        self.accepted_words.add(word)
        self.console.print(f"[green]added to {markup_escape(str(self.accept_file))}")

    def _show(self, display: str, text: str, change: Change, number: int, total: int) -> None:
        """Print the change with its context: the old text and the new, highlighted."""
        self.console.print()
        self.console.rule(
            f"[bold]{markup_escape(display)}[/] · change {number} of {total}", align="left"
        )
        self.console.print(
            f"line {change.line}, column {change.column} · [bold]{change.kind}[/] · "
            f"{change.safety} · {change.confidence:.2f} · [dim]{markup_escape(change.source)}[/]"
        )
        self.console.print(Text(escape(change.reason), style="italic"))
        if change.alternatives:
            self.console.print(
                f"[dim]alternatives: {markup_escape(', '.join(change.alternatives))}"
            )
        before, after = _context(text, change)
        if change.is_flag:
            flagged = Text("! ", style="yellow")
            flagged.append(before)
            flagged.append(escape(change.original), style="bold black on yellow")
            flagged.append(after)
            self.console.print(flagged)
            return
        old = Text("- ", style="red")
        old.append(before)
        old.append(escape(change.original) or "∅", style="bold white on red")
        old.append(after)
        new = Text("+ ", style="green")
        new.append(before)
        new.append(escape(change.replacement) or "∅", style="bold black on green")
        new.append(after)
        self.console.print(old)
        self.console.print(new)

    def _write(self, path: Path, original: Original, result: FileResult) -> None:
        """Write the accepted changes, unless the file changed on disk since it was read."""
        if not result.accepted:
            self.console.print(f"[dim]{markup_escape(result.display)}: nothing accepted, unchanged")
            return
        if read_original(path).sha256 != original.sha256:
            result.error = "changed on disk during the review; not written"
            return
        cleaned = apply_changes(original.decoded.text, result.accepted)
        write_atomic(path, encode(cleaned, original.decoded), backup=self.backup)
        result.written = True
        unreviewed = result.total - result.rejected - result.left - len(result.accepted)
        counts = (
            (result.rejected, "rejected"),
            (result.left, "flags left"),
            (unreviewed, "not reviewed"),
        )
        rest = ", ".join(f"{count} {what}" for count, what in counts if count)
        self.console.print(
            f"[green]{markup_escape(result.display)}: wrote {len(result.accepted)} accepted "
            f"change{'s' if len(result.accepted) != 1 else ''}[/]" + (f" ({rest})" if rest else "")
        )


def _is_word(text: str) -> bool:
    """Tell whether a change's text is a word or name the accept list can hold.

    >>> _is_word("Olaf Scholtz"), _is_word(" -"), _is_word("close\\n")
    (True, False, False)
    """
    return bool(text) and text.isprintable() and any(c.isalpha() for c in text)


class _SkipFile(Exception):
    """The reviewer pressed ``s``: the rest of the file's changes stay unreviewed."""


def _context(text: str, change: Change) -> tuple[str, str]:
    """Return up to ``CONTEXT`` characters of the change's lines before and after it."""
    line_start = text.rfind("\n", 0, change.start) + 1
    line_end = text.find("\n", change.end)
    line_end = len(text) if line_end < 0 else line_end
    if line_end > change.end and text[line_end - 1] == "\r":
        line_end -= 1
    low = max(line_start, change.start - CONTEXT)
    high = min(line_end, change.end + CONTEXT)
    if low > line_start:
        low = text.find(" ", low, change.start) + 1 or low
    if high < line_end:
        cut = text.rfind(" ", change.end, high)
        high = cut if cut > 0 else high
    before = ("…" if low > line_start else "") + text[low : change.start]
    after = text[change.end : high] + ("…" if high < line_end else "")
    return escape(before), escape(after)


def run(
    files: Sequence[tuple[Path, str, bool]],
    config: Config,
    color: bool,
    backup: bool,
    report: Callable[[str], None],
    accept_file: Path | None = None,
    sources: Mapping[Path, str] | None = None,
) -> int:
    """Review ``(path, display name, found in a folder)`` files interactively (each with the
    text it was translated from, when ``sources`` has it).

    Returns:
        0, or 2 if a file could not be read or written (each ``report``-ed in one line), or 130
        if interrupted.
    """
    console = Console(no_color=not color, highlight=False, soft_wrap=False)
    console.print(f"[dim]{_HELP}")
    try:
        with Keyboard() as keyboard:
            results = Session(config, console, keyboard, backup, accept_file, sources).run(files)
    except KeyboardInterrupt:
        console.print("\n[red]interrupted: nothing more was written[/]")
        return 130
    written = sum(1 for r in results if r.written)
    accepted = sum(len(r.accepted) for r in results if r.written)
    console.print(
        f"\n[bold]Reviewed {len(results)} of {len(files)} file(s):[/] "
        f"{accepted} change(s) written to {written} file(s)."
    )
    failed = [r for r in results if r.error]
    for result in failed:
        report(f"{result.display}: {result.error}")
    return 2 if failed else 0
