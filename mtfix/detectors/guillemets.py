"""Detect guillemets, the quotation marks of French, Russian, Ukrainian and German text, kept by
machine translation («We will win», »Stop«, ‹no›): English quotes with “…” and ‘…’.

A pair on one line becomes English marks, without the spaces French sets inside its marks
(« Bonjour »). The marks are curly, or straight where the article quotes with straight marks
only. A pair around a word of another script («Коммерсант») follows that script's conventions
and stays, as the quotes detector leaves such marks alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..change import Proposal
from ..lexicon import Lexicon
from ..text import Document, is_non_latin_letter

#: A pair of guillemets on one line: French and Russian «…», German »…«, and single ‹…›, ›…‹.
#: The spaces inside (plain, no-break, narrow no-break) belong to the marks.
_PAIR = re.compile(
    r"(?P<open>«[ \u00a0\u202f]*)(?P<inner>[^«»\n]+?)(?P<close>[ \u00a0\u202f]*»)"
    r"|(?P<gopen>»)(?P<ginner>[^«»\s][^«»\n]*?)(?P<gclose>«)"
    r"|(?P<sopen>‹[ \u00a0\u202f]*)(?P<sinner>[^‹›\n]+?)(?P<sclose>[ \u00a0\u202f]*›)"
    r"|(?P<gsopen>›)(?P<gsinner>[^‹›\s][^‹›\n]*?)(?P<gsclose>‹)"
)
CONFIDENCE = 0.85


def detect(document: Document, lexicon: Lexicon) -> Iterator[Proposal]:
    """Yield English marks for each pair of guillemets."""
    text = document.text
    if not any(mark in text for mark in "«»‹›"):
        return
    straight = '"' in text and not any(mark in text for mark in "“”")
    for match in _PAIR.finditer(text):
        single = match.group("sopen") is not None or match.group("gsopen") is not None
        opening, inner, closing = (name for name in match.groupdict() if match.group(name))
        if any(is_non_latin_letter(char) for char in match.group(inner)):
            continue
        if straight:
            left, right = ("'", "'") if single else ('"', '"')
        else:
            left, right = ("‘", "’") if single else ("“", "”")
        yield _proposal(match.start(opening), match.end(opening), left, "opens")
        yield _proposal(match.start(closing), match.end(closing), right, "closes")


def _proposal(start: int, end: int, mark: str, role: str) -> Proposal:
    return Proposal(
        start=start,
        end=end,
        replacement=mark,
        confidence=CONFIDENCE,
        reason=f"Guillemets are no English quotation marks; English {role} with {mark}.",
        rule="quotes.guillemets",
    )
