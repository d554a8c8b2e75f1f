"""Short quotations in another language: slogans, songs, parties' names and terms a writer
quotes on purpose ("Ať žije republika"), whose words are not English and are no error; and the
other marks by which a writer sets a word apart as a term rather than prose (``set_apart``):
brackets around a few words, italics-like markers, a web address."""

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

#: Brackets holding at most this many words give a term, a gloss or a name ("(hejtman)").
BRACKETED_TERM_WORDS = 4
#: A web address, an e-mail address, a handle or a hashtag: ``@`` or ``#`` before a word, or a
#: dot between letters ("novinky.cz", "www.gov.pl").
_WEB = re.compile(r"://|www\.|[@#]\w|[^\W\d_]\.[^\W\d_]{2}")
#: Italics-like markers of plain text: ``*word*``, ``_word_``.
_ITALICS = "*_"


#: Words before a term the writer names as a word ("the Czech word hospoda", "so-called").
TERM_CUES = frozenset("so-called call calls called named termed term word".split())
#: What follows a term the writer glosses: "powiat (county)", "starosta, or mayor".
_GLOSS = re.compile(r" \(\w|, or ")


def _named_or_glossed(document: Document, token: Token) -> bool:
    """Tell whether the writer marks the word as a foreign term: names it as a word ("the
    Czech word hospoda", "so-called hromada", "known as koledy") or glosses it ("powiat
    (county)", "starosta, or mayor"). Machine translation leaves a word without saying so."""
    tokens, text = document.tokens, document.text
    before = [tokens[i].text.lower() for i in (token.index - 2, token.index - 1) if i >= 0]
    named = bool(before) and before[-1] in TERM_CUES
    if named or before == ["known", "as"]:
        return True
    return _GLOSS.match(text, token.end) is not None


#: A translation beside a term, in brackets, in lower case.
_TRANSLATION = re.compile(r" \([a-z]")


def glossed(document: Document, token: Token) -> bool:
    """Tell whether the writer translates the word in brackets beside it ("powiat (county)")
    or names it "known as": English words get no such gloss (capitals in brackets after a word
    are an abbreviation: "syndrome (SARS)"), while "so-called" also marks an English phrase the
    writer doubts, and ", or" joins English words as often as it glosses a term."""
    tokens = document.tokens
    before = [tokens[i].text.lower() for i in (token.index - 2, token.index - 1) if i >= 0]
    return before == ["known", "as"] or _TRANSLATION.match(document.text, token.end) is not None


def set_apart(document: Document, token: Token) -> bool:
    """Tell whether the writer sets the word apart from the prose around it: names it as a
    term or glosses it (``_named_or_glossed``), puts it inside brackets
    that hold a few words only ("the regional governor (hejtman)"), between italics-like
    markers ("*hospoda*"), or in a web address, handle or hashtag ("on novinky.cz",
    "#jsmesnimi"). Machine translation leaves a word in the prose unmarked."""
    return (
        _named_or_glossed(document, token)
        or _in_short_brackets(document, token)
        or _in_italics(document, token)
        or _in_web_address(document, token)
    )


def marked_off(document: Document, token: Token, lexicon: Lexicon) -> bool:
    """Tell whether typography alone sets the word apart as a term, whatever the words around
    it say: italics-like markers, a web address, or brackets that hold no English word and no
    number besides it ("(namesti)", not "(85th miute)" or "(vaccinated or recowered)"). A
    garbled English word stands in a gloss or after "so-called" as often as a foreign term,
    so those marks (``set_apart``) need a word that is foreign to begin with."""
    if _in_italics(document, token) or _in_web_address(document, token):
        return True
    inside = _bracketed(document, token)
    if inside is None or any(character.isdigit() for character in inside):
        return False
    others = [word for word in _LATIN_WORD.findall(inside) if word != token.text]
    return not any(lexicon.is_english_word(word) for word in others)


def _in_short_brackets(document: Document, token: Token) -> bool:
    """Tell whether the word lies in brackets, on its line, that hold at most
    ``BRACKETED_TERM_WORDS`` words."""
    return _bracketed(document, token) is not None


def _bracketed(document: Document, token: Token) -> str | None:
    """The text inside the brackets around the word on its line, when they hold at most
    ``BRACKETED_TERM_WORDS`` words; else None."""
    text = document.text
    line = document.line_at(token.start)
    opening = text.rfind("(", line.start, token.start)
    if opening < 0 or ")" in text[opening : token.start]:
        return None
    closing = text.find(")", token.end, line.end)
    if closing < 0 or len(text[opening + 1 : closing].split()) > BRACKETED_TERM_WORDS:
        return None
    return text[opening + 1 : closing]


def _in_italics(document: Document, token: Token) -> bool:
    """Tell whether an italics-like marker opens right before the word's phrase and closes
    after it on the same line ("*Lidové noviny*")."""
    text = document.text
    line = document.line_at(token.start)
    before = text[line.start : token.start]
    for marker in _ITALICS:
        opening = before.rfind(marker)
        if opening < 0 or (opening > 0 and before[opening - 1].isalnum()):
            continue
        closing = text.find(marker, token.end, line.end)
        inside = text[line.start + opening + 1 : closing] if closing >= 0 else ""
        if inside and not inside[0].isspace() and not inside[-1].isspace():
            return True
    return False


def _in_web_address(document: Document, token: Token) -> bool:
    """Tell whether the word belongs to a run of text without spaces that is a web or e-mail
    address, a handle or a hashtag."""
    text = document.text
    start = max(text.rfind(" ", 0, token.start), text.rfind("\n", 0, token.start)) + 1
    ends = [i for i in (text.find(" ", token.end), text.find("\n", token.end)) if i >= 0]
    chunk = text[start : min(ends) if ends else len(text)]
    return _WEB.search(chunk.rstrip(".,;:!?)\"'’”")) is not None
