"""Detect garbled names ("Keir Starrer", "Khanson", "Joe Baden") and literal translations of
names ("European Truth"), and propose the curated entity they stand for.

A capitalised word is suspicious when no word list or dictionary knows it. Suspicious words,
and known words right after a well-known first name ("Joe Baden"), are matched against the
curated entities' spellings in the blocked index; candidates are ranked by spelling similarity,
the rest of the name, the entity's context words in the article and the slot (a title before a
person, "in" before a place). A correct name is never a target: known names are skipped early.

An unknown word is a rare one, not an error (``_score``): a word real text uses, a derived
word, a name with letters added or a surname the article gives another first name is left
alone, and context words are evidence rather than a gate (``_evident_without_context``).
The article's own majority spelling of a name is settled first (``_minority_spellings``).
Each text is its own evidence: nothing carries over from one document to the next.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache, cached_property, lru_cache
from itertools import accumulate, chain, compress, count, filterfalse
from math import log1p
from operator import itemgetter, methodcaller
from typing import NamedTuple

from rapidfuzz.distance import OSA

from ..change import Proposal
from ..entities import Entity
from ..lexicon import Lexicon
from ..memo import WordFilter
from ..names import (
    TRANSLITERATED_FROM,
    NameForm,
    cut_short,
    fold,
    latin_script,
    name_key,
    other_script_key,
    romanisation_key,
    similarity,
)
from ..quoted import QuotedForeignPhrases
from ..text import Document, Token, blocks
from ..words import CALENDAR_NAMES, NAME_PARTICLES, PERSON_TITLES, SPEECH_VERBS
from .nonword import edits1
from .transliteration import RULES as TRANSLITERATION_RULES
from .transliteration import spellings

#: Spelling similarity below which a name is not considered a garbling of another.
MIN_SIMILARITY = 0.76
#: Shorter capitalised words are too often abbreviations or foreign words to correct as names.
MIN_SUSPICIOUS_LENGTH = 4
#: Another mention of a garbled name word is corrected this much less confidently.
SAME_GARBLING_PENALTY = 0.05
#: Enough for a first name when the surname is exact and the article is about the person.
WEAK_SIMILARITY = 0.55
#: A context word this short is an abbreviation, matched in capitals only ("US", not "us").
SHORT_CONTEXT = 3
#: Words before a place name.
PLACE_PREPOSITIONS = frozenset("in from near to at into across outside of around".split())
PLACE_TYPES = frozenset("country region city place".split())
PEOPLE_AND_PLACES = PLACE_TYPES | {"person"}
#: Endings that derive a word from a known name: "Bavarians", "Dortmunder", "Djiboutian".
DERIVED_ENDINGS = ("s", "er", "ers", "n", "an", "ian", "ns", "ans", "ians", "ese", "i")
#: A run of word characters: the article's words as context words are looked up.
_LOWER_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Candidate:
    """A proposed reading of some tokens as an entity spelling."""

    start: int
    end: int
    original: str
    replacement: str
    entity: Entity
    confidence: float
    reason: str
    alternatives: tuple[str, ...]
    #: The evidence for the reading (``FEATURES``), read only for the training data.
    features: tuple[float, ...] = ()
    #: Whether the rules alone propose this reading (it fails none of their tests).
    rules: bool = True


@dataclass(frozen=True)
class _Match:
    """The words ``low``..``high`` of a run read as the name form ``name``, with the evidence
    the rules weigh: the entity's context words in the article, whether the slot suits it, and
    which of the rules' tests it fails (``Gates``): a reading that fails none is what the rules
    alone would propose."""

    score: float
    low: int
    high: int
    name: NameForm
    spelling: float
    hits: int
    slot: int
    gates: Gates


@dataclass(frozen=True)
class Gates:
    """The rules' tests a reading fails, each evidence against it for the model: the observed
    word is in real use or another Chinese name (``plausible``), the article gives it another
    first name (``named_otherwise``), nothing but spelling supports it (``unsupported``), or the
    spelling is less alike than the rules require or reached through another name of the
    entity it is no close slip of (``distant``)."""

    plausible: bool
    named_otherwise: bool
    unsupported: bool
    distant: bool

    @property
    def passed(self) -> bool:
        """Whether the rules alone would propose the reading."""
        return not (self.plausible or self.named_otherwise or self.unsupported or self.distant)


@dataclass(frozen=True)
class _Query:
    """The word at ``i`` of a capitalised run, checked as a possibly garbled name."""

    run: list[Token]
    words: tuple[str, ...]
    i: int
    suspicious: bool
    document: Document
    lexicon: Lexicon
    context: _Context
    #: Whether the word may be read as a name by itself: it is the whole run, or a suspicious
    #: word of a longer run whose spelling the article does not settle.
    alone: bool
    #: Whether readings the rules reject are scored too, with their evidence (training data).
    every: bool = False
    #: Whether the article's majority spelling settles the word (another spelling of it there).
    settled: bool = False


def detect(document: Document, lexicon: Lexicon) -> Iterator[Proposal]:
    """Yield a correction for each garbled or literally translated name, and for each later
    or earlier mention of a garbled word so corrected (``_same_garbling``).

    The article's own majority spelling of a name (``_minority_spellings``) is settled first:
    where the article says how a name is written, no list is asked.
    """
    yield from _translated_names(document, lexicon)
    context = _Context(document, lexicon)
    majority = _minority_spellings(document, lexicon, context)
    candidates = []
    quoted = QuotedForeignPhrases(document, lexicon)
    for run in _runs_to_check(document, lexicon):
        for candidate in _check_run(run, document, lexicon, context, majority):
            if quoted.covers(candidate.start, candidate.end):
                continue  # a quotation in another language spells names its way ("Egipt")
            candidate = _seconded(candidate, majority)
            candidates.append(candidate)
            yield Proposal(
                start=candidate.start,
                end=candidate.end,
                replacement=candidate.replacement,
                confidence=candidate.confidence,
                reason=candidate.reason,
                rule=f"entity.{candidate.entity.type}",
                alternatives=candidate.alternatives,
            )
    yield from _same_garbling(document, lexicon, candidates)
    covered = [(candidate.start, candidate.end) for candidate in candidates]
    yield from _majority_corrections(document, context, majority, covered)
    covered += [(t.start, _base(t)[1]) for t in _mentions(document, majority.spelling)]
    yield from _rest_of_name_corrections(document, context, lexicon, covered)
    yield from _compound_part_corrections(document, lexicon, covered)
    yield from _pinyin_slip_corrections(document, lexicon, covered)
    yield from _title_word_corrections(document, context, covered)


def _compound_part_corrections(
    document: Document, lexicon: Lexicon, covered: list[tuple[int, int]]
) -> Iterator[Proposal]:
    """Correct a part of a hyphenated name, or a name the article also writes inside one, to
    the spelling the article gives that part more often ("Guangdng-Hong Kong" beside
    "Guangdong" three times, "DFB-Ponal" beside "DFB-Pokal" and "Pokal", "Wükttemberg" beside
    "Baden-Württemberg"): the article's majority spelling, weighed as ``_minority_spellings``
    weighs whole words, which never compares the parts of a compound."""
    counts, joined = _part_counts(document)
    shapes = _by_shape(counts)
    fixes = {
        part: fixed
        for part in counts
        if (fixed := _part_fix(part, counts, joined, shapes, lexicon)) is not None
    }
    if not fixes:
        return
    inside = _Covered(covered)
    tokens = document.tokens
    for index in document.capitalised:
        token = tokens[index]
        if inside(token.start):
            continue
        offset = 0
        for part in _base(token)[0].split("-"):
            fixed = fixes.get(part)
            if fixed is not None:
                start = token.start + offset
                yield Proposal(
                    start=start,
                    end=start + len(part),
                    replacement=fixed,
                    confidence=MINORITY_CONFIDENCE,
                    reason=f"The article writes “{fixed}” {counts[fixed]} time(s), alone or in "
                    f"a compound, and “{part}” {counts[part]}: one slip apart.",
                    rule="entity.minority_spelling",
                )
            offset += len(part) + 1


def _part_counts(document: Document) -> tuple[Counter[str], frozenset[str]]:
    """How often the article writes each capitalised word, alone or as a part of a hyphenated
    compound ("DFB-Pokal": "DFB", "Pokal"), possessive endings aside; and the parts it writes
    inside a compound. Empty when the article has no compound: then whole words are all, and
    ``_minority_spellings`` weighs them."""
    words = document.capitalised_words
    if not any("-" in word for word in words):
        return Counter(), frozenset()
    counts: Counter[str] = Counter()
    joined = set()
    for word in words:
        parts = _strip(word).split("-")
        for part in parts:
            if part[:1].isupper() and not part.isupper():
                counts[part] += document.word_counts[word]
                if len(parts) > 1:
                    joined.add(part)
    return counts, frozenset(joined)


def _by_shape(words: Iterable[str]) -> dict[tuple[str, int], list[str]]:
    """Group spellings by their folded first letter and length: a slip keeps the first letter
    and changes the length by a letter or two, so only a few groups need comparing."""
    shapes: dict[tuple[str, int], list[str]] = {}
    for word in words:
        folded = fold(word)
        shapes.setdefault((folded[:1], len(folded)), []).append(word)
    return shapes


def _part_fix(
    part: str,
    counts: Counter[str],
    joined: frozenset[str],
    shapes: dict[tuple[str, int], list[str]],
    lexicon: Lexicon,
) -> str | None:
    """Return the one spelling of the article's capitalised words and parts that ``part`` is a
    slip of (``_may_be_minority``), one of the two written inside a compound (whole words are
    ``_minority_spellings``'s): one slip apart, no other form of it, and outweighing it as the
    whole-word majority does; None when there is none."""
    if not _may_be_minority(part, lexicon) or _needs_clear_majority(part, lexicon):
        return None  # a listed name or another language's word: whole words only
    folded = fold(part)
    fixes = [
        other
        for length in range(len(folded) - 1, len(folded) + 3)
        for other in shapes.get((folded[:1], length), ())
        if other != part
        and (part in joined or other in joined)
        and fold(other)[:1] == folded[:1]
        and (OSA.distance(folded, fold(other)) == 1 or _cut_ending(folded, fold(other)))
        and not _other_form(part, other, lexicon)
        and _part_outweighs(other, part, counts, lexicon)
    ]
    return fixes[0] if len(fixes) == 1 else None


def _part_outweighs(other: str, part: str, counts: Counter[str], lexicon: Lexicon) -> bool:
    """Tell whether the spelling ``other`` outweighs ``part``, as in ``_minority_spellings``: a
    spelling real text uses yields only to one written more often and used more; one no text
    uses also to one written as often that real text uses and that is no English word."""
    used, other_used = lexicon.zipf(part), lexicon.zipf(other)
    if used:
        return counts[other] > counts[part] and other_used > used
    return counts[other] > counts[part] or (
        counts[other] == counts[part]
        and other_used > 0
        and other.lower() not in lexicon.english_words
    )


#: The confidence of a word corrected to the spelling the article gives it beside the same
#: other word of a name (``_rest_of_name_corrections``).
REST_OF_NAME_CONFIDENCE = 0.8


def _rest_of_name_corrections(
    document: Document, context: _Context, lexicon: Lexicon, covered: list[tuple[int, int]]
) -> Iterator[Proposal]:
    """Correct a word of a two-word name that the article writes elsewhere, beside the same
    other word, one slip otherwise ("Petre Green" beside "Peter Green", "Tbas Llanas" beside
    "Tebas Llanas", "Chet Kaixian" beside "Chen Kaixian"): one name, written two ways. The
    spelling the article writes more often, or as often and real text uses more, is the name
    (``_rest_of_name_slips``); a spelling real text uses often is a name of its own ("Mario
    Rossi" beside "Maria Rossi": two people), and a common word beside it says nothing
    ("Grand Prix")."""
    slips = _rest_of_name_slips(document, context, lexicon)
    if not slips:
        return
    inside = _Covered(covered)
    for index, fixed in sorted(slips.items()):
        token = document.tokens[index]
        word, end = _base(token)
        if inside(token.start):
            continue
        yield Proposal(
            start=token.start,
            end=end,
            replacement=fixed,
            confidence=REST_OF_NAME_CONFIDENCE,
            reason=f"The article writes this name “{fixed}” beside the same other word of the "
            f"name, {context.mentions(fixed)} time(s): “{word}” is one slip from it.",
            rule="entity.rest_of_name",
        )


def _rest_of_name_slips(document: Document, context: _Context, lexicon: Lexicon) -> dict[int, str]:
    """Map the index of each token that is a slip of the spelling the article gives the same
    name beside the same other word (``_rest_of_name_corrections``) to that spelling."""
    beside = _name_pairs(document)
    slips: dict[int, str] = {}
    for (_, neighbour), forms in beside.items():
        if len(forms) < 2 or neighbour.lower() in lexicon.common_words:
            continue
        for word, indices in forms.items():
            fixed = _rest_of_name_fix(word, list(forms), context, lexicon)
            if fixed is not None:
                slips.update((index, fixed) for index in indices)
    return slips


def _name_pairs(document: Document) -> dict[tuple[int, str], dict[str, list[int]]]:
    """The article's pairs of capitalised words one plain space apart ("Peter Green"): for each
    side (0: the word after the neighbour, 1: before it) and neighbour, the words beside it
    and the indices of their tokens (possessive endings aside)."""
    tokens, text = document.tokens, document.text
    words, starts = tokens.words, tokens.starts
    pairs: dict[tuple[int, str], dict[str, list[int]]] = {}
    for index in document.capitalised:
        following = index + 1
        if following >= len(words) or not words[following][:1].isupper():
            continue
        if text[tokens.end(index) : starts[following]] != " ":
            continue
        first, second = words[index], _strip(words[following])
        if first.isupper() or second.isupper():
            continue  # a heading's capitals, or an abbreviation
        pairs.setdefault((1, second), {}).setdefault(first, []).append(index)
        pairs.setdefault((0, first), {}).setdefault(second, []).append(following)
    return pairs


def _rest_of_name_fix(
    word: str, forms: list[str], context: _Context, lexicon: Lexicon
) -> str | None:
    """Return the spelling of ``forms`` that ``word`` is a slip of beside the same other
    word of a name: one slip apart, no form of it, written more often, or as often and used
    more by real text (``_outweighs_beside``); None when there is none, or ``word`` is an
    English word, no slip ("Peer" beside "Peter")."""
    if len(word) < MIN_MINORITY_LENGTH or word.lower() in lexicon.english_words:
        return None
    folded = fold(word)
    fixes = [
        other
        for other in forms
        if other.replace("-", "") != word.replace("-", "")  # "Chao-hui", "Chaohui": spellings
        and (OSA.distance(folded, fold(other)) == 1 or cut_short(folded, fold(other)))
        and not _other_form(word, other, lexicon)
        and _outweighs_beside(other, word, context, lexicon)
    ]
    return fixes[0] if len(fixes) == 1 else None


def _outweighs_beside(other: str, word: str, context: _Context, lexicon: Lexicon) -> bool:
    """Tell whether the spelling ``other`` is the name and ``word`` its slip, both written
    beside the same other word of a name. A spelling real text uses (``PLAUSIBLE_ZIPF``) is a
    name of its own unless the other is used ten times as often ("Viktoria", "Victoria");
    otherwise the one the article writes more often, or as often when real text uses it and
    never ``word`` (a real name written as often both ways, "Klara" and "Clara", is two
    spellings)."""
    used, other_used = lexicon.zipf(word), lexicon.zipf(other)
    if used >= PLAUSIBLE_ZIPF and other_used - used < LIKELIER_ZIPF:
        return False
    count, other_count = context.mentions(word), context.mentions(other)
    return other_count > count or (other_count == count and used == 0 and other_used > 0)


def _seconded(candidate: Candidate, majority: _Majority) -> Candidate:
    """Return the candidate at least as sure as the article's own majority spelling
    (``MINORITY_CONFIDENCE``) when it reads each word the article settles as that spelling
    ("Sfain" as Spain, which the article writes): two kinds of evidence say the same, and a
    list's reading below the threshold no longer silences what the article says."""
    if candidate.confidence >= MINORITY_CONFIDENCE or not _agrees(candidate, majority):
        return candidate
    return replace(candidate, confidence=MINORITY_CONFIDENCE)


def _agrees(candidate: Candidate, majority: _Majority) -> bool:
    """Tell whether the candidate changes each word the article settles to the article's
    majority spelling of it, and changes no other word."""
    pairs = list(zip(candidate.original.split(), candidate.replacement.split(), strict=False))
    changed = [(word, fixed) for word, fixed in pairs if word != fixed]
    return bool(changed) and all(majority.spelling.get(word) == fixed for word, fixed in changed)


def _same_garbling(
    document: Document, lexicon: Lexicon, candidates: list[Candidate]
) -> Iterator[Proposal]:
    """Correct the other mentions of a word corrected inside a person's full name.

    Machine translation garbles a name the same way throughout an article, and later mentions
    use the surname alone ("Joe Baden ... Baden said"), which is often a real word or too short
    to correct by itself. Once "Joe Baden" reads as Joe Biden, every "Baden" in the article is
    that person.
    """
    corrected: dict[str, tuple[str, Candidate]] = {}
    for candidate in candidates:
        wrong, right = candidate.original.split(), candidate.replacement.split()
        if candidate.entity.type == "person" and len(wrong) == len(right):
            for word, fixed in zip(wrong, right, strict=True):
                if word != fixed:
                    corrected.setdefault(word, (fixed, candidate))
    if not corrected:
        return
    inside = _Covered([(candidate.start, candidate.end) for candidate in candidates])
    for token in _mentions(document, corrected):
        word, end = _base(token)
        if inside(token.start):
            continue
        if _may_be_something_else(document, token, lexicon):
            continue
        fixed, source = corrected[word]
        yield Proposal(
            start=token.start,
            end=end,
            replacement=fixed,
            confidence=max(0.05, source.confidence - SAME_GARBLING_PENALTY),
            reason=f"“{word}” is “{fixed}” ({source.entity.name}), as where the article names "
            "the person in full: machine translation garbles a name the same way throughout.",
            rule=f"entity.{source.entity.type}",
        )


#: A name spelled the article's other way must be at least this long to be corrected to it.
MIN_MINORITY_LENGTH = 4
#: The confidence of a minority spelling corrected to the article's majority one (about nine in
#: ten such changes restored the planted name in the garbled tuning references).
MINORITY_CONFIDENCE = 0.85


@dataclass(frozen=True)
class _Majority:
    """The article's own spellings of its names: each minority spelling mapped to the majority
    one (``spelling``); ``outright`` holds those a more frequent spelling decides, which no list
    is asked about (a tie, broken by real text's use or by the other slips, leaves room for a
    curated name)."""

    spelling: dict[str, str]
    outright: frozenset[str]


def _minority_spellings(document: Document, lexicon: Lexicon, context: _Context) -> _Majority:
    """Find each name the article spells less often one way than another, one slip apart (a
    letter changed, added, dropped or two swapped: "Vallenbrock ... Valenbrock"), when real
    text rarely uses the minority spelling: machine translation slipped, and the article itself
    says how the name is written, whether or not any list knows it. A spelling no text uses
    also yields to one as frequent that real text uses, or that the article's other slips
    cluster around ("Freital" beside "Freiatl" and "Freittal"); a rare one that real text does
    use ("Kentuck") only to one used more, both in the article and in real text. Forms of one
    word are not slips (``_forms_of_one_word``), and a slip of a common word the article writes
    with a capital only to open a sentence ("Thier", "Their") is left alone."""
    minorities = {
        _strip(word) for word in _minority_filter(lexicon).select(document.capitalised_words)
    }
    if not minorities:
        return NO_MAJORITY  # the common case, told from the article's distinct words alone
    # Spellings are compared only with those of the same first letter: the names with a
    # minority's first letter are picked in C, and only they are grouped by shape (the order
    # of a shape's spellings decides nothing: every use of them below is order-free).
    letters = {fold(word)[:1] for word in minorities}
    names = list(filterfalse(str.isupper, context.names))  # a heading's capitals spell nothing
    folded_names = list(map(fold, names))
    by_shape: dict[tuple[str, int], list[str]] = {}  # (first letter, length) -> spellings
    wanted = map(letters.__contains__, map(FIRST_LETTER, folded_names))
    for word, folded in compress(zip(names, folded_names, strict=True), wanted):
        by_shape.setdefault((folded[:1], len(folded)), []).append(word)

    def close(word: str) -> list[str]:
        """The article's other spellings one letter or swap from ``word``, or ``word`` with
        two more letters at the end (a cut ending: "Pforzhe", "Pforzheim"). Only spellings
        of the same first letter and a length one of those can have are compared: the work
        stays near linear in the article's names."""
        folded = fold(word)
        return [
            other
            for length in range(len(folded) - 1, len(folded) + 3)
            for other in by_shape.get((folded[:1], length), ())
            if other != word
            and (OSA.distance(folded, fold(other)) == 1 or _cut_ending(folded, fold(other)))
        ]

    def slips_of(word: str) -> list[str]:
        """The article's spellings that may be slips of ``word``."""
        return [other for other in close(word) if not _forms_of_one_word(fold(other), fold(word))]

    spelling: dict[str, str] = {}
    outright = set()
    for word in sorted(minorities):
        neighbours = [
            other
            for other in close(word)
            # machine translation adds no letters of another alphabet: "Motoristé" beside
            # "Motorists" is the name in its own language, given on purpose
            if not _other_form(word, other, lexicon) and not _own_letters(word, other)
        ]
        if not neighbours or any(
            other.lower() in lexicon.common_words and not context.names_mid_sentence(other)
            for other in neighbours
        ):
            continue  # the common case: nothing to count; or a common word's slip
        count, used = context.mentions(word), lexicon.zipf(word)
        listed = _needs_clear_majority(word, lexicon)
        majority = [
            other
            for other in neighbours
            if _outweighs(other, context.mentions(other), count, lexicon)
            and not _two_people(word, other, context)
            and not (context.mentions(other) == count and _in_other_names(word, other, context))
            # a rare word real text uses ("Kentuck") yields only to one used more, more often
            and (not used or _used_more(other, word, count, used, context))
            and (not listed or _listed_name_yields(other, word, count, used, context))
        ]
        if listed:  # a listed name yields only to one clear majority; no tie is broken
            if len(majority) == 1:
                spelling[word] = majority[0]
            continue
        if not used and any(context.mentions(other) > count for other in majority):
            outright.add(word)
        if not majority and not used:  # a tie: the spelling the other slips cluster around
            majority = [
                other
                for other in neighbours
                if context.mentions(other) == count
                and len(slips_of(other)) > len(slips_of(word))
                and not _two_people(word, other, context)
                and not _in_other_names(word, other, context)
            ]
        if not majority and not used:  # still a tie: the spelling that reads as a name
            majority = [
                other
                for other in neighbours
                if context.mentions(other) == count
                and not lexicon.zipf(other)
                and _reads_more_like_a_name(other, word, lexicon)
                and not _two_people(word, other, context)
                and not _in_other_names(word, other, context)
            ]
        chosen = _likeliest_spelling(majority, context, lexicon)
        if chosen is not None:
            spelling[word] = chosen
    return _Majority(
        {word: _settled_spelling(word, spelling) for word in spelling},
        frozenset(outright.intersection(spelling)),
    )


NO_MAJORITY = _Majority({}, frozenset())
#: A word's first character, taken in C (an empty word has none).
FIRST_LETTER = itemgetter(slice(0, 1))


def _used_more(other: str, word: str, count: int, used: float, context: _Context) -> bool:
    """Tell whether the spelling ``other`` outweighs a rare one real text uses (Zipf ``used``),
    ``word``, which the article writes ``count`` times: the article writes ``other`` more
    often and real text uses it more, or as often and real text uses it ten times as often
    (``LIKELIER_ZIPF``: "Javie" once beside "Javier" once). As often, a small lead in real
    text is no evidence, and even a large one yields to the spelling of the full name
    (``_named_in_full_only``): machine translation slips to the commoner name as readily
    ("Oliver Glasner" written "Glaser"). Two romanisations of one name are spellings
    ("Tatiana", "Tatyana"), and a common word is common for being a word ("Tan" beside the
    town Tann)."""
    mentions, zipf = context.mentions(other), context.lexicon.zipf(other)
    if mentions > count:
        return zipf > used
    return (
        mentions == count
        and zipf - used >= LIKELIER_ZIPF
        and romanisation_key(other) != romanisation_key(word)
        and other.lower() not in context.lexicon.common_words
        and not _named_in_full_only(word, other, context)
    )


def _named_in_full_only(word: str, other: str, context: _Context) -> bool:
    """Tell whether the article writes ``word`` after a first name and ``other`` after none:
    the full name says how the name is spelled ("Oliver Glasner ... Glaser")."""
    lexicon = context.lexicon
    return bool(_first_names(context.names_before(word), lexicon)) and not _first_names(
        context.names_before(other), lexicon
    )


def _listed_name_yields(other: str, word: str, count: int, used: float, context: _Context) -> bool:
    """Tell whether the spelling ``other`` outweighs ``word``, a rare name some list has or a
    word of another language (Zipf ``used``), which the article writes ``count`` times: the
    article writes ``other`` more often, real text uses it ten times as often
    (``LIKELIER_ZIPF``), and the article does not write ``word`` in a full name and
    ``other`` in none (``_named_in_full_only``: "Javier Tebas" is no slip of Texas)."""
    return (
        context.mentions(other) > count
        and context.lexicon.zipf(other) - used >= LIKELIER_ZIPF
        and not _named_in_full_only(word, other, context)
    )


#: How much more name-like (``LetterModel.score``, per letter) one of two spellings as frequent
#: must read to be taken for the name: "Rumberg" beside "Rmuberg" reads 1.6 more, "Dingolfing"
#: beside "Dyngolfing" 0.6; two real names one slip apart rarely differ so.
NAME_LIKE_MARGIN = 0.4


def _reads_more_like_a_name(other: str, word: str, lexicon: Lexicon) -> bool:
    """Tell whether the spelling ``other`` reads as a name by ``NAME_LIKE_MARGIN`` more than
    ``word``: its letters follow one another as in names ("Merklingen", not "Merklingne")."""
    return lexicon.letters.score(other) - lexicon.letters.score(word) >= NAME_LIKE_MARGIN


def _likeliest_spelling(spellings: list[str], context: _Context, lexicon: Lexicon) -> str | None:
    """Return the one spelling of ``spellings`` a minority one yields to: the only one, the
    one the article uses most ("Sabah" 4 times beside "Saah" once), or, as often, the one real
    text uses ten times as often ("Nantes" beside "Nante"); None when there is no telling."""
    if len(spellings) <= 1:
        return spellings[0] if spellings else None
    ranked = sorted(spellings, key=lambda other: (-context.mentions(other), -lexicon.zipf(other)))
    first, second = ranked[0], ranked[1]
    if context.mentions(first) > context.mentions(second):
        return first
    if lexicon.zipf(first) - lexicon.zipf(second) >= LIKELIER_ZIPF:
        return first
    return None


#: A spelling cut short by two letters is this long at least ("Pforzhe").
MIN_CUT_LENGTH = 6


def _cut_ending(word: str, other: str) -> bool:
    """Tell whether ``word`` is ``other`` with its last two letters cut, and those letters are
    no inflection ending ("Laupheim", "Laupheimer" are two forms)."""
    return (
        len(word) >= MIN_CUT_LENGTH
        and len(other) == len(word) + 2
        and other.startswith(word)
        and other[len(word) :] not in INFLECTION_TAILS
    )


def _settled_spelling(word: str, spelling: dict[str, str]) -> str:
    """Follow a slip of a slip to the spelling that outweighs them both ("Qingh", "Qingha",
    "Qinghai")."""
    seen = {word}
    while word in spelling and spelling[word] not in seen:
        word = spelling[word]
        seen.add(word)
    return word


def _majority_corrections(
    document: Document, context: _Context, majority: _Majority, covered: list[tuple[int, int]]
) -> Iterator[Proposal]:
    """Correct every mention of a minority spelling to the article's majority one."""
    settled = majority.spelling
    if not settled:
        return
    inside = _Covered(covered)
    for token in _mentions(document, settled):
        word, end = _base(token)
        if inside(token.start):
            continue
        other = settled[word]
        yield Proposal(
            start=token.start,
            end=end,
            replacement=other,
            confidence=MINORITY_CONFIDENCE,
            reason=f"The article spells this name “{other}” {context.mentions(other)} "
            f"time(s) and “{word}” {context.mentions(word)}: one slip apart, and no text uses "
            f"“{word}”.",
            rule="entity.minority_spelling",
        )


def _mentions(document: Document, words: Collection[str]) -> list[Token]:
    """The tokens that are one of ``words``, a possessive ending aside, in text order (the
    article's distinct words are tested, and the tokens picked in C)."""
    forms = [*words, *(word + ending for word in words for ending in POSSESSIVES)]
    wanted = {word for word in document.distinct_words.intersection(forms) if _strip(word) in words}
    tokens = document.tokens
    return [tokens[index] for index in compress(count(), map(wanted.__contains__, tokens.words))]


class _Covered:
    """Tell whether an offset lies inside any of some spans, by bisection: sorted starts and
    the running maximum of their ends (a scan of every span per token grew with the square of
    a long article)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [start for start, _ in spans]
        self.reach = list(accumulate((end for _, end in spans), max))

    def __call__(self, offset: int) -> bool:
        index = bisect_right(self.starts, offset)
        return index > 0 and self.reach[index - 1] > offset


def _outweighs(other: str, other_count: int, count: int, lexicon: Lexicon) -> bool:
    """Tell whether a spelling the article uses ``other_count`` times outweighs one it uses
    ``count`` times that no text uses: by being more frequent, or as frequent and used in
    real text (wordfreq)."""
    return other_count > count or (other_count == count and lexicon.zipf(other) > 0)


def _two_people(word: str, other: str, context: _Context) -> bool:
    """Tell whether the article gives the two spellings different first names ("Tom
    Hallberg", "Eva Hallborg"): two people, not one name and its slip. First names one slip
    apart ("Andreas", "Andreaas") are one first name, itself garbled once."""
    before = _first_names(context.names_before(word), context.lexicon)
    other_before = _first_names(context.names_before(other), context.lexicon)
    return bool(
        before
        and other_before
        and not any(OSA.distance(fold(a), fold(b)) <= 1 for a in before for b in other_before)
    )


def _first_names(words: frozenset[str], lexicon: Lexicon) -> list[str]:
    """The words of ``words`` that may be first names: a common English word that opens a
    quotation's attribution or a heading ("Said", "New", "October") is none, unless some
    person's name starts with it ("Mark")."""
    return [
        word
        for word in words
        if (word.lower() not in lexicon.common_words or word in lexicon.names.first_names)
        and not _no_first_name(word, lexicon)
    ]


def _no_first_name(word: str, lexicon: Lexicon) -> bool:
    """Tell whether a capitalised word before a name is no first name for all its capital: a
    place that is no known first name ("Sarajevo Olympic Centre"; "Anna" is one), a month
    ("October Ludwigsburg"), or a speech verb an attribution capitalises ("Said Grindel")."""
    place = word in lexicon.place_names and word not in lexicon.names.first_names
    return place or word in CALENDAR_NAMES or word.lower() in SPEECH_VERBS


#: Ends that inflect one word (German ones included, as MT leaves them): the tails after
#: what two spellings share ("Thüringer", "Thüringen": "r" and "n").
INFLECTION_TAILS = frozenset({"", "s", "n", "r", "e", "es", "en", "er", "ern", "ns", "rs"})


#: A last letter cut after a vowel ("Leverkuse" for Leverkusen) is a slip, not an ending.
CUT_CONSONANTS = frozenset("nr")
VOWELS = frozenset("aeiouy")


def _other_form(word: str, other: str, lexicon: Lexicon) -> bool:
    """Tell whether the minority spelling ``word`` is another form of the word ``other``
    (``_forms_of_one_word``) rather than its slip. A spelling no text uses is no form of a
    name real text uses (``PLAUSIBLE_ZIPF``) that it does not extend: the name with its
    ending cut or changed ("Juventu", "Leicesten" beside Juventus, Leicester) is a slip, the
    name with an ending added ("Pokals", "Laupheimer") a form."""
    if not _forms_of_one_word(fold(word), fold(other)):
        return False
    return not (
        lexicon.zipf(word) == 0
        and lexicon.zipf(other) >= PLAUSIBLE_ZIPF
        and not fold(word).startswith(fold(other))
    )


def _in_other_names(word: str, other: str, context: _Context) -> bool:
    """Tell whether the two spellings open or close different names of several words: the
    capitalised words beside them differ ("Velyki Prokhody", "Velyka Novosilka"; "Zolota Nyva",
    "Nova Huta"), as one name and its slip in the same name would not."""
    mine = context.names_before(word) | context.names_after(word)
    theirs = context.names_before(other) | context.names_after(other)
    return bool(
        mine
        and theirs
        and not any(OSA.distance(fold(a), fold(b)) <= 1 for a in mine for b in theirs)
    )


def _forms_of_one_word(word: str, other: str) -> bool:
    """Tell whether the minority spelling ``word`` and the majority one ``other`` are forms of
    one word rather than a slip: they differ in an inflection ending ("Thüringer",
    "Thüringen"; "Pokals", "Pokal"), or ``word`` is ``other`` with letters added that do not
    repeat its last one ("Westnetz", "Westnet"). A doubled or undoubled letter ("Vallenbrockk",
    "Bideen" for "Biden") and a cut ending ("Vallenbro") are slips."""
    if _gendered_forms(word, other):
        return True
    shared = next(
        (i for i, (x, y) in enumerate(zip(word, other, strict=False)) if x != y),
        min(len(word), len(other)),
    )
    tail, other_tail = word[shared:], other[shared:]
    last = word[shared - 1 : shared]
    if last + tail == other_tail or tail == last + other_tail:
        return False  # one letter written twice, or once where the name has it twice
    if not tail and other_tail in CUT_CONSONANTS and last in VOWELS:
        return False  # "Leverkuse", "Krame": no ending leaves a word on that vowel
    if tail in INFLECTION_TAILS and other_tail in INFLECTION_TAILS:
        return True
    return not other_tail


#: The stems of Slavic surnames that are adjectives, with a masculine ending -i or -y and a
#: feminine -a (Polish Kaczyński / Kaczyńska, Czech Lipavský / Lipavská, folded).
GENDERED_STEMS = ("sk", "ck", "dzk")
#: The masculine endings of Slavic surnames whose feminine adds -a (Ivanov / Ivanova,
#: Belyayev / Belyayeva, Fomin / Fomina).
GENDERED_ADDS_A = ("ov", "ev", "in", "yn")
#: The stems of Slavic surnames and village names that take -a and -o (Verzilova, Ivanovo).
SLAVIC_STEMS = ("ov", "ev")


def _gendered_forms(word: str, other: str) -> bool:
    """Tell whether two folded spellings are the masculine and feminine forms of one Slavic
    surname (-ski / -ska, -ský / -ská, -cki / -cka; -ov / -ova, -in / -ina), or of one stem
    in -ov or -ev (``_forms_of_one_stem``: Verzilovo too): a husband and a wife, a brother and
    a sister, a village named after a family, not a slip.

    >>> _gendered_forms("kaczynska", "kaczynski"), _gendered_forms("lipavsky", "lipavska")
    (True, True)
    >>> _gendered_forms("ivanov", "ivanova"), _gendered_forms("fialy", "fiala")
    (True, False)
    """
    if _forms_of_one_stem(word, other):
        return True
    feminine, masculine = (word, other) if word.endswith("a") else (other, word)
    if not feminine.endswith("a"):
        return False
    stem = feminine[:-1]
    adjective = (
        stem.endswith(GENDERED_STEMS) and masculine[:-1] == stem and masculine[-1:] in ("i", "y")
    )
    return adjective or (masculine == stem and masculine.endswith(GENDERED_ADDS_A))


def _forms_of_one_stem(word: str, other: str) -> bool:
    """Tell whether two folded spellings are one Slavic stem in -ov or -ev, bare or with -a
    or -o: a man's surname, a woman's, a village (Verzilov, Verzilova, Verzilovo; Ivanovo).

    >>> _forms_of_one_stem("verzilov", "verzilovo"), _forms_of_one_stem("ivanovo", "ivanova")
    (True, True)
    >>> _forms_of_one_stem("lamborghine", "lamborghini")
    False
    """
    stem, other_stem = word.rstrip("ao"), other.rstrip("ao")
    return (
        stem == other_stem
        and stem.endswith(SLAVIC_STEMS)
        and len(word) - len(stem) <= 1
        and len(other) - len(other_stem) <= 1
    )


def _may_be_something_else(document: Document, token: Token, lexicon: Lexicon) -> bool:
    """Tell whether a mention of a garbled word may not be the person: an English word opening
    a sentence ("Naval forces..."), or part of another name ("the Naval Academy"; a title
    before it, "Mr Naval", is no other name)."""
    tokens, text = document.tokens, document.text
    if token.sentence_initial and lexicon.is_english_word(token.text.lower()):
        return True
    after = tokens[token.index + 1] if token.index + 1 < len(tokens) else None
    if after and text[token.end : after.start] == " " and after.text[:1].isupper():
        return True
    before = tokens[token.index - 1] if token.index > 0 else None
    return bool(
        before
        and text[before.end : token.start] == " "
        and before.text[:1].isupper()
        and before.text.lower() not in PERSON_TITLES
        # a capital that only opens the sentence ("Yesterday Baden said") names nothing
        and not (before.sentence_initial and lexicon.is_english_word(before.text.lower()))
    )


class _Context:
    """What the article is about: its lower-cased words, for context-word lookups.

    A one-word context also matches a word sharing its stem (all but its last two letters, at
    least five), so "britain" matches "British" and "ukraine" matches "Ukrainian".
    """

    def __init__(self, document: Document, lexicon: Lexicon) -> None:
        self.document = document
        self.lexicon = lexicon
        self._phrases: dict[str, bool] = {}  # the phrases asked about so far: occurs or not
        self._matches: dict[tuple[int, str], int] = {}  # (entity id, word read): matches

    def matches(self, entity: Entity, besides: str = "") -> int:
        """Count the entity's context words that occur in the article in some word other
        than ``besides`` (the word being read: "Politik" is no context for Politico)."""
        key = (id(entity), besides)  # the lexicon's entities outlive the document
        found = self._matches.get(key)
        if found is None:
            other = besides.lower()
            found = sum(1 for word in entity.context if self._occurs(word, other))
            self._matches[key] = found
        return found

    @cached_property
    def _words(self) -> _WordSearch | _WordIndex:
        """The article's lower-case words, searched in its text or, in a long text, listed
        once (``SEARCH_LENGTH``)."""
        text = self.document.text
        if len(text) <= SEARCH_LENGTH:
            return _WordSearch(text)
        return _WordIndex(text, _phrase_words(self.lexicon))

    def mentions(self, name: str) -> int:
        """Count the article's mentions of a capitalised ``name`` as a whole word (a
        possessive may follow)."""
        return self._capitalised[name]

    @cached_property
    def _capitalised(self) -> Counter[str]:
        """The article's capitalised words, possessive endings aside, and how often each
        occurs (from the counts of its distinct words, in C but for the possessives)."""
        all_counts, possessives = self.document.word_counts, self._possessives
        plain = self.document.capitalised_words.difference(possessives)
        counts = Counter(dict(zip(plain, map(all_counts.__getitem__, plain), strict=True)))
        for word in possessives:
            counts[word[:-2]] += all_counts[word]
        return counts

    @cached_property
    def _possessives(self) -> list[str]:
        """The article's capitalised words with a possessive ending, found in C."""
        return list(filter(methodcaller("endswith", POSSESSIVES), self.document.capitalised_words))

    @cached_property
    def names(self) -> set[str]:
        """The article's capitalised words, possessive endings aside (picked in C but for the
        possessives)."""
        possessives = self._possessives
        names = set(self.document.capitalised_words)
        names.difference_update(possessives)
        names.update(word[:-2] for word in possessives)
        return names

    def names_before(self, word: str) -> frozenset[str]:
        """The capitalised words that stand right before ``word`` in the article as a first
        name would ("Petra" in "Petra Schallenbach"), sentence openers left out."""
        return self._names_before.get(word, frozenset())

    @cached_property
    def _names_before(self) -> dict[str, frozenset[str]]:
        return self._capitalised_neighbours(before=True)

    def names_after(self, word: str) -> frozenset[str]:
        """The capitalised words that stand right after ``word`` in the article ("Prokhody" in
        "Velyki Prokhody")."""
        return self._names_after.get(word, frozenset())

    @cached_property
    def _names_after(self) -> dict[str, frozenset[str]]:
        return self._capitalised_neighbours(before=False)

    def _capitalised_neighbours(self, before: bool) -> dict[str, frozenset[str]]:
        """Word -> the capitalised words one space before it (``before``) or after it, as
        written before it and without a possessive ending after it; sentence openers left out."""
        tokens, text = self.document.tokens, self.document.text
        words, starts, initial = tokens.words, tokens.starts, tokens.initial
        found: dict[str, set[str]] = {}
        for index in self.document.capitalised:
            other = index + 1 if before else index - 1
            if initial[index] or not 0 <= other < len(words):
                continue
            first, second = (index, other) if before else (other, index)
            if text[starts[first] + len(words[first]) : starts[second]] == " ":
                name = words[index] if before else _strip(words[index])
                found.setdefault(_strip(words[other]), set()).add(name)
        return {word: frozenset(names) for word, names in found.items()}

    def names_mid_sentence(self, word: str) -> bool:
        """Tell whether the article writes ``word`` with a capital inside a sentence, as a
        name ("Peter"), not only to open one ("Their")."""
        return word in self._mid_sentence

    @cached_property
    def _mid_sentence(self) -> frozenset[str]:
        tokens = self.document.tokens
        words, initial = tokens.words, tokens.initial
        return frozenset(
            _strip(words[index]) for index in self.document.capitalised if not initial[index]
        )

    def _has_phrase(self, phrase: str) -> bool:
        """Tell whether the words of ``phrase`` stand one after another among the article's
        lower-case words (remembered for the article)."""
        found = self._phrases.get(phrase)
        if found is None:
            found = self._phrases[phrase] = self._words.has_phrase(phrase.split(" "))
        return found

    def _occurs(self, word: str, besides: str) -> bool:
        if len(word) <= SHORT_CONTEXT:  # "us", "uk": the abbreviation, not the pronoun
            return word.upper() in self.document.distinct_words
        if " " in word:
            return self._has_phrase(word)
        if len(word) < 6:
            return word != besides and self._words.has(word)
        stem = word[: max(5, len(word) - 2)]
        # the word read is one of the words with the stem: another must be there too
        return any(found != besides for found in self._words.starting(stem))


#: A text this long at most (characters: an article) is searched for each context word
#: (``_WordSearch``); a longer one lists its words once (``_WordIndex``), so that the work
#: stays linear in its length however many context words are asked about.
SEARCH_LENGTH = 1 << 16
#: One word character (``_LOWER_WORD``).
_WORD_CHARACTER = re.compile(r"\w")


class _WordSearch:
    """An article's lower-case words (``_LOWER_WORD``: runs of word characters), found by
    substring search in its lower-cased text: on an article, a few searches cost less than
    listing its words. Answers as ``_WordIndex`` does."""

    def __init__(self, text: str) -> None:
        self.text = text.lower()

    def has(self, word: str) -> bool:
        """Tell whether ``word`` is one of the words."""
        return any(found.group() == word for found in self._starting(word))

    def starting(self, prefix: str) -> Iterator[str]:
        """Yield the words that start with ``prefix`` (one for each place it stands)."""
        for found in self._starting(prefix):
            yield found.group()

    def has_phrase(self, parts: list[str]) -> bool:
        """Tell whether the words ``parts`` stand one after another."""
        if not all(parts):
            return False  # an empty part is no word
        for first in self._starting(parts[0]):
            end = first.end()
            if first.group() != parts[0]:
                continue
            for part in parts[1:]:
                following = _LOWER_WORD.search(self.text, end)
                if following is None or following.group() != part:
                    break
                end = following.end()
            else:
                return True
        return False

    def _starting(self, prefix: str) -> Iterator[re.Match[str]]:
        """Yield each word that starts with ``prefix``, as a match in the text."""
        text = self.text
        place = text.find(prefix)
        while place >= 0:
            if not (place and _WORD_CHARACTER.match(text, place - 1)):  # a word starts there
                found = _LOWER_WORD.match(text, place)
                if found is not None and found.group().startswith(prefix):
                    yield found
            place = text.find(prefix, place + 1)


class _WordIndex:
    """A long text's distinct lower-case words (``_LOWER_WORD``), listed once and sorted (a
    prefix is found by bisection), and where each word of a context phrase (``phrase_words``)
    stands, so that a phrase is found in time linear in the text, not in the text times the
    phrases asked about. Answers as ``_WordSearch`` does."""

    def __init__(self, text: str, phrase_words: frozenset[str]) -> None:
        self.text = text
        self.phrase_words = phrase_words

    def _lower_words(self) -> Iterator[list[str]]:
        """The text lower-cased and cut at every run of non-word characters: its words
        (letters, digits, underscores) in order, a block of the text at a time (no word spans
        two blocks; on a long text the list of all would be big, and it is not kept)."""
        for _, block in blocks(self.text.lower()):
            yield _LOWER_WORD.findall(block)

    @cached_property
    def words(self) -> list[str]:
        """The distinct lower-case words, sorted (to find a prefix by bisection)."""
        return sorted(set(chain.from_iterable(self._lower_words())))

    @cached_property
    def word_set(self) -> frozenset[str]:
        """The distinct lower-case words."""
        return frozenset(self.words)

    def has(self, word: str) -> bool:
        """Tell whether ``word`` is one of the words."""
        return word in self.word_set

    def starting(self, prefix: str) -> Iterator[str]:
        """Yield the words that start with ``prefix``, in order."""
        words = self.words
        index = bisect_left(words, prefix)  # the first word not before the prefix
        while index < len(words) and words[index].startswith(prefix):
            yield words[index]
            index += 1

    @cached_property
    def _positions(self) -> dict[str, array]:
        """Where each lower-case word that is a word of a context phrase stands (its word
        numbers, ascending), built once."""
        positions: dict[str, array] = {}
        wanted = self.phrase_words
        first = 0  # the number of the block's first word
        for words in self._lower_words():
            for number in compress(count(first), map(wanted.__contains__, words)):
                word = words[number - first]
                found = positions.get(word)
                if found is None:
                    positions[word] = found = array("L")
                found.append(number)
            first += len(words)
        return positions

    def has_phrase(self, parts: list[str]) -> bool:
        """Tell whether the words ``parts`` (each a word of ``phrase_words``, or no word of
        the text) stand one after another."""
        return all(part in self.word_set for part in parts) and _adjacent(
            [self._positions[part] for part in parts]
        )


@lru_cache(maxsize=4)
def _phrase_words(lexicon: Lexicon) -> frozenset[str]:
    """The words of the entities' context phrases of several words: the only words whose
    places in an article are looked up (``_Context._has_phrase``)."""
    phrases = {word for entity in lexicon.entities for word in entity.context if " " in word}
    return frozenset(part for phrase in phrases for part in phrase.split(" "))


def _adjacent(positions: list[array]) -> bool:
    """Tell whether the words whose ascending ``positions`` are given, in order, ever stand one
    right after another: tried from each place of the rarest word, looked up by bisection."""
    rarest = min(range(len(positions)), key=lambda k: len(positions[k]))
    for place in positions[rarest]:
        start = place - rarest
        if all(
            (index := bisect_left(numbers, start + k)) < len(numbers)
            and numbers[index] == start + k
            for k, numbers in enumerate(positions)
        ):
            return True
    return False


def _translated_names(document: Document, lexicon: Lexicon) -> Iterator[Proposal]:
    pattern, rows = _translated_name_pattern(lexicon)
    folded = document.text.casefold()
    if pattern is None or not any(wrong in folded for wrong in rows):
        return  # the common case, found with one substring search a row
    for match in pattern.finditer(document.text):
        right, note = rows[match.group().casefold()]
        yield Proposal(
            start=match.start(),
            end=match.end(),
            replacement=right,
            confidence=0.8,
            reason=f"“{match.group()}” is a word-for-word translation of {right} ({note}).",
            rule="entity.translated_name",
        )


@lru_cache(maxsize=4)
def _translated_name_pattern(
    lexicon: Lexicon,
) -> tuple[re.Pattern[str] | None, dict[str, tuple[str, str]]]:
    """One regular expression for every literal translation, longest first, and its rows."""
    rows = {wrong.casefold(): (right, note) for wrong, right, note in lexicon.translated_names}
    if not rows:
        return None, rows
    alternatives = "|".join(re.escape(wrong) for wrong in sorted(rows, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE), rows


class _Run(NamedTuple):
    """A capitalised run to check: its tokens, their texts without a possessive ending, and
    its words worth a query (``_run_plan``)."""

    tokens: list[Token]
    words: tuple[str, ...]
    plan: tuple[_WordPlan, ...]


def _runs_to_check(document: Document, lexicon: Lexicon, every: bool = False) -> Iterator[_Run]:
    """Yield, in text order, the runs (``_run_spans``) with a word worth a query (for the
    rules, or for ``every`` reading): most runs have none ("He", "Donald Trump"), and their
    tokens are never made."""
    tokens = document.tokens
    for low, high in _run_spans(document, lexicon):
        words = tuple(map(_strip, tokens.words[low : high + 1]))
        plan = _run_plan(words, lexicon, every)
        if plan:
            yield _Run(tokens[low : high + 1], words, plan)


def _run_spans(document: Document, lexicon: Lexicon) -> Iterator[tuple[int, int]]:
    """Yield, in text order, the first and last token index of each run of capitalised words
    separated by single spaces ("Keir Starrer"), with the lower-case particles of names
    inside them ("Ursula von der Leyen"), that holds a word worth checking
    (``_worth_checking``).

    A run without one yields nothing in ``_check_run``, and most runs are such ("The",
    "Monday"), so runs are built only around the tokens of those words, found in C among the
    capitalised tokens (a word worth checking is capitalised).
    """
    worth = _worth_filter(lexicon).select(document.capitalised_words)
    if not worth:
        return
    capitalised = document.capitalised
    words = map(document.tokens.words.__getitem__, capitalised)
    reached = -1
    for index in compress(capitalised, map(worth.__contains__, words)):
        if index > reached:
            low, reached = _run_around(document, index)
            yield low, reached


@lru_cache(maxsize=4)
def _worth_filter(lexicon: Lexicon) -> WordFilter:
    """``_worth_checking`` for ``lexicon``, remembering the words it rejects."""
    return WordFilter(lambda word: _worth_checking(word, lexicon))


@lru_cache(maxsize=1 << 16)
def _worth_checking(word: str, lexicon: Lexicon) -> bool:
    """Tell whether a word makes its capitalised run worth checking (``_check_run``): it is
    capitalised and, possessive aside, unknown (``_is_suspicious``) or a well-known first name
    or surname (``_beside_known_name_part``). Memoised: a pure function of the word."""
    if not word[:1].isupper():
        return False  # in a run only particles are not capitalised, and they are neither
    base, names = _strip(word), lexicon.names
    return base in names.first_names or base in names.surnames or _is_suspicious(base, lexicon)


def _run_around(document: Document, index: int) -> tuple[int, int]:
    """Return the first and last token index of the run holding the capitalised token
    ``index``: its neighbours one plain space apart, while each belongs in a run."""
    tokens, text = document.tokens, document.text
    words, starts = tokens.words, tokens.starts
    low = index
    while (
        low > 0
        and text[starts[low - 1] + len(words[low - 1]) : starts[low]] == " "
        and _in_run(words, low - 1)
    ):
        low -= 1
    high = index
    while (
        high + 1 < len(words)
        and text[starts[high] + len(words[high]) : starts[high + 1]] == " "
        and _in_run(words, high + 1)
    ):
        high += 1
    return low, high


def _in_run(words: list[str], index: int) -> bool:
    """Tell whether the word at ``index`` of the article's ``words`` may be part of a run,
    whatever the spaces around it: it is capitalised, or a name particle after a word that may
    be, with a capitalised word following the particles (``_name_follows``)."""
    while index >= 0:
        word = words[index]
        if word[:1].isupper():
            return True
        if word not in NAME_PARTICLES or not _name_follows(words, index):
            return False
        index -= 1
    return False


def _name_follows(words: list[str], index: int) -> bool:
    """Tell whether a capitalised word follows the particles from ``words[index]`` on."""
    for following in words[index + 1 : index + 4]:
        if following not in NAME_PARTICLES:
            return following[:1].isupper()
    return False


#: A possessive ending, left out of the name it follows ("Scholz’s").
POSSESSIVES = ("'s", "’s")


def _strip(word: str) -> str:
    """Return the word without a possessive ending."""
    return word[:-2] if word.endswith(POSSESSIVES) else word


def _base(token: Token) -> tuple[str, int]:
    """Return the token without a possessive ending, and the end offset of that base."""
    if token.text.endswith(POSSESSIVES):
        return token.text[:-2], token.end - 2
    return token.text, token.end


def _is_known(word: str, lexicon: Lexicon, derived: bool = True) -> bool:
    """Tell whether a word is a known name or word, or derived from a known place name."""
    if word in lexicon.names.exact or lexicon.is_known_name(word) or lexicon.is_english_word(word):
        return True
    if derived and any(
        word.endswith(ending)
        and _is_place_name(word[: -len(ending)], lexicon)
        and ending != word[-len(ending) - 1 : -1]  # "Spainn", "Mercedess": a letter doubled
        for ending in DERIVED_ENDINGS
    ):
        return True
    parts = word.replace("’", "-").replace("'", "-").split("-")
    return len(parts) > 1 and all(_is_known(part, lexicon, False) for part in parts if part)


def _is_place_name(word: str, lexicon: Lexicon) -> bool:
    return word in lexicon.place_names


@lru_cache(maxsize=1 << 16)
def _is_suspicious(word: str, lexicon: Lexicon) -> bool:
    """Tell whether a capitalised word is unknown in every case form (memoised: a pure
    function of the word and the loaded dictionaries)."""
    if len(word) < MIN_SUSPICIOUS_LENGTH or word.isupper():
        return False
    other_cases = (word.upper(), word[:1].lower() + word[1:])  # "Nato", "Al-Sharaa"
    return not any(_is_known(form, lexicon) for form in (word, *other_cases))


def _check_run(
    run: _Run,
    document: Document,
    lexicon: Lexicon,
    context: _Context,
    majority: _Majority,
    every: bool = False,
) -> Iterator[Candidate]:
    """Yield the reading of each possibly garbled word of a capitalised run that the rules
    propose (``every``: the best reading of each, whatever the rules make of it)."""
    tokens, words, plan = run
    done: set[int] = set()
    for i, suspicious, readings in plan:
        word = words[i]
        if i in done or word in majority.outright:
            continue  # the article's majority spelling decides a minority one
        if document.is_fragment(tokens[i]) or _beside_ampersand(document, tokens[i]):
            continue
        alone = len(words) - _openers(tokens, lexicon) == 1 or (
            suspicious and word not in majority.spelling and _may_stand_alone(word, lexicon)
        )
        settled = word in majority.spelling
        query = _Query(
            tokens, words, i, suspicious, document, lexicon, context, alone, every, settled
        )
        best = _best_candidate(query, readings)
        if best is None or not (best.rules or every):
            continue
        if best.rules:  # words the change covers ("Volodimir Zelenski") are not checked again
            done.update(j for j, token in enumerate(tokens) if token.start < best.end)
        yield best


class _Reading(NamedTuple):
    """The words ``low``..``high`` of a run read as the name form ``name``, as far as
    spelling tells (``_spelling_fit``)."""

    low: int
    high: int
    name: NameForm
    fit: _Spelling


class _WordPlan(NamedTuple):
    """A word of a run worth a query (the ``i``-th), with what the run's words alone say of
    it: whether it is suspicious, and its readings that spelling does not rule out (a reading
    of the word by itself counts only where it may stand alone, ``_check_run``)."""

    i: int
    suspicious: bool
    readings: tuple[_Reading, ...]


@lru_cache(maxsize=1 << 15)
def _run_plan(
    words: tuple[str, ...], lexicon: Lexicon, every: bool = False
) -> tuple[_WordPlan, ...]:
    """The words of a run (bases, ``_check_run``) that may yield a reading, whatever the
    article: suspicious or beside a known name part, not inside a known name, with a reading
    spelling allows (the rules', or any, with ``every``) or, suspicious, a known name they may
    be a slip of. Memoised: a pure function of the words, and a day's news repeats its names'
    runs ("Donald Trump")."""
    plans = []
    for i, word in enumerate(words):
        suspicious = _is_suspicious(word, lexicon)  # cheapest test first: most words are known
        if not suspicious and not _beside_known_name_part(words, i, lexicon):
            continue
        if _inside_known_name(words, i, lexicon):
            continue
        readings = tuple(_readings(words, i, lexicon, every))
        if readings or (not every and suspicious and _known_slip_target(word, lexicon) is not None):
            plans.append(_WordPlan(i, suspicious, readings))
    return tuple(plans)


def _readings(words: tuple[str, ...], i: int, lexicon: Lexicon, every: bool) -> Iterator[_Reading]:
    """Yield the readings of the word ``i`` alone or with up to three neighbours as a name
    form that spelling allows (``_spelling_fit``; the rules also need ``_alike_enough``
    unless ``every`` reading is wanted), in the order ``_best_candidate`` ranks ties: by
    window size, then position."""
    for size in range(1, 5):
        for low in range(max(0, i - size + 1), min(i, len(words) - size) + 1):
            span = words[low : low + size]
            for name in _window_candidates(words, i, low, low + size, lexicon):
                fit = _spelling_fit(span, name.form, i - low)
                if fit is not None and (every or _alike_enough(fit, words[i], name, i - low)):
                    yield _Reading(low, low + size, name, fit)


def _alike_enough(fit: _Spelling, word: str, name: NameForm, at: int) -> bool:
    """Tell whether the rules may accept the likeness of ``word`` to the part ``at`` of the
    name, whatever the article says: it is at least what they need with the most help
    context can give (``_needed_similarity``)."""
    target = name.form.split()[at]
    return fit.similarity >= _needed_similarity(fit.others, word, target, CONTEXT_AGREES)


def _openers(run: list[Token], lexicon: Lexicon) -> int:
    """Count the words at the start of a run whose capital only opens the sentence: common
    English words ("In Berlyn", "According"), not the first word of a known person's name."""
    count = 0
    for token in run[:-1]:
        word = token.text
        if not (
            (token.sentence_initial or count)
            and word.lower() in lexicon.common_words
            and word not in lexicon.names.first_names
        ):
            break
        count += 1
    return count


def _beside_ampersand(document: Document, token: Token) -> bool:
    """Tell whether the word is part of a firm's name such as "Simon & Schuster"."""
    before = document.text[max(0, token.start - 3) : token.start].strip()
    after = document.text[token.end : token.end + 3].strip()
    return before.endswith("&") or after.startswith("&")


def _inside_known_name(words: tuple[str, ...], i: int, lexicon: Lexicon) -> bool:
    """Tell whether the word is part of a known name of several words ("Kim Jong Un")."""
    if words[i] not in lexicon.name_words:
        return False  # the common case, told by one lookup: it is a word of no known name
    for size in range(2, 5):
        for low in range(max(0, i - size + 1), i + 1):
            form = " ".join(words[low : low + size])
            if low + size <= len(words) and (
                form in lexicon.names.exact or form in lexicon.gazetteer_forms
            ):
                return True
    return False


def _beside_known_name_part(words: tuple[str, ...], i: int, lexicon: Lexicon) -> bool:
    """Tell whether a known word may be a garbled part of a person's name: it follows a
    well-known first name ("Joe Baden") or precedes a well-known surname ("Emanuel Macron"),
    and the pair is not itself a known name."""
    names = lexicon.names
    before = i - 1
    while before >= 0 and words[before] in NAME_PARTICLES:
        before -= 1
    after_first = before >= 0 and words[before] in names.first_names
    before_surname = i + 1 < len(words) and words[i + 1] in names.surnames
    if not (after_first or before_surname):
        return False
    pairs = [
        " ".join(words[low : low + 2]) for low in (i - 1, i) if low >= 0 and low + 2 <= len(words)
    ]
    return not any(p in names.exact for p in pairs)


def _best_candidate(query: _Query, readings: tuple[_Reading, ...]) -> Candidate | None:
    """Rank the entity spellings the word (alone or with its neighbours) may stand for: its
    ``readings`` (``_run_plan``), or a known name it is a slip of."""
    scored = [
        match
        for reading in readings
        if (query.alone or reading.high - reading.low > 1)
        and (match := _score(query, reading)) is not None
    ]
    known = None if query.every else _known_name_candidate(query)
    if not scored:
        return known
    if any(
        _romanisation_of(query, match) or _written_as_english_writes(query, match)
        for match in scored
    ):
        return None  # Sergey for Sergei is a spelling, for the variant detector and house style
    scored.sort(key=lambda match: (not match.gates.passed, -match.score))
    if known is not None and not _one_slip_reading(query, scored[0]):
        return known  # "Porrtland": Portland, one slip away, not Poland
    if query.every:
        # Training data breaks equal scores by spelling: the index lists the candidates of
        # two first letters in the order of a set, which the process's hash seed decides.
        scored.sort(key=lambda m: (not m.gates.passed, -m.score, m.name.form, m.name.entity.name))
    best = scored[0]
    rivals: dict[str, _Match] = {}
    for match in scored[1:]:
        if match.name.entity != best.name.entity:
            rivals.setdefault(match.name.entity.name, match)
    runner_up = max(
        (m.score for m in rivals.values() if m.gates.passed == best.gates.passed),
        default=best.score - MAX_MARGIN,
    )
    margin = best.score - runner_up
    confidence = _rules_confidence(query, best, margin)
    if best.gates.passed and _famous_slip(query, best, margin):
        confidence = max(confidence, FAMOUS_SLIP_CONFIDENCE)
    candidate = _candidate(query, best, confidence)
    return replace(
        candidate,
        alternatives=tuple(list(rivals)[:3]),
        features=_features(query, best, margin) if query.every else (),
        rules=best.gates.passed,
    )


#: The evidence for a reading that ``scripts/train_entity.py`` fits a model to, in the order
#: ``_features`` computes it.
FEATURES = (
    "rules_confidence",
    "spelling",
    "one_slip",
    "same_key",
    "same_initial",
    "observed_zipf",
    "observed_zipf_alone",
    "observed_known",
    "target_zipf",
    "context_words",
    "slot",
    "rest_of_name",
    "distinctive_rest_of_name",
    "margin_over_rival",
    "length_change",
    "person",
    "place",
    "target_in_article",
    "observed_mentions",
    "plausible",
    "named_otherwise",
    "unsupported",
    "unsupported_repeated",
    "unsupported_in_use",
    "distant",
)
#: The score margin over the best other entity counted at most (no rival: this much).
MAX_MARGIN = 0.3


def _features(query: _Query, match: _Match, margin: float) -> tuple[float, ...]:
    """The evidence for the best reading of a word (``FEATURES``): how alike the spellings
    are, how much real text uses the observed word and the name, the article's context words,
    slot and other mentions, the rest of the name, and the rules' tests it fails."""
    lexicon, context = query.lexicon, query.context
    word = query.words[query.i]
    parts = match.name.form.split()
    target = parts[query.i - match.low]
    folded, folded_target = fold(word), fold(target)
    others = [
        (query.words[j], parts[j - match.low]) for j in range(match.low, match.high) if j != query.i
    ]
    people = lexicon.names.people_with_word
    entity, gates = match.name.entity, match.gates
    observed = lexicon.zipf(word)
    return (
        _rules_confidence(query, match, margin),
        match.spelling,
        float(OSA.distance(folded, folded_target) == 1),
        float(name_key(word) == name_key(target)),
        float(folded[:1] == folded_target[:1]),
        observed,
        0.0 if others else observed,
        float(not query.suspicious),
        lexicon.zipf(target),
        float(min(match.hits, 3)),
        float(match.slot),
        float(bool(others)),
        float(any(a == b and people[b] <= DISTINCTIVE_NAME_PART for a, b in others)),
        min(margin, MAX_MARGIN),
        float(abs(len(folded) - len(folded_target))),
        float(entity.type == "person"),
        float(entity.type in PLACE_TYPES),
        float(context.mentions(target) > 0),
        log1p(context.mentions(word)),
        float(gates.plausible),
        float(gates.named_otherwise),
        float(gates.unsupported),
        float(gates.unsupported and context.mentions(word) > 1),
        observed if gates.unsupported else 0.0,
        float(gates.distant),
    )


#: The least confidence of a reading one slip from a place or organisation real text names
#: very often (``_famous_slip``): the spelling likeness of a swap ("Engalnd") or a doubled
#: letter alone puts it below the default threshold.
FAMOUS_SLIP_CONFIDENCE = 0.6
#: How often (wordfreq Zipf) real text names such a place or organisation: "England",
#: "Japan", "Congress", "Hong".
VERY_FAMOUS_ZIPF = 4.0


def _famous_slip(query: _Query, match: _Match, margin: float) -> bool:
    """Tell whether the reading changes a word no text uses by one slip (a letter changed,
    added, dropped or two swapped) into a place or organisation real text names very often
    (``VERY_FAMOUS_ZIPF``), with no rival entity near (``MAX_MARGIN``): the slip is the
    likeliest account of the word."""
    word = query.words[query.i]
    target = match.name.form.split()[query.i - match.low]
    folded, name = fold(word), fold(target)
    return (
        match.name.entity.type != "person"
        and margin >= MAX_MARGIN
        and query.suspicious
        and query.lexicon.zipf(word) == 0
        and folded[:1] == name[:1]
        and OSA.distance(folded, name) == 1
        and query.lexicon.zipf(target) >= VERY_FAMOUS_ZIPF
    )


#: A rival entity scoring within this of the best makes the choice ambiguous.
AMBIGUITY_MARGIN = 0.04


def _rules_confidence(query: _Query, match: _Match, margin: float) -> float:
    """The confidence of a reading (and one piece of evidence for the model): the spelling
    similarity above the least the rules accept, plus twice the context, slot and full-name
    evidence of the score; less for a word some list knows, or when a rival entity scores
    nearly as well (``margin``: the score over the best rival's)."""
    confidence = 0.35 + 1.3 * (match.spelling - MIN_SIMILARITY) + 2 * (match.score - match.spelling)
    if not query.suspicious:
        confidence -= 0.1
    if margin < AMBIGUITY_MARGIN:
        confidence -= 0.15
    return max(0.05, min(confidence, 0.95))


def candidate_readings(document: Document, lexicon: Lexicon) -> Iterator[Candidate]:
    """Yield the best reading of each possibly garbled name, whatever the rules make of it
    (``Candidate.rules``), with its evidence (``FEATURES``): what ``scripts/train_entity.py``
    learns from. The names the article's majority spelling settles are left to it."""
    context = _Context(document, lexicon)
    majority = _minority_spellings(document, lexicon, context)
    for run in _runs_to_check(document, lexicon, every=True):
        yield from _check_run(run, document, lexicon, context, majority, every=True)


def _window_candidates(
    words: tuple[str, ...], i: int, low: int, high: int, lexicon: Lexicon
) -> list[NameForm]:
    """The name forms the words ``low``..``high`` may be; for the word ``i`` alone inside a
    longer run, only those it may be read as by itself (``_one_slip_in_run``). None for a
    window whose other words no form keeps (``_spelling_fit`` needs one kept)."""
    if high - low > 1:
        others = [j - low for j in range(low, high) if j != i and words[j] not in NAME_PARTICLES]
        if not lexicon.names.keep_a_word(words[low:high], others):
            return []
    candidates = lexicon.names.candidates(" ".join(words[low:high]), high - low)
    if high - low > 1 or len(words) == 1:
        return candidates
    return [
        name
        for name in candidates
        if _one_slip_in_run(words[i], name.form)
        and not _beside_other_name_part(words, i, name.entity, lexicon)
    ]


def _romanisation_of(query: _Query, match: _Match) -> bool:
    """Tell whether the word is another accepted romanisation of the person's name in the
    reading (Zelenskyi for Zelenskyy, Anatoliy for Anatolii): then it is that name, spelled.

    A name from another script (``TRANSLITERATED_FROM``) is romanised more ways inside the word
    too (Sviridenko, Oleg), and its first name may be another language's form of it, one real
    text uses (Volodymyr or Vladimir Saldo)."""
    entity = match.name.entity
    if entity.type != "person":
        return False
    parts = match.name.form.split()
    position = query.i - match.low
    word, target = query.words[query.i], parts[position]
    if romanisation_key(word) == romanisation_key(target):
        return True
    if TRANSLITERATED_FROM.isdisjoint(entity.context):
        return False
    if other_script_key(word) == other_script_key(target):
        return True
    first_name = position < len(parts) - 1
    used = query.lexicon.zipf(word)
    return (
        first_name
        and used >= PLAUSIBLE_ZIPF
        # one slip from the person's is a slip ("Nicol"), unless a name used very often (Steven)
        and (OSA.distance(fold(word), fold(target)) > 1 or used >= FAMOUS_ZIPF)
        and not any(word in spellings(target, language) for language in TRANSLITERATION_RULES)
    )  # Wladimir, the German spelling, is no English form of Vladimir


def _score(query: _Query, reading: _Reading) -> _Match | None:
    """Score ``reading`` (the words ``low``..``high`` as ``name``); None when it does not fit.

    The other words must be alike and one of them the same (the rest of the name), the
    word itself close enough, and the article must support the entity. Reading ``every``
    reading (for the model's training data), the rules' softer tests are recorded in the
    match (``Gates``) instead, and a likeness down to ``WEAK_SIMILARITY`` is scored.
    The tests of spelling alone have passed (``_spelling_fit``, ``_alike_enough``).
    """
    low, high, name, (spelling, others) = reading
    span, parts = query.words[low:high], name.form.split()
    word, target = query.words[query.i], parts[query.i - low]
    plausible = (
        query.suspicious
        and not others
        and (
            _plausible(word, target, query)
            or _another_pinyin_name(word, target, name.entity, query.lexicon)
        )
    ) or _accepted_spelling(word, target, query.lexicon, alone=not others)
    plausible = plausible or (
        name.entity.type in PLACE_TYPES
        and (_derived_word_in_use(word, target, query.lexicon) or _other_gender(word, target))
    )
    named_otherwise = not others and _named_otherwise(query, name.entity)
    if (plausible or named_otherwise) and not query.every:
        return None
    hits = query.context.matches(name.entity, word)
    needed = _needed_similarity(others, word, target, hits)
    distant = spelling < needed or _through_distant_alias(word, target, name)
    if distant and not query.every:
        return None
    slot = _slot_fit(query.document, query.lexicon, query.run, low, name.entity)
    unsupported = not _supported(query, name, target, others, slot, hits)
    if unsupported and not query.every:
        return None
    gates = Gates(plausible, named_otherwise, unsupported, distant=distant)
    exact = sum(a == b for a, b in zip(span, parts, strict=True))
    score = spelling + 0.04 * min(hits, 3) + 0.05 * slot + 0.05 * bool(others)
    score += 0.01 * exact  # the fewest words changed
    score += 0.005 * (name.form in (name.entity.name, name.entity.name.split()[-1]))
    return _Match(score, low, high, name, spelling, hits, slot, gates)


def _through_distant_alias(word: str, target: str, name: NameForm) -> bool:
    """Tell whether the reading goes through another name of the entity (an alias: another
    language's or an older spelling, "Bayern" for Bavaria) that the word is no close slip of
    (``_close_slip``): two steps, a garble and a translation, each a guess ("Bachern", a
    village, is not Bavaria). A slip of the entity's own name, or of a part of it, is one step."""
    own = name.entity.name
    return name.form != own and target not in own.split() and not _close_slip(word, target)


class _Spelling(NamedTuple):
    """A window's words read as a name form, as far as spelling tells: how alike the word
    checked is to its part of the name, and each other word with its part (the rest of the
    name)."""

    similarity: float
    others: tuple[tuple[str, str], ...]


#: Words that say what kind of place a name is ("Volchya River", "Tianjun County"): shared
#: with a known name, they are the rest of that name only for a close slip of it ("Baltci
#: Sea"); any river has one ("Volchya River" is no Volga River).
PLACE_KIND_WORDS = frozenset(
    "river lake sea bay gulf island islands mountain mountains valley canal strait peninsula "
    "county district region province oblast krai raion rayon township village city town "
    "street avenue square bridge airport station".split()
)


def _spelling_fit(span: tuple[str, ...], form: str, at: int) -> _Spelling | None:
    """Read the words ``span`` as the name ``form``, the word at ``at`` being the one
    checked; None when no article could make the reading fit (``_score``): the other words
    are unlike their parts or none is the same (a word of a place's kind only for a close slip:
    ``PLACE_KIND_WORDS``),
    the word extends or derives from the name or
    differs too much in length, is the name itself, or is less alike than ``WEAK_SIMILARITY``
    (a pure function of the spellings, asked once a run: ``_run_plan``).
    """
    parts = form.split()
    others = tuple((a, b) for j, (a, b) in enumerate(zip(span, parts, strict=True)) if j != at)
    if any(similarity(a, b) < MIN_SIMILARITY - 0.1 for a, b in others):
        return None
    word, target = span[at], parts[at]
    if others and not any(
        name_key(a) == name_key(b)
        for a, b in others
        if a not in NAME_PARTICLES
        and (a.lower() not in PLACE_KIND_WORDS or _close_slip(word, target))
    ):
        return None
    if (
        _extends(word, target)
        or (not others and _derived(word, target))
        or abs(len(word) - len(target)) > MAX_LENGTH_CHANGE
    ):
        return None
    spelling = similarity(word, target)
    if spelling < WEAK_SIMILARITY or word == target:
        return None
    return _Spelling(spelling, others)


#: Enough of the entity's context words in the article to accept a weak likeness of the
#: word when the rest of the name is there too (``_needed_similarity``).
CONTEXT_AGREES = 2


def _needed_similarity(
    others: tuple[tuple[str, str], ...], word: str, target: str, hits: int
) -> float:
    """The least spelling similarity the rules accept: less with the rest of the name, and
    ``WEAK_SIMILARITY`` when ``CONTEXT_AGREES`` context words (``hits``) and the first letter
    agree too ("Jassend Ardern")."""
    if others and hits >= CONTEXT_AGREES and fold(word)[:1] == fold(target)[:1]:
        return WEAK_SIMILARITY
    return MIN_SIMILARITY - 0.06 * bool(others)


#: Machine translation changes a few letters of a name; a word longer or shorter than the
#: name by more than this is another name ("Schüller" is not "Schallenberg").
MAX_LENGTH_CHANGE = 3
#: A word English text uses this often (wordfreq Zipf) is a real word or name of its own.
PLAUSIBLE_ZIPF = 2.0
#: A word this common in another language (wordfreq Zipf) is that language's word.
FOREIGN_ZIPF = 4.5
#: The languages whose common words are looked up (those the frequency layer has).
FOREIGN_LANGUAGES = ("de", "fr", "es", "it", "nl", "pl", "cs", "ru", "uk")
#: How prominent (wordfreq Zipf) a name must be to be corrected to with no context word.
PROMINENT_ZIPF = 2.5
#: A part of a full name shared by at most this many people identifies the person.
DISTINCTIVE_NAME_PART = 2


#: A word of a longer capitalised run read as a name by itself is at least this long.
MIN_WORD_IN_RUN = 5


def _one_slip_in_run(word: str, target: str) -> bool:
    """Tell whether one word of a longer capitalised run may be read as the name ``target``
    by itself ("Sampdoria Gneoa", "Xinhua News Agency Beijipg"): the run may be another name
    of its own ("Huasheng Group" is no Huateng, "Jumbo Visma" no Visa), so the word and the
    name must be long, one slip apart (a letter changed, added, dropped or two swapped) and
    not forms of one word ("Thüringer"), and no text may use the word (``_may_stand_alone``).
    Nor may a neighbour be a part of another person's name (``_beside_other_name_part``)."""
    folded, name = fold(word), fold(target)
    return (
        len(target) >= MIN_WORD_IN_RUN
        and OSA.distance(folded, name) == 1
        and not _forms_of_one_word(folded, name)
    )


@lru_cache(maxsize=1 << 16)
def _may_stand_alone(word: str, lexicon: Lexicon) -> bool:
    """Tell whether a suspicious word of a longer capitalised run is worth reading as a name
    by itself (``_one_slip_in_run``): long, and no text uses it (memoised)."""
    return len(word) >= MIN_WORD_IN_RUN and lexicon.zipf(word) == 0


def _beside_other_name_part(
    words: tuple[str, ...], i: int, entity: Entity, lexicon: Lexicon
) -> bool:
    """Tell whether a word of the run next to the query word is a known first name or surname
    that is not part of the entity's own name ("Huang Xiaoxi" is no Xiaomi, "Chen Chunming"
    no Hua Chunying); or, for a place or organisation, a word no list knows (the run is then
    likelier a name of its own, a person's with a garbled part: "Huaang Xiaoxi"), or a name
    that is no common word right before the run's last word, where a surname follows a first
    name ("Marla Dizney" is no Disney; "Sparda Bank Berllin" is Berlin)."""
    names = lexicon.names
    own = {part for form in (entity.name, *entity.aliases) for part in form.split()}
    if any(
        0 <= j < len(words)
        and words[j] not in own
        and (
            words[j] in names.first_names
            or words[j] in names.surnames
            or (entity.type != "person" and _is_suspicious(words[j], lexicon))
        )
        for j in (i - 1, i + 1)
    ):
        return True
    before = words[i - 1] if i > 0 else ""
    return (
        entity.type != "person"
        and i == len(words) - 1
        and lexicon.is_known_name(before)
        and before.lower() not in lexicon.common_words
    )


def _extends(word: str, target: str) -> bool:
    """Tell whether the word is the name with letters added at its end ("Xinhuanet",
    "YouTuber"), or with an -e after its last consonant ("Donetske", "Pervomaiske": villages
    named after the towns, in the neuter): a derived word or another name, not a garble of it."""
    folded, name = fold(word), fold(target)
    if not folded.startswith(name):
        return False
    added = folded[len(name) :]
    return len(added) >= 2 or (added == "e" and name[-1:] not in VOWELS)


#: Endings of a word derived from a name (as the transliteration key spells them):
#: "Israeli", "Syrian", "Venezuelan", "Japanese", "YouTuber", "Netanyahus".
ADJECTIVE_ENDINGS = ("an", "ian", "ean", "ese", "i", "ish", "er", "s")


def _derived(word: str, target: str) -> bool:
    """Tell whether the word is longer than the name and ends like a word derived from it
    ("Israely", "Syryan" for Israeli, Syrian; "YouTuber"), or is the name's stem with a Slavic
    adjective ending ("Kosovskom", "Kharkivskyi": the district or region named after the place,
    ``SLAVIC_ADJECTIVE``): a derived word, not the name."""
    key, name = name_key(word), name_key(target)
    if len(key) > len(name) and any(
        key.endswith(ending) and not name.endswith(ending) for ending in ADJECTIVE_ENDINGS
    ):
        return True
    folded, stem = fold(word), fold(target).rstrip("aeiouy")
    return (
        len(stem) >= MIN_SLAVIC_STEM
        and folded.startswith(stem)
        and SLAVIC_ADJECTIVE.fullmatch(folded[len(stem) :]) is not None
    )


#: The ending of a Slavic adjective made from a place name (Russian, Ukrainian, Polish, Czech:
#: -skiy, -skyi, -ska, -ske, -skom, -skoye, -cki...), after the name's stem.
SLAVIC_ADJECTIVE = re.compile(
    r"(?:ov|ev|iv|in)?(?:s|c|ts|z)k(?:iy|yi|yy|ij|ii|y|i|a|e|o|oye|oe|aya|om|ogo|oho|ym|ikh)"
)
#: A name's stem this short ("Ob") takes no Slavic ending we can tell from a slip.
MIN_SLAVIC_STEM = 4


def _plausible(word: str, target: str, query: _Query) -> bool:
    """Tell whether real text uses the word often enough to be a word or name of its own
    ("Jiang", "Maruyama"), or a common word of another language left untranslated
    ("Politik"): alone, with no rest of a name, it is then not a garble, unless the article
    spells the name the other way more often (a minority spelling is the slip)."""
    context = query.context
    return _in_real_use(word, query.lexicon) and context.mentions(target) <= context.mentions(word)


#: Real text may use another accepted spelling of a name up to this many Zipf points (about
#: three times) less often than the listed one (Transcaucasus beside Transcaucasia).
SPELLING_MARGIN = 0.5


def _accepted_spelling(word: str, target: str, lexicon: Lexicon, alone: bool) -> bool:
    """Tell whether a word read alone, with no rest of the name, is a word or spelling of its
    own rather than a garble of the name's part ``target``: real English text uses it at
    least as often as the name's spelling (Nakhichevan beside Nakhchivan). Machine
    translation's garbles are rarely in the word-frequency lists, and never as common as the
    name they garble. A word one slip from the name (a letter changed, added, dropped or two
    swapped: "Nicol" for Nikol) stays a possible slip, as a slip may be a real name too; and
    beside the rest of the name a real word may still be its garble ("Mark Milli")."""
    used = lexicon.zipf(word)
    return (
        alone
        and used > 0
        and used >= lexicon.zipf(target) - SPELLING_MARGIN
        and OSA.distance(fold(word), fold(target)) != 1
    )


#: Shortest stem a word derived from a name shares with it ("Lanka" in "Lankan").
MIN_DERIVED_STEM = 4


def _derived_word_in_use(word: str, target: str, lexicon: Lexicon) -> bool:
    """Tell whether the word is one real English text uses, derived from a place's name by a
    demonym's or plural's ending: the name with at most its last two letters swapped for such
    an ending ("Sri Lankan" from Sri Lanka, "Emirati" from Emirates, "Germans"). A people's or
    country's adjective is a word of its own, not a garble of the name, beside the rest of the
    name too."""
    folded, name = fold(word), fold(target)
    pairs = enumerate(zip(folded, name, strict=False))
    shared = next((i for i, (a, b) in pairs if a != b), None)
    stem = folded[: min(len(folded), len(name)) if shared is None else shared]
    return (
        len(stem) >= MIN_DERIVED_STEM
        and len(stem) >= len(name) - 2
        and folded[len(stem) :] in _DERIVED_TAILS
        and lexicon.zipf(word) >= PLAUSIBLE_ZIPF
    )


_DERIVED_TAILS = frozenset(DERIVED_ENDINGS) | frozenset(ADJECTIVE_ENDINGS)


#: Endings of Slavic adjectives, romanised, that a place's name may have in another gender:
#: Ukrainian or Russian masculine -yi, -iy, -ij, neuter -ye, -oye, feminine -aya (not -yy: a
#: doubled final letter is a slip, "Hungaryy").
LONG_ADJECTIVE_ENDINGS = ("yi", "iy", "ij", "ye", "oye", "aya")
#: Short endings they alternate with (Pivdenne, Pivdenna, Pivdenny).
SHORT_ADJECTIVE_ENDINGS = ("e", "a", "y", "i", "o")


def _other_gender(word: str, target: str) -> bool:
    """Tell whether the word is the place's name with another gender's adjective ending, a
    long one (Pivdennyi, the port, beside Pivdenne, the town): Slavic places and the things
    named after them take the gender of their noun, so the form names another thing. A slip
    changes one letter, so a word with a short ending stays a possible slip ("Buchi")."""
    folded, name = fold(word), fold(target)
    for ending in LONG_ADJECTIVE_ENDINGS:
        stem = folded[: -len(ending)]
        if folded.endswith(ending) and len(stem) >= MIN_DERIVED_STEM and name != folded:
            rest = name[len(stem) :] if name.startswith(stem) else None
            return rest is not None and rest in LONG_ADJECTIVE_ENDINGS + SHORT_ADJECTIVE_ENDINGS
    return False


def _written_as_english_writes(query: _Query, match: _Match) -> bool:
    """Tell whether the word is the name's part as English writes it: without its diacritics
    (Jaroslaw for Jarosław) or without a hyphened article (Bashar Assad for al-Assad, Dbeibah
    for al-Dbeibah). Then it is that name, spelled, and no reading changes it."""
    parts = match.name.form.split()
    word, target = query.words[query.i], parts[query.i - match.low]
    return word != target and (fold(word) == fold(target) or target.endswith("-" + word))


#: Syllables of Hanyu Pinyin without tones, by initial: which finals each initial takes.
PINYIN_INITIAL_SYLLABLE = "|".join(
    (
        r"(?:[bpmdtnl])(?:iang|iao|ian|ing|ang|eng|ong|ai|ei|ao|ou|an|en|ia|ie|iu|in|uo|ui|un|a|o|e|i|u|v)",
        r"f(?:ang|eng|ei|ou|an|en|a|o|u)",
        r"(?:[gkh]|zh|ch|sh|[zcsr])(?:uang|ang|eng|ong|uai|uan|ai|ei|ao|ou|an|en|ua|uo|ui|un|a|e|i|u)",
        r"[jqx](?:iang|iong|iao|ian|ing|ia|ie|iu|in|ue|un|i|u)",
        r"y(?:ang|ing|ong|uan|ao|ou|an|in|ue|un|a|e|i|u)",
        r"w(?:ang|eng|ai|ei|an|en|a|o|u)",
    )
)
#: The syllables with no initial consonant.
PINYIN_BARE_SYLLABLE = r"(?:ang|eng|ai|ei|ao|ou|an|en|er|a|o|e)"
PINYIN_SYLLABLE = f"{PINYIN_INITIAL_SYLLABLE}|{PINYIN_BARE_SYLLABLE}"
PINYIN_WORD = re.compile(f"(?:{PINYIN_SYLLABLE})+")


@cache
def _pinyin_name() -> re.Pattern[str]:
    """Whole pinyin syllables as a name writes them: a syllable with no initial consonant
    opens the word only (inside one, pinyin marks it with an apostrophe: "Xi'an"). Compiled
    when first asked, off the start-up path."""
    return re.compile(f"(?:{PINYIN_SYLLABLE})(?:{PINYIN_INITIAL_SYLLABLE})*")


#: The confidence of a common word's slip in a title-case name (``_title_word_corrections``).
TITLE_WORD_CONFIDENCE = 0.7
#: Words that say what kind of place the name before them is (``PLACE_KIND_WORDS``, and
#: buildings and grounds that take a name): "Puding County", "Hatcho Shrine".
NAMED_PLACE_KINDS = PLACE_KIND_WORDS | frozenset(
    "shrine temple church cathedral monastery mosque castle palace park garden hall".split()
)
#: A word of a title-case name read as a common word's slip is this long at least.
MIN_TITLE_WORD_LENGTH = 6
#: How often (wordfreq Zipf) real text uses the common word it is read as.
TITLE_WORD_ZIPF = 3.0


def _title_word_corrections(
    document: Document, context: _Context, covered: list[tuple[int, int]]
) -> Iterator[Proposal]:
    """Correct a slip of a common English word that a title-case name writes with a capital
    ("International Awiation Association", "Northern Hemisfere"): a word no list knows and no
    text uses, written once (a name the article repeats is its own: "President Grindel ...
    Grindel"), one capitalised common word beside it that is no person's title, and exactly
    one common English word one slip from it (``_title_word``); the nonword rules read
    lower-case words only."""
    lexicon = context.lexicon
    inside = _Covered(covered)
    tokens = document.tokens
    words = tokens.words
    for index in document.capitalised:
        text = words[index]
        if _title_word(text[:-2] if text.endswith(POSSESSIVES) else text, lexicon) is None:
            continue  # the cheap, memoised question first (``_base``'s word): most never pass
        token = tokens[index]
        if token.sentence_initial or inside(token.start):
            continue
        word, end = _base(token)
        fixed = _title_word(word, lexicon)
        if (
            fixed is None
            or context.mentions(word) != 1
            or not _beside_title_word(document, index, lexicon)
        ):
            continue
        if index + 1 < len(tokens) and tokens[index + 1].text.lower() in NAMED_PLACE_KINDS:
            continue  # a place's own name before its kind ("Puding County", "Hatcho Shrine")
        if _before_a_rare_capital(document, index, lexicon):
            continue  # a person's first name before the surname ("Board Chairman Magzum Aliyev")
        yield Proposal(
            start=token.start,
            end=end,
            replacement=fixed,
            confidence=TITLE_WORD_CONFIDENCE,
            reason=f"“{word}” in a title-case name is no word; “{fixed}” is one slip from it.",
            rule="entity.title_word",
        )


@lru_cache(maxsize=1 << 14)
def _title_word(word: str, lexicon: Lexicon) -> str | None:
    """Return the capitalised common English word ``word`` is the one slip of, when no list
    knows ``word`` and no text in any language uses it (memoised)."""
    if (
        len(word) < MIN_TITLE_WORD_LENGTH
        or not word[1:].islower()
        or not word.isalpha()
        or lexicon.zipf(word) > 0
        or not _is_suspicious(word, lexicon)
        or _foreign_word(word, lexicon)
    ):
        return None
    near = [
        other
        for other in edits1(word.lower()) & lexicon.common_words
        if lexicon.zipf(other) >= TITLE_WORD_ZIPF
    ]
    return near[0].capitalize() if len(near) == 1 else None


def _beside_title_word(document: Document, index: int, lexicon: Lexicon) -> bool:
    """Tell whether a capitalised common English word that is no person's name or title
    stands right before or after the token ``index``, one space apart, or past one "of" or
    "and" ("Department of Agricultuure"): a title-case name's other word ("President
    Grindel" is a person)."""
    tokens = document.tokens
    for step in (-1, 1):
        near, other = index, index + step
        if _spaced(document, near, other) and tokens[other].text in TITLE_CONNECTORS:
            near, other = other, other + step  # look past the connector
        if _spaced(document, near, other) and _title_word_of_name(tokens[other], lexicon):
            return True
    return False


def _before_a_rare_capital(document: Document, index: int, lexicon: Lexicon) -> bool:
    """Tell whether the token ``index`` stands one space before a capitalised word that is no
    common English word: the two are a name of their own, such as a person's."""
    after = index + 1
    if not _spaced(document, index, after):
        return False
    word = document.tokens[after].text
    return word[:1].isupper() and word.lower() not in lexicon.common_words


#: Lower-case words inside a title-case name ("Department of Agriculture and Rural Affairs").
TITLE_CONNECTORS = frozenset({"of", "and"})


def _spaced(document: Document, index: int, other: int) -> bool:
    """Tell whether the tokens ``index`` and ``other`` are neighbours one space apart."""
    tokens = document.tokens
    if not (0 <= index < len(tokens) and 0 <= other < len(tokens)) or abs(index - other) != 1:
        return False
    first, second = sorted((index, other))
    return document.text[tokens[first].end : tokens[second].start] == " "


def _title_word_of_name(token: Token, lexicon: Lexicon) -> bool:
    """Tell whether the token is a capitalised common English word inside a sentence that is
    no person's name or title."""
    word, names = token.text, lexicon.names
    return (
        word[:1].isupper()
        and word.lower() in lexicon.common_words
        and word.lower() not in PERSON_TITLES
        and word not in names.first_names
        and word not in names.surnames
        and not token.sentence_initial
    )


#: The confidence of a slip undone in a Chinese name (``_pinyin_slip_corrections``).
PINYIN_SLIP_CONFIDENCE = 0.8


#: Words that say an article is about China or Chinese people: the pinyin rule needs one.
CHINA_WORDS = ("China", "Chinese", "Beijing", "Shanghai", "Hong Kong", "Taiwan", "Xinhua")
_CHINA = re.compile(rf"\b(?:{'|'.join(CHINA_WORDS)})\b")


def _names_china(text: str) -> bool:
    """Tell whether the text names China (``CHINA_WORDS``, as whole words); a plain search
    for the words rules most texts out first."""
    return any(word in text for word in CHINA_WORDS) and _CHINA.search(text) is not None


def _pinyin_slip_corrections(
    document: Document, lexicon: Lexicon, covered: list[tuple[int, int]]
) -> Iterator[Proposal]:
    """Correct a word of a Chinese person's name with a letter written twice ("Zhanng Ying",
    "Ma Sanlii") or an "i" written "y" ("Xiu Lypeng"): the word is no whole pinyin
    syllables, with the slip undone it is (``_pinyin_repair``), and the other words of the
    name are whole syllables. A Chinese name is written in whole syllables, so the word is a
    slip; no text uses it, and there is one way to read it. Only in an article that names
    China (``_names_china``), and never a word with accents: many names of other languages are
    pinyin-shaped too (Aanei, Oginni, Király on clean news with rare names swapped in)."""
    if not _names_china(document.text):
        return  # pinyin names come in articles that say they are Chinese
    slips = {
        word: fixed
        for word in document.capitalised_words
        if word.isascii() and (fixed := _pinyin_repair(word, lexicon))  # no accents in pinyin
    }
    if not slips:
        return
    inside = _Covered(covered)
    for token in _mentions(document, slips):
        if inside(token.start) or not _in_chinese_name(document, token, lexicon):
            continue
        word, end = _base(token)
        yield Proposal(
            start=token.start,
            end=end,
            replacement=slips[word],
            confidence=PINYIN_SLIP_CONFIDENCE,
            reason=f"“{word}” in a Chinese name is no pinyin; “{slips[word]}”, one slip undone, "
            "is, as the rest of the name.",
            rule="entity.pinyin",
        )


@lru_cache(maxsize=1 << 14)
def _pinyin_repair(word: str, lexicon: Lexicon) -> str | None:
    """Return the one spelling of ``word`` that is whole pinyin syllables (``_pinyin_name``)
    by one slip undone: a doubled letter written once, or a "y" written "i" (pinyin writes
    "y" only to open a syllable: "Lypeng", "Junfey"); None when ``word`` is whole syllables
    already, some text uses it, or there is no one such spelling (memoised). Two letters
    swapped back are not tried: Japanese names and others' are whole syllables so too often
    ("Keiaki", "Aminus")."""
    folded = fold(word).lower()
    if not word[1:].islower() or _pinyin_name().fullmatch(folded) or lexicon.zipf(word) > 0:
        return None
    slips = {
        word[:at] + word[at + 1 :] for at in range(1, len(word)) if folded[at] == folded[at - 1]
    }
    slips.update(word[:at] + "i" + word[at + 1 :] for at in range(1, len(word)) if word[at] == "y")
    whole = [form for form in slips if _pinyin_name().fullmatch(fold(form).lower())]
    if len(whole) != 1 or _foreign_word(word, lexicon):
        return None
    return whole[0]


def _in_chinese_name(document: Document, token: Token, lexicon: Lexicon) -> bool:
    """Tell whether the token stands in a name of two or three capitalised words, one space
    apart, whose other words are whole pinyin syllables and no common English word ("Zhanng
    Ying", "Ma Sanlii"; "Kinniku Man" is Japanese); a capitalised common word may stand
    beside the name ("Reporter Yangg Na"), another name may not ("Lee Hsien Loong" is no
    Chinese name in pinyin)."""
    tokens = document.tokens
    others = []
    for step in (-1, 1):
        index = token.index
        while _joined(document, min(index, index + step)):
            index += step
            word = tokens[index].text
            if word.lower() in lexicon.common_words:
                break  # "Reporter", or "Man" after a Japanese word: no part of a pinyin name
            if not _pinyin_name().fullmatch(fold(word).lower()):
                return False
            others.append(word)
    return 1 <= len(others) <= 2


def _joined(document: Document, index: int) -> bool:
    """Tell whether the token ``index`` and the next are capitalised and one space apart."""
    tokens, text = document.tokens, document.text
    if not 0 <= index < len(tokens) - 1:
        return False
    first, second = tokens[index], tokens[index + 1]
    return (
        first.text[:1].isupper()
        and second.text[:1].isupper()
        and text[first.end : second.start] == " "
    )


#: How often (wordfreq Zipf) real text names a Chinese place for a slip of it that is whole
#: pinyin syllables to be likelier than a namesake: Guangzhou (3.3), Macau, Shenzhen, Beijing
#: above; Tianjin (2.8), Wuhan, Qingdao below. Set between the synthetic slips it keeps fixing
#: ("Guanzhou", "Micao") and the real county it lets be ("Tianjun" County).
PINYIN_NAMESAKE_ZIPF = 3.0


def _another_pinyin_name(word: str, target: str, entity: Entity, lexicon: Lexicon) -> bool:
    """Tell whether the word and a Chinese name that real text does not name often
    (``PINYIN_NAMESAKE_ZIPF``) are both whole pinyin syllables: Chinese names are a few
    syllables each, so one letter apart they are often two names ("Tianjun" County is no
    Tianjin), and machine translation from Chinese writes whole syllables, not slips. A slip of
    a well-known name, or of another name of it ("Micao" for Macao, Macau), is still likelier
    than a namesake."""
    return (
        "china" in entity.context
        and max(lexicon.zipf(target), lexicon.zipf(entity.name)) < PINYIN_NAMESAKE_ZIPF
        and PINYIN_WORD.fullmatch(fold(word).lower()) is not None
        and PINYIN_WORD.fullmatch(fold(target).lower()) is not None
    )


@lru_cache(maxsize=1 << 16)
def _in_real_use(word: str, lexicon: Lexicon) -> bool:
    """Tell whether real text uses the word as a word or name of its own: English often
    enough, or another language commonly (memoised: a pure function of the word)."""
    return lexicon.zipf(word) >= PLAUSIBLE_ZIPF or any(
        lexicon.zipf(word, language) >= FOREIGN_ZIPF for language in FOREIGN_LANGUAGES
    )


@lru_cache(maxsize=4)
def _minority_filter(lexicon: Lexicon) -> WordFilter:
    """Tells the words whose base may be a minority spelling (``_may_be_minority``) among
    ``lexicon``'s, remembering the words it rejects."""
    return WordFilter(lambda word: word[:1].isupper() and _may_be_minority(_strip(word), lexicon))


@lru_cache(maxsize=1 << 16)
def _may_be_minority(word: str, lexicon: Lexicon) -> bool:
    """Tell whether a capitalised word may be a minority spelling (``_minority_spellings``):
    long enough, in Latin letters (a word of another script is left as written), unknown to
    every list (all capitals never are), rarely used by real text, and no word of another
    language, or else one that needs a clear majority (``_needs_clear_majority``). Memoised
    per word."""
    return (
        len(word) >= MIN_MINORITY_LENGTH
        and latin_script(word)
        and lexicon.zipf(word) < PLAUSIBLE_ZIPF
        and (
            (_is_suspicious(word, lexicon) and not _foreign_word(word, lexicon))
            or _needs_clear_majority(word, lexicon)
        )
    )


@lru_cache(maxsize=1 << 16)
def _needs_clear_majority(word: str, lexicon: Lexicon) -> bool:
    """Tell whether a capitalised word is a name some list of names has, or a word another
    language uses, and not an English word, nor all capitals, nor a curated entity's spelling
    (the city of Netanya, the agency Irna): a spelling the article's majority one may
    outweigh, given more evidence than an unknown one needs (``_listed_name_yields``: "Idan"
    or the German "Iren" once beside "Iran" throughout), unless the other language uses it
    commonly (``COMMON_FOREIGN_ZIPF``: "Gärten" is German, beside "Garden" or not). Memoised."""
    foreign = lexicon.foreign_zipf(word, FOREIGN_LANGUAGES)[1]
    return (
        word.isalpha()  # a compound of known words ("Late-night") is no listed name
        and not word.isupper()
        and word not in lexicon.names.exact
        and not lexicon.is_english_word(word.lower())
        and foreign < COMMON_FOREIGN_ZIPF
        and (foreign > 0 or not _is_suspicious(word, lexicon))
    )


#: A word another language uses this often (wordfreq Zipf: once in 100,000 words) is its
#: word, whatever English spelling it is one slip from ("Gärten", "Garden").
COMMON_FOREIGN_ZIPF = 4.0


@lru_cache(maxsize=1 << 16)
def _foreign_word(word: str, lexicon: Lexicon) -> bool:
    """Tell whether another language's text commonly uses the word (memoised)."""
    return lexicon.foreign_zipf(word, FOREIGN_LANGUAGES)[1] > 0


def _named_otherwise(query: _Query, entity: Entity) -> bool:
    """Tell whether the article names the word's bearer with a first name the person lacks
    ("Petra Schallenbach ... Schallenbach said"): then it is someone else."""
    if entity.type != "person":
        return False
    own = {part for form in (entity.name, *entity.aliases) for part in form.split()}
    return any(
        before not in own and before.lower() not in PERSON_TITLES
        for before in query.context.names_before(query.words[query.i])
    )


#: At most this many of the entity's context words in the article are thin evidence: one is
#: often a word any article of the kind has ("minister", "Russia").
THIN_CONTEXT = 1
#: How often (wordfreq Zipf) real text must name the entity for a lone word with thin context
#: to be corrected to it: an obscure name is no likelier than the rare real one it resembles.
KNOWN_TARGET_ZIPF = 2.0


def _supported(
    query: _Query,
    name: NameForm,
    target: str,
    others: tuple[tuple[str, str], ...],
    slot: int,
    hits: int,
) -> bool:
    """Tell whether the article supports reading the word as ``name`` beyond spelling: the
    rest of the name or the entity's context words, or other evidence where there are none
    (``_evident_without_context``). A word alone, with at most one context word, in an article
    that never spells the name, must also look like a slip of that name rather than a rare
    name of its own (``_thin_evidence_fits``).
    """
    if (
        not others
        and hits <= THIN_CONTEXT
        and not query.context.mentions(target)  # the article's own spelling is evidence
        and not _thin_evidence_fits(query, target)
    ):
        return False
    return hits > 0 or _evident_without_context(query, name, target, others, slot)


def _thin_evidence_fits(query: _Query, target: str) -> bool:
    """Tell whether a word read alone, with at most one of the entity's context words in the
    article, may still be a slip of the name ``target``.

    A rare real name is no error, and one context word is little evidence that the article
    means the known name. So the name must be one real text uses (``KNOWN_TARGET_ZIPF``): the
    likelier it is the writer meant it. The word must not carry letters of another alphabet
    the name lacks (ė, ş, ő): machine translation does not add them, a language's own names
    have them (``_own_letters``). And a word the article repeats is a name it spells
    consistently: only a close slip (one letter, or the same transliteration key) that no
    text uses is still read as the name, as machine translation garbles a name the same way
    throughout.
    """
    lexicon, word = query.lexicon, query.words[query.i]
    if lexicon.zipf(target) < KNOWN_TARGET_ZIPF or _own_letters(word, target):
        return False
    if query.context.mentions(word) <= 1:
        return True
    return _close_slip(word, target) and lexicon.zipf(word) == 0


def _close_slip(word: str, target: str) -> bool:
    """Tell whether the word is one slip from the name (a letter changed, added, dropped or two
    swapped) or spelled the same but for transliteration (``name_key``)."""
    return OSA.distance(fold(word), fold(target)) == 1 or name_key(word) == name_key(target)


def _own_letters(word: str, target: str) -> bool:
    """Tell whether the word has letters with diacritics the name lacks, and is spelled
    otherwise too: a name in its own language's spelling ("Varėna", "Faragó"), not a
    garble of "Varna" or "Farage". Accents alone ("Oděsa" for "Odesa") are one spelling.

    >>> _own_letters("Varėna", "Varna"), _own_letters("Oděsa", "Odesa")
    (True, False)
    >>> _own_letters("Söderr", "Söder")
    False
    """
    extra = {c for c in word.lower() if not c.isascii()} - set(target.lower())
    return bool(extra) and fold(word) != fold(target)


def _evident_without_context(
    query: _Query,
    name: NameForm,
    target: str,
    others: tuple[tuple[str, str], ...],
    slot: int,
) -> bool:
    """Tell whether a reading stands without any of the entity's context words in the article.

    The article usually says what it is about, but a short text may not; then a word no list
    knows, written once, needs other evidence: a place's slot, for a close slip of the place
    (``_close_slip``: "in Khersen"; the slot says that a place is meant, not which, and a
    village two slips from a known town is likelier itself); the rest of a
    full name that hardly anyone else has ("Keir Starrer"); or one slip from a prominent name,
    in a word real text never uses ("shelled Kgarkiv"). A name the article repeats the same way
    with no context for the entity is more likely a rare real one, unless it is one slip from
    a famous place or organisation (``_consistent_slip_of_famous_name``).
    """
    lexicon, word = query.lexicon, query.words[query.i]
    if not query.suspicious:
        return False
    if query.context.mentions(word) > 1:
        return _consistent_slip_of_famous_name(word, target, name.entity, lexicon)
    if slot and name.entity.type in PLACE_TYPES and (others or _close_slip(word, target)):
        return True
    people = lexicon.names.people_with_word
    if any(a == b and people[b] <= DISTINCTIVE_NAME_PART for a, b in others):
        return True
    folded, name_folded = fold(word), fold(target)
    return (
        (others or name.entity.type != "person")  # a lone surname: too often another's
        and lexicon.zipf(word) == 0
        and folded[:1] == name_folded[:1]
        and OSA.distance(folded, name_folded) == 1
        and _prominence(target, name.entity, lexicon) >= PROMINENT_ZIPF
    )


#: How prominent (wordfreq Zipf) a name must be for a word repeated with no context word to be
#: read as its slip: among the names real text uses most ("Seattle", "Frankfurt", "Lithuania").
FAMOUS_ZIPF = 3.5


def _consistent_slip_of_famous_name(
    word: str, target: str, entity: Entity, lexicon: Lexicon
) -> bool:
    """Tell whether a word the article repeats, with no context word of the entity, is still
    that name garbled the same way throughout, as machine translation does: no text in any
    language uses the word, and it is one slip from a place or organisation real text names
    very often ("Seatle ... Seatle"), not a person (a surname alone is too often another's)."""
    folded, name = fold(word), fold(target)
    return (
        entity.type != "person"
        and folded[:1] == name[:1]
        and OSA.distance(folded, name) == 1
        and lexicon.zipf(word) == 0
        and not _foreign_word(word, lexicon)
        and _prominence(target, entity, lexicon) >= FAMOUS_ZIPF
    )


def _prominence(target: str, entity: Entity, lexicon: Lexicon) -> float:
    """How often real text uses the name (wordfreq Zipf). A publication's or company's name
    that is an ordinary word (Stern, Shell, Time) is not made prominent by the word's use."""
    if entity.type not in PEOPLE_AND_PLACES and target.lower() in lexicon.common_words:
        return 0.0
    return lexicon.zipf(target)


def _slot_fit(
    document: Document, lexicon: Lexicon, run: list[Token], low: int, entity: Entity
) -> int:
    """Return 1 when the words around the name suit the entity's type, else 0."""
    first = run[low]
    before = document.tokens[first.index - 1].text.lower() if first.index > 0 else ""
    last = run[-1].index + 1
    after = document.tokens[last].text.lower() if last < len(document.tokens) else ""
    if entity.type == "person":
        return int(before in PERSON_TITLES or after in SPEECH_VERBS)
    if entity.type in PLACE_TYPES:
        return int(before in PLACE_PREPOSITIONS or _listed_with_places(document, lexicon, run))
    return 0


def _listed_with_places(document: Document, lexicon: Lexicon, run: list[Token]) -> bool:
    """Tell whether the name stands in a list ("Donetsk, Luhansk, X and Zaporizhzhia")
    beside a word that is a known place."""
    text = document.text
    first, last = run[0], run[-1]
    neighbours = []
    if first.index > 0 and text[document.tokens[first.index - 1].end : first.start] == ", ":
        neighbours.append(document.tokens[first.index - 1])
    if last.index + 1 < len(document.tokens):
        following = document.tokens[last.index + 1]
        if text[last.end : following.start] == ", ":
            neighbours.append(following)
        elif following.text == "and" and following.index + 1 < len(document.tokens):
            neighbours.append(document.tokens[following.index + 1])
    return any(
        name.entity.type in PLACE_TYPES
        for token in neighbours
        for name in lexicon.names.exact.get(token.text, ())
    )


def _candidate(query: _Query, match: _Match, confidence: float) -> Candidate:
    """Turn the best match into a change of the words that differ from the name."""
    run, words, context = query.run, query.words, query.context
    low, high, name = match.low, match.high, match.name
    parts = name.form.split()
    changed = [j for j in range(low, high) if words[j] != parts[j - low]]
    canonical = name.entity.name.split()
    if len(changed) == high - low and len(canonical) == len(parts):
        parts = canonical  # every word was garbled: write the canonical spelling
        changed = [j for j in range(low, high) if words[j] != parts[j - low]]
    first, last = changed[0], changed[-1]
    start = run[first].start
    end = _base(run[last])[1]
    original = " ".join(words[first : last + 1])
    replacement = " ".join(parts[first - low : last - low + 1])
    context_hits = context.matches(name.entity, words[query.i])
    kind = "person" if name.entity.type == "person" else name.entity.type
    reason = f"“{original}” is close to “{replacement}” ({kind}: {name.entity.name})"
    reason += f"; {context_hits} context word(s) in the article." if context_hits else "."
    return Candidate(start, end, original, replacement, name.entity, confidence, reason, ())


#: The confidence of a word read as the one known name it is a slip of (``_known_name_candidate``).
KNOWN_NAME_CONFIDENCE = 0.6
#: A word read as a slip of a known name is this long at least: a shorter rare name is too
#: often one slip from some name by chance (Demta and Delta, Ivai and Ivan; measured on clean
#: news with rare names swapped in, a length of 5 gave 34 such changes, 7 six, 8 two; 8 costs
#: 0.9 points of synthetic recall, and a false alarm on a real name costs more).
MIN_KNOWN_SLIP_LENGTH = 8
#: The type of the entity a known name stands for: its rule is ``entity.known_name``.
KNOWN_NAME = "known_name"


def _known_name_candidate(query: _Query) -> Candidate | None:
    """Read a word no list knows, for which no curated entity fits (or only one more than a
    slip away), as the one name it is a slip of among the names real text uses
    (``NameVocabulary``: "Levercusen" for Leverkusen, "Raphhael" for Raphael).

    With no type and no context words to go on, the word must be what a slip leaves and a rare
    real name is not: written once in the article (a name the article repeats the same way is
    its own), long (``MIN_KNOWN_SLIP_LENGTH``), used by no text in any language, one slip from
    exactly one such name (or one used ten times as often as the others), and not a form of it
    or another romanisation of it (``_slip_of``).
    """
    word = query.words[query.i]
    if (
        not query.suspicious
        or query.settled  # the article spells the name: its majority spelling decides
        or query.context.mentions(word) != 1
    ):
        return None
    target = _known_slip_target(word, query.lexicon)
    if target is None:
        return None
    if not _generic_run(query):
        return None
    entity = Entity(target, KNOWN_NAME, (), ())
    token = query.run[query.i]
    return Candidate(
        start=token.start,
        end=_base(token)[1],
        original=word,
        replacement=target,
        entity=entity,
        confidence=KNOWN_NAME_CONFIDENCE,
        reason=f"“{word}” is one slip from the name “{target}”, which real text uses; no text "
        "uses the word.",
        alternatives=(),
    )


@lru_cache(maxsize=1 << 16)
def _known_slip_target(word: str, lexicon: Lexicon) -> str | None:
    """Return the known name a suspicious word may be read as a slip of, as far as the word
    tells (``_known_name_candidate``): it is long, no text uses it, and it is one slip from
    one name (``_known_name_target``). Memoised: a pure function of the word."""
    if len(word) < MIN_KNOWN_SLIP_LENGTH or lexicon.zipf(word) > 0 or _foreign_word(word, lexicon):
        return None
    return _known_name_target(word, lexicon)


def _known_name_target(word: str, lexicon: Lexicon) -> str | None:
    """Return the known name ``word`` is a slip of (``_slip_of``): the only one, or the one
    real text uses ten times as often as the others; None when there is no telling which, or
    when the likeliest is a curated entity's spelling (its rules have weighed the word)."""
    known = lexicon.known_names
    curated = {
        name.form
        for name in lexicon.names.candidates(word, 1)
        if _within_one_slip(word, name.form) and _slip_of(word, name.form)
    }
    slips = [name for name in known.slips_of(word) if _slip_of(word, name)]
    frequency = {name: known.zipf(name) for name in slips} | {c: lexicon.zipf(c) for c in curated}
    target = _likeliest([*slips, *curated], frequency)
    return None if target in curated else target


#: A name real text uses this much more often (Zipf: ten times) than another is the likelier
#: one of two a word is a slip of.
LIKELIER_ZIPF = 1.0


def _likeliest(names: list[str], zipf: dict[str, float]) -> str | None:
    """Return the one name of ``names``, or the one real text uses ten times as often as
    each other; None when there is none or no telling which."""
    if not names:
        return None
    ranked = sorted(names, key=lambda name: -zipf[name])
    if len(ranked) > 1 and zipf[ranked[0]] - zipf[ranked[1]] < LIKELIER_ZIPF:
        return None
    return ranked[0]


def _generic_run(query: _Query) -> bool:
    """Tell whether the query word is its run by itself, or its run's other words are common
    English words ("Harrvard University", "The Deence Ministry") that are no part of a
    person's name, and it is not the run's last word: the slot of a surname or of a name of
    its own after another ("Jumbo Visma", "Clemens Wickler")."""
    words, i, lexicon = query.words, query.i, query.lexicon
    names = lexicon.names
    return len(words) - _openers(query.run, lexicon) == 1 or (
        i < len(words) - 1
        and all(
            word.lower() in lexicon.common_words
            and word not in names.first_names
            and word not in names.surnames
            for j, word in enumerate(words)
            if j != i
        )
    )


def _one_slip_reading(query: _Query, match: _Match) -> bool:
    """Tell whether the reading changes the query word by one slip at most."""
    return _within_one_slip(query.words[query.i], match.name.form.split()[query.i - match.low])


def _within_one_slip(word: str, target: str) -> bool:
    """Tell whether ``word`` is ``target`` or one slip from it: a letter changed, added or
    dropped, two letters swapped, or up to two cut from its end."""
    folded, name = fold(word), fold(target)
    return OSA.distance(folded, name) <= 1 or cut_short(folded, name)


#: Spellings a German transliteration of a foreign name has where the English one differs:
#: "Baschar", "Lukaschenko", "Netanjahu", "Wolodymyr" are spellings, for house style to decide.
GERMAN_SPELLINGS = (("tsch", "ch"), ("sch", "sh"), ("j", "y"), ("w", "v"))


def _german_spelling(word: str, name: str) -> bool:
    """Tell whether ``word`` is the German transliteration of the name ("Baschar", Bashar)."""
    folded, target = fold(word), fold(name)
    return any(
        german in folded and folded.replace(german, english) == target
        for german, english in GERMAN_SPELLINGS
    )


def _slip_of(word: str, name: str) -> bool:
    """Tell whether ``word`` may be a slip of ``name``: the same first letter, not a form of it
    ("Thüringer" beside Thüringen), not the name with letters added or an ending that derives
    a word from it ("Bavarians"), not another romanisation of it (Zelenskyi), and no accented
    letter the name lacks (an accent is written on purpose: "Schüller" is no slip of Schiller).
    """
    folded, target = fold(word), fold(name)
    return (
        folded[:1] == target[:1]
        and not _forms_of_one_word(folded, target)
        and not _extends(word, name)
        and not _derived(word, name)
        and romanisation_key(word) != romanisation_key(name)
        and not _german_spelling(word, name)
        and all(letter in name for letter in word if not letter.isascii())
    )
