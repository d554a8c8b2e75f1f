"""The ``diff`` format: a unified diff per file, each hunk annotated with its changes.

Hunks have one line of context: one hunk per group of nearby changed lines, its header
``@@ -l,n +l,n @@ kind · safety · confidence · reason`` (several changes joined by `` | ``).
Hunks hold real edits only, so the diff applies with ``patch -p1`` and ``git apply``. A flag
(no fix known) is told in the header of the nearest hunk, with its line and column; a file
with flags only has no diff (the command line prints its flags on stderr). With colour, the
words a change touches are highlighted within the lines.
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
#: Unchanged lines shown before and after each hunk (``git apply`` needs them).
CONTEXT = 1

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
    for block in _blocks(hunks):
        offset = _block(out, text, spans, block, offset, color)
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


def _blocks(hunks: list[_Hunk]) -> Iterator[list[_Hunk]]:
    """Group hunks whose context lines would touch: they are shown as one hunk."""
    block: list[_Hunk] = []
    for hunk in hunks:
        if block and hunk.first - block[-1].last - 1 > 2 * CONTEXT:
            yield block
            block = []
        block.append(hunk)
    if block:
        yield block


def _block(
    out: _Out,
    text: str,
    spans: list[tuple[int, int]],
    block: list[_Hunk],
    offset: int,
    color: bool,
) -> int:
    """Append one hunk of the diff (a block of changed line groups with the unchanged lines
    around and between them) and return the line offset of the new text after it."""
    first = max(block[0].first - CONTEXT, 0)
    last = min(block[-1].last + CONTEXT, len(spans) - 1)
    rows: list[tuple[str, str, int, int, list[tuple[int, int, str]]]] = []
    position = first
    for hunk in block:
        rows += [(" ", text, *spans[line], []) for line in range(position, hunk.first)]
        old_marks = [(c.start, c.end, "flag" if c.is_flag else "-span") for c in hunk.changes]
        rows += [
            ("-", text, s, e, old_marks) for s, e in spans[hunk.first : hunk.last + 1] if e > s
        ]
        new_marks = [(s, e, "+span") for s, e in hunk.new_spans]
        rows += [
            ("+", hunk.new_text, m.start(), m.end(), new_marks)
            for m in _LINE.finditer(hunk.new_text)
        ]
        position = hunk.last + 1
    rows += [(" ", text, *spans[line], []) for line in range(position, last + 1)]
    old_count = sum(row[0] != "+" for row in rows)
    new_count = sum(row[0] != "-" for row in rows)
    old_start = first + 1 if old_count else first
    new_start = first + 1 + offset if new_count else first + offset
    changes = [change for hunk in block for change in hunk.changes]
    _header(
        out,
        (old_start, old_count),
        (new_start, new_count),
        changes,
        [f for h in block for f in h.flags],
    )
    for sign, source, start, end, marks in rows:
        _line(out, sign, source, start, end, marks, color)
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


def _header(
    out: _Out,
    old: tuple[int, int],
    new: tuple[int, int],
    changes: Sequence[Change],
    flags: Sequence[Change],
) -> None:
    out.append(f"@@ -{old[0]},{old[1]} +{new[0]},{new[1]} @@", STYLES["hunk"])
    for number, change in enumerate((*changes, *flags)):
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
