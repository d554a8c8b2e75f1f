"""Detect web-page leftovers: whole lines such as "close" or "Leave a Comment".

A line is removed only when it matches a pattern from ``boilerplate.tsv`` in full and stands
apart from the prose: in the first or last few lines of the article, or alone between blank lines.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Proposal
from ..lexicon import Lexicon
from ..text import Document, Line

#: How many non-blank lines at each end of an article count as its top or bottom.
EDGE_LINES = 3


def detect(document: Document, lexicon: Lexicon) -> Iterator[Proposal]:
    """Yield a deletion for each boilerplate line."""
    lines = document.lines
    stripped_lines = [document.line_text(line).strip() for line in lines]
    content = [i for i, stripped in enumerate(stripped_lines) if stripped]
    edges = set(content[:EDGE_LINES] + content[-EDGE_LINES:])
    for position in content:
        line, stripped = lines[position], stripped_lines[position]
        if len(stripped) > 80:
            continue
        if position not in edges and not _stands_alone(stripped_lines, position):
            continue
        for pattern, description in lexicon.boilerplate_patterns:
            if pattern.fullmatch(stripped):
                yield Proposal(
                    start=line.start,
                    end=_deletion_end(document, line),
                    replacement="",
                    confidence=0.95 if position in edges else 0.8,
                    reason=f"“{stripped}” is web-page boilerplate ({description}).",
                    rule="boilerplate.line",
                )
                break


def _blank(stripped_lines: list[str], position: int) -> bool:
    return position < 0 or position >= len(stripped_lines) or not stripped_lines[position]


def _stands_alone(stripped_lines: list[str], position: int) -> bool:
    return _blank(stripped_lines, position - 1) and _blank(stripped_lines, position + 1)


def _deletion_end(document: Document, line: Line) -> int:
    """Delete the line with its break; the last line without a break takes only itself."""
    return line.next_start
