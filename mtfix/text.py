"""The tokenised document every detector shares: lines, word tokens and sentence starts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

#: A word: letters, optionally joined by apostrophes or hyphens ("don't", "Russia-Ukraine").
WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
#: Characters after which a new sentence may start.
SENTENCE_END = ".!?…"
#: A spaced dash after a dateline starts the story: "Turin - After the match...".
DASHES = "-–—"
#: Characters that may stand between a sentence end and the next word.
OPENERS = "\"'“”‘’«»„‚([ \t"
#: Where a sentence starts, read backwards from a word: past any openers, the text's start, a
#: line break, a spaced dash, or a sentence end followed by at least one opener.
_OPENER = f"[{re.escape(OPENERS)}]"
_SENTENCE_START = re.compile(
    rf"(?:\A|(?<=[\r\n])|(?<= )[{re.escape(DASHES)}]|[{re.escape(SENTENCE_END)}](?={_OPENER}))"
    rf"{_OPENER}*(?=[^\W\d_])"
)


class Token(NamedTuple):
    """A word in the text with its character offsets (a named tuple: millions are made)."""

    text: str
    start: int
    end: int
    index: int
    sentence_initial: bool


@dataclass(frozen=True)
class Line:
    """A line of the text: ``start``..``end`` is its content, ``next_start`` follows its break."""

    number: int
    start: int
    end: int
    next_start: int


class Document:
    """A text with its lines and word tokens, computed once and shared by every detector."""

    def __init__(self, text: str, source_languages: frozenset[str] = frozenset()) -> None:
        self.text = text
        #: Languages the text was translated from, when known ("de", "ru"...); empty: unknown.
        self.source_languages = source_languages

    @cached_property
    def lines(self) -> list[Line]:
        """The lines, with CR, LF and CRLF breaks (the break is not part of the content)."""
        lines = []
        for number, match in enumerate(re.finditer(r"([^\r\n]*)(\r\n|\r|\n|$)", self.text), 1):
            if match.start() == len(self.text) and match.start() > 0 and not match.group(1):
                break
            lines.append(Line(number, match.start(1), match.end(1), match.end()))
            if not match.group(2):
                break
        return lines

    @cached_property
    def tokens(self) -> list[Token]:
        """Every word token, with a flag for the first word of a sentence or line."""
        initial = {match.end() for match in _SENTENCE_START.finditer(self.text)}
        make = tuple.__new__  # builds the named tuple without a Python-level __init__ call
        return [
            make(Token, (match.group(), *match.span(), index, match.start() in initial))
            for index, match in enumerate(WORD_RE.finditer(self.text))
        ]

    @cached_property
    def sentences(self) -> list[list[Token]]:
        """The tokens grouped into sentences (a line break also ends one)."""
        sentences: list[list[Token]] = []
        for token in self.tokens:
            if token.sentence_initial or not sentences:
                sentences.append([])
            sentences[-1].append(token)
        return sentences

    @cached_property
    def token_lines(self) -> list[int]:
        """The 1-based line number of each token (a merge of two sorted lists)."""
        numbers: list[int] = []
        lines = self.lines
        current = 0
        for token in self.tokens:
            while current + 1 < len(lines) and lines[current + 1].start <= token.start:
                current += 1
            numbers.append(lines[current].number)
        return numbers

    def line_text(self, line: Line) -> str:
        """Return the content of ``line`` without its break."""
        return self.text[line.start : line.end]

    def line_at(self, offset: int) -> Line:
        """Return the line that holds ``offset``."""
        low, high = 0, len(self.lines) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if self.lines[middle].start <= offset:
                low = middle
            else:
                high = middle - 1
        return self.lines[low]

    def is_fragment(self, token: Token) -> bool:
        """Tell whether the word is a piece of a word broken around a spaced-out letter
        ("J ü rgen", "Neuk ö lln"): a lone non-ASCII letter stands one space from it."""
        for index in (token.index - 1, token.index + 1):
            if 0 <= index < len(self.tokens):
                other = self.tokens[index]
                gap = (
                    self.text[other.end : token.start]
                    if index < token.index
                    else self.text[token.end : other.start]
                )
                if len(other.text) == 1 and not other.text.isascii() and gap == " ":
                    return True
        return False

    @cached_property
    def word_count(self) -> int:
        """How many word tokens the text has."""
        return len(self.tokens)
