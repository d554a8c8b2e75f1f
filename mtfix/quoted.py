"""Short quotations in another language: slogans, songs, parties' names and terms a writer
quotes on purpose ("Ať žije republika"), whose words are not English and are no error."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property, lru_cache
from weakref import WeakKeyDictionary

from .lexicon import Lexicon
from .text import Document, Token

#: A quotation inside one line: between double quotation marks of any style.
_QUOTATION = re.compile(r"[“„«\"]([^“”„«»\"\n]{1,200})[”“»\"]")
#: A quotation of at most this many words can be a slogan, a title or a name.
QUOTED_PHRASE_WORDS = 6
#: A word this common in another language (wordfreq Zipf) is that language's.
FOREIGN_ZIPF = 3.0

#: The starts and the ends of spans of a text, in text order.
Spans = tuple[list[int], list[int]]
#: The foreign quotations of each document being cleaned, with the lexicon that judged them:
#: several detectors ask, and a document's are found once.
_FOUND: WeakKeyDictionary[Document, tuple[Lexicon, Spans]] = WeakKeyDictionary()


class QuotedForeignPhrases:
    """Tell whether a token lies in a short quotation mostly in another language: a slogan,
    a song, a party's name or a term the writer quotes on purpose ("Ať žije republika"), not
    a word machine translation left in English text. A quotation mostly in English with one
    foreign word in it is still read word by word, and so is a long one (a quoted sentence
    left untranslated)."""

    def __init__(self, document: Document, lexicon: Lexicon) -> None:
        self.document = document
        self.lexicon = lexicon

    @cached_property
    def _spans(self) -> Spans:
        """The starts and ends of the foreign quotations, in text order (found on first use:
        most texts have no word to ask about; once a document, for every detector)."""
        found = _FOUND.get(self.document)
        if found is None or found[0] is not self.lexicon:
            found = (self.lexicon, _foreign_spans(self.document.text, self.lexicon))
            _FOUND[self.document] = found
        return found[1]

    def __call__(self, token: Token) -> bool:
        return self.covers(token.start, token.end)

    def covers(self, start: int, end: int) -> bool:
        """Tell whether the text from ``start`` to ``end`` lies in a foreign quotation."""
        starts, ends = self._spans
        index = bisect_right(starts, start) - 1
        return index >= 0 and end <= ends[index]

    def words_outside(self, first: int, end: int) -> list[str]:
        """The words of tokens ``first``..``end`` (exclusive) that lie in no foreign
        quotation: all of them, sliced in C, when the text has none (most texts)."""
        words = self.document.tokens.words[first:end]
        if not self._spans[0]:
            return words
        tokens = self.document.tokens
        return [
            word
            for index, word in enumerate(words, first)
            if not self.covers(tokens.starts[index], tokens.end(index))
        ]


def _foreign_spans(text: str, lexicon: Lexicon) -> Spans:
    """The starts and ends of the foreign quotations in ``text``, in text order."""
    spans = [
        match.span(1)
        for match in _QUOTATION.finditer(text)
        if _foreign_phrase(match.group(1), lexicon)
    ]
    return [start for start, _ in spans], [end for _, end in spans]


def _foreign_phrase(quotation: str, lexicon: Lexicon) -> bool:
    """Tell whether a quotation is short and more of its words are another language's than
    English's (``_side``). A word neither knows (a garble, "sucess") is no evidence."""
    words = _LATIN_WORD.findall(quotation)
    if not 0 < len(words) <= QUOTED_PHRASE_WORDS:
        return False
    sides = [_side(word, lexicon) for word in words]
    return sides.count(FOREIGN) > sides.count(ENGLISH)


ENGLISH, FOREIGN, UNKNOWN = "en", "foreign", ""


@lru_cache(maxsize=1 << 16)
def _side(word: str, lexicon: Lexicon) -> str:
    """Tell which language a word is likelier in (memoised: it depends on the word and the
    dictionaries alone): another language when that language's text
    uses it commonly (wordfreq) and more often than English text ("temps", "fin"), or when it
    has letters English does not use ("dokážeme"); else English when English knows it."""
    english = lexicon.zipf(word)
    foreign = lexicon.foreign_zipf(word)[1]
    if (foreign >= FOREIGN_ZIPF and foreign > english) or (
        not word.isascii() and not lexicon.is_english_word(word)
    ):
        return FOREIGN
    if english > 0 or lexicon.is_english_word(word):
        return ENGLISH
    return UNKNOWN


_LATIN_WORD = re.compile(r"[^\W\d_]+")
