"""Load the dictionaries (shipped and user-supplied) into the lookups detectors need."""

from __future__ import annotations

import functools
import gzip
import importlib.util
import json
import re
import sys
import unicodedata
import zlib
from collections.abc import Iterable, Iterator, Set
from dataclasses import dataclass, fields
from functools import cached_property, lru_cache
from pathlib import Path

from .cache import load_cached
from .counts import WordCounts
from .entities import Entity
from .names import LetterModel, NameIndex, NameVocabulary, known_name_vocabulary
from .wordset import WordSet

#: The SCOWL list of capitalised entries, kept apart from the ordinary words.
PROPER_NOUNS = "proper_nouns.txt"
#: Literal translations of names ("European Truth"), kept beside the entity files.
TRANSLATED_NAMES = "translated_names.tsv"
#: Entity types that are places.
PLACE_TYPES = frozenset({"country", "region", "city", "place"})
#: A word of a name, as the tokeniser cuts it.
NAME_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
#: pyspellchecker gives its rarest (often foreign or garbled) entries this frequency.
RARE_FREQUENCY = 50
#: An English word counted at least this often in pyspellchecker's list is a common one.
COMMON_FREQUENCY = 500
#: Zipf frequencies are stored as hundredths, in whole numbers.
ZIPF_SCALE = 100
#: The source languages with a frequency file, Latin-script ones first.
LATIN_FREQUENCY_LANGUAGES = ("de", "fr", "es", "it", "nl", "pl", "cs")
FREQUENCY_LANGUAGES = (*LATIN_FREQUENCY_LANGUAGES, "ru", "uk")


def dictionary_root() -> Path:
    """Return the folder of the shipped dictionaries (inside the wheel, or the source tree)."""
    here = Path(__file__).resolve().parent  # not importlib.resources: its import slows starts
    packaged = here / "dictionaries"
    return packaged if packaged.is_dir() else here.parent / "dictionaries"


def read_rows(path: Path) -> Iterator[list[str]]:
    """Yield the tab-separated rows of a dictionary file, skipping comments and the header.

    A dictionary file is UTF-8; lines starting with ``#`` are comments; the first other line
    names the columns.
    """
    with path.open(encoding="utf-8") as handle:
        header_seen = False
        for raw in handle:
            line = raw.rstrip("\r\n")
            if not line.strip() or line.startswith("#"):
                continue
            if not header_seen:
                header_seen = True
                continue
            yield line.split("\t")


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def _cell(row: list[str], index: int) -> str:
    return row[index] if index < len(row) else ""


@dataclass(frozen=True)
class LexiconData:
    """Everything loaded from the dictionaries, in the form the detectors look things up.

    The big word sets are ``WordSet``s in the cache, each replaced here by its frozenset once
    it is built (``Lexicon.data``): a start that cleans one article never builds them.
    """

    word_counts: WordCounts
    english_words: Set[str]
    #: English words counted at least ``COMMON_FREQUENCY`` times.
    common_words: Set[str]
    #: Words no English list has but counted more than ``RARE_FREQUENCY`` times.
    frequent_unlisted: Set[str]
    proper_nouns: Set[str]
    entities: tuple[Entity, ...]
    gazetteer_forms: Set[str]
    name_words: Set[str]
    single_word_names: Set[str]
    place_names: Set[str]
    variants: dict[str, tuple[str, str]]
    translated_names: tuple[tuple[str, str, str], ...]
    boilerplate: tuple[tuple[str, str], ...]
    capitalised_words: frozenset[str]
    names: NameIndex
    known_names: NameVocabulary
    letters: LetterModel


class Lexicon:
    """All dictionary data, loaded on first use from a cache that is rebuilt when a file changes.

    Args:
        root: folder holding the dictionaries (default: the shipped ones).
        extra: more entity dictionaries (``.tsv``) given by the user.
    """

    def __init__(self, root: Path | None = None, extra: Iterable[Path] = ()) -> None:
        self.root = root or dictionary_root()
        self.extra = tuple(Path(p) for p in extra)

    def _files(self, pattern: str) -> list[Path]:
        return sorted(self.root.glob(pattern))

    def source_files(self) -> list[Path]:
        """Every file the lexicon is built from, code included: its cache is valid while they
        are unchanged."""
        modules = ("names.py", "counts.py", "entities.py", "wordset.py")
        code = [Path(__file__), *(Path(__file__).with_name(f) for f in modules)]
        dictionaries = [p for p in self._files("**/*") if p.is_file()]
        return dictionaries + list(self.extra) + [_spell_path(), *code]

    @cached_property
    def data(self) -> LexiconData:
        """The loaded dictionaries: from the cache when it is fresh, else built and cached."""
        data = load_cached("lexicon", self.source_files(), self._build)
        for field in fields(data):
            words = getattr(data, field.name)
            if isinstance(words, WordSet):  # its frozenset takes its place once built
                words.on_built = functools.partial(object.__setattr__, data, field.name)
        return data

    def build_word_sets(self) -> None:
        """Build every big word set now (before worker processes are forked, which then share
        them, instead of each building its own)."""
        for field in fields(self.data):
            words = getattr(self.data, field.name)
            if isinstance(words, WordSet):
                words.build()

    def _build(self) -> LexiconData:
        curated = [p for p in self._files("entities/*.tsv") if p.name != TRANSLATED_NAMES]
        curated += [p for p in self.extra if p.suffix == ".tsv"]
        entities = tuple(entity for path in curated for entity in read_entities(path))
        generated = [
            entity for path in self._files("generated/*.tsv") for entity in read_entities(path)
        ]
        gazetteer = {form for entity in generated for form in (entity.name, *entity.aliases)}
        curated_forms = {form for entity in entities for form in (entity.name, *entity.aliases)}
        places = {
            form
            for entity in entities
            if entity.type in PLACE_TYPES
            for form in (entity.name, *entity.aliases)
        }
        words = {row[0].strip() for row in read_rows(self.root / "words" / PROPER_NOUNS)}
        english: set[str] = set()
        for path in self._files("words/*.txt"):
            if path.name != PROPER_NOUNS:
                english.update(row[0].strip().lower() for row in read_rows(path))
        frequency: dict[str, int] = json.loads(gzip.decompress(_spell_path().read_bytes()))
        names = NameIndex(list(entities))
        english_frequency = frequency_table(self.root, "en")
        name_words = {
            word for form in curated_forms | gazetteer for word in NAME_WORD.findall(form)
        }
        single_word_names = {form for form in curated_forms | gazetteer if " " not in form}
        return LexiconData(
            # The counts load in a millisecond, a dict of them in 30 ms: the two questions asked
            # of every word are answered by small sets instead.
            word_counts=WordCounts(frequency),
            english_words=WordSet(english),
            common_words=WordSet(
                word for word in english if frequency.get(word, 0) >= COMMON_FREQUENCY
            ),
            frequent_unlisted=WordSet(
                word
                for word, count in frequency.items()
                if count > RARE_FREQUENCY and word not in english
            ),
            proper_nouns=WordSet(words),
            entities=entities,
            gazetteer_forms=WordSet(gazetteer),
            name_words=_with_ascii_forms(name_words),
            single_word_names=_with_ascii_forms(single_word_names),
            place_names=WordSet(places | gazetteer),
            variants=self._variants(),
            translated_names=tuple(
                (row[0], _cell(row, 1), _cell(row, 2))
                for row in _rows_if_present(self.root / "entities" / TRANSLATED_NAMES)
            ),
            boilerplate=tuple(
                (row[0], _cell(row, 1)) for row in read_rows(self.root / "boilerplate.tsv")
            ),
            capitalised_words=frozenset(
                row[0].strip() for row in read_rows(self.root / "capitalised.txt") if row[0].strip()
            ),
            names=names,
            letters=LetterModel(words | single_word_names | name_words),
            known_names=known_name_vocabulary(
                (
                    form
                    for form in words | single_word_names | name_words
                    if form not in names.exact
                ),
                lambda word: english_frequency.get(word.lower()) / ZIPF_SCALE,
            ),
        )

    def _variants(self) -> dict[str, tuple[str, str]]:
        return {
            row[0].strip(): (_cell(row, 1).strip(), _cell(row, 2).strip())
            for row in _rows_if_present(self.root / "variants.tsv")
        }

    # -- Views on the data, named for what the detectors ask ------------------------------------

    @property
    def word_counts(self) -> WordCounts:
        """Lower-case word -> count, from pyspellchecker (which also lists many names)."""
        return self.data.word_counts

    @property
    def common_words(self) -> Set[str]:
        """English words pyspellchecker counts at least ``COMMON_FREQUENCY`` times."""
        return self.data.common_words

    @property
    def english_words(self) -> Set[str]:
        """Ordinary English words, written in lower case (SCOWL and our own word lists)."""
        return self.data.english_words

    @property
    def proper_nouns(self) -> Set[str]:
        """Capitalised entries of the English word list (names of people, places...)."""
        return self.data.proper_nouns

    @property
    def entities(self) -> tuple[Entity, ...]:
        """The hand-curated entities (and ``--dict`` ones): the targets of name corrections."""
        return self.data.entities

    @property
    def gazetteer_forms(self) -> Set[str]:
        """Names from the generated layers (countries, regions, cities): known, never targets."""
        return self.data.gazetteer_forms

    @property
    def name_words(self) -> Set[str]:
        """Every word of every known name or alias, curated or generated, as spelled there."""
        return self.data.name_words

    @property
    def single_word_names(self) -> Set[str]:
        """Names that are one word by themselves ("Kremlin", "Telegram"), curated or generated."""
        return self.data.single_word_names

    @property
    def place_names(self) -> Set[str]:
        """Every spelling of a place, curated or generated."""
        return self.data.place_names

    @property
    def names(self) -> NameIndex:
        """Fuzzy-lookup index of the curated entities' spellings."""
        return self.data.names

    @property
    def known_names(self) -> NameVocabulary:
        """One-word names real text uses that no curated entity spells, for one-slip lookup."""
        return self.data.known_names

    @property
    def letters(self) -> LetterModel:
        """How name-like a spelling is, from the letters of every known name."""
        return self.data.letters

    @property
    def variants(self) -> dict[str, tuple[str, str]]:
        """Non-preferred spelling -> (preferred spelling, note), from ``variants.tsv``."""
        return self.data.variants

    @property
    def translated_names(self) -> tuple[tuple[str, str, str], ...]:
        """(literal translation, real name, note) rows of ``entities/translated_names.tsv``."""
        return self.data.translated_names

    @property
    def capitalised_words(self) -> frozenset[str]:
        """Common words that English news capitalises by convention (titles, institutions...)."""
        return self.data.capitalised_words

    @cached_property
    def boilerplate_patterns(self) -> list[tuple[re.Pattern[str], str]]:
        """Whole-line patterns of web-page leftovers, each with its description."""
        return [(re.compile(p, re.IGNORECASE), d) for p, d in self.data.boilerplate]

    def is_english_word(self, word: str) -> bool:
        """Tell whether ``word`` (any case) is an ordinary English word."""
        data = self.data
        if word in data.english_words:  # the common case, already in lower case: one lookup
            return True
        lower = word.lower()
        return lower in data.english_words or lower in data.frequent_unlisted

    def zipf(self, word: str, language: str = "en") -> float:
        """Return how often real text uses ``word`` (any case) in ``language``, on wordfreq's
        Zipf scale: log10 of uses per billion words ("the" 7.7, "Kherson" 2.1), 0.0 when the
        word is not listed (``dictionaries/frequency/``; English lists words from Zipf 1.0 on,
        the other languages from 3.0). A language with no file gives 0.0 for every word."""
        return frequency_table(self.root, language).get(word.lower()) / ZIPF_SCALE

    def foreign_zipf(
        self, word: str, languages: Iterable[str] = FREQUENCY_LANGUAGES
    ) -> tuple[str, float]:
        """Return the language among ``languages`` whose text uses ``word`` most, and its Zipf
        frequency there (``("", 0.0)`` when none lists it)."""
        best = ("", 0.0)
        key = word.lower().encode()
        crc = zlib.crc32(key)  # the word is encoded and hashed once for every language
        for language in languages:
            zipf = frequency_table(self.root, language).get_encoded(key, crc) / ZIPF_SCALE
            if zipf > best[1]:
                best = (language, zipf)
        return best

    def is_known_name(self, word: str) -> bool:
        """Tell whether ``word`` is spelled as in some known name (any dictionary layer)."""
        data = self.data
        return word in data.name_words or word in data.proper_nouns


def read_entities(path: Path) -> Iterator[Entity]:
    """Yield the entities of one entity file (columns name, type, aliases, context).

    Their strings are interned: a type, a context word or the file name that thousands of
    entities share is one object, which the dictionary cache then stores (and loads) once.
    """
    source = sys.intern(str(path))
    for row in read_rows(path):
        name = row[0].strip()
        if name:
            yield Entity(
                name=sys.intern(name),
                type=sys.intern(_cell(row, 1).strip() or "other"),
                aliases=tuple(map(sys.intern, _split(_cell(row, 2)))),
                context=tuple(map(sys.intern, _split(_cell(row, 3).lower()))),
                source=source,
            )


def _with_ascii_forms(words: Iterable[str]) -> WordSet:
    """Return the words plus their forms without diacritics ("Sané" also as "Sane")."""
    result = set(words)
    for word in list(result):
        decomposed = unicodedata.normalize("NFKD", word)
        result.add("".join(c for c in decomposed if not unicodedata.combining(c)))
    return WordSet(result)


def _rows_if_present(path: Path) -> Iterator[list[str]]:
    return read_rows(path) if path.exists() else iter(())


@lru_cache(maxsize=16)
def frequency_table(root: Path, language: str) -> WordCounts:
    """Return the word -> Zipf-hundredths table of one language, loaded on first use (from the
    cache when it is fresh): most articles never ask about most languages."""
    path = root / "frequency" / f"{language}.tsv"
    if not path.exists():
        return WordCounts({})

    def build() -> WordCounts:
        return WordCounts(
            {row[0]: round(float(row[1]) * ZIPF_SCALE) for row in read_rows(path) if len(row) > 1}
        )

    code = Path(__file__).with_name("counts.py")
    return load_cached(f"frequency-{language}", [path, Path(__file__), code], build)


def _spell_path() -> Path:
    """pyspellchecker's English word-frequency list."""
    return spellchecker_file("en.json.gz")


def spellchecker_file(name: str) -> Path:
    """Return the path of one of pyspellchecker's word lists, found without importing the
    package (its import costs some 8 ms of every start, and only its data is used)."""
    spec = importlib.util.find_spec("spellchecker")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pyspellchecker is not installed", name="spellchecker")
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / name


@lru_cache(maxsize=8)
def load_lexicon(extra: tuple[Path, ...] = ()) -> Lexicon:
    """Return the shared lexicon for the shipped dictionaries plus ``extra`` files."""
    return Lexicon(extra=extra)
