"""Detect non-preferred spellings of names ("Lugansk" for Luhansk), from ``variants.tsv``.

The variants file is the newsroom's house style: replace it, or skip ``variant``, to change it.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from operator import attrgetter

from ..change import Proposal
from ..lexicon import Lexicon
from ..text import Document

POSSESSIVES = ("'s", "’s")
_text = attrgetter("text")


def detect(document: Document, lexicon: Lexicon) -> Iterator[Proposal]:
    """Yield the preferred spelling for each variant that appears as a whole word."""
    forms = _token_forms(lexicon)
    # most articles have no variant at all: tell at C speed, without a loop over the words
    if forms.isdisjoint(map(_text, document.tokens)):
        return
    for token in document.tokens:
        if token.text not in forms:
            continue
        word = token.text[:-2] if token.text.endswith(POSSESSIVES) else token.text
        preferred, note = lexicon.variants[word]
        yield Proposal(
            start=token.start,
            end=token.start + len(word),
            replacement=preferred,
            confidence=0.9,
            reason=f"House style writes “{preferred}” for “{word}”"
            + (f" ({note})." if note else "."),
            rule="variant.house_style",
        )


@lru_cache(maxsize=4)
def _token_forms(lexicon: Lexicon) -> frozenset[str]:
    """Return every word token that names a variant: the variant, or it with a possessive "'s"
    (a variant that itself ends in "'s" is looked up without it, so only its possessive counts)."""
    variants = lexicon.variants
    return frozenset(
        [variant for variant in variants if not variant.endswith(POSSESSIVES)]
        + [variant + ending for variant in variants for ending in POSSESSIVES]
    )
