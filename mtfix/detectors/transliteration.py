"""Detect a name left in the spelling of a source language ("Lawrow", "Šojgu", "Nawalny").

German, Czech and Polish write names from Russian, Ukrainian, Hebrew or Arabic by their own
rules (German w for v, s for z, sch for sh, tsch for ch; Czech š, č, ž and j; Polish sz, cz, ż,
w and j), and machine translation from them keeps those spellings. For every word of a curated
place's name and every curated person's surname from a country of another script, the
spellings these rules give (``spellings``) are looked up in the text; one that English text
never uses (wordfreq Zipf below ``MAX_ENGLISH_ZIPF``) and no list knows as a word or another
name is replaced by the English spelling.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import compress, count
from pathlib import Path
from typing import NamedTuple

from ..cache import load_cached
from ..change import Proposal
from ..lexicon import Lexicon
from ..names import TRANSLITERATED_FROM
from ..text import Document
from .untranslated import SOURCE_LANGUAGES

#: English romanisation -> each language's, applied in one pass, longest first (so "kh"
#: never becomes "tsch"); "z" alone is German "s" (Zelensky: Selenskyj).
_COMMON = {"kh": "ch", "ya": "ja", "yu": "ju", "ye": "je", "yo": "jo"}
RULES = {
    "de": {
        **_COMMON,
        "shch": "schtsch",
        "zh": "sch",
        "ch": "tsch",
        "sh": "sch",
        "ts": "z",
        "v": "w",
        "z": "s",
    },
    "cs": {**_COMMON, "shch": "šč", "zh": "ž", "ch": "č", "sh": "š", "ts": "c"},
    "pl": {**_COMMON, "shch": "szcz", "zh": "ż", "ch": "cz", "sh": "sz", "ts": "c", "v": "w"},
}
_PATTERNS = {
    language: re.compile("|".join(sorted(rules, key=len, reverse=True)))
    for language, rules in RULES.items()
}
#: The i or y of a diphthong, which these languages may write j (Shoigu: Šojgu, Sergey: Sergej).
_SHORT_I = re.compile(r"(?<=[aeou])[iy](?![aeiou])")
#: Endings spelled another way: a final y or iy (Zelenskyy, Navalny: Selenskyj, Nawalny), a
#: final ia (Vinnytsia: Winnyzja).
_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("yy", ("yj",)),
    ("iy", ("ij",)),
    ("y", ("y", "yj", "i")),
    ("ia", ("ja",)),
)
#: A spelling English text uses this often (Zipf) is an English spelling too.
MAX_ENGLISH_ZIPF = 1.5
#: Names shorter than this are left alone (too many short words are another's name).
MIN_LENGTH = 4
CONFIDENCE = 0.85  # below a whole-name reading of entity.person (Alexej Nawalny)
#: The entity types whose names are written from other scripts in the news.
TYPES = frozenset({"person", "city", "region", "place"})


def spellings(word: str, language: str) -> set[str]:
    """Return the spellings of an English-romanised name word by ``language``'s rules, other
    than the word.

    >>> sorted(spellings("Lavrov", "de")), sorted(spellings("Zelenskyy", "de"))
    (['Lawrow'], ['Selenskyj'])
    >>> sorted(spellings("Shoigu", "cs")), sorted(spellings("Navalny", "pl"))
    (['Šoigu', 'Šojgu'], ['Nawalni', 'Nawalny', 'Nawalnyj'])
    """
    lower = word.lower()
    stem = lower
    endings: tuple[str, ...] = ("",)
    for ending, replacements in _ENDINGS:
        if lower.endswith(ending):
            stem, endings = lower[: -len(ending)], replacements
            break
    rules = RULES[language]
    spelled = _PATTERNS[language].sub(lambda match: rules[match.group()], stem)
    forms = {spelled + ending for ending in endings}
    forms |= {_SHORT_I.sub("j", form) for form in forms}
    return {form.capitalize() for form in forms} - {word}


class _Spelled(NamedTuple):
    """What a source-language spelling stands for."""

    english: str  # the English spelling of the word
    name: str  # the whole name it is a word of
    type: str  # the name's entity type
    languages: str  # the languages that spell it so, as a reason names them


def detect(document: Document, lexicon: Lexicon) -> Iterator[Proposal]:
    """Yield the English spelling for each name word spelled the way of a source language."""
    table = _spelled(lexicon)
    if table.keys().isdisjoint(document.distinct_words):
        return
    tokens = document.tokens
    for index in compress(count(), map(table.__contains__, tokens.words)):
        token = tokens[index]
        found = table[token.text]
        yield Proposal(
            start=token.start,
            end=token.end,
            replacement=found.english,
            confidence=CONFIDENCE,
            reason=f"“{token.text}” is the {found.languages} spelling of {found.english} "
            f"({found.type}: {found.name}).",
            rule="entity.transliteration",
        )


@lru_cache(maxsize=4)
def _spelled(lexicon: Lexicon) -> dict[str, _Spelled]:
    """Source-language spelling -> what it stands for (``_spelled_table``), kept in the
    dictionary cache: building it took 0.035 s of every start."""
    files = [*lexicon.source_files(), Path(__file__)]
    return load_cached("transliteration", files, lambda: _spelled_table(lexicon))


def _spelled_table(lexicon: Lexicon) -> dict[str, _Spelled]:
    """Source-language spelling -> what it stands for, for every word of every curated place's
    name and every curated person's surname from a country of another script (its context
    words, ``TRANSLITERATED_FROM``); a spelling that two words share is left out."""
    table: dict[str, _Spelled] = {}
    shared: set[str] = set()
    for entity in lexicon.entities:
        if entity.type not in TYPES or TRANSLITERATED_FROM.isdisjoint(entity.context):
            continue
        words = entity.name.split()
        if entity.type == "person":
            words = words[-1:]  # a first name is spelled many ways by its own bearers (Ljubov)
        for word in words:
            if len(word) < MIN_LENGTH or not (word.isalpha() and word.isascii()):
                continue  # an accented name is Latin-script already (Przemyśl)
            if not word[0].isupper() or lexicon.is_english_word(word.lower()):
                continue  # "Golan Heights", "Mexico City"
            for language in RULES:
                for spelled in spellings(word, language):
                    if spelled in shared or _is_known(spelled, lexicon):
                        continue
                    known = table.get(spelled)
                    if known is not None and known.english != word:
                        shared.add(spelled)
                        continue
                    named = SOURCE_LANGUAGES[language]
                    if known is not None:  # another language spells it so too
                        known_names = known.languages.split("/")
                        named = "/".join(dict.fromkeys([*known_names, named]))
                    table[spelled] = _Spelled(word, entity.name, entity.type, named)
    return {spelled: found for spelled, found in table.items() if spelled not in shared}


def _is_known(word: str, lexicon: Lexicon) -> bool:
    """Tell whether English text uses the word, or a list knows it as a word or a name."""
    return (
        lexicon.zipf(word) >= MAX_ENGLISH_ZIPF
        or lexicon.is_english_word(word)
        or lexicon.is_known_name(word)
    )
