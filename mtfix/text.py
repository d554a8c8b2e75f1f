"""The tokenised document every detector shares: lines, word tokens and sentence starts."""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import cache, cached_property
from itertools import accumulate, compress, count, repeat
from operator import add, itemgetter
from typing import TYPE_CHECKING, NamedTuple, overload

if TYPE_CHECKING:  # the source module is imported only when a source is given
    from .source import SourceText

#: A word: letters, optionally joined by apostrophes or hyphens ("don't", "Russia-Ukraine").
WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
#: Characters after which a new sentence may start.
SENTENCE_END = ".!?…"
#: A spaced dash after a dateline starts the story: "Turin - After the match...".
DASHES = "-–—"
#: Characters that may stand between a sentence end and the next word.
OPENERS = "\"'“”‘’«»„‚([ \t"
#: Marks that may open a line before a space: Markdown headings, quotes and bullets ("# Title",
#: "> quoted", "- item", "• item").
LINE_MARKERS = "#>*+•-–—"
_OPENER = f"[{re.escape(OPENERS)}]"
_MARKED = rf"(?:[{re.escape(LINE_MARKERS)}]+[ \t])?"
#: Where a sentence starts inside the text, read backwards from a word: past any openers, a line
#: break (and a line's marks), a spaced dash, or a sentence end followed by at least one opener.
#: The pattern begins with a character set, so the regex engine skips quickly to the few places
#: worth trying.
_SENTENCE_START = re.compile(
    rf"[\r\n{re.escape(SENTENCE_END)}{re.escape(DASHES)}]"
    rf"(?:(?<=[{re.escape(SENTENCE_END)}])(?={_OPENER})|(?<=[\r\n]){_MARKED}"
    rf"|(?<= [{re.escape(DASHES)}]))"
    rf"{_OPENER}*(?=[^\W\d_])"
)
#: The first word of the text starts a sentence too, whatever openers stand before it.
_TEXT_START = re.compile(rf"{_MARKED}{_OPENER}*(?=[^\W\d_])")
#: Splits a text into the stretch before each word and the word (in C, in linear time); the
#: running sum of their lengths gives every offset. ``WORD_RE`` with possessive repeats: a
#: word is the longest run there, and the engine keeps no place to go back to inside it.
_WORD_SPLIT = re.compile(r"([^\W\d_]++(?:['’\-][^\W\d_]++)*+)")
#: Characters of text tokenised at a time, at least (a block ends after a space or line break).
TOKEN_BLOCK = 1 << 16
_SPACE = re.compile(r"\s")
#: A line's content and its break (CRLF, CR or LF; none at the end of the text).
_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n|$)")


def blocks(text: str) -> Iterator[tuple[int, str]]:
    """Yield ``(offset, block)``: ``text`` cut into blocks of about ``TOKEN_BLOCK`` characters,
    each ending after a space or line break (no word spans one).

    >>> list(blocks("two words"))
    [(0, 'two words')]
    """
    start = 0
    while start < len(text):
        cut = _SPACE.search(text, start + TOKEN_BLOCK)
        end = len(text) if cut is None else cut.end()
        yield start, text[start:end]
        start = end


@cache
def is_non_latin_letter(character: str) -> bool:
    """Tell whether ``character`` is a letter of another script than Latin (Cyrillic, Greek,
    CJK, Arabic...): text in or beside such a word is not English typography to fix.

    >>> is_non_latin_letter("é"), is_non_latin_letter("ж"), is_non_latin_letter("語")
    (False, True, True)
    """
    return character.isalpha() and not unicodedata.name(character, "").startswith("LATIN")


def beside_other_script(text: str, start: int, end: int) -> bool:
    """Tell whether ``text[start:end]``, or the nearest character on either side of it past
    spaces, is a letter of another script than Latin ("( Кремль )", "Путин и Трамп"): the
    spacing and marks there follow that script's conventions, not English ones."""
    left = text[max(0, start - 40) : start].rstrip(" \t")[-1:]
    right = text[end : end + 40].lstrip(" \t")[:1]
    return any(map(is_non_latin_letter, left + text[start:end] + right))


class Token(NamedTuple):
    """A word in the text with its character offsets: a named tuple, made from the columns of
    ``Tokens`` when a detector asks for one."""

    text: str
    start: int
    end: int
    index: int  # type: ignore[assignment]  # the token's place; shadows tuple.index, unused
    sentence_initial: bool


class Tokens(Sequence[Token]):
    """Every word token of a text, kept as three columns rather than as one object a token:

    - ``words``: each token's text, in order (on a long text each spelling is one string
      object, however often the text uses it);
    - ``starts``: the offset of each token's first character (an array of 8-byte integers;
      a token ends at its start plus the length of its word);
    - ``initial``: a byte a token, 1 where it opens a sentence or a line.

    That is some 17 bytes a token, where a list of ``Token`` tuples takes some 190 (a million
    words: 17 MB, not 190). A ``Token`` is made when one is asked for, by index, slice or
    iteration (a slice and a pass are made in C). A test of every token reads the columns:
    ``compress(count(), map(test, tokens.words))`` gives the indices of the tokens that pass.
    """

    def __init__(self, words: list[str], starts: array[int], initial: bytearray) -> None:
        self.words = words
        self.starts = starts
        self.initial = initial

    def __len__(self) -> int:
        return len(self.words)

    @overload
    def __getitem__(self, index: int) -> Token: ...

    @overload
    def __getitem__(self, index: slice) -> list[Token]: ...

    def __getitem__(self, index: int | slice) -> Token | list[Token]:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self.words))
            if step != 1:
                return [self[number] for number in range(start, stop, step)]
            return list(self._made(start, stop))
        word = self.words[index]  # raises the IndexError of a list
        if index < 0:
            index += len(self.words)
        start = self.starts[index]
        return tuple.__new__(
            Token, (word, start, start + len(word), index, self.initial[index] == 1)
        )

    def __iter__(self) -> Iterator[Token]:
        return self._made(0, len(self.words))

    def end(self, index: int) -> int:
        """The offset after the last character of token ``index``."""
        return self.starts[index] + len(self.words[index])

    def _made(self, start: int, stop: int) -> Iterator[Token]:
        """The tokens ``start``..``stop`` (none when ``stop`` comes first), made in C."""
        words, starts = self.words[start:stop], self.starts[start:stop]
        fields = zip(
            words,
            starts,
            map(add, starts, map(len, words)),
            count(start),
            map(bool, self.initial[start:stop]),
        )
        return map(tuple.__new__, repeat(Token), fields)


def _openings(text: str, starts: array[int]) -> bytearray:
    """A byte a token (``starts``: their offsets), 1 where one opens a sentence or a line of
    ``text``: the few openings are found by regex and their tokens by bisection."""
    initial = bytearray(len(starts))
    first = _TEXT_START.match(text)
    found = [match.end() for match in _SENTENCE_START.finditer(text)]
    for offset in [first.end(), *found] if first else found:
        index = bisect_left(starts, offset)
        if index < len(starts) and starts[index] == offset:
            initial[index] = 1
    return initial


class Line(NamedTuple):
    """A line of the text: ``start``..``end`` is its content, ``next_start`` follows its break."""

    number: int
    start: int
    end: int
    next_start: int


def _lf_lines(text: str) -> list[Line]:
    """The lines of a text whose only breaks are LF, cut in C (as ``Document.lines``: a final
    break ends the last line and opens no other).

    >>> [tuple(line) for line in _lf_lines("one\\ntwo\\n")]
    [(1, 0, 3, 4), (2, 4, 7, 8)]
    """
    lengths = list(map(len, text.split("\n")))
    next_starts = list(accumulate(length + 1 for length in lengths))
    next_starts[-1] = len(text)  # the last piece has no break after it
    starts = [0, *next_starts[:-1]]
    lines = list(map(Line, count(1), starts, map(add, starts, lengths), next_starts))
    if len(lines) > 1 and not lengths[-1]:
        lines.pop()  # the empty piece after a final break
    return lines


class Document:
    """A text with its lines and word tokens, computed once and shared by every detector (the
    tokens kept as columns: ``Tokens``)."""

    def __init__(
        self,
        text: str,
        source_languages: frozenset[str] = frozenset(),
        source: SourceText | None = None,
    ) -> None:
        self.text = text
        #: Languages the text was translated from, when known ("de", "ru"...); empty: unknown.
        self.source_languages = source_languages
        #: The text before translation, aligned to this one's lines (None: not given).
        self.source = source

    @cached_property
    def lines(self) -> list[Line]:
        """The lines, with CR, LF and CRLF breaks (the break is not part of the content)."""
        if "\r" not in self.text:
            return _lf_lines(self.text)
        lines = []
        for number, match in enumerate(_LINE.finditer(self.text), 1):
            if match.start() == len(self.text) and match.start() > 0 and not match.group(1):
                break
            lines.append(Line(number, match.start(1), match.end(1), match.end()))
            if not match.group(2):
                break
        return lines

    @cached_property
    def tokens(self) -> Tokens:
        """Every word token, with a flag for the first word of a sentence or line (``Tokens``).

        A long text is split a block at a time, so the split's pieces and offsets never
        all exist at once, and each repeated word is one string object in every token that
        spells it (a million-word text has some 60,000 distinct words; an article is left
        alone, where looking each word up would cost more than it saves).
        """
        text = self.text
        words: list[str] = []
        starts: array[int] = array("q")
        spellings: dict[str, str] | None = {} if len(text) > TOKEN_BLOCK else None
        for base, block in blocks(text):
            parts = _WORD_SPLIT.split(block)  # gap, word, gap, word, ..., gap
            offsets = list(accumulate(map(len, parts), initial=base))  # each part's end
            block_words = parts[1::2]
            if spellings is not None:
                block_words = list(map(spellings.setdefault, block_words, block_words))
            words.extend(block_words)
            starts.extend(offsets[1:-1:2])
        return Tokens(words, starts, _openings(text, starts))

    @cached_property
    def distinct_words(self) -> frozenset[str]:
        """The set of the tokens' texts (detectors subtract the word lists from it, in C):
        the keys of ``word_counts``, which every cleaning counts anyway."""
        return frozenset(self.word_counts)

    @cached_property
    def word_counts(self) -> Counter[str]:
        """How often each token text occurs (counted in C): detectors that ask about a word's
        mentions look at the distinct words, not at every token."""
        return Counter(self.tokens.words)

    @cached_property
    def capitalised(self) -> array[int]:
        """The indices of the tokens whose first letter is a capital, found in C: the name and
        case tests of several detectors look at these only (an array: 8 bytes an index)."""
        first_letters = map(itemgetter(0), self.tokens.words)
        return array("q", compress(count(), map(str.isupper, first_letters)))

    @cached_property
    def capitalised_words(self) -> frozenset[str]:
        """The distinct token texts whose first letter is a capital, picked in C."""
        words = list(self.word_counts)
        return frozenset(compress(words, map(str.isupper, map(itemgetter(0), words))))

    @cached_property
    def sentence_starts(self) -> list[int]:
        """The index of each sentence's first token, ascending (a line break also ends a
        sentence); ``sentence`` makes a sentence's tokens."""
        if not self.tokens:
            return []
        firsts = list(compress(count(), self.tokens.initial))
        if firsts[:1] != [0]:
            firsts.insert(0, 0)  # the first word opens a sentence, whatever stands before it
        return firsts

    def sentence(self, number: int) -> list[Token]:
        """The tokens of sentence ``number`` (counted from 0, as ``sentence_starts``)."""
        starts = self.sentence_starts
        end = starts[number + 1] if number + 1 < len(starts) else len(self.tokens)
        return self.tokens[starts[number] : end]

    def line_text(self, line: Line) -> str:
        """Return the content of ``line`` without its break."""
        return self.text[line.start : line.end]

    def line_at(self, offset: int) -> Line:
        """Return the line that holds ``offset`` (the first line for an offset before it)."""
        return self.lines[max(0, bisect_right(self._line_starts, offset) - 1)]

    @cached_property
    def _line_starts(self) -> list[int]:
        """Where each line starts, ascending (``line_at`` bisects them in C)."""
        return [line.start for line in self.lines]

    def is_fragment(self, token: Token) -> bool:
        """Tell whether the word is a piece of a word broken around a spaced-out letter
        ("J ü rgen", "Neuk ö lln"): a lone non-ASCII letter stands one space from it."""
        tokens = self.tokens
        for index in (token.index - 1, token.index + 1):
            if 0 <= index < len(tokens):
                other = tokens.words[index]
                gap = (
                    self.text[tokens.end(index) : token.start]
                    if index < token.index
                    else self.text[token.end : tokens.starts[index]]
                )
                if len(other) == 1 and not other.isascii() and gap == " ":
                    return True
        return False

    @cached_property
    def word_count(self) -> int:
        """How many word tokens the text has."""
        return len(self.tokens)
