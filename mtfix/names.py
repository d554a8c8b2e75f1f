"""An index of known name forms for fuzzy lookup, blocked by first letter.

Correction targets are the curated entities (``dictionaries/entities/``): a garbled name is only
ever corrected to a salient, true name. The generated gazetteer layers and the capitalised SCOWL
entries only say that a word is a known name, so it is left alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz.distance import JaroWinkler, Levenshtein

from .lexicon import Entity

#: Spelling pairs that transliterations of the same name disagree on (Alexey/Alexei, Kh/H...).
_TRANSLITERATION = [
    ("sch", "sh"),
    ("kh", "h"),
    ("zh", "j"),
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
    ("y", "i"),
]
_DOUBLE = re.compile(r"(.)\1+")


def fold(text: str) -> str:
    """Lower-case ``text`` and strip diacritics: "Zelenskyy's Kyïv" -> "zelenskyy's kyiv"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_key(text: str) -> str:
    """Return a spelling key on which transliteration variants of a name agree.

    >>> name_key("Alexey") == name_key("Alexei")
    True
    """
    key = fold(text)
    for source, target in _TRANSLITERATION:
        key = key.replace(source, target)
    return _DOUBLE.sub(r"\1", key)


def similarity(a: str, b: str) -> float:
    """Score how alike two spellings are (0..1): edit distance, shared start, and keys."""
    fa, fb = fold(a), fold(b)
    direct = 0.5 * Levenshtein.normalized_similarity(fa, fb) + 0.5 * JaroWinkler.similarity(fa, fb)
    keyed = Levenshtein.normalized_similarity(name_key(a), name_key(b))
    return max(direct, 0.95 * keyed)


@dataclass(frozen=True)
class NameForm:
    """One spelling of an entity: its full name, an alias, or (for people) the surname."""

    form: str
    entity: Entity
    words: int


class NameIndex:
    """Name forms of the curated entities, blocked by the first letter of their key."""

    def __init__(self, entities: list[Entity]) -> None:
        self.exact: dict[str, list[NameForm]] = defaultdict(list)
        self._blocks: dict[tuple[int, str], list[NameForm]] = defaultdict(list)
        self.first_names: set[str] = set()
        self.surnames: set[str] = set()
        for entity in entities:
            for form in _forms(entity):
                self._add(NameForm(form, entity, len(form.split())))
            if entity.type == "person":
                full_names = [f.split() for f in (entity.name, *entity.aliases) if " " in f]
                self.first_names.update(parts[0] for parts in full_names)
                self.surnames.update(parts[-1] for parts in full_names)

    def _add(self, name: NameForm) -> None:
        self.exact[name.form].append(name)
        for letter in {name_key(name.form)[:1], fold(name.form)[:1]}:
            self._blocks[(name.words, letter)].append(name)

    def candidates(self, text: str, words: int) -> list[NameForm]:
        """Return the forms with ``words`` words that share a first letter (or key letter)."""
        found: dict[int, NameForm] = {}
        for letter in {name_key(text)[:1], fold(text)[:1]}:
            for name in self._blocks.get((words, letter), ()):
                found[id(name)] = name
        return list(found.values())


def _forms(entity: Entity) -> set[str]:
    """Return every spelling of ``entity``, with a person's surname standing alone."""
    forms = {entity.name, *entity.aliases}
    if entity.type == "person":
        for form in list(forms):
            parts = form.split()
            if len(parts) >= 2 and parts[-1][:1].isupper() and len(parts[-1]) > 2:
                forms.add(parts[-1])
    return forms
