"""Detect a name left in its German spelling ("Lawrow", "Schoigu", "Nawalny", "Netanjahu").

German writes names from Russian, Ukrainian, Hebrew and Arabic by German rules (Duden and DIN
transliteration): w for v, s for z, sch for sh and zh, tsch for ch, ch for kh, z for ts, j for
the y of ya, yu, ye and yo, j for a final y. German-to-English machine translation keeps those
spellings. For every word of a curated person's or place's name from a country of another
script, the German spellings these rules give (``german_spellings``) are looked up in the text;
one that English text never uses (wordfreq Zipf below ``MAX_ENGLISH_ZIPF``) and no list knows
as a word or another name is replaced by the English spelling.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..change import Proposal
from ..lexicon import Lexicon
from ..text import Document

#: English romanisation -> German, longest first (one pass, so "kh" never becomes "tsch").
_RULES = {
    "shch": "schtsch",
    "zh": "sch",
    "kh": "ch",
    "ch": "tsch",
    "sh": "sch",
    "ts": "z",
    "ya": "ja",
    "yu": "ju",
    "ye": "je",
    "yo": "jo",
    "v": "w",
    "z": "s",
}
_RULE = re.compile("|".join(sorted(_RULES, key=len, reverse=True)))
#: Endings spelled another way in German: a final y or iy (Zelenskyy, Navalny: Selenskyj,
#: Nawalny), a final ia (Vinnytsia: Winnyzja).
_ENDINGS = (("yy", ("yj",)), ("iy", ("ij",)), ("y", ("y", "yj", "i")), ("ia", ("ja",)))
#: A German spelling English text uses this often (Zipf) is an English spelling too.
MAX_ENGLISH_ZIPF = 1.5
#: Names shorter than this are left alone (too many short words are another's name).
MIN_LENGTH = 4
CONFIDENCE = 0.92  # a spelling rule, surer than a likeness: it wins over entity.person
#: The entity types whose names are written from other scripts in the news.
TYPES = frozenset({"person", "city", "region", "place"})
#: Context words of the curated entities that name a country or people of Cyrillic, Arabic,
#: Hebrew or Persian script: German transliterates their names by its own rules, while a name
#: of a Latin-script language keeps its spelling (Kinzinger is never Kinsinger).
TRANSLITERATED_FROM = frozenset(
    """russia russian kremlin moscow ukraine ukrainian kyiv donbas belarus minsk kazakhstan
    kyrgyzstan tajikistan turkmenistan uzbekistan mongolia georgia armenia azerbaijan chechnya
    crimea israel israeli jerusalem palestinian gaza hamas hezbollah iran tehran iraq baghdad
    syria damascus lebanon beirut jordan egypt cairo saudi riyadh yemen houthi uae emirates qatar
    kuwait bahrain oman libya sudan afghanistan taliban""".split()
)


def german_spellings(word: str) -> set[str]:
    """Return the German spellings of an English-romanised name word, other than the word.

    >>> sorted(german_spellings("Lavrov")), sorted(german_spellings("Zelenskyy"))
    (['Lawrow'], ['Selenskyj'])
    >>> sorted(german_spellings("Navalny"))
    ['Nawalni', 'Nawalny', 'Nawalnyj']
    """
    lower = word.lower()
    stem = lower
    endings: tuple[str, ...] = ("",)
    for ending, replacements in _ENDINGS:
        if lower.endswith(ending):
            stem, endings = lower[: -len(ending)], replacements
            break
    german = _RULE.sub(lambda match: _RULES[match.group()], stem)
    return {(german + ending).capitalize() for ending in endings} - {word}


def detect(document: Document, lexicon: Lexicon) -> Iterator[Proposal]:
    """Yield the English spelling for each name word written the German way."""
    table = _german_spellings(lexicon)
    if table.keys().isdisjoint(document.distinct_words):
        return
    for token in document.tokens:
        found = table.get(token.text)
        if found is None:
            continue
        english, name, kind = found
        yield Proposal(
            start=token.start,
            end=token.end,
            replacement=english,
            confidence=CONFIDENCE,
            reason=f"“{token.text}” is the German spelling of {english} ({kind}: {name}).",
            rule="entity.german_spelling",
        )


@lru_cache(maxsize=4)
def _german_spellings(lexicon: Lexicon) -> dict[str, tuple[str, str, str]]:
    """German spelling -> (English word, the whole name, its type), for every word of every
    curated person's and place's name from a country of another script (its context words,
    ``TRANSLITERATED_FROM``); a spelling that two words share is left out."""
    table: dict[str, tuple[str, str, str]] = {}
    shared: set[str] = set()
    for entity in lexicon.entities:
        if entity.type not in TYPES or TRANSLITERATED_FROM.isdisjoint(entity.context):
            continue
        for word in entity.name.split():
            if len(word) < MIN_LENGTH or not (word.isalpha() and word.isascii()):
                continue  # an accented name is Latin-script already (Przemyśl)
            if not word[0].isupper() or lexicon.is_english_word(word.lower()):
                continue  # "Golan Heights", "Mexico City"
            for german in german_spellings(word):
                if _is_known(german, lexicon):
                    continue
                if german in table and table[german][0] != word:
                    shared.add(german)
                table.setdefault(german, (word, entity.name, entity.type))
    return {german: found for german, found in table.items() if german not in shared}


def _is_known(word: str, lexicon: Lexicon) -> bool:
    """Tell whether English text uses the word, or a list knows it as a word or a name."""
    return (
        lexicon.zipf(word) >= MAX_ENGLISH_ZIPF
        or lexicon.is_english_word(word)
        or word in lexicon.name_words
        or word in lexicon.proper_nouns
    )
