"""Detect web-page leftovers: whole lines such as "close" or "Leave a Comment".

A line is removed only when it matches a pattern from ``boilerplate.tsv`` in full and stands
apart from the prose: in the first or last few lines of the article (or in a block of such lines
reaching into them), or alone between blank lines.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Proposal
from ..lexicon import Lexicon
from ..text import Document, Line

#: How many non-blank lines at each end of an article count as its top or bottom.
EDGE_LINES = 3
#: A longer line is prose, whatever it starts with (a cookie notice runs to about 150).
MAX_LENGTH = 200


def detect(document: Document, lexicon: Lexicon) -> Iterator[Proposal]:
    """Yield a deletion for each boilerplate line.

    A run of boilerplate lines that closes the article takes the blank lines before each of its
    lines with it, so the article does not end blank (and if its last line had no break, the
    break before the run goes too); any other boilerplate line takes the blank lines after it,
    so the article does not start blank and the paragraphs around a leftover stay one blank
    line apart.
    """
    lines = document.lines
    stripped_lines = [document.line_text(line).strip() for line in lines]
    content = [i for i, stripped in enumerate(stripped_lines) if stripped]
    edges = _at_edge(content, stripped_lines, lexicon)
    edges.update(_at_edge(content[::-1], stripped_lines, lexicon))
    found = dict(edges)
    for position in content:
        if position not in found and _stands_alone(stripped_lines, position):
            description = _description(stripped_lines[position], lexicon)
            if description is not None:
                found[position] = description
    closing = _run(content[::-1], found)
    unbroken_end = bool(lines) and lines[-1].next_start == lines[-1].end
    for position, description in found.items():
        first, last = position, position
        if position in closing:
            while first > 0 and not stripped_lines[first - 1]:
                first -= 1
        else:
            while last + 1 < len(lines) and not stripped_lines[last + 1]:
                last += 1
        start = lines[first].start
        if unbroken_end and first > 0 and position == min(closing, default=-1):
            start = lines[first - 1].end  # the article ended without a break: it still does
        yield Proposal(
            start=start,
            end=_deletion_end(document, lines[last]),
            replacement="",
            confidence=0.95 if position in edges else 0.8,
            reason=f"“{stripped_lines[position]}” is web-page boilerplate ({description}).",
            rule="boilerplate.line",
        )


def _description(stripped: str, lexicon: Lexicon) -> str | None:
    """Return what a line is (a share button...) if a boilerplate pattern matches it whole."""
    if len(stripped) > MAX_LENGTH:
        return None
    for pattern, description in lexicon.boilerplate_patterns:
        if pattern.fullmatch(stripped):
            return description
    return None


def _at_edge(ordered: list[int], stripped_lines: list[str], lexicon: Lexicon) -> dict[int, str]:
    """The boilerplate lines at the top of the content lines ``ordered`` (or its bottom,
    reversed), with what each is: among its first ``EDGE_LINES``, and after them every line
    that continues a block of boilerplate reaching into them (a comment form's five lines
    close an article together). Only those lines are matched against the patterns."""
    found: dict[int, str] = {}
    for rank, position in enumerate(ordered):
        description = _description(stripped_lines[position], lexicon)
        if description is None:
            if rank >= EDGE_LINES - 1:
                break
            continue
        found[position] = description
    return found


def _run(content: list[int], found: dict[int, str]) -> set[int]:
    """The boilerplate lines that come first in ``content``, before any prose line."""
    run: set[int] = set()
    for position in content:
        if position not in found:
            break
        run.add(position)
    return run


def _blank(stripped_lines: list[str], position: int) -> bool:
    return position < 0 or position >= len(stripped_lines) or not stripped_lines[position]


def _stands_alone(stripped_lines: list[str], position: int) -> bool:
    return _blank(stripped_lines, position - 1) and _blank(stripped_lines, position + 1)


def _deletion_end(document: Document, line: Line) -> int:
    """Delete the line with its break; the last line without a break takes only itself."""
    return line.next_start
