"""Detect non-preferred spellings of names ("Lugansk" for Luhansk), from ``variants.tsv``.

The variants file is the newsroom's house style: replace it, or skip ``variant``, to change it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import compress, count

from ..change import Proposal
from ..lexicon import Lexicon
from ..text import Document, Token
from ..words import PERSON_TITLES

POSSESSIVES = ("'s", "’s")
#: Dishes named after a place, which keep the old spelling ("chicken Kiev").
DISHES = frozenset({"chicken"})
_LETTER = r"[^\W\d_]"


def detect(document: Document, lexicon: Lexicon) -> Iterator[Proposal]:
    """Yield the preferred spelling for each variant that appears as a whole word or phrase."""
    yield from _words(document, lexicon)
    yield from _phrases(document, lexicon)


def _words(document: Document, lexicon: Lexicon) -> Iterator[Proposal]:
    forms = _token_forms(lexicon)
    # most articles have no variant at all: tell at C speed, without a loop over the words
    if forms.isdisjoint(document.distinct_words):
        return
    tokens = document.tokens
    for index in compress(count(), map(forms.__contains__, tokens.words)):
        token = tokens[index]
        if inside_other_name(document, token):
            continue
        word = token.text[:-2] if token.text.endswith(POSSESSIVES) else token.text
        yield _proposal(token.start, word, lexicon)


#: Words after a place's name that keep it the place's name ("Kiev Oblast" is Kyiv Oblast).
PLACE_NOUNS = frozenset(
    "Oblast Region Province City Airport Station Metro Reservoir District Raion Governorate".split()
)


def inside_other_name(document: Document, token: Token) -> bool:
    """Tell whether the variant is a word of another name, which keeps its spelling: a club
    ("Dynamo Kiev"), a historical state ("Kiev Rus"), a dish ("chicken Kiev")."""
    tokens, text = document.tokens, document.text
    before = tokens[token.index - 1] if token.index > 0 else None
    after = tokens[token.index + 1] if token.index + 1 < len(tokens) else None
    if before and text[before.end : token.start] == " ":
        if before.text[:1].isupper() and not before.sentence_initial:
            return True
        if before.text in DISHES:
            return True
    return bool(
        after
        and text[token.end : after.start] == " "
        and after.text[:1].isupper()
        and after.text not in PLACE_NOUNS
        and after.text.lower() not in PERSON_TITLES  # "Kiev Mayor Vitali Klitschko"
    )


def _phrases(document: Document, lexicon: Lexicon) -> Iterator[Proposal]:
    """Variants of several words ("Krivoy Rog"), found as whole words, single-spaced."""
    phrases, pattern = _phrase_pattern(lexicon)
    if pattern is None or not any(phrase in document.text for phrase in phrases):
        return
    for match in pattern.finditer(document.text):
        yield _proposal(match.start(), match.group(), lexicon)


def _proposal(start: int, variant: str, lexicon: Lexicon) -> Proposal:
    preferred, note = lexicon.variants[variant]
    return Proposal(
        start=start,
        end=start + len(variant),
        replacement=preferred,
        confidence=0.9,
        reason=f"House style writes “{preferred}” for “{variant}”"
        + (f" ({note})." if note else "."),
        rule="variant.house_style",
    )


@lru_cache(maxsize=4)
def _token_forms(lexicon: Lexicon) -> frozenset[str]:
    """Return every word token that names a one-word variant: the variant, or it with a
    possessive "'s" (a variant that itself ends in "'s" is looked up without it, so only its
    possessive counts)."""
    variants = [variant for variant in lexicon.variants if " " not in variant]
    return frozenset(
        [variant for variant in variants if not variant.endswith(POSSESSIVES)]
        + [variant + ending for variant in variants for ending in POSSESSIVES]
    )


@lru_cache(maxsize=4)
def _phrase_pattern(lexicon: Lexicon) -> tuple[tuple[str, ...], re.Pattern[str] | None]:
    """The variants of several words, and one pattern finding any of them as whole words
    (a possessive "'s" may follow), longest first."""
    phrases = tuple(sorted((v for v in lexicon.variants if " " in v), key=len, reverse=True))
    if not phrases:
        return phrases, None
    alternatives = "|".join(re.escape(phrase) for phrase in phrases)
    # Whole words as the tokenizer reads them: no letter, nor a letter after an apostrophe or
    # hyphen, joins on at either end, except a possessive "'s".
    return phrases, re.compile(
        rf"(?<!{_LETTER})(?<!{_LETTER}['’-])(?:{alternatives})"
        rf"(?!{_LETTER}|-{_LETTER}|['’](?!s(?!{_LETTER})){_LETTER})"
    )
