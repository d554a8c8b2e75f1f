"""The shared WMT corpus for the quality benchmark: its sets, and how a change is judged there.

Read in place (never copied): every set folder under ``SHARED/corpus`` has ``src/``, ``ref/``, an
optional second reference (``ref-B/`` or ``ref-C/``) and ``mt/<system>/``, one document per file,
lines aligned across all of them. ``HELD_OUT`` is the set nobody tunes on: reports keep it apart.

Two judgements against the references, each stated where it is made:

- :func:`judge`: is a change on an MT line right, harmful or unknown, by the words around it;
- :func:`mined_names`: which capitalised MT words are garbles of a reference name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from garble import COMMON_WORD_COUNT, WORD_RE, _is_english, _sentence_initial
from rapidfuzz.distance import JaroWinkler, Levenshtein

from mtfix import Change

#: The set kept out of all tuning: only the final benchmark run reads mtfix's output on it.
HELD_OUT = "wmt22-cs-en"
HELD_OUT_LABEL = f"held out: {HELD_OUT} (never tuned on)"
TUNING_LABEL = "tuning sets"
#: A source in which this share of the letters is Latin spells names the way English does.
LATIN_SHARE = 0.5
#: A mined garble and its reference name: Levenshtein similarity at least this, or the same
#: first letter and Jaro-Winkler similarity at least ``JARO_WINKLER``.
LEVENSHTEIN = 0.5
JARO_WINKLER = 0.8
#: Shortest word taken as a name when mining garbles.
MIN_NAME = 3
#: How much longer an inflected source word may be than the name it contains (Putins, Babišem).
MAX_ENDING = 3


@dataclass(frozen=True)
class CorpusSet:
    """One set of the shared corpus: its folder, references, systems and documents."""

    root: Path
    refs: tuple[str, ...]
    systems: tuple[str, ...]
    docs: tuple[str, ...]

    @property
    def name(self) -> str:
        """The folder's name, e.g. ``wmt22-de-en``."""
        return self.root.name

    @property
    def held_out(self) -> bool:
        """True for the set nobody tunes on."""
        return self.name == HELD_OUT

    @property
    def group(self) -> str:
        """The report column the set is counted in: the tuning sets or the held-out one."""
        return HELD_OUT_LABEL if self.held_out else TUNING_LABEL

    def ref_paths(self) -> list[Path]:
        """Every reference document of the set (all its references)."""
        return [self.root / ref / doc for ref in self.refs for doc in self.docs]

    def lines(self, folder: str, doc: str) -> list[str]:
        """The lines of one document of ``folder`` (``src``, ``ref``, ``mt/X``); [] if absent."""
        return _lines(self.root / folder / doc)

    def ref_lines(self, doc: str) -> list[list[str]]:
        """For each line number, the lines of every reference there."""
        per_ref = [self.lines(ref, doc) for ref in self.refs]
        return [list(lines) for lines in zip(*per_ref, strict=True)]

    @cache  # noqa: B019 - a few sets, each asked once per document
    def latin_source(self) -> bool:
        """True when the source language is written in Latin script (its names spelled out)."""
        sample = "".join(line for doc in self.docs[:5] for line in self.lines("src", doc))
        letters = [c for c in sample if c.isalpha()]
        latin = sum("LATIN" in unicodedata.name(c, "") for c in letters)
        return bool(letters) and latin / len(letters) >= LATIN_SHARE


@cache
def _lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    return path.read_text(encoding="utf-8").split("\n")


def discover(corpus: Path, exclude_held_out: bool = False) -> list[CorpusSet]:
    """Every set folder under ``corpus`` (held-out one last), optionally without it."""
    sets = []
    if not corpus.is_dir():
        return sets
    for root in sorted(p for p in corpus.iterdir() if (p / "ref").is_dir()):
        if exclude_held_out and root.name == HELD_OUT:
            continue
        refs = tuple(
            sorted(p.name for p in root.iterdir() if p.is_dir() and p.name.startswith("ref"))
        )
        systems = tuple(sorted(p.name for p in (root / "mt").iterdir() if p.is_dir()))
        docs = tuple(sorted(p.name for p in (root / "ref").glob("*.txt")))
        sets.append(CorpusSet(root, refs, systems, docs))
    return sorted(sets, key=lambda s: (s.held_out, s.name))


# -- Judging a change on an MT line by the references ------------------------------------------


def _fold(text: str) -> str:
    """Fold whitespace and equivalent dash and quote glyphs, as the shared scorer does."""
    text = re.sub(r"\s*[\u2013\u2014]\s*|\s+--?\s+", " \u2013 ", text)
    text = text.translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\""))
    return re.sub(r"\s+", " ", text).strip()


def _word_char(char: str) -> bool:
    return char.isalnum()


def _window(line: str, start: int, end: int) -> tuple[int, int]:
    """Extend ``line[start:end]`` to whole words, then by one more word on each side."""
    while start > 0 and _word_char(line[start - 1]):
        start -= 1
    while end < len(line) and _word_char(line[end]):
        end += 1
    left = start
    while left > 0 and not _word_char(line[left - 1]):
        left -= 1
    while left > 0 and _word_char(line[left - 1]):
        left -= 1
    right = end
    while right < len(line) and not _word_char(line[right]):
        right += 1
    while right < len(line) and _word_char(line[right]):
        right += 1
    if not any(_word_char(c) for c in line[left:start]):
        left = start
    if not any(_word_char(c) for c in line[end:right]):
        right = end
    return left, right


def windows(line: str, start: int, end: int, replacement: str) -> tuple[str, str]:
    """The before- and after-window of a change of ``line[start:end]`` (folded).

    >>> windows("Russian forces shelled Kgarkiv on Monday.", 23, 30, "Kharkiv")
    ('shelled Kgarkiv on', 'shelled Kharkiv on')
    >>> windows("They agreed on a long -term plan.", 21, 22, "")
    ('a long -term', 'a long-term')
    """
    left, right = _window(line, start, end)
    before = line[left:right]
    after = line[left:start] + replacement + line[end:right]
    return _fold(before), _fold(after)


def _occurs(window: str, line: str) -> bool:
    """Tell whether ``window`` is in ``line`` (folded), not inside a longer word."""
    return bool(window) and re.search(rf"(?<!\w){re.escape(window)}(?!\w)", _fold(line)) is not None


def judge(change: Change, mt_lines: list[str], references: list[list[str]]) -> str:
    """``right``, ``harm`` or ``unknown``: a change of an MT line against the reference lines.

    The before-window is the changed span extended to whole words plus one word each side; the
    after-window is the same with the change applied. Harm: the before-window occurs in a
    reference line and the after-window in none. Right: the other way round. Otherwise (both,
    neither, or a change across lines) unknown.

    >>> mt = ["Joe Baiden met Keir Starmer in London."]
    >>> refs = [["Joe Biden met Keir Starmer in London.", "Biden met Starmer in London."]]
    >>> judge(Change(4, 10, "Baiden", "Biden", "entity", 0.9, "", "", line=1, column=5), mt, refs)
    'right'
    >>> judge(Change(15, 19, "Keir", "Kier", "entity", 0.9, "", "", line=1, column=16), mt, refs)
    'harm'
    >>> judge(Change(30, 36, "London", "Londin", "entity", 0.9, "", "", line=1, column=31), mt,
    ...       [["Joe Biden met Sir Keir in the capital."]])
    'unknown'
    """
    index = change.line - 1
    if not 0 <= index < len(mt_lines) or index >= len(references):
        return "unknown"
    line = mt_lines[index]
    start = change.column - 1
    end = start + len(change.original)
    if line[start:end] != change.original:
        return "unknown"  # spans a line break
    before, after = windows(line, start, end, change.replacement)
    had = any(_occurs(before, ref) for ref in references[index])
    has = any(_occurs(after, ref) for ref in references[index])
    if had and not has:
        return "harm"
    if has and not had:
        return "right"
    return "unknown"


# -- Garbled names in real MT, mined against the references ------------------------------------


@dataclass(frozen=True)
class MinedName:
    """A capitalised MT word that garbles a reference name, and where it is in its line."""

    line: int  # 1-based
    start: int  # in the line
    end: int
    garbled: str
    wanted: str


def _capitalised(line: str) -> Iterator[re.Match[str]]:
    for match in WORD_RE.finditer(line):
        word = match.group()
        if len(word) >= MIN_NAME and word[0].isupper():
            yield match


def _accentless(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _in_source(name: str, source_line: str) -> bool:
    """Tell whether a source word spells ``name`` (accents aside, an inflected ending allowed)."""
    key = _accentless(name)
    return any(
        word.startswith(key) and len(word) - len(key) <= MAX_ENDING
        for word in map(_accentless, WORD_RE.findall(source_line))
    )


def _name_like(word: str) -> bool:
    """Not an acronym, and not among the common English words (the garbler's rule for names)."""
    return not word.isupper() and not _is_english(word, COMMON_WORD_COUNT)


def _affixed(garbled: str, wanted: str) -> bool:
    """One word begins the other (Asia/Asian, Kai/Kaixian): an inflection, a derivation or a
    name cut in two, which the mining cannot tell from a garble, so it leaves them out."""
    a, b = garbled.lower(), wanted.lower()
    return a.startswith(b) or b.startswith(a)


@cache
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def _established(garbled: str, wanted: str) -> bool:
    """English text uses the MT spelling at least as often as the reference's (Moscow where a
    reference kept Moskau): another accepted spelling, not a garble (wordfreq's Zipf scale)."""
    return _zipf(garbled) > 0 and _zipf(garbled) >= _zipf(wanted)


def similar(garbled: str, wanted: str) -> bool:
    """The mining rule's similarity of two names (see :data:`LEVENSHTEIN`)."""
    return Levenshtein.normalized_similarity(garbled, wanted) >= LEVENSHTEIN or (
        garbled[0] == wanted[0] and JaroWinkler.similarity(garbled, wanted) >= JARO_WINKLER
    )


def mined_names(
    mt_lines: list[str], references: list[list[str]], source: list[str], latin_source: bool
) -> list[MinedName]:
    """The garbled names of one MT document, paired with the reference names they garble.

    Per aligned line: a capitalised MT word that no reference line has (and that is not an
    English word merely capitalised at a sentence start), paired with the most similar
    capitalised reference word the MT line lacks, when the two are :func:`similar`, neither
    begins the other, both look like names (:func:`_name_like`), the MT spelling is not an
    :func:`_established` one and, for a Latin-script source, a source word spells the
    reference word.

    >>> mined_names(["Joe Baiden met Keir Starmer."], [["Joe Biden met Keir Starmer."]],
    ...             ["Joe Biden traf Keir Starmer."], latin_source=True)
    [MinedName(line=1, start=4, end=10, garbled='Baiden', wanted='Biden')]
    >>> mined_names(["Joe Baiden met Keir Starmer."], [["Joe Biden met Keir Starmer."]],
    ...             ["Der Präsident traf Keir Starmer."], latin_source=True)
    []
    """
    found = []
    for index, line in enumerate(mt_lines):
        if index >= len(references):
            break
        refs = references[index]
        ref_words = {w for ref in refs for w in WORD_RE.findall(ref)}
        mt_words = set(WORD_RE.findall(line))
        names = {
            m.group()
            for ref in refs
            for m in _capitalised(ref)
            if m.group() not in mt_words
            and _name_like(m.group())
            and (
                not latin_source
                or _in_source(m.group(), source[index] if index < len(source) else "")
            )
        }
        if not names:
            continue
        seen = set()
        for match in _capitalised(line):
            word = match.group()
            if word in ref_words or word in seen:
                continue
            if not _name_like(word) or (
                _sentence_initial(line, match.start()) and _is_english(word)
            ):
                continue
            seen.add(word)
            candidates = [
                n
                for n in names
                if similar(word, n) and not _affixed(word, n) and not _established(word, n)
            ]
            if candidates:
                best = max(
                    candidates, key=lambda n: (Levenshtein.normalized_similarity(word, n), n)
                )
                found.append(MinedName(index + 1, match.start(), match.end(), word, best))
    return found


def name_outcome(name: MinedName, line: str, changes: list[Change]) -> str:
    """``fixed`` (the changes turn the MT word into the reference name), ``other`` (changed to
    something else), ``flagged`` (only flagged) or ``untouched``."""
    hits = [
        c
        for c in changes
        if c.line == name.line
        and c.column - 1 < name.end
        and name.start < c.column - 1 + len(c.original)
    ]
    applied = [c for c in hits if not c.is_flag]
    if not applied:
        return "flagged" if hits else "untouched"
    low = min([name.start] + [c.column - 1 for c in applied])
    high = max([name.end] + [c.column - 1 + len(c.original) for c in applied])
    region = line[low:high]
    for change in sorted(applied, key=lambda c: -c.column):
        offset = change.column - 1 - low
        region = region[:offset] + change.replacement + region[offset + len(change.original) :]
    wanted = line[low : name.start] + name.wanted + line[name.end : high]
    return "fixed" if _fold(region) == _fold(wanted) else "other"
