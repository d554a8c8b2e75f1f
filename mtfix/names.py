"""An index of known name forms for fuzzy lookup, blocked by first letter.

Correction targets are first the curated entities (``dictionaries/entities/``, ``NameIndex``):
salient, true names with types and context words. The generated gazetteer layers, the
capitalised SCOWL entries and the words of every name say that a word is a known name, so it is
left alone; those real text uses often are also targets of last resort (``NameVocabulary``),
for a word no list knows that is one slip from one of them. ``LetterModel`` tells how name-like
a spelling is, from the letters of every known name.
"""

from __future__ import annotations

import math
import re
import sys
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from functools import cached_property, lru_cache
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import OSA, JaroWinkler, Levenshtein

from .counts import WordCounts
from .entities import Entity

#: Spelling pairs that transliterations of the same name disagree on, English and German ones
#: included: Alexey/Alexei/Alexej, Kherson/Cherson, Prigozhin/Prigoschin, Avdiivka/Awdijiwka.
_TRANSLITERATION = [
    ("tsch", "ch"),
    ("dsch", "j"),
    ("sch", "sh"),
    ("zh", "sh"),
    ("kh", "h"),
    ("ch", "h"),
    ("tz", "z"),
    ("ts", "z"),
    ("ck", "k"),
    ("ph", "f"),
    ("ou", "u"),
    ("ie", "i"),
    ("ei", "i"),
    ("ey", "i"),
    ("c", "k"),
    ("q", "k"),
    ("w", "v"),
    ("j", "i"),
    ("y", "i"),
]
_DOUBLE = re.compile(r"(.)\1+")


#: Latin letters whose stroke Unicode does not decompose, with the letter English writes for
#: them (Jarosław is Jaroslaw in English text, Løkke is Lokke).
_STROKED = str.maketrans("łđøħŧı", "ldohti")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case ``text`` and strip diacritics: "Zelenskyy's Kyïv" -> "zelenskyy's kyiv",
    "Jarosław" -> "jaroslaw"."""
    if text.isascii():
        return text.lower()  # ASCII has no diacritics, and decomposes to itself
    decomposed = unicodedata.normalize("NFKD", text.lower()).translate(_STROKED)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def latin_script(text: str) -> bool:
    """Tell whether a spelling is all Latin letters (no Cyrillic, Greek, kana...)."""
    return text.isascii() or all(c.isascii() or "LATIN" in unicodedata.name(c, "") for c in text)


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Return a spelling key on which transliteration variants of a name agree.

    >>> name_key("Alexey") == name_key("Alexei")
    True
    """
    key = fold(text)
    for source, target in _TRANSLITERATION:
        key = key.replace(source, target)
    return _DOUBLE.sub(r"\1", key)


#: Endings on which English romanisations of one name disagree: Sergey/Sergei, Anatoliy/
#: Anatolii, Zelensky/Zelenskyy/Zelenskyi, Natalya/Natalia, and Aleksei/Alexei (a German
#: transliteration such as Nawalny or Prigoschin differs in a consonant, so it stays apart).
_ROMANISATION = [
    (re.compile(r"e[iy]+$"), "ei"),
    (re.compile(r"(?<!e)[iy]+$"), "i"),
    (re.compile(r"[iy]+a$"), "ia"),
    (re.compile("ks"), "x"),
]


@lru_cache(maxsize=65536)
def romanisation_key(text: str) -> str:
    """Return a spelling key on which accepted English romanisations of a name agree.

    >>> romanisation_key("Zaluzhnyi") == romanisation_key("Zaluzhny")
    True
    >>> romanisation_key("Nawalny") == romanisation_key("Navalny")
    False
    >>> romanisation_key("Putyn") == romanisation_key("Putin")
    False
    """
    key = fold(text)
    for pattern, replacement in _ROMANISATION:
        key = pattern.sub(replacement, key)
    return key


#: Context words of the curated entities that name a country, region or people of Cyrillic,
#: Arabic, Hebrew or Persian script: their names reach English through romanisations that
#: disagree, while a Latin-script language's name keeps its spelling (Kinzinger).
TRANSLITERATED_FROM = frozenset(
    """russia russian kremlin moscow ukraine ukrainian kyiv donbas belarus minsk kazakhstan
    kyrgyzstan tajikistan turkmenistan uzbekistan mongolia georgia armenia azerbaijan chechnya
    crimea israel israeli jerusalem palestinian gaza hamas hezbollah iran tehran iraq baghdad
    syria damascus lebanon beirut jordan egypt cairo saudi riyadh yemen houthi uae emirates qatar
    kuwait bahrain oman libya sudan afghanistan taliban odesa kherson kharkiv donetsk luhansk
    zaporizhzhia dnipro lviv mariupol""".split()
)

#: Letters on which romanisations of one name from another script disagree inside the word,
#: applied in order: Ukrainian г as h, Russian as g (Oleh/Oleg, Heorhiy/Georgy); х as kh or h;
#: и, й and я as y or i (Svyrydenko/Sviridenko, Syarhey/Siarhei, Alyaksandr/Aliaksandr). The
#: j of German, Czech or Polish (Netanjahu) is no English romanisation: it stays apart.
_OTHER_SCRIPT_LETTERS = [("kh", "h"), ("g", "h"), ("y", "i")]


@lru_cache(maxsize=65536)
def other_script_key(text: str) -> str:
    """Return a spelling key on which the romanisations of one name from another script agree
    (``romanisation_key`` and the inner letters they write differently).

    >>> other_script_key("Svyrydenko") == other_script_key("Sviridenko")
    True
    >>> other_script_key("Oleh") == other_script_key("Oleg")
    True
    >>> other_script_key("Lavrov") == other_script_key("Lawrow")
    False
    """
    key = romanisation_key(text)
    for letters, common in _OTHER_SCRIPT_LETTERS:
        key = key.replace(letters, common)
    return key


@lru_cache(maxsize=65536)
def similarity(a: str, b: str) -> float:
    """Score how alike two spellings are (0..1): edit distance, shared start, and keys."""
    fa, fb = fold(a), fold(b)
    direct = 0.5 * Levenshtein.normalized_similarity(fa, fb) + 0.5 * JaroWinkler.similarity(fa, fb)
    keyed = Levenshtein.normalized_similarity(name_key(a), name_key(b))
    return max(direct, 0.95 * keyed)


class NameForm(NamedTuple):
    """One spelling of an entity: its full name, an alias, or (for people) the surname (a named
    tuple: thousands are unpickled at every start)."""

    form: str
    entity: Entity
    words: int


#: Candidates whose whole spelling (or key) is less alike than this are not scored at all.
PREFILTER_SIMILARITY = 0.6
#: How many candidate lists ``NameIndex.candidates`` keeps before it starts afresh.
MEMO_SIZE = 1 << 15


class _Block:
    """The forms sharing a first letter, with their folded spellings and keys for rapidfuzz."""

    def __init__(self) -> None:
        self.names: list[NameForm] = []
        self.folded: list[str] = []
        self.keys: list[str] = []

    def add(self, name: NameForm) -> None:
        self.names.append(name)
        self.folded.append(sys.intern(fold(name.form)))  # one object for the cache to store
        self.keys.append(sys.intern(name_key(name.form)))

    @cached_property
    def part_keys(self) -> tuple[frozenset[str], ...]:
        """For each place in the block's forms (of one word count), the ``name_key`` of every
        form's word there (a few more at most, which only skip fewer searches). Made when
        first asked, not cached on disk, in C but for the forms that are not ASCII: an ASCII
        form's key is its words' keys, spaced; another's words are keyed one by one."""
        size = self.names[0].words if self.names else 0
        spaced = " ".join(self.keys).split()
        if len(spaced) != size * len(self.keys):  # a key of more or fewer words than its form
            spaced = []
        places = [set(spaced[place::size]) for place in range(size)]
        keyed = [name for name in self.names if not name.form.isascii()] if spaced else self.names
        for name in keyed:
            for place, word in zip(places, name.form.split(), strict=True):
                place.add(name_key(word))
        return tuple(map(frozenset, places))


class NameIndex:
    """Name forms of the curated entities, blocked by word count and first letter."""

    def __init__(self, entities: list[Entity]) -> None:
        self.exact: dict[str, list[NameForm]] = defaultdict(list)
        self._blocks: dict[tuple[int, str], _Block] = defaultdict(_Block)
        self.first_names: set[str] = set()
        self.surnames: set[str] = set()
        #: How many people's full names have each word ("Keir" one, "Wang" dozens).
        self.people_with_word: Counter[str] = Counter()
        self._memo: dict[tuple[str, int], list[NameForm]] = {}
        for entity in entities:
            for form in _forms(entity):
                self._add(NameForm(form, entity, len(form.split())))
            if entity.type == "person":
                full_names = [
                    list(map(sys.intern, f.split()))  # "Wang" is one object in the cache
                    for f in (entity.name, *entity.aliases)
                    if " " in f
                ]
                self.first_names.update(parts[0] for parts in full_names)
                self.surnames.update(parts[-1] for parts in full_names)
                self.people_with_word.update({word for parts in full_names for word in parts})

    def _add(self, name: NameForm) -> None:
        self.exact[name.form].append(name)
        for letter in {name_key(name.form)[:1], fold(name.form)[:1]}:
            self._blocks[(name.words, letter)].add(name)

    def candidates(self, text: str, words: int) -> list[NameForm]:
        """Return the forms with ``words`` words, sharing a first letter (or key letter), whose
        spelling or key is at least roughly alike (a rapidfuzz pass over the block).

        Memoised: an unknown name recurs within an article and across a day's news, and each
        pass costs tens of microseconds (rapidfuzz converts every choice on every call).
        """
        key = (text, words)
        if key not in self._memo:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            self._memo[key] = self._candidates(text, words)
        return self._memo[key]

    def keep_a_word(self, words: tuple[str, ...], places: Iterable[int]) -> bool:
        """Tell whether a form ``candidates(" ".join(words), len(words))`` may give has, at
        one of ``places``, a word with the ``name_key`` of the word of ``words`` there: a
        window of several words is read as a name only if it keeps one of the name's other
        words (entity's ``_spelling_fit``), and most windows around a garbled word keep none
        ("Governor Gerg"), so their fuzzy search is skipped. Told from the same blocks."""
        text = " ".join(words)
        for letter in dict.fromkeys((name_key(text)[:1], fold(text)[:1])):
            block = self._blocks.get((len(words), letter))
            if block is not None and any(
                name_key(words[place]) in block.part_keys[place] for place in places
            ):
                return True
        return False

    def _candidates(self, text: str, words: int) -> list[NameForm]:
        found: dict[int, NameForm] = {}
        folded, key = fold(text), name_key(text)
        # In a fixed order (not a set's, which varies with the hash seed): the order of the
        # candidates breaks ties between equally scored readings downstream.
        for letter in dict.fromkeys((key[:1], folded[:1])):
            block = self._blocks.get((words, letter))
            if block is None:
                continue
            for query, choices in ((folded, block.folded), (key, block.keys)):
                for _, _, position in process.extract(
                    query,
                    choices,
                    scorer=Levenshtein.normalized_similarity,
                    score_cutoff=PREFILTER_SIMILARITY,
                    limit=None,
                ):
                    found[id(block.names[position])] = block.names[position]
        return list(found.values())


def _forms(entity: Entity) -> set[str]:
    """Return every spelling of ``entity``, with a person's surname standing alone."""
    forms = {entity.name, *entity.aliases}
    if entity.type == "person":
        for form in list(forms):
            parts = form.split()
            if len(parts) >= 2 and parts[-1][:1].isupper() and len(parts[-1]) > 2:
                forms.add(sys.intern(parts[-1]))
    return forms


#: Zipf frequencies are kept as hundredths, in whole numbers.
ZIPF_HUNDREDTHS = 100
#: A name real text uses at least this often (wordfreq Zipf) is a target for a word one slip
#: from it that no list knows: "Leverkusen" (3.2) for "Levercusen", "Raphael" for "Raphhael".
KNOWN_NAME_ZIPF = 2.0
#: Shorter names are too often one slip from many others to pick one.
MIN_KNOWN_NAME_LENGTH = 4
#: A name cut short by at most this many letters is still read as that name ("Juventu").
MAX_CUT_LETTERS = 2


class NameVocabulary:
    """The one-word names real text uses often that no curated entity spells: the names of
    the generated gazetteer, SCOWL's capitalised entries and the words of every known name,
    each with its Zipf frequency, blocked by first letter for one-slip lookup.

    The curated entities (``NameIndex``) are a garbled name's first targets, with context
    words and types; these are the rest of the names the news uses, known only by spelling and
    frequency, for a word no list knows that is a slip of one of them. Stored as a few strings
    and a mapped table (nothing to rebuild at start); a block is split when first searched.
    """

    def __init__(self, names: dict[str, float]) -> None:
        self._frequency = WordCounts(
            {name: round(zipf * ZIPF_HUNDREDTHS) for name, zipf in names.items()}
        )
        blocks: dict[str, list[str]] = defaultdict(list)
        for name in sorted(names):
            blocks[fold(name)[:1]].append(name)
        self._blocks = {letter: "\n".join(block) for letter, block in blocks.items()}
        #: letter -> its names, and their folded spellings by length (``_block``)
        self._split: dict[str, tuple[list[str], list[str], list[int], list[int]]] = {}
        self._memo: dict[str, list[str]] = {}

    def __contains__(self, name: str) -> bool:
        return name in self._frequency

    def zipf(self, name: str) -> float:
        """Return how often real text uses the name (wordfreq Zipf), 0.0 for no such name."""
        return self._frequency.get(name) / ZIPF_HUNDREDTHS

    def slips_of(self, word: str) -> list[str]:
        """Return the names one slip from ``word``: a letter changed, added or dropped, two
        letters swapped, or up to two letters cut from the name's end (memoised).

        >>> NameVocabulary({"Leverkusen": 3.2, "Lever": 2.6}).slips_of("Leverkusn")
        ['Leverkusen']
        """
        found = self._memo.get(word)
        if found is None:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            found = self._memo[word] = self._slips_of(fold(word))
        return found

    def _slips_of(self, folded: str) -> list[str]:
        """The names one slip from ``folded``, in the order of rapidfuzz's search of the
        whole block (fewer edits first, then the block's order). Only the spellings one
        letter shorter to two longer are searched: a slip is one edit (a length one apart at
        most), or a cut of one or two letters from the name's end."""
        names, choices, places, lengths = self._block(folded[:1])
        low = bisect_left(lengths, len(folded) - 1)
        high = bisect_right(lengths, len(folded) + MAX_CUT_LETTERS)
        found = process.extract(
            folded, choices[low:high], scorer=OSA.distance, score_cutoff=MAX_CUT_LETTERS, limit=None
        )
        return [
            names[place]
            for _, place, other in sorted(
                (edits, places[low + at], other) for other, edits, at in found
            )
            if other != folded and (OSA.distance(folded, other) == 1 or cut_short(folded, other))
        ]

    def _block(self, letter: str) -> tuple[list[str], list[str], list[int], list[int]]:
        """The names whose folded spelling starts with ``letter`` (in the block's order), and
        their folded spellings ordered by length, each spelling's name's place, and the
        spellings' lengths."""
        split = self._split.get(letter)
        if split is None:
            block = self._blocks.get(letter)
            names = block.split("\n") if block else []
            folded = [fold(name) for name in names]
            places = sorted(range(len(names)), key=lambda place: len(folded[place]))
            choices = [folded[place] for place in places]
            split = self._split[letter] = (names, choices, places, list(map(len, choices)))
        return split


def cut_short(word: str, name: str) -> bool:
    """Tell whether ``word`` is ``name`` with its last one or two letters cut."""
    return len(word) < len(name) <= len(word) + MAX_CUT_LETTERS and name.startswith(word)


#: A name has a vowel: "Blvd" and "Mgmt" are abbreviations.
_VOWEL = re.compile("[aeiouyäöüéèáàóòíìúù]", re.IGNORECASE)


def known_name_vocabulary(forms: Iterable[str], zipf: Callable[[str], float]) -> NameVocabulary:
    """Collect the one-word names among ``forms`` (capitalised, letters only, with a vowel,
    not an abbreviation) that real text uses at least ``KNOWN_NAME_ZIPF`` (by ``zipf``)."""
    names = {}
    for form in forms:
        if (
            len(form) >= MIN_KNOWN_NAME_LENGTH
            and form[:1].isupper()
            and form.isalpha()
            and not form.isupper()
            and _VOWEL.search(form)
            and (frequency := zipf(form)) >= KNOWN_NAME_ZIPF
        ):
            names[form] = frequency
    return NameVocabulary(names)


#: How many letters a ``LetterModel`` looks at: each letter given the three before it.
LETTER_ORDER = 4
#: The smoothing count of a sequence of letters names never have.
LETTER_SMOOTHING = 0.1
#: About how many letters follow a given three (a to z and an end).
LETTER_CHOICES = 30


class LetterModel:
    """How name-like a spelling is: the mean log-probability of each of its letters after the
    three before it, counted over the known names' spellings (kept in mapped tables).

    A slip (a letter changed, swapped, doubled or dropped) mostly leaves a run of letters that
    names rarely have ("Rmuberg", "Merklingne"), so of two spellings of one name in an article
    the more name-like is likelier the name.
    """

    def __init__(self, names: Iterable[str]) -> None:
        runs: Counter[str] = Counter()  # runs of LETTER_ORDER letters
        heads: Counter[str] = Counter()  # the letters before the last of each run
        for name in {fold(name) for name in names if name.isalpha()}:
            padded = _padded(name)
            for end in range(LETTER_ORDER, len(padded) + 1):
                runs[padded[end - LETTER_ORDER : end]] += 1
                heads[padded[end - LETTER_ORDER : end - 1]] += 1
        self._runs, self._heads = WordCounts(runs), WordCounts(heads)

    def score(self, word: str) -> float:
        """Return the mean log-probability of the letters of ``word`` (and of its end).

        >>> model = LetterModel(["Rumberg", "Bamberg", "Rumford"])
        >>> model.score("Rumberg") > model.score("Rmuberg")
        True
        """
        padded = _padded(fold(word))
        total = 0.0
        for end in range(LETTER_ORDER, len(padded) + 1):
            run = padded[end - LETTER_ORDER : end]
            seen = self._runs.get(run) + LETTER_SMOOTHING
            total += math.log(
                seen / (self._heads.get(run[:-1]) + LETTER_SMOOTHING * LETTER_CHOICES)
            )
        return total / (len(padded) - LETTER_ORDER + 1)


def _padded(name: str) -> str:
    """The name with a start mark before each of its first letters' contexts and an end mark."""
    return "^" * (LETTER_ORDER - 1) + name + "$"
