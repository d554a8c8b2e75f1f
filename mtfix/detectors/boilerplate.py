"""Detect web-page leftovers: whole lines such as "close" or "Leave a Comment".

A line is removed only when it matches a pattern from ``boilerplate.tsv`` in full and stands
apart from the prose: in the first or last few lines of the article (or in a block of such lines
reaching into them), or alone between blank lines.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from ..change import Proposal
from ..lexicon import Lexicon
from ..text import Document, Line

#: How many non-blank lines at each end of an article count as its top or bottom.
EDGE_LINES = 3


def detect(document: Document, lexicon: Lexicon) -> Iterator[Proposal]:
    """Yield a deletion for each boilerplate line.

    A run of boilerplate lines that opens (or closes) the article takes the blank lines after
    (or before) each of its lines with it, so the article neither starts nor ends blank.
    """
    lines = document.lines
    stripped_lines = [document.line_text(line).strip() for line in lines]
    content = [i for i, stripped in enumerate(stripped_lines) if stripped]
    matched = {
        position: description
        for position in content
        if (description := _description(stripped_lines[position], lexicon)) is not None
    }
    edges = _edges(content, matched) | _edges(content[::-1], matched)
    found = {
        position: description
        for position, description in matched.items()
        if position in edges or _stands_alone(stripped_lines, position)
    }
    opening = _run(content, found)
    closing = _run(content[::-1], found)
    for position, description in found.items():
        first, last = position, position
        if position in opening:
            while last + 1 < len(lines) and not stripped_lines[last + 1]:
                last += 1
        elif position in closing:
            while first > 0 and not stripped_lines[first - 1]:
                first -= 1
        yield Proposal(
            start=lines[first].start,
            end=_deletion_end(document, lines[last]),
            replacement="",
            confidence=0.95 if position in edges else 0.8,
            reason=f"“{stripped_lines[position]}” is web-page boilerplate ({description}).",
            rule="boilerplate.line",
        )


def _description(stripped: str, lexicon: Lexicon) -> str | None:
    """Return what a line is (a share button...) if a boilerplate pattern matches it whole."""
    if len(stripped) > 80:
        return None
    for pattern, description in lexicon.boilerplate_patterns:
        if pattern.fullmatch(stripped):
            return description
    return None


def _edges(content: list[int], matched: dict[int, str]) -> set[int]:
    """The lines at the top of ``content`` (or its bottom, reversed): its first ``EDGE_LINES``,
    and after them every boilerplate line that continues a block of boilerplate reaching into
    them (a comment form's five lines close an article together)."""
    edges = set(content[:EDGE_LINES])
    for before, position in pairwise(content[EDGE_LINES - 1 :]):
        if before not in matched or position not in matched:
            break
        edges.add(position)
    return edges


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
