"""Detect real English words that machine translation wrote in the wrong sense.

A source word with several senses (German *einstellen*: hire / cease / adjust) is sometimes
rendered with the wrong one ("Russia to hire hostilities"). The confusion sets are data, one file
per source language under ``dictionaries/sense/``; each entry names the wrong English forms, the
right ones and the context cues that decide. Without a deciding cue nothing is proposed.

Cue syntax (the ``context`` column, ``|``-separated, lower case):

- ``word``: the word within ``WINDOW`` tokens on either side, in the same clause;
- ``<word`` / ``>word``: within the window before / after;
- ``-word`` / ``+word``: the token right before / right after;
- ``word*``: any word starting with ``word``; ``two words``: a sequence;
- ``@person``: a person's name is the object (right after, maybe behind a title);
- ``*``: always (the wrong phrase is itself decisive: "consequence committee");
- ``!cue``: any of the above that, when present, silences the entry.

``&`` joins groups of alternatives that must all be present: ``-the & +of``.
A ``wrong`` form may be several words ("termination of fire").
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from itertools import compress, count, groupby
from pathlib import Path

from ..cache import load_cached
from ..change import Proposal
from ..lexicon import Lexicon, read_rows
from ..memo import WordFilter
from ..text import Document, Token
from ..words import PERSON_TITLES

#: How many tokens away a windowed cue may stand.
WINDOW = 4
#: How much less sure a proposal is when the source language is not known.
UNKNOWN_SOURCE_PENALTY = 0.05
#: First and last token index of a clause.
Bounds = tuple[int, int]
#: Characters that end a clause: cues are not looked for across them.
CLAUSE_BREAKS = frozenset('.,;:!?()[]"“”«»—–')
#: Cue prefix -> (side, adjacent only).
MARKS = {"<": ("before", False), ">": ("after", False), "-": ("before", True), "+": ("after", True)}


@dataclass(frozen=True)
class Cue:
    """One piece of context: a word sequence (or a person) at some place, maybe silencing."""

    words: tuple[str, ...]
    side: str  # "before", "after" or "either"
    adjacent: bool
    negative: bool = False
    person: bool = False
    always: bool = False


#: German letters written out, and Russian and Ukrainian letters romanised (a simple scheme for
#: ids, close to the scholarly one: ж zh, х kh, ц ts, ч ch, ш sh, щ shch, ю yu, я ya).
_ASCII = str.maketrans(
    {
        **{"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"},
        **dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziyklmnoprstufye", strict=True)),
        **{"ё": "e", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch"},
        **{"ъ": "", "ь": "", "ю": "yu", "я": "ya", "є": "ye", "і": "i", "ї": "yi", "ґ": "g"},
    }
)


def ascii_id(word: str) -> str:
    """Return ``word`` as an ASCII id part: lower case, German letters written out, Cyrillic
    romanised, other accents and apostrophes dropped, spaces as underscores.

    >>> ascii_id("Anhänger"), ascii_id("прекращение огня"), ascii_id("élection")
    ('anhaenger', 'prekrashchenie_ognya', 'election')
    """
    spelled = unicodedata.normalize("NFKD", word.lower().translate(_ASCII)).replace(" ", "_")
    return "".join(c for c in spelled if c.isascii() and (c.isalnum() or c in "_-"))


@dataclass(frozen=True)
class Entry:
    """A confusion: ``wrong`` forms MT wrote for ``source`` where context calls for ``right``."""

    language: str
    source: str
    wrong: tuple[tuple[str, ...], ...]
    right: tuple[str, ...]
    groups: tuple[tuple[Cue, ...], ...]
    note: str

    @property
    def rule(self) -> str:
        """The dotted rule id, ``sense.<lang>.<source word in ASCII>`` (``sense.de.anhaenger``,
        ``sense.ru.mir``): ids are typed on command lines and checked by the report schema."""
        return f"sense.{self.language}.{ascii_id(self.source)}"

    @cached_property
    def needed_words(self) -> tuple[frozenset[str], ...]:
        """For each group whose cues are all plain words (no ``word*``, person or ``*``), the
        first words of its cues: a sentence without one of a group's has none of its cues,
        and ``_judge`` then finds no sense there (negative cues aside: they only silence)."""
        return tuple(
            frozenset(cue.words[0] for cue in positive)
            for group in self.groups
            for positive in [[cue for cue in group if not cue.negative]]
            if positive and all(map(_plain, positive))
        )

    def replacement(self, form: tuple[str, ...]) -> str:
        """Return the right form for the wrong ``form`` (inflections line up by position)."""
        index = self.wrong.index(form)
        return self.right[index] if len(self.right) == len(self.wrong) else self.right[0]


def _plain(cue: Cue) -> bool:
    """Tell whether a cue is matched by words only, its first word as written (``_matchable``)."""
    return not (cue.person or cue.always or cue.words[0].endswith("*"))


def parse_cue(text: str) -> Cue:
    """Parse one cue of the ``context`` column.

    >>> cue = parse_cue("-russian")
    >>> cue.words, cue.side, cue.adjacent
    (('russian',), 'before', True)
    >>> parse_cue("!>tour guide").negative
    True
    """
    negative = text.startswith("!")
    text = text.lstrip("!")
    if text == "@person":
        return Cue((), "after", True, negative, person=True)
    if text == "*":
        return Cue((), "either", False, negative, always=True)
    side, adjacent = MARKS.get(text[:1], ("either", False))
    if text[:1] in MARKS:
        text = text[1:]
    return Cue(tuple(text.split()), side, adjacent, negative)


def _parse_entry(language: str, row: Sequence[str]) -> Entry | None:
    cells = [*row, "", "", "", ""]
    source, wrong, right, context, note = (cell.strip() for cell in cells[:5])
    if not (source and wrong and right and context):
        return None
    return Entry(
        language=language,
        source=source,
        wrong=tuple(tuple(w.lower().split()) for w in wrong.split("|") if w.strip()),
        right=tuple(r.strip() for r in right.split("|") if r.strip()),
        groups=tuple(
            tuple(parse_cue(c.strip()) for c in group.split("|") if c.strip())
            for group in context.split("&")
        ),
        note=note,
    )


class SenseIndex(Mapping[str, tuple[Entry, ...]]):
    """First word of a wrong form -> the entries that may correct it, each entry parsed from
    its row when first asked: unpickling two thousand parsed cues took some 4 ms of every start,
    and an article asks about a few words.

    Args:
        rows: (language, row) of each entry, in file order.
        first_words: first word of a wrong form -> the indexes of the rows it starts.
    """

    def __init__(
        self, rows: tuple[tuple[str, tuple[str, ...]], ...], first_words: dict[str, tuple[int, ...]]
    ) -> None:
        self.rows = rows
        #: Tells at C speed whether a word starts a wrong form (``first_words.__contains__``).
        self.first_words = first_words
        self._entries: dict[int, Entry] = {}

    def __reduce__(self) -> tuple[type[SenseIndex], tuple[object, ...]]:
        return SenseIndex, (self.rows, self.first_words)  # the rows only, never parsed entries

    def __getitem__(self, word: str) -> tuple[Entry, ...]:
        return tuple(map(self._entry, self.first_words[word]))

    def __iter__(self) -> Iterator[str]:
        return iter(self.first_words)

    def __len__(self) -> int:
        return len(self.first_words)

    def _entry(self, index: int) -> Entry:
        """The entry of row ``index``, parsed on first use (one object for every word it has)."""
        if index not in self._entries:
            entry = _parse_entry(*self.rows[index])
            assert entry is not None  # only rows that parse are indexed
            self._entries[index] = entry
        return self._entries[index]


@lru_cache(maxsize=4)
def load_entries(root: Path) -> SenseIndex:
    """Return first word of a wrong form -> the entries that may correct it (``root/sense``).

    Indexed once and kept in the dictionary cache (reading the files took 0.015 s).
    """
    paths = sorted((root / "sense").glob("*.tsv"))
    return load_cached("sense", [*paths, Path(__file__)], lambda: _index_entries(paths))


def _index_entries(paths: list[Path]) -> SenseIndex:
    rows: list[tuple[str, tuple[str, ...]]] = []
    index: dict[str, list[int]] = {}
    for path in paths:
        for row in read_rows(path):
            entry = _parse_entry(path.stem, row)
            if entry is None:
                continue
            for first in {form[0] for form in entry.wrong}:
                index.setdefault(first, []).append(len(rows))
            rows.append((path.stem, tuple(row)))
    return SenseIndex(tuple(rows), {form: tuple(found) for form, found in index.items()})


@lru_cache(maxsize=4)
def _name_words(lexicon: Lexicon, person: bool) -> frozenset[str]:
    """Words of people's names (``person``) or of every other kind of name (not)."""
    words: set[str] = set()
    for entity in lexicon.entities:
        if (entity.type == "person") == person:
            for form in (entity.name, *entity.aliases):
                words.update(form.split())
    return frozenset(words)


def _clause_bounds(text: str, tokens: Sequence[Token], first: int, last: int) -> Bounds:
    """Return the first and last token index of the clause around ``tokens[first:last + 1]``."""
    while first > 0 and CLAUSE_BREAKS.isdisjoint(text[tokens[first - 1].end : tokens[first].start]):
        first -= 1
    while last + 1 < len(tokens) and CLAUSE_BREAKS.isdisjoint(
        text[tokens[last].end : tokens[last + 1].start]
    ):
        last += 1
    return first, last


def _word_matches(pattern: str, token: str) -> bool:
    """Match a cue word to a token, or to the last part of a hyphenated token.

    >>> _word_matches("policy", "foreign-policy"), _word_matches("hostilit*", "hostility")
    (True, True)
    """
    if pattern.endswith("*"):
        return token.startswith(pattern[:-1])
    return token == pattern or token.endswith("-" + pattern)


def _matchable(words: Sequence[str]) -> frozenset[str]:
    """Every word a plain cue word can match in ``words``: each word, and each part of a
    hyphenated word that follows a hyphen ("policy" and "foreign-policy" in "foreign-policy")."""
    parts = [
        "-".join(pieces[k:])
        for word in words
        if "-" in word
        for pieces in [word.split("-")]
        for k in range(1, len(pieces))
    ]
    return frozenset([*words, *parts])


def _sequence_at(words: Sequence[str], cue: tuple[str, ...], start: int) -> bool:
    if start < 0 or start + len(cue) > len(words):
        return False
    return all(map(_word_matches, cue, words[start : start + len(cue)]))


def _cue_distance(
    cue: Cue, words: Sequence[str], span: tuple[int, int], clause: Bounds, present: frozenset[str]
) -> int | None:
    """Return how many tokens away the nearest match of ``cue`` is (None: no match)."""
    head = cue.words[0]
    if not head.endswith("*") and head not in present:
        return None  # its first word is nowhere in the sentence: no need to look near the span
    size = len(cue.words)
    reach = 1 if cue.adjacent else WINDOW
    best: int | None = None
    if cue.side in ("before", "either"):
        for distance in range(1, reach + 1):
            start = span[0] - distance - size + 1
            if start >= clause[0] and _sequence_at(words, cue.words, start):
                best = distance
                break
    if cue.side in ("after", "either"):
        for distance in range(1, reach + 1):
            start = span[1] + distance
            if start + size - 1 <= clause[1] and _sequence_at(words, cue.words, start):
                best = distance if best is None else min(best, distance)
                break
    return best


def _person_follows(
    tokens: Sequence[Token], after: int, last: int, lexicon: Lexicon
) -> float | None:
    """Return a strength when a person's name is the object right after ``tokens[after]``."""
    position = after + 1
    while position <= last and tokens[position].text.lower() in PERSON_TITLES:
        position += 1
    if position > last:
        return None
    token = tokens[position]
    if not token.text[:1].isupper() or token.text.isupper():
        return None
    if token.text in _name_words(lexicon, True):
        return None if token.text in _name_words(lexicon, False) else 0.75
    if token.text in lexicon.name_words:  # a place, an organisation...
        return None
    if position > after + 1 or token.text.lower() not in lexicon.word_counts:
        return 0.65
    return None


def _strength(distance: int) -> float:
    """Confidence that a cue decides the sense, from how close it stands."""
    return 0.8 if distance == 1 else max(0.55, 0.75 - 0.05 * distance)


def _cue_strength(
    cue: Cue,
    tokens: Sequence[Token],
    words: Sequence[str],
    span: tuple[int, int],
    clause: Bounds,
    lexicon: Lexicon,
    present: frozenset[str],
) -> float | None:
    if cue.always:
        return 0.7
    if cue.person:
        return _person_follows(tokens, span[1], clause[1], lexicon)
    distance = _cue_distance(cue, words, span, clause, present)
    return None if distance is None else _strength(distance)


def _judge(
    entry: Entry,
    tokens: Sequence[Token],
    words: Sequence[str],
    span: tuple[int, int],
    clause: Bounds,
    lexicon: Lexicon,
    present: frozenset[str],
) -> tuple[float, str] | None:
    """Return the confidence and the deciding cue for ``entry`` on ``span``, or None
    (``present``: what a cue word can match in the sentence, see ``_matchable``)."""
    weakest: tuple[float, str] | None = None
    extra = 0
    for group in entry.groups:
        found: list[tuple[float, str]] = []
        for cue in group:
            strength = _cue_strength(cue, tokens, words, span, clause, lexicon, present)
            if strength is None:
                continue
            if cue.negative:
                return None
            found.append((strength, _label(cue)))
        if not found and any(not cue.negative for cue in group):
            return None
        if found:
            found.sort(reverse=True)
            extra += len(found) - 1
            if weakest is None or found[0][0] < weakest[0]:
                weakest = found[0]
    if weakest is None:
        return None
    return min(0.9, weakest[0] + 0.05 * extra), weakest[1]


def _label(cue: Cue) -> str:
    if cue.person:
        return "a person as object"
    if cue.always:
        return "the phrase itself"
    return f"‘{' '.join(cue.words)}’"


def _cased(replacement: str, original: str) -> str:
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _form_at(
    text: str, tokens: Sequence[Token], words: Sequence[str], at: int, form: tuple[str, ...]
) -> int | None:
    """Return the index of the last token when ``form`` is written from ``tokens[at]``."""
    last = at + len(form) - 1
    if last >= len(tokens) or tuple(words[at : last + 1]) != form:
        return None
    for k in range(at, last):
        if text[tokens[k].end : tokens[k + 1].start] != " ":
            return None
    return last


def detect(document: Document, lexicon: Lexicon) -> Iterator[Proposal]:
    """Yield a proposal for each wrong-sense word whose deciding context is present, from the
    confusion sets of the document's source languages (all, less confidently, when unknown)."""
    return propose(document, lexicon, document.source_languages or None)


def propose(
    document: Document, lexicon: Lexicon, languages: frozenset[str] | None = None
) -> Iterator[Proposal]:
    """Yield the proposals of the confusion sets of ``languages``.

    With ``languages`` None every set is tried and, the source language being unknown, each
    confidence is lowered by ``UNKNOWN_SOURCE_PENALTY``.
    """
    penalty = UNKNOWN_SOURCE_PENALTY if languages is None else 0.0
    index = load_entries(lexicon.root)
    if not index:
        return
    text = document.text
    # Most words start no wrong form: the spellings that may are found once each (and
    # remembered for the next texts), the tokens that spell them in C, and only the sentences
    # that hold one are lower-cased.
    openers = _opener_filter(lexicon.root).select(document.distinct_words)
    tokens = document.tokens
    positions = list(compress(count(), map(openers.__contains__, tokens.words)))
    if not positions:
        return
    starts = document.sentence_starts  # each sentence's first token

    def sentence_number(position: int) -> int:
        return bisect_right(starts, position) - 1

    # the positions in one sentence share its words, lower-cased once, and its tokens, made
    # only where an entry may apply
    for number, group in groupby(positions, key=sentence_number):
        first = starts[number]
        end = starts[number + 1] if number + 1 < len(starts) else len(tokens)
        words = list(map(str.lower, tokens.words[first:end]))
        present = _matchable(words)
        chances = [
            (at, entries)
            for at in (position - first for position in group)
            if (entries := [e for e in index[words[at]] if _may_apply(e, languages, present)])
        ]
        if not chances:
            continue
        sentence = document.sentence(number)
        for at, entries in chances:
            verdicts: dict[tuple[int, str], tuple[float, Entry, str]] = {}
            for entry in entries:
                for form in entry.wrong:
                    last = _form_at(text, sentence, words, at, form)
                    if last is None:
                        continue
                    clause = _clause_bounds(text, sentence, at, last)
                    verdict = _judge(entry, sentence, words, (at, last), clause, lexicon, present)
                    if verdict is None:
                        continue
                    replacement = _cased(entry.replacement(form), sentence[at].text)
                    key = (last, replacement)
                    if key not in verdicts or verdict[0] > verdicts[key][0]:
                        verdicts[key] = (verdict[0], entry, verdict[1])
            if verdicts:
                proposal = _proposal(text, sentence, at, verdicts)
                yield replace(proposal, confidence=round(proposal.confidence - penalty, 3))


def _may_apply(entry: Entry, languages: frozenset[str] | None, present: frozenset[str]) -> bool:
    """Tell whether ``entry`` may find a sense in a sentence (``present``: what a cue word can
    match there): it is of one of ``languages`` (None: any), and no group of its cues is
    missing every word (``Entry.needed_words``)."""
    if languages is not None and entry.language not in languages:
        return False
    return not any(map(present.isdisjoint, entry.needed_words))


@lru_cache(maxsize=4)
def _opener_filter(root: Path) -> WordFilter:
    """Tells the spellings whose lower case starts a wrong form of the entries under ``root``
    (``load_entries``), remembering every answer."""
    first_words = load_entries(root).first_words
    return WordFilter(lambda word: word.lower() in first_words)


def _proposal(
    text: str,
    tokens: Sequence[Token],
    at: int,
    verdicts: dict[tuple[int, str], tuple[float, Entry, str]],
) -> Proposal:
    """Turn the verdicts on the span starting at ``tokens[at]`` into one proposal."""
    ranked = sorted(verdicts.items(), key=lambda item: (-item[1][0], -item[0][0]))
    (last, replacement), (confidence, entry, cue) = ranked[0]
    others = tuple(
        dict.fromkeys(r for (end, r), _ in ranked[1:] if end == last and r != replacement)
    )
    if others:
        confidence -= 0.1
    original = text[tokens[at].start : tokens[last].end]
    return Proposal(
        start=tokens[at].start,
        end=tokens[last].end,
        replacement=replacement,
        confidence=round(confidence, 3),
        reason=f"{entry.note}: {cue} calls for ‘{replacement}’, not ‘{original}’.",
        rule=entry.rule,
        alternatives=others,
    )
