"""Detect non-preferred spellings of names ("Lugansk" for Luhansk), from ``variants.tsv``.

The variants file is the newsroom's house style: replace it, or skip ``variant``, to change it.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Proposal
from ..lexicon import Lexicon
from ..text import Document


def detect(document: Document, lexicon: Lexicon) -> Iterator[Proposal]:
    """Yield the preferred spelling for each variant that appears as a whole word."""
    for token in document.tokens:
        word = token.text[:-2] if token.text.endswith(("'s", "’s")) else token.text
        entry = lexicon.variants.get(word)
        if entry is None:
            continue
        preferred, note = entry
        yield Proposal(
            start=token.start,
            end=token.start + len(word),
            replacement=preferred,
            confidence=0.9,
            reason=f"House style writes “{preferred}” for “{word}”"
            + (f" ({note})." if note else "."),
            rule="variant.house_style",
        )
