"""Detect a Russian or Ukrainian surname left in a case form after a man's first name
("the custody of Maxim Solopova", "lawyer Yuri Eronina").

Russian and Ukrainian inflect surnames: the genitive of Solopov is Solopova, and so is the
feminine. Machine translation copies the inflected form, so a man's first name ends up before a
woman's surname. After a first name of ``names/slavic_male_first_names.tsv``, a surname in
-ova, -eva, -ina or -yna becomes the man's form (-ov, -ev, -in, -yn), unless real text uses the
form as written more than the man's ("Medina" is a name of its own).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from itertools import compress, count
from pathlib import Path

from ..change import Proposal
from ..lexicon import Lexicon, read_rows
from ..text import Document

#: The endings of a Russian or Ukrainian surname's genitive or feminine form, whose man's form
#: drops the final -a.
CASE_ENDINGS = ("ova", "eva", "ina", "yna")
#: Letters a surname has before its ending at least ("Bova" is no Bov).
MIN_STEM = 3
CONFIDENCE = 0.7


def detect(document: Document, lexicon: Lexicon) -> Iterator[Proposal]:
    """Yield the man's form of each case-form surname after a man's first name."""
    first_names = male_first_names(lexicon.root)
    if first_names.isdisjoint(document.distinct_words):
        return  # most articles: told at C speed, without a loop over the words
    tokens, text = document.tokens, document.text
    words = tokens.words
    for index in compress(count(), map(first_names.__contains__, words)):
        if index + 1 >= len(words) or not _case_form(words[index + 1], lexicon):
            continue
        first, surname = tokens[index], tokens[index + 1]
        if text[first.end : surname.start] != " ":
            continue  # "Oleg, Petrova said": two people
        man = surname.text[:-1]
        yield Proposal(
            start=surname.start,
            end=surname.end,
            replacement=man,
            confidence=CONFIDENCE,
            reason=f"“{first.text} {surname.text}”: a man's first name before a surname in a "
            f"Russian or Ukrainian case or woman's form; the man's form is “{man}”.",
            rule="entity.case_form",
        )


def _case_form(word: str, lexicon: Lexicon) -> bool:
    """Tell whether a word reads as a surname in a case form: capitalised, letters only, a
    case ending after a stem, and no more used by real text than the man's form."""
    return (
        word[:1].isupper()
        and word.isalpha()
        and word.endswith(CASE_ENDINGS)
        and len(word) - len(CASE_ENDINGS[0]) >= MIN_STEM
        and lexicon.zipf(word) <= lexicon.zipf(word[:-1])
    )


@lru_cache(maxsize=4)
def male_first_names(root: Path) -> frozenset[str]:
    """Return the first names of ``names/slavic_male_first_names.tsv``."""
    return frozenset(row[0] for row in read_rows(root / "names" / "slavic_male_first_names.tsv"))
