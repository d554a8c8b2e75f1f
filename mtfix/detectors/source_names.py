"""Names and words that the source text gives away (only when a source is given).

- ``entity.source``: a capitalised word of the translation that English text does not use
  (wordfreq knows it not at all, no name list has it) and that the aligned source does not spell,
  close in spelling to a name of that source segment (as written, without accents, or romanised:
  :mod:`mtfix.source`) that the line lacks: "Vertape" where the source says "Verstappen". The
  replacement is the name as the source writes it (Uğur, Plößberg; for Cyrillic and Chinese the
  romanisation closest to the garble), an inflected ending of the source language taken off
  (Verstappens -> Verstappen). Not a garble: the source word itself inflected, declined (Czech
  Ovčáčka for Ovčáček) or with its end translated (Doublewinner for Doublesieger), or only the
  beginning of a longer source word. Never a name to write: a German compound of two common
  German words (Kurdirektorin), a source spelling of a name English spells otherwise
  (München), a name the line already spells.
- ``untranslated.source``: a word of the translation that the source segment has as it is, that is
  a common word of the source language and no English word or known name: a flag, with the
  source word as the reason.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from itertools import compress, count
from typing import TYPE_CHECKING, NamedTuple

from rapidfuzz.distance import JaroWinkler, Levenshtein

from ..change import Proposal
from ..lexicon import Lexicon
from ..names import latin_script
from ..quoted import QuotedForeignPhrases, set_apart
from ..text import Document, Token
from .untranslated import (
    LONE_TERM_CONFIDENCE,
    NOUN_CAPITALISING,
    beside_source_word,
    in_name_or_broken,
)

if TYPE_CHECKING:  # mtfix.source is imported where a source is used: most runs have none
    from ..source import SourceName, SourceText

#: A garble and a source name: Levenshtein similarity at least ``SIMILAR`` (for Chinese, whose
#: pinyin gives many short candidates, one letter's difference), and the same first letter or
#: Jaro-Winkler at least ``JARO_WINKLER``; or a shared ending of ``SHARED_ENDING`` letters
#: (Powerolsheim); or a shared beginning of ``SHARED_BEGINNING`` letters and a Levenshtein
#: similarity of at least ``CUT``, the garble being the source word's beginning but for its last
#: letter (a name cut short: Kimme for Kimmich; not Panzeros for Panzernashörner).
SIMILAR = 0.6
JARO_WINKLER = 0.85
SHARED_ENDING = 6
SHARED_BEGINNING = 4
CUT = 0.5
#: The Levenshtein similarity enough when the word beside the garble is the one beside the
#: source name (the rest of a multi-word name agrees).
WITH_PARTNER = 0.5
#: Two words with ``INFLECTED_STEM`` first letters in common, differing in at most their last
#: two, which are ``INFLECTION_LETTERS``, are one word inflected (Oberpfälzers, Oberpfälzern).
INFLECTED_STEM = 6
INFLECTION_LETTERS = frozenset("aeiouymns")
#: Languages that decline names in cases, where a source name ends otherwise than the
#: translation's nominative: up to ``DECLINED_ENDING`` last letters of a word, after a stem of
#: ``MIN_STEM`` letters or more, the source word ending in one of ``CASE_ENDING_LETTERS``
#: (Ovčáček / Ovčáčka, Kowalski / Kowalskiego).
DECLINING = frozenset({"cs", "sk", "pl", "ru", "uk", "be", "hr", "sr", "sl", "lt", "lv", "fi"})
DECLINED_ENDING = 3
MIN_STEM = 3
CASE_ENDING_LETTERS = frozenset("aeiouymh")
#: Shortest word considered.
MIN_LENGTH = 4
#: Zipf frequency below which English text does not use a word (wordfreq lists from 1.0 on).
UNUSED = 1.0
#: A garble ending in an English word at least this common is a compound translated in half.
HALF_TRANSLATED = 3.5
#: ... unless the English word is this similar to the rest of the source word, or more.
HALF_SIMILAR = 0.5
#: A source word this common in its language is a word, not a name, unless English uses it too.
COMMON_IN_SOURCE = 3.0
#: A German compound of common words: a first part of ``COMPOUND_FIRST`` letters or more and a
#: head of ``COMPOUND_HEAD`` or more (short words are often function words: Kim-mich), each
#: ``COMPOUND_ZIPF`` frequent in German, joined directly or by one of ``LINKS``.
COMPOUND_FIRST = 3
COMPOUND_HEAD = 5
COMPOUND_ZIPF = 3.5
LINKS = ("", "s", "n", "e", "en", "er", "es")
#: A source word left in the translation must be this common in the source language.
LEFT_COMMON = 3.5
#: Endings of inflected names taken off to give the name (Kimmichs, Babišem, Kowalskiego).
ENDINGS = {
    "de": ("s", "es", "ns", "er"),
    "cs": ("a", "u", "em", "ovi", "e", "y", "ou", "ům", "ech", "ovou", "ové"),
    "pl": ("a", "u", "em", "owi", "ie", "ego", "iej", "ą"),
    "ru": ("a", "u", "om", "e", "y", "ym", "ogo"),
    "uk": ("a", "u", "om", "e", "y", "ym", "oho"),
}
#: Confidence: ``BASE`` plus ``SPAN`` times the similarity, less ``UNALIGNED`` when the line had
#: no aligned segment and the whole source was searched.
BASE, SPAN, CAP = 0.5, 0.45, 0.95
UNALIGNED = 0.1
LEFT_CONFIDENCE = 0.7
POSSESSIVES = ("'s", "’s")
#: A word made of pinyin syllables (an initial, then a final; approximately).
PINYIN_WORD = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|uan|ian|iao|uai|ao|ai|an|ei|en|er|ia|ie|in|iu|ou|ua|uo"
    r"|ui|un|ue|ve|a|e|i|o|u|v))+"
)


def detect(document: Document, lexicon: Lexicon) -> Iterator[Proposal]:
    """Yield garbled names the source spells right, and source words left untranslated."""
    source = document.source
    if source is None or source.problem:
        return
    starts = [line.start for line in document.lines]
    line_words = _LineWords(document, starts)
    line_names = _LineNames(source, lexicon)
    worth = {
        text: found
        for text in document.distinct_words
        if any(found := _worth_a_look(_without_possessive(text), source.language, lexicon))
    }
    tokens = document.tokens
    for index in compress(count(), map(worth.__contains__, tokens.words)):
        token = tokens[index]
        may_be_left, may_be_garbled = worth[token.text]
        word = _without_possessive(token.text)
        end = token.start + len(word)
        line = bisect.bisect_right(starts, token.start)
        if source.confirms(word, line):
            left = _left_untranslated(word, token, source, line) if may_be_left else None
            if left is not None and not _quoted_as_a_term(document, token, lexicon):
                if _lone_term(word, source.language, document, token, lexicon):
                    left = replace(left, confidence=LONE_TERM_CONFIDENCE)  # a term, maybe
                yield left
        elif may_be_garbled:
            context = _GarbleContext(line_words(line), _neighbours(document, token), line)
            garble = _garbled_name(word, token.start, end, context, source, line_names(line))
            if garble is not None:
                yield garble


@lru_cache(maxsize=65536)
def _worth_a_look(word: str, language: str, lexicon: Lexicon) -> tuple[bool, bool]:
    """What a word may be, judged by the word alone: (a common source-language word English
    does not use, which is left untranslated if the source segment has it; a capitalised word
    English does not use, which may garble a source name). Most words are neither (memoised:
    it depends on the word, the language and the dictionaries alone)."""
    if len(word) < MIN_LENGTH or not word[0].isalpha():
        return False, False
    garbled = word[0].isupper() and not word.isupper() and "-" not in word
    return _may_be_left(word, language, lexicon), garbled and _unused(word, lexicon)


def _without_possessive(text: str) -> str:
    """A token's word without an English possessive ending ('s)."""
    for ending in POSSESSIVES:
        if text.endswith(ending):
            return text[: -len(ending)]
    return text


def _unused(word: str, lexicon: Lexicon) -> bool:
    """English text does not use the word, nor does any name list have it."""
    return (
        lexicon.zipf(word) < UNUSED
        and not lexicon.is_english_word(word)
        and not lexicon.is_known_name(word)
    )


class _GarbleContext(NamedTuple):
    """Where a possible garble stands: the words of its line (lower case), the capitalised
    words right before and after it (lower case, accents aside), and its line number."""

    line_words: set[str]
    neighbours: frozenset[str]
    line: int


def _neighbours(document: Document, token: Token) -> frozenset[str]:
    """The capitalised words one space before and after a token (the rest of its name)."""
    from ..source import fold

    tokens, text = document.tokens, document.text
    found = set()
    for index in (token.index - 1, token.index + 1):
        if 0 <= index < len(tokens):
            other = tokens[index]
            gap = (
                text[other.end : token.start]
                if index < token.index
                else text[token.end : other.start]
            )
            if gap == " " and other.text[0].isupper():
                found.add(fold(other.text).lower())
    return frozenset(found)


def _garbled_name(
    word: str,
    start: int,
    end: int,
    context: _GarbleContext,
    source: SourceText,
    names: _Names,
) -> Proposal | None:
    """The source name ``word`` garbles, as a proposal, if one of ``names`` (the line's) is
    close enough (and not one of the words of its line). When the rest of the name agrees (the
    word next to it is the word next to the source name: Hannes in Hannes Grünwalter / Hannes
    Grünwalder), a weaker likeness (``WITH_PARTNER``) is enough."""
    from ..source import fold

    if _plural_of_used(word, names.lexicon):
        return None
    line, line_words = context.line, context.line_words
    best: tuple[float, str, str] | None = None
    for name, spellings in names.spelled:
        if any(fold(form).lower() in line_words for form in name.forms) or any(
            _same_word(word, match) or _declined(word, match, source.language)
            for match, _ in spellings
        ):
            continue  # the line has the name already, or the word is the name itself
        for match, written in spellings:
            if (
                written.lower() in line_words
                or len(match) < MIN_LENGTH
                or not latin_script(written)
            ):
                continue
            if _half_translated(word, match, names.lexicon):
                continue
            partner = not context.neighbours.isdisjoint(name.partners)
            score = _score(word, match, source.language, partner)
            if score and (best is None or score > best[0]):
                best = (score, written, name.word)
    if best is None:
        return None
    score, written, seen = best
    segments = source.alignment.segments
    aligned = line <= len(segments) and bool(segments[line - 1])
    confidence = min(CAP, BASE + SPAN * score) - (0 if aligned else UNALIGNED)
    return Proposal(
        start,
        end,
        written,
        round(confidence, 3),
        f"“{word}” is close to “{written}”, which the source has and this line lacks "
        f"(source: {seen}).",
        "entity.source",
    )


def _score(word: str, match: str, language: str, partner: bool = False) -> float:
    """The similarity of a garble and a source spelling, 0 below the threshold. Chinese asks
    for one letter's difference, not l for r, and a garble that reads as pinyin syllables (a
    foreign name written in Chinese and read back in pinyin is not the name's English
    spelling: Kunbizze is no garble of Kunbize). With the rest of the name agreeing
    (``partner``), a Levenshtein similarity of ``WITH_PARTNER`` is enough."""
    if language != "zh":
        score = similarity(word, match)
        if partner and score < SIMILAR:
            score = Levenshtein.normalized_similarity(word.lower(), match.lower())
            return SIMILAR if score >= WITH_PARTNER else 0.0
        return score if score >= SIMILAR else 0.0
    score = similarity(word, match)
    a, b = word.lower(), match.lower()
    if Levenshtein.distance(a, b) > 1 or a.replace("r", "l") == b.replace("r", "l"):
        return 0.0
    return score if PINYIN_WORD.fullmatch(a) else 0.0


def _plural_of_used(word: str, lexicon: Lexicon) -> bool:
    """An English plural or genitive of a word or name English uses (Netanyahus)."""
    return word.endswith("s") and not _unused(word[:-1], lexicon)


@lru_cache(maxsize=65536)
def _half_translated(word: str, match: str, lexicon: Lexicon) -> bool:
    """The word is the source compound with its end translated: it ends in a common English
    word of 4 letters or more that does not spell the rest of the source word (Doublewinner for
    Doublesieger, Ultraleichtairplane for Ultraleichtflugzeug; not Vertape for Verstappen)."""
    lower, other = word.lower(), match.lower()
    for cut in range(1, len(lower) - 3):
        tail = lower[cut:]
        if lexicon.zipf(tail) >= HALF_TRANSLATED:
            rest = other[cut:]
            return Levenshtein.normalized_similarity(tail, rest) <= HALF_SIMILAR
    return False


@lru_cache(maxsize=65536)
def _spellings(name: SourceName, language: str) -> tuple[tuple[str, str], ...]:
    """Pairs (spelling to compare, spelling to write) of a source name: every English spelling
    of it, and each without an inflected ending of the source language. A Latin-script name is
    written as the source writes it (Plößberg, Uğur), whichever of its spellings compares best;
    a romanised one as the romanisation that compares best."""
    from ..source import fold

    as_written = name.forms[0] == name.word
    pairs = []
    for form in name.forms:
        written = name.word if as_written else form
        pairs.append((form, written))
        for ending in ENDINGS.get(language, ()):
            if (
                fold(form).endswith(ending)
                and fold(written).endswith(ending)
                and len(form) - len(ending) >= MIN_LENGTH
            ):
                pairs.append((form[: -len(ending)], written[: -len(ending)]))
    return tuple(dict.fromkeys(pairs))


def _same_word(word: str, form: str) -> bool:
    """The translation has the source word itself, inflected or as part of a compound: one
    begins the other (Eggenfelden, Eggenfeldener; Biontech, Biontech-Chef), or after the same
    ``INFLECTED_STEM`` letters or more both differ only in their last two, which are letters of
    inflected endings (Oberpfälzers, Oberpfälzern; not Shevchik, Shevchuk). Accents aside."""
    from ..source import fold, umlauts

    b = fold(form).lower()
    return any(_inflected(a, b) for a in {fold(word).lower(), fold(umlauts(word)).lower()})


def _declined(word: str, form: str, language: str) -> bool:
    """In a language that declines names (Czech, Polish, Russian...), the source word is the
    translation's word in another case when the two differ only in their last three letters
    and the source word ends as case endings do, in a vowel, m or h: Ovčáček is Ovčáčka,
    Dětmarovice Dětmarovicích, Praha Praze (but Shevchik is no case of Shevchuk)."""
    from ..source import fold

    if language not in DECLINING:
        return False
    a, b = fold(word).lower(), fold(form).lower()
    shared = _shared_beginning(a, b)
    return (
        shared >= MIN_STEM and shared >= len(a) - DECLINED_ENDING and b[-1:] in CASE_ENDING_LETTERS
    )


def _inflected(a: str, b: str) -> bool:
    """See :func:`_same_word` (both words folded, lower case)."""
    if a.startswith(b) or b.startswith(a):
        return True
    shared = _shared_beginning(a, b)
    tails = a[shared:] + b[shared:]
    return (
        shared >= INFLECTED_STEM
        and shared >= max(len(a), len(b)) - 2
        and all(letter in INFLECTION_LETTERS for letter in tails)
    )


def _shared_beginning(a: str, b: str) -> int:
    """How many first letters two words have in common.

    >>> _shared_beginning("ovcacek", "ovcacka")
    5
    """
    shared = 0
    while shared < min(len(a), len(b)) and a[shared] == b[shared]:
        shared += 1
    return shared


class _Names(NamedTuple):
    """The names of a source segment that are names, not common words (:func:`_name_like`),
    each with its spellings (:func:`_spellings`), and the lexicon that judged them."""

    spelled: list[tuple[SourceName, tuple[tuple[str, str], ...]]]
    lexicon: Lexicon


class _LineNames:
    """:class:`_Names` of each line, gathered on first use (a source name is judged once, and
    the names of a segment that several lines share are gathered once)."""

    def __init__(self, source: SourceText, lexicon: Lexicon) -> None:
        self.source = source
        self.lexicon = lexicon
        self.by_segment: dict[str, _Names] = {}
        self.name_like: dict[SourceName, bool] = {}

    def __call__(self, line: int) -> _Names:
        segment = self.source.segment(line)
        if segment not in self.by_segment:
            spelled = []
            for name in self.source.names(line):
                if name not in self.name_like:
                    self.name_like[name] = _name_like(name, self.source, self.lexicon)
                if self.name_like[name] and not has_exonym(name.word, self.lexicon):
                    spelled.append((name, _spellings(name, self.source.language)))
            self.by_segment[segment] = _Names(spelled, self.lexicon)
        return self.by_segment[segment]


class _LineWords:
    """The words of each line, lower case and also without accents, gathered on first use
    (most texts need none)."""

    def __init__(self, document: Document, starts: list[int]) -> None:
        self.document = document
        self.starts = starts
        self.by_line: dict[int, set[str]] | None = None

    def __call__(self, line: int) -> set[str]:
        from ..source import fold

        if self.by_line is None:
            self.by_line = {}
            tokens = self.document.tokens
            for word, start in zip(tokens.words, tokens.starts, strict=True):
                number = bisect.bisect_right(self.starts, start)
                lower = word.lower()
                self.by_line.setdefault(number, set()).update((lower, fold(lower)))
        return self.by_line.get(line, set())


def _name_like(name: SourceName, source: SourceText, lexicon: Lexicon) -> bool:
    """A capitalised source word that is a name rather than a common word. German capitalises
    every noun, so there a name is rare in German and no compound of two common German words
    (Kurdirektorin, Seestreitkräfte), or known, or used in English as much; elsewhere a capital
    marks a name unless the source also writes the word in lower case (a capital that only
    opens a sentence)."""
    if source.language != "de":
        return name.word.lower() not in source.lower_case_words
    if lexicon.is_known_name(name.word):
        return True
    common = lexicon.zipf(name.word, "de")
    if common < COMMON_IN_SOURCE:
        return not german_compound(name.word.lower(), lexicon)
    return lexicon.zipf(name.word) >= common - 0.5


def has_exonym(word: str, lexicon: Lexicon) -> bool:
    """Tell whether the name lists know a source word as another language's spelling of a
    name English spells otherwise (München for Munich, Praha for Prague): a garble beside it
    garbles the English name, which the lists correct, so the source's is never written."""
    return any(
        found.entity.name != word and " " not in found.entity.name
        for found in lexicon.names.exact.get(word, ())
    )


@lru_cache(maxsize=65536)
def german_compound(word: str, lexicon: Lexicon) -> bool:
    """Tell whether a (lower-case) German word is two common German words joined, with or
    without a linking s, n, e, en, er or es between them (see ``COMPOUND_FIRST``):
    Kur-direktorin, See-streitkräfte, Arbeit-s-minister; not Machtols-heim, whose first part
    is no word, nor Kim-mich, whose head is too short to tell, nor Abt-s-gmünd, whose head is
    a name (memoised: it depends on the word and the dictionaries alone)."""
    for cut in range(COMPOUND_FIRST, len(word) - COMPOUND_HEAD + 1):
        head = word[cut:]
        if lexicon.zipf(head, "de") < COMPOUND_ZIPF or lexicon.is_known_name(head.capitalize()):
            continue
        first = word[:cut]
        for link in LINKS:
            stem = first[: len(first) - len(link)] if link else first
            if (
                first.endswith(link)
                and len(stem) >= COMPOUND_FIRST
                and lexicon.zipf(stem, "de") >= COMPOUND_ZIPF
            ):
                return True
    return False


def similarity(word: str, form: str) -> float:
    """How close a garble is to a source spelling: Levenshtein similarity (0..1), counted only
    when the first letters agree or Jaro-Winkler is high, or when they share a long ending.

    >>> round(similarity("Vertape", "Verstappen"), 2), similarity("Vertape", "Merkel")
    (0.7, 0.0)
    """
    a, b = word.lower(), form.lower()
    score = Levenshtein.normalized_similarity(a, b)
    if _cut_short(a, b) and score >= CUT:
        return max(score, SIMILAR)
    if a[0] == b[0] or JaroWinkler.similarity(a, b) >= JARO_WINKLER:
        return score
    shared = 0
    while shared < min(len(a), len(b)) and a[-1 - shared] == b[-1 - shared]:
        shared += 1
    return max(score, SIMILAR) if shared >= SHARED_ENDING else 0.0


def _may_be_left(word: str, language: str, lexicon: Lexicon) -> bool:
    """A common word of the source language that English does not use and no name list has
    (:func:`_left_untranslated` looks for it in the source segment)."""
    from ..source import fold

    if not language or language == "en" or lexicon.zipf(word, language) < LEFT_COMMON:
        return False
    if word[0].isupper() and language != "de":
        return False  # a capital marks a name, except in German, which capitalises nouns
    if lexicon.zipf(word) >= UNUSED or lexicon.is_english_word(word):
        return False
    return not (lexicon.is_known_name(word) or lexicon.is_known_name(fold(word)))


def _cut_short(a: str, b: str) -> bool:
    """Tell whether ``a`` is ``b`` cut short: the two share their first ``SHARED_BEGINNING``
    letters or more, and ``a`` goes on past them by one letter at most (both lower case).

    >>> _cut_short("kimme", "kimmich"), _cut_short("panzeros", "panzernashorner")
    (True, False)
    """
    shared = _shared_beginning(a, b)
    return shared >= SHARED_BEGINNING and len(a) - shared <= 1


def _lone_term(
    word: str, language: str, document: Document, token: Token, lexicon: Lexicon
) -> bool:
    """Tell whether a lower-case word kept from the source may be a term its translator quotes:
    alone, no source word beside it, and from a language that writes its nouns in lower case
    (a lower-case German word is no noun, so no term)."""
    return (
        word.islower()
        and language not in NOUN_CAPITALISING
        and not beside_source_word(document, token, {}, lexicon)
    )


def _quoted_as_a_term(document: Document, token: Token, lexicon: Lexicon) -> bool:
    """Tell whether the translation keeps the source word as a writer quotes a term or a name,
    not as machine translation leaves one: set apart (brackets, italics-like markers, a web
    address, named or glossed as a term), in a short quotation in another language, or in a
    name (a capitalised word beside it). A human translation keeps such words too."""
    return (
        set_apart(document, token)
        or QuotedForeignPhrases(document, lexicon)(token)
        or in_name_or_broken(document, token)
    )


def _left_untranslated(word: str, token: Token, source: SourceText, line: int) -> Proposal | None:
    """A flag for a common source-language word the translation kept as it is (one that
    :func:`_may_be_left` lets through): the source segment has it as it is."""
    segment_words = {w.lower() for w in source.segment(line).split()}
    if not any(w.strip(".,;:!?\"'()«»„“”") == word.lower() for w in segment_words):
        return None  # romanised or folded only: a name, not a word left in
    return Proposal(
        token.start,
        token.start + len(word),
        word,
        LEFT_CONFIDENCE,
        f"“{word}” is a word of the source language, left untranslated (source: {word}).",
        "untranslated.source",
    )
