"""The ``diff`` format: a unified diff per file, each hunk annotated with its changes.

One hunk per group of adjacent changed lines, with the unchanged line after it as context; its
header ``@@ -l,n +l,n @@ kind · safety · confidence · reason`` (several joined by `` | ``).
Hunks hold real edits only, so the diff applies with ``patch -p1`` and ``git apply``. A flag
(no fix known) is told in the header of the nearest hunk, with its line and column; a file
with flags only has no diff (the command line prints its flags on stderr). With colour, the
words a change touches (and a flag on a changed line) are highlighted within the lines.
"""

from __future__ import annotations

import bisect
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from ..change import Change
from . import FileReport, escape

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
_BREAK = re.compile(r"(?:\r\n|\r|\n)\Z")
_NO_NEWLINE = "\\ No newline at end of file"

STYLES = {
    "file": "bold",
    "hunk": "cyan",
    "kind": "bold",
    "meta": "dim",
    "-": "red",
    "+": "green",
    " ": "",
    "-span": "bold white on red",
    "+span": "bold black on green",
    "flag": "bold black on yellow",
}


class _Out:
    """Styled pieces of output (rich's ``Text`` would drop the CR of a CRLF line)."""

    def __init__(self) -> None:
        self.pieces: list[tuple[str, str]] = []

    def append(self, text: str, style: str = "") -> None:
        self.pieces.append((text, style))


@dataclass(frozen=True)
class _Hunk:
    """A group of adjacent changed lines: old line indexes ``first..last`` and its changes."""

    first: int
    last: int
    changes: tuple[Change, ...]
    new_text: str
    new_spans: tuple[tuple[int, int], ...]
    flags: tuple[Change, ...] = ()


def render(item: FileReport, color: bool = False) -> str:
    """Return the annotated unified diff for one file ('' when no edit is proposed)."""
    edits = [change for change in item.report.changes if not change.is_flag]
    if not edits:
        return ""
    out = _Out()
    name = item.path.lstrip("/")
    out.append(f"--- a/{name}\n", STYLES["file"])
    out.append(f"+++ b/{name}\n", STYLES["file"])
    text = item.report.text
    spans = [(m.start(), m.end()) for m in _LINE.finditer(text)] or [(0, 0)]
    flags = [change for change in item.report.changes if change.is_flag]
    hunks = _with_flags(list(_hunks(text, spans, edits)), flags)
    offset = 0
    for hunk in hunks:
        offset = _hunk(out, text, spans, hunk, offset, color)
    if not color:
        return "".join(text for text, _ in out.pieces)
    from rich.console import Console  # only coloured output needs rich: a faster start
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(
        file=buffer, force_terminal=True, color_system="standard", soft_wrap=True, highlight=False
    )
    console.print(Text.assemble(*out.pieces), end="")
    return buffer.getvalue()


def _hunk(
    out: _Out, text: str, spans: list[tuple[int, int]], hunk: _Hunk, offset: int, color: bool
) -> int:
    """Append one hunk (its changed lines and the unchanged line after them, which
    ``git apply`` needs to place a hunk that does not end the file) and return the line offset
    of the new text after it."""
    old_lines = [(s, e) for s, e in spans[hunk.first : hunk.last + 1] if e > s]
    new_lines = [(m.start(), m.end()) for m in _LINE.finditer(hunk.new_text)]
    after = [spans[hunk.last + 1]] if hunk.last + 1 < len(spans) else []
    old_count, new_count = len(old_lines) + len(after), len(new_lines) + len(after)
    old_start = hunk.first + 1 if old_count else hunk.first
    new_start = hunk.first + 1 + offset if new_count else hunk.first + offset
    _header(out, (old_start, old_count), (new_start, new_count), hunk)
    old_marks = sorted(
        [(c.start, c.end, "-span") for c in hunk.changes]
        + [(f.start, f.end, "flag") for f in hunk.flags]  # a flag on a changed line, marked
    )
    for start, end in old_lines:
        _line(out, "-", text, start, end, old_marks, color)
    new_marks = [(s, e, "+span") for s, e in hunk.new_spans]
    for start, end in new_lines:
        _line(out, "+", hunk.new_text, start, end, new_marks, color)
    for start, end in after:
        _line(out, " ", text, start, end, [], color)
    return offset + new_count - old_count


def stray_flags(item: FileReport) -> tuple[Change, ...]:
    """The flags ``render`` cannot tell in a hunk header: all, when no edit is proposed."""
    changes = item.report.changes
    return () if any(not change.is_flag for change in changes) else changes


def _with_flags(hunks: list[_Hunk], flags: Sequence[Change]) -> list[_Hunk]:
    """Give each flag to the hunk nearest its line (the earlier one on a tie)."""
    if not flags:
        return hunks
    given: list[list[Change]] = [[] for _ in hunks]
    for flag in flags:
        line = flag.line - 1
        distances = [max(hunk.first - line, line - hunk.last, 0) for hunk in hunks]
        given[distances.index(min(distances))].append(flag)
    return [replace(hunk, flags=tuple(more)) for hunk, more in zip(hunks, given, strict=True)]


def _hunks(text: str, spans: list[tuple[int, int]], changes: Sequence[Change]) -> Iterator[_Hunk]:
    """Group changes whose lines touch; grow a group while its new text would end mid-line."""
    starts = [start for start, _ in spans]

    def line_of(offset: int) -> int:
        return max(bisect.bisect_right(starts, offset) - 1, 0)

    ordered = sorted(changes, key=lambda c: (c.start, c.end))
    index = 0
    while index < len(ordered):
        first = line_of(ordered[index].start)
        last = first
        group: list[Change] = []
        while True:
            while index < len(ordered) and line_of(ordered[index].start) <= last + 1:
                change = ordered[index]
                group.append(change)
                last = max(last, line_of(max(change.start, change.end - 1)))
                index += 1
            new_text, new_spans = _apply(text, spans[first][0], spans[last][1], group)
            if new_text and not _BREAK.search(new_text) and last + 1 < len(spans):
                last += 1
                continue
            break
        yield _Hunk(first, last, tuple(group), new_text, tuple(new_spans))


def _apply(
    text: str, start: int, end: int, changes: Sequence[Change]
) -> tuple[str, list[tuple[int, int]]]:
    """Return ``text[start:end]`` with the changes applied, and where each replacement landed."""
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    position = start
    length = 0
    for change in changes:
        if change.is_flag:
            continue
        before = text[position : change.start]
        pieces += [before, change.replacement]
        length += len(before)
        spans.append((length, length + len(change.replacement)))
        length += len(change.replacement)
        position = change.end
    pieces.append(text[position:end])
    return "".join(pieces), spans


def _header(out: _Out, old: tuple[int, int], new: tuple[int, int], hunk: _Hunk) -> None:
    out.append(f"@@ -{old[0]},{old[1]} +{new[0]},{new[1]} @@", STYLES["hunk"])
    for number, change in enumerate((*hunk.changes, *hunk.flags)):
        out.append(" |" if number else "")
        if change.is_flag:
            out.append(f" flag at {change.line}:{change.column}:", STYLES["meta"])
        out.append(f" {change.kind}", STYLES["kind"])
        out.append(f" · {change.safety} · {change.confidence:.2f} · ", STYLES["meta"])
        out.append(escape(change.reason))
        if change.is_flag:
            out.append(f" (“{escape(change.original)}”, not changed)", STYLES["meta"])
    out.append("\n")


def _line(
    out: _Out,
    sign: str,
    source: str,
    start: int,
    end: int,
    marks: Sequence[tuple[int, int, str]],
    color: bool,
) -> None:
    """Append one diff line; with colour, highlight the parts of ``marks`` that fall in it."""
    line = source[start:end]
    content = line.rstrip("\r\n")
    ending = line[len(content) :]
    out.append(sign, STYLES[sign])
    stop = start + len(content)
    position = start
    for mark_start, mark_end, style in marks if color else ():
        low, high = max(mark_start, position), min(mark_end, stop)
        if low > high or (low == high and mark_start < mark_end):
            continue
        low, high = _widen(source, low, high, position, stop)
        if low < high:
            out.append(source[position:low], STYLES[sign])
            out.append(source[low:high], STYLES[style])
            position = high
    out.append(source[position:stop], STYLES[sign])
    out.append("\n" if color or ending != "\r\n" else "\r\n")
    if not ending:
        out.append(_NO_NEWLINE + "\n")


def _widen(source: str, low: int, high: int, start: int, stop: int) -> tuple[int, int]:
    """Widen a highlight to whole words, so a one-character change is easy to see."""
    while low > start and not source[low - 1].isspace():
        low -= 1
    while high < stop and not source[high].isspace():
        high += 1
    return low, high
