"""Run the detectors over a text and resolve their proposals into non-overlapping Changes."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from .accept import unaccepted
from .cache import fewer_collections
from .change import Change, Proposal, apply_changes
from .config import SOURCE_LANGUAGES, Config
from .detectors import DETECTORS, KINDS_OF
from .lexicon import Lexicon, load_lexicon
from .rules import SAFE
from .text import WORD_RE, Document, Line

if TYPE_CHECKING:  # imported on use: runs without a source never load it
    from .source import SourceText

#: Kinds whose changes a source that spells the changed word vetoes (see ``_confirmed``).
VETOED_KINDS = frozenset({"entity", "nonword", "variant", "capitalisation"})
#: Source languages written in Latin letters: their text spells the names a translation keeps.
SPELLING_SOURCES = frozenset({"de", "fr", "es", "it", "nl", "pl", "cs"})
#: The confidence a name list's correction loses when such a source spells the name nowhere.
DOUBTED = 0.3
#: Zipf frequency in German from which a capitalised German word is taken for a common noun.
GERMAN_NOUN = 3.0


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
def clean(
    text: str,
    config: Config | None = None,
    lexicon: Lexicon | None = None,
    source: str | None = None,
) -> Report:
    """Find machine-translation artefacts in ``text`` and propose corrections.

    Args:
        text: the article.
        config: thresholds and rule selection (default: ``Config()``).
        lexicon: loaded dictionaries (default: the shipped ones plus ``config``'s extras).
        source: the text it was translated from, if known: its names repair garbled ones and
            protect the ones it spells (``mtfix.source``). A source that is empty or does not
            match is not used, and the summary's ``source`` entry says why.

    Returns:
        A Report whose changes never overlap; ``Report.apply()`` gives the cleaned text.
    """
    config = config or Config()
    lexicon = lexicon or load_lexicon(tuple(config.extra_dictionaries))
    document = Document(text, frozenset(config.source_languages))
    aligned = _source(document, source, lexicon, config) if source is not None else None
    document.source = aligned if aligned is not None and not aligned.problem else None
    if document.source is not None and not config.source_languages:
        document.source_languages = _detected_languages(document.source.language)
    proposals = [
        proposal
        for name, detect in DETECTORS.items()
        if any(config.may_want(kind) for kind in KINDS_OF.get(name, (name,)))
        for proposal in detect(document, lexicon)
        if proposal.confidence >= config.min_confidence and config.wants(proposal.rule)
    ]
    if config.accept:
        proposals = unaccepted(text, proposals, config.accept)
    vetoed = 0
    if document.source is not None:
        kept = [p for p in proposals if not _confirmed(p, document, lexicon)]
        vetoed, proposals = len(proposals) - len(kept), _prefer_source(kept, document)
        proposals = [_weighed_by_source(p, document, lexicon) for p in proposals]
        proposals = [p for p in proposals if p.confidence >= config.min_confidence]
    changes = tuple(
        _to_change(text, proposal, document.line_at(proposal.start))
        for proposal in _non_overlapping(proposals)
    )
    counts = Counter(change.kind for change in changes)
    summary = {"changes": len(changes), "words": document.word_count, "by_kind": dict(counts)}
    if aligned is not None:
        summary["source"] = _source_summary(aligned, vetoed, changes)
    return Report(text=text, changes=changes, words=document.word_count, summary=summary)


def _source(document: Document, source: str, lexicon: Lexicon, config: Config) -> SourceText:
    """Align the source text to the document's lines."""
    from .source import prepare

    lines = [document.line_text(line) for line in document.lines]
    return prepare(lines, source, lexicon, config.source_languages)


def _detected_languages(language: str) -> frozenset[str]:
    """The languages that pick language-specific rules, for a source detected as ``language``
    when ``--source-lang`` names none: it, when mtfix has rules of its own for it (the sense
    confusion sets of ``SOURCE_LANGUAGES``, which also narrow the nonword detector's test for
    a source-language word); else none, as without a source (every set, less confident)."""
    return frozenset({language}) if language in SOURCE_LANGUAGES else frozenset()


def _confirmed(proposal: Proposal, document: Document, lexicon: Lexicon) -> bool:
    """Tell whether the source vetoes a proposal: it would change a word that the aligned
    source segment spells (as written, accents aside, or romanised).

    Only for the kinds that judge a word by lists (``VETOED_KINDS``), and never for the source's
    own proposals. A name the source has in another case (Ovčáček where a Czech source says
    Ovčáčkem) counts as spelled unless the source has the replacement too, spelled or in
    another case (Fialo to Fiala, the source saying Fialou: it tells nothing). A house-style
    ``variant`` is vetoed only by a Latin-script spelling in the source, not by a romanisation,
    which is one accepted spelling among several. Lowering a capital is vetoed only by a
    capitalised source word (a script without capitals, Chinese or Japanese, says nothing about
    them), and by a German source only for a word that is no common German word (German
    capitalises every noun: its "Tango" does not make the English one a name).
    """
    from .source import name_match

    kind, _, rule = proposal.rule.partition(".")
    source = document.source
    if kind not in VETOED_KINDS or rule == "source" or source is None:
        return False
    text = document.text
    original = text[proposal.start : proposal.end]
    kept = set(WORD_RE.findall(proposal.replacement))
    changed = [word for word in WORD_RE.findall(original) if word not in kept]
    line = document.line_at(proposal.start).number
    if kind == "variant":
        written = {word.lower() for word in WORD_RE.findall(source.segment(line))}
        return any(word.lower() in written for word in changed)
    if kind == "capitalisation":
        if source.language == "de":
            changed = [word for word in changed if lexicon.zipf(word, "de") < GERMAN_NOUN]
        return any(source.spells_capitalised(word, line) for word in changed)
    if any(source.confirms(word, line) for word in changed):
        return True
    declined = [word for word in changed if name_match(source, word, line) == "declined"]
    return bool(declined) and not any(
        name_match(source, word, line) for word in WORD_RE.findall(proposal.replacement)
    )


def _weighed_by_source(proposal: Proposal, document: Document, lexicon: Lexicon) -> Proposal:
    """Weigh a name list's correction by the source, as one more piece of evidence: a source in
    Latin letters spells the names its translation keeps, so a name it spells nowhere (as
    written, accents aside, declined, or in another spelling of the same place: Moskau for
    Moscow) is doubtful, and the correction loses ``DOUBTED`` confidence. A source in another
    script, or a correction it backs, leaves the confidence as it is."""
    from .source import fold, name_match, other_spellings

    source = document.source
    assert source is not None
    if (
        source.language not in SPELLING_SOURCES
        or not proposal.rule.startswith("entity.")
        or proposal.rule in ("entity.source", "entity.translated_name")
    ):
        return proposal
    kept = set(WORD_RE.findall(document.text[proposal.start : proposal.end]))
    new = [word for word in WORD_RE.findall(proposal.replacement) if word not in kept]
    line = document.line_at(proposal.start).number
    forms = source.document_forms
    for word in new:
        spellings = {word, *other_spellings(lexicon).get(word, ())}
        if name_match(source, word, line) or any(
            spelling.lower() in forms or fold(spelling).lower() in forms for spelling in spellings
        ):
            return proposal
    if not new:
        return proposal
    return replace(
        proposal,
        confidence=round(proposal.confidence - DOUBTED, 3),
        reason=f"{proposal.reason} The source spells no “{' '.join(new)}”.",
    )


def _prefer_source(proposals: list[Proposal], document: Document) -> list[Proposal]:
    """Between a name the source spells (``entity.source``) and another word- or name-list
    correction of the same words, keep the one the source supports: the source's when both
    make the same fix (its reason names the source), the list's when the source spells that
    other replacement too, else the source's ("Portimo" is Portimão, not Porto, when the source
    says Portimão and not Porto)."""
    from_source = [p for p in proposals if p.rule == "entity.source"]
    if not from_source:
        return proposals
    source = document.source
    assert source is not None
    dropped: set[int] = set()
    for ours in from_source:
        for other in proposals:
            if (
                other.rule.partition(".")[0] in VETOED_KINDS
                and other is not ours
                and other.start < ours.end
                and ours.start < other.end
            ):
                if other.replacement == ours.replacement:
                    dropped.add(id(other))  # the same fix, which the source now backs
                    continue
                line = document.line_at(other.start).number
                words = WORD_RE.findall(other.replacement)
                supported = words and all(source.confirms(word, line) for word in words)
                dropped.add(id(ours) if supported else id(other))
    return [p for p in proposals if id(p) not in dropped]


def _source_summary(aligned: SourceText, vetoed: int, changes: tuple[Change, ...]) -> dict:
    """The summary's ``source`` entry: language, alignment, and what the source did."""
    alignment = aligned.alignment
    entry = {
        "used": not aligned.problem,
        "language": aligned.language,
        "alignment": alignment.method,
        "lines": alignment.lines,
        "aligned": alignment.aligned,
    }
    if aligned.problem:
        entry["problem"] = aligned.problem
        return entry
    entry["changes"] = sum(1 for change in changes if change.source.endswith(".source"))
    entry["vetoed"] = vetoed
    return entry


def resolve(text: str, proposals: list[Proposal]) -> list[Change]:
    """Keep the best of overlapping proposals: higher confidence wins, then the longer span.

    The kept spans stay sorted, so each proposal is checked against its neighbours only
    (O(n log n) comparisons for n proposals).
    """
    return [_to_change(text, proposal) for proposal in _non_overlapping(proposals)]


def _non_overlapping(proposals: list[Proposal]) -> list[Proposal]:
    """The proposals ``resolve`` keeps, in text order: the most confident (then the longest)
    wins each overlap. Decided cluster by cluster (proposals chained by touching spans), which
    gives what one pass over all of them would, while the sorted lists stay small: inserting
    into one list of every kept span grew with the square of a long text's changes."""
    taken: list[Proposal] = []
    for cluster in _clusters(proposals):
        ranked = sorted(cluster, key=lambda p: (-p.confidence, -(p.end - p.start), p.start))
        kept = _Kept()
        taken.extend(proposal for proposal in ranked if kept.add(proposal.start, proposal.end))
    taken.sort(key=lambda p: (p.start, p.end))
    return taken


def _clusters(proposals: list[Proposal]) -> Iterator[list[Proposal]]:
    """Group proposals, in text order, so that no two of different groups overlap or touch: a
    group ends where the next proposal starts after every span so far has ended."""
    cluster: list[Proposal] = []
    reach = -1
    for proposal in sorted(proposals, key=lambda p: (p.start, p.end)):
        if cluster and proposal.start > reach:
            yield cluster
            cluster = []
        cluster.append(proposal)
        reach = max(reach, proposal.end)
    if cluster:
        yield cluster


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
