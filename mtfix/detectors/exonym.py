"""Detect a source language's name of a place kept in the translation ("talks in Kiew").

German, Czech or French news names foreign places in its own way (Kiew, Vídeň, Varsovie), and
machine translation sometimes keeps that name where English writes another (Kyiv, Vienna,
Warsaw). ``dictionaries/untranslated/exonyms.tsv`` (hand-listed) and ``exonyms-generated.tsv``
(from GeoNames and pycountry, filtered by word frequencies: ``scripts/build_exonyms.py``) list
such names; each whole-word occurrence is replaced by the English name, unless the word is part
of a longer name ("Dynamo Kiew", "Wien Energie"), as the house-style variants are
(``variant.inside_other_name``), or the writer quotes it, sets it apart (brackets, a web
address) or writes it in a phrase of its language ("Grüße aus Kiew ..."): there it is quoted
as it is.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from itertools import compress, count
from pathlib import Path

from ..change import Proposal
from ..lexicon import Lexicon, read_rows
from ..quoted import QuotedForeignPhrases, set_apart
from ..text import Document
from .untranslated import SOURCE_LANGUAGES, beside_source_word
from .variant import inside_other_name

CONFIDENCE = 0.8


def detect(document: Document, lexicon: Lexicon) -> Iterator[Proposal]:
    """Yield the English name for each source-language name of a place."""
    table = exonyms(lexicon.root)
    # most articles have none: tell at C speed, without a loop over the words
    if table.keys().isdisjoint(document.distinct_words):
        return
    quoted = QuotedForeignPhrases(document, lexicon)
    tokens = document.tokens
    for index in compress(count(), map(table.__contains__, tokens.words)):
        token = tokens[index]
        if (
            inside_other_name(document, token)
            or quoted(token)
            or set_apart(document, token)
            or beside_source_word(document, token, {}, lexicon)
        ):
            continue  # a name quoted, glossed or in a phrase of its language is as it is
        english, languages = table[token.text]
        named = "/".join(SOURCE_LANGUAGES.get(code, code) for code in languages.split("|"))
        yield Proposal(
            start=token.start,
            end=token.end,
            replacement=english,
            confidence=CONFIDENCE,
            reason=f"“{token.text}” is the {named} name of {english}; English writes “{english}”.",
            rule="untranslated.exonym",
        )


@lru_cache(maxsize=4)
def exonyms(root: Path) -> dict[str, tuple[str, str]]:
    """Return exonym -> (English name, its languages, ``|``-separated) from
    ``untranslated/exonyms*.tsv``."""
    table: dict[str, tuple[str, str]] = {}
    for path in sorted((root / "untranslated").glob("exonyms*.tsv")):
        for row in read_rows(path):
            table[row[0]] = (row[1], row[2])
    return table
