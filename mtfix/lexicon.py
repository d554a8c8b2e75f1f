"""Load the dictionaries (shipped and user-supplied) into the lookups detectors need."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from spellchecker import SpellChecker

if TYPE_CHECKING:
    from .names import NameIndex

#: The SCOWL list of capitalised entries, kept apart from the ordinary words.
PROPER_NOUNS = "proper_nouns.txt"
#: Literal translations of names ("European Truth"), kept beside the entity files.
TRANSLATED_NAMES = "translated_names.tsv"
#: pyspellchecker gives its rarest (often foreign or garbled) entries this frequency.
RARE_FREQUENCY = 50


@dataclass(frozen=True)
class Entity:
    """A named entity: its canonical spelling, type, accepted aliases and context words."""

    name: str
    type: str
    aliases: tuple[str, ...]
    context: tuple[str, ...]
    source: str = ""


def dictionary_root() -> Path:
    """Return the folder of the shipped dictionaries (inside the wheel, or the source tree)."""
    packaged = resources.files("mtfix") / "dictionaries"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "dictionaries"


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


class Lexicon:
    """All dictionary data, loaded lazily on first use.

    Args:
        root: folder holding the dictionaries (default: the shipped ones).
        extra: more dictionary files given by the user (entity or word lists, by header).
    """

    def __init__(self, root: Path | None = None, extra: Iterable[Path] = ()) -> None:
        self.root = root or dictionary_root()
        self.extra = tuple(Path(p) for p in extra)

    def _files(self, pattern: str) -> list[Path]:
        return sorted(self.root.glob(pattern))

    # -- English vocabulary ------------------------------------------------------------------

    @cached_property
    def spell(self) -> SpellChecker:
        """pyspellchecker's English model (word frequencies and edit-distance candidates)."""
        return SpellChecker(language="en", distance=2)

    @cached_property
    def word_frequency(self) -> dict[str, int]:
        """Lower-case word -> frequency, from pyspellchecker (which also lists many names)."""
        return self.spell.word_frequency.dictionary

    @cached_property
    def english_words(self) -> frozenset[str]:
        """Ordinary English words, written in lower case (SCOWL and our own word lists)."""
        words: set[str] = set()
        for path in self._files("words/*.txt"):
            if path.name != PROPER_NOUNS:
                words.update(row[0].strip().lower() for row in read_rows(path))
        return frozenset(words)

    @cached_property
    def proper_nouns(self) -> frozenset[str]:
        """Capitalised entries of the English word list (names of people, places...)."""
        return frozenset(row[0].strip() for row in read_rows(self.root / "words" / PROPER_NOUNS))

    def is_english_word(self, word: str) -> bool:
        """Tell whether ``word`` (any case) is an ordinary English word."""
        lower = word.lower()
        return lower in self.english_words or self.word_frequency.get(lower, 0) > RARE_FREQUENCY

    # -- Names ---------------------------------------------------------------------------------

    @cached_property
    def entities(self) -> list[Entity]:
        """Every entity in ``entities/``, ``generated/`` and the ``--dict`` ``.tsv`` files."""
        curated = [p for p in self._files("entities/*.tsv") if p.name != TRANSLATED_NAMES]
        paths = curated + self._files("generated/*.tsv")
        paths += [p for p in self.extra if p.suffix == ".tsv"]
        result = []
        for path in paths:
            for row in read_rows(path):
                name = row[0].strip()
                if name:
                    result.append(
                        Entity(
                            name=name,
                            type=_cell(row, 1).strip() or "other",
                            aliases=_split(_cell(row, 2)),
                            context=_split(_cell(row, 3).lower()),
                            source=str(path),
                        )
                    )
        return result

    @cached_property
    def name_words(self) -> frozenset[str]:
        """Every word that occurs in a known name or alias, as spelled there."""
        words: set[str] = set()
        for entity in self.entities:
            for form in (entity.name, *entity.aliases):
                words.update(re.findall(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*", form))
        return frozenset(words)

    @cached_property
    def curated_entities(self) -> list[Entity]:
        """The hand-curated entities: the only targets a garbled name is corrected to."""
        curated = [p for p in self._files("entities/*.tsv") if p.name != TRANSLATED_NAMES]
        curated += [p for p in self.extra if p.suffix == ".tsv"]
        return [e for e in self.entities if e.source in {str(p) for p in curated}]

    @cached_property
    def names(self) -> NameIndex:
        """Fuzzy-lookup index of the curated entities' spellings."""
        from .names import NameIndex

        return NameIndex(self.curated_entities)

    def is_known_name(self, word: str) -> bool:
        """Tell whether ``word`` is spelled as in some known name (any dictionary layer)."""
        return word in self.name_words or word in self.proper_nouns

    @cached_property
    def translated_names(self) -> list[tuple[str, str, str]]:
        """(literal translation, real name, note) rows of ``entities/translated_names.tsv``."""
        path = self.root / "entities" / TRANSLATED_NAMES
        if not path.exists():
            return []
        return [(row[0], _cell(row, 1), _cell(row, 2)) for row in read_rows(path)]

    # -- Rules as data ---------------------------------------------------------------------------

    @cached_property
    def variants(self) -> dict[str, tuple[str, str]]:
        """Non-preferred spelling -> (preferred spelling, note), from ``variants.tsv``."""
        table: dict[str, tuple[str, str]] = {}
        path = self.root / "variants.tsv"
        if path.exists():
            for row in read_rows(path):
                table[row[0].strip()] = (_cell(row, 1).strip(), _cell(row, 2).strip())
        return table

    @cached_property
    def boilerplate_patterns(self) -> list[tuple[re.Pattern[str], str]]:
        """Whole-line patterns of web-page leftovers, each with its description."""
        patterns = []
        for row in read_rows(self.root / "boilerplate.tsv"):
            patterns.append((re.compile(rf"(?:{row[0]})", re.IGNORECASE), _cell(row, 1)))
        return patterns

    @cached_property
    def capitalised_words(self) -> frozenset[str]:
        """Common words that English news capitalises by convention (titles, institutions...)."""
        path = self.root / "capitalised.txt"
        return frozenset(row[0].strip() for row in read_rows(path) if row[0].strip())


@lru_cache(maxsize=8)
def load_lexicon(extra: tuple[Path, ...] = ()) -> Lexicon:
    """Return the shared lexicon for the shipped dictionaries plus ``extra`` files."""
    return Lexicon(extra=extra)
