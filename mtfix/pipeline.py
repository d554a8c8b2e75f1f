"""Run the detectors over a text and resolve their proposals into non-overlapping Changes."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .change import Change, Proposal, apply_changes
from .config import Config
from .detectors import DETECTORS
from .lexicon import Lexicon, load_lexicon
from .text import Document


@dataclass(frozen=True)
class Report:
    """The outcome of cleaning one text: the text, its resolved changes and a summary."""

    text: str
    changes: tuple[Change, ...]
    words: int = 0
    summary: dict = field(default_factory=dict)

    def apply(self) -> str:
        """Return the text with every change (except flags) applied."""
        return apply_changes(self.text, self.changes)


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
    document = Document(text)
    proposals = [
        proposal
        for detect in DETECTORS.values()
        for proposal in detect(document, lexicon)
        if config.wants(proposal.rule) and proposal.confidence >= config.min_confidence
    ]
    changes = tuple(change.located(text) for change in resolve(text, proposals))
    counts = Counter(change.kind for change in changes)
    summary = {"changes": len(changes), "words": document.word_count, "by_kind": dict(counts)}
    return Report(text=text, changes=changes, words=document.word_count, summary=summary)


def resolve(text: str, proposals: list[Proposal]) -> list[Change]:
    """Keep the best of overlapping proposals: higher confidence wins, then the longer span."""
    ranked = sorted(proposals, key=lambda p: (-p.confidence, -(p.end - p.start), p.start))
    taken: list[Proposal] = []
    for proposal in ranked:
        if not any(_overlaps(proposal, other) for other in taken):
            taken.append(proposal)
    taken.sort(key=lambda p: (p.start, p.end))
    return [_to_change(text, p) for p in taken]


def _overlaps(a: Proposal, b: Proposal) -> bool:
    if a.start == a.end or b.start == b.end:
        return a.start == b.start or b.start < a.start < b.end or a.start < b.start < a.end
    return a.start < b.end and b.start < a.end


def _to_change(text: str, proposal: Proposal) -> Change:
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
    )
