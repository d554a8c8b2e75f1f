"""Run the detectors over a text and resolve their proposals into non-overlapping Changes."""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field

from .accept import unaccepted
from .cache import fewer_collections
from .change import Change, Proposal, apply_changes
from .config import Config
from .detectors import DETECTORS
from .lexicon import Lexicon, load_lexicon
from .rules import SAFE
from .text import Document, Line


@dataclass(frozen=True)
class Report:
    """The outcome of cleaning one text: the text, its resolved changes and a summary."""

    text: str
    changes: tuple[Change, ...]
    words: int = 0
    summary: dict = field(default_factory=dict)

    def apply(self, review: bool = True) -> str:
        """Return the text with every change (except flags) applied; with ``review`` false only
        the safe ones (what ``--write`` applies without ``--unsafe-fixes``)."""
        return apply_changes(self.text, self.applied(review))

    def applied(self, review: bool = True) -> tuple[Change, ...]:
        """The changes ``apply(review)`` applies: no flags, and review ones only if asked."""
        return tuple(
            change
            for change in self.changes
            if not change.is_flag and (review or change.safety == SAFE)
        )


@fewer_collections()
def clean(text: str, config: Config | None = None, lexicon: Lexicon | None = None) -> Report:
    """Find machine-translation artefacts in ``text`` and propose corrections.

    Args:
        text: the article.
        config: thresholds and rule selection (default: ``Config()``).
        lexicon: loaded dictionaries (default: the shipped ones plus ``config``'s extras).

    Returns:
        A Report whose changes never overlap; ``Report.apply()`` gives the cleaned text.
    """
    config = config or Config()
    lexicon = lexicon or load_lexicon(tuple(config.extra_dictionaries))
    document = Document(text, frozenset(config.source_languages))
    proposals = [
        proposal
        for kind, detect in DETECTORS.items()
        if config.may_want(kind)
        for proposal in detect(document, lexicon)
        if config.wants(proposal.rule) and proposal.confidence >= config.min_confidence
    ]
    if config.accept:
        proposals = unaccepted(text, proposals, config.accept)
    changes = tuple(
        _to_change(text, proposal, document.line_at(proposal.start))
        for proposal in _non_overlapping(proposals)
    )
    counts = Counter(change.kind for change in changes)
    summary = {"changes": len(changes), "words": document.word_count, "by_kind": dict(counts)}
    return Report(text=text, changes=changes, words=document.word_count, summary=summary)


def resolve(text: str, proposals: list[Proposal]) -> list[Change]:
    """Keep the best of overlapping proposals: higher confidence wins, then the longer span.

    The kept spans stay sorted, so each proposal is checked against its neighbours only
    (O(n log n) comparisons for n proposals).
    """
    return [_to_change(text, proposal) for proposal in _non_overlapping(proposals)]


def _non_overlapping(proposals: list[Proposal]) -> list[Proposal]:
    """The proposals ``resolve`` keeps, in text order."""
    ranked = sorted(proposals, key=lambda p: (-p.confidence, -(p.end - p.start), p.start))
    kept = _Kept()
    taken = [proposal for proposal in ranked if kept.add(proposal.start, proposal.end)]
    taken.sort(key=lambda p: (p.start, p.end))
    return taken


class _Kept:
    """Non-overlapping kept spans: replacements ``[start, end)`` and insertions (``start == end``).

    Two replacements overlap when they share a character; an insertion at ``p`` overlaps another
    insertion at ``p`` and a replacement with ``start <= p < end``.
    """

    def __init__(self) -> None:
        self.starts: list[int] = []  # replacements, sorted; being disjoint, their ends are too
        self.ends: list[int] = []
        self.points: list[int] = []  # insertions, sorted

    def add(self, start: int, end: int) -> bool:
        """Keep ``[start, end)`` unless it overlaps a kept span; tell whether it was kept."""
        if self._overlaps(start, end):
            return False
        if start == end:
            bisect.insort(self.points, start)
        else:
            index = bisect.bisect_left(self.starts, start)
            self.starts.insert(index, start)
            self.ends.insert(index, end)
        return True

    def _overlaps(self, start: int, end: int) -> bool:
        before = bisect.bisect_right(self.starts, start) - 1
        if before >= 0 and self.ends[before] > start:
            return True  # a replacement starting at or before ``start`` reaches past it
        if start == end:
            index = bisect.bisect_left(self.points, start)
            return index < len(self.points) and self.points[index] == start
        after = bisect.bisect_left(self.starts, start)
        if after < len(self.starts) and self.starts[after] < end:
            return True  # a replacement starts inside ``[start, end)``
        index = bisect.bisect_left(self.points, start)
        return index < len(self.points) and self.points[index] < end


def _to_change(text: str, proposal: Proposal, line: Line | None = None) -> Change:
    """The change a kept proposal makes; located (1-based line and column) when ``line`` holds
    its start."""
    return Change(
        start=proposal.start,
        end=proposal.end,
        original=text[proposal.start : proposal.end],
        replacement=proposal.replacement,
        kind=proposal.rule.split(".", 1)[0],
        confidence=proposal.confidence,
        reason=proposal.reason,
        source=proposal.rule,
        alternatives=proposal.alternatives,
        line=line.number if line is not None else 0,
        column=proposal.start - line.start + 1 if line is not None else 0,
    )
