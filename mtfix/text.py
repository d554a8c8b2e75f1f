"""The tokenised document every detector shares: lines, word tokens and sentence starts."""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import cache, cached_property
from itertools import accumulate, compress, count, repeat
from operator import add, attrgetter, itemgetter
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
#: running sum of their lengths gives every offset.
_WORD_SPLIT = re.compile(f"({WORD_RE.pattern})")
#: Characters of text tokenised at a time, at least (a block ends after a space or line break).
TOKEN_BLOCK = 1 << 16
#: Above this many characters a text's tokens are kept compact (``TokenStore``), not as a list.
COMPACT_TEXT = 1 << 20
_SPACE = re.compile(r"\s")


def _blocks(text: str) -> Iterator[tuple[int, str]]:
    """Yield ``(offset, block)``: ``text`` cut into blocks of about ``TOKEN_BLOCK`` characters,
    each ending after a space or line break (no word spans one).

    >>> list(_blocks("two words"))
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
    """A word in the text with its character offsets (a named tuple: millions are made)."""

    text: str
    start: int
    end: int
    index: int  # type: ignore[assignment]  # the token's place; shadows tuple.index, unused
    sentence_initial: bool


class TokenStore(Sequence[Token]):
    """The tokens of a huge text, kept compact: the word strings (one object per distinct word),
    an array of start offsets and a byte per sentence-start flag, some 17 bytes a token where a
    list of ``Token`` tuples takes some 190. A ``Token`` is made when one is asked for, equal to
    the one the list would hold."""

    def __init__(self, words: list[str], starts: array[int], initial: bytearray) -> None:
        self._words = words
        self._starts = starts
        self._initial = initial

    def __len__(self) -> int:
        return len(self._words)

    @overload
    def __getitem__(self, index: int) -> Token: ...

    @overload
    def __getitem__(self, index: slice) -> list[Token]: ...

    def __getitem__(self, index: int | slice) -> Token | list[Token]:
        if isinstance(index, slice):
            return list(self._tokens(range(len(self))[index]))
        if index < 0:
            index += len(self)
        word, start = self._words[index], self._starts[index]
        return tuple.__new__(
            Token, (word, start, start + len(word), index, self._initial[index] == 1)
        )

    def __iter__(self) -> Iterator[Token]:
        return self._tokens(range(len(self)))

    def _tokens(self, numbers: range) -> Iterator[Token]:
        """The tokens at ``numbers`` (a range), made in C."""
        if numbers.step != 1:
            return map(self.__getitem__, numbers)
        part = slice(numbers.start, numbers.stop)
        words, starts = self._words[part], self._starts[part]
        initial = map(bool, self._initial[part])
        ends = map(add, starts, map(len, words))
        fields = zip(words, starts, ends, numbers, initial, strict=True)
        return map(tuple.__new__, repeat(Token), fields)


class Line(NamedTuple):
    """A line of the text: ``start``..``end`` is its content, ``next_start`` follows its break."""

    number: int
    start: int
    end: int
    next_start: int


class Document:
    """A text with its lines and word tokens, computed once and shared by every detector."""

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
        lines = []
        for number, match in enumerate(re.finditer(r"([^\r\n]*)(\r\n|\r|\n|$)", self.text), 1):
            if match.start() == len(self.text) and match.start() > 0 and not match.group(1):
                break
            lines.append(Line(number, match.start(1), match.end(1), match.end()))
            if not match.group(2):
                break
        return lines

    @cached_property
    def tokens(self) -> list[Token] | TokenStore:
        """Every word token, with a flag for the first word of a sentence or line.

        A long text is split a block at a time, so the split's pieces and offsets never
        all exist at once, and each repeated word is one string object in every token that
        spells it (a million-word text has some 60,000 distinct words; an article is left
        alone, where looking each word up would cost more than it saves).
        """
        text = self.text
        initial = {match.end() for match in _SENTENCE_START.finditer(text)}
        first = _TEXT_START.match(text)
        if first:
            initial.add(first.end())
        if len(text) > COMPACT_TEXT:
            return self._token_store(initial)
        tokens: list[Token] = []
        spellings: dict[str, str] | None = {} if len(text) > TOKEN_BLOCK else None
        for base, block in _blocks(text):
            parts = _WORD_SPLIT.split(block)  # gap, word, gap, word, ..., gap
            offsets = list(accumulate(map(len, parts), initial=base))  # each part's end
            words = parts[1::2]
            if spellings is not None:
                words = list(map(spellings.setdefault, words, words))
            starts = offsets[1:-1:2]
            # Built by C-level map/zip: this runs for every word of every article.
            fields = zip(
                words,
                starts,
                offsets[2:-1:2],
                count(len(tokens)),
                map(initial.__contains__, starts),
            )
            tokens.extend(map(tuple.__new__, repeat(Token), fields))
        return tokens

    def _token_store(self, initial: set[int]) -> TokenStore:
        """The tokens of a huge text as a ``TokenStore``, split a block at a time."""
        words: list[str] = []
        starts: array[int] = array("q")
        flags = bytearray()
        spellings: dict[str, str] = {}
        for base, block in _blocks(self.text):
            parts = _WORD_SPLIT.split(block)  # gap, word, gap, word, ..., gap
            offsets = list(accumulate(map(len, parts), initial=base))  # each part's end
            block_starts = offsets[1:-1:2]
            words.extend(map(spellings.setdefault, parts[1::2], parts[1::2]))
            starts.extend(block_starts)
            flags.extend(map(initial.__contains__, block_starts))
        return TokenStore(words, starts, flags)

    @cached_property
    def distinct_words(self) -> frozenset[str]:
        """The set of the tokens' texts (detectors subtract the word lists from it, in C):
        the keys of ``word_counts``, which every cleaning counts anyway."""
        return frozenset(self.word_counts)

    @cached_property
    def word_counts(self) -> Counter[str]:
        """How often each token text occurs (counted in C): detectors that ask about a word's
        mentions look at the distinct words, not at every token."""
        return Counter(map(attrgetter("text"), self.tokens))

    @cached_property
    def capitalised(self) -> array[int]:
        """The indices of the tokens whose first letter is a capital, found in C: the name and
        case tests of several detectors look at these only (an array: 8 bytes an index)."""
        first_letters = map(itemgetter(0), map(attrgetter("text"), self.tokens))
        return array("q", compress(count(), map(str.isupper, first_letters)))

    @cached_property
    def capitalised_words(self) -> frozenset[str]:
        """The distinct token texts whose first letter is a capital, picked in C."""
        words = list(self.word_counts)
        return frozenset(compress(words, map(str.isupper, map(itemgetter(0), words))))

    @cached_property
    def sentence_starts(self) -> list[int]:
        """The index of each sentence's first token (a line break also ends a sentence)."""
        tokens = self.tokens
        if not tokens:
            return []
        firsts = list(compress(count(), map(attrgetter("sentence_initial"), tokens)))
        if firsts[:1] != [0]:
            firsts.insert(0, 0)  # the first word opens a sentence, whatever stands before it
        return firsts

    @cached_property
    def sentences(self) -> list[list[Token]] | _Sentences:
        """The tokens grouped into sentences (for a huge text, each made when asked for)."""
        tokens, firsts = self.tokens, self.sentence_starts
        if isinstance(tokens, TokenStore):
            return _Sentences(tokens, firsts)
        return [tokens[a:b] for a, b in zip(firsts, [*firsts[1:], len(tokens)], strict=True)]

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


class _Sentences(Sequence[list[Token]]):
    """The sentences of a ``TokenStore``: each a list of its tokens, made when asked for."""

    def __init__(self, tokens: TokenStore, firsts: list[int]) -> None:
        self._tokens = tokens
        self._bounds = [*firsts, len(tokens)]

    def __len__(self) -> int:
        return len(self._bounds) - 1

    @overload
    def __getitem__(self, index: int) -> list[Token]: ...

    @overload
    def __getitem__(self, index: slice) -> list[list[Token]]: ...

    def __getitem__(self, index: int | slice) -> list[Token] | list[list[Token]]:
        if isinstance(index, slice):
            return [self[number] for number in range(len(self))[index]]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("sentence index out of range")
        return self._tokens[self._bounds[index] : self._bounds[index + 1]]
