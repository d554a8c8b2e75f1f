"""Detect typography artefacts: stray spaces, hyphens for dashes, spaced letters and colons.

No rule looks across a line break or touches a URL or an e-mail address, nor text in or beside
a word of another script (the spaces around a Cyrillic or Japanese word follow that script's
conventions, not English ones). Rules are tried in
order of precedence and a later rule never proposes a span that overlaps an earlier
one, nor a span the ``quotes`` detector rewrites, so applying the changes leaves nothing for a
second run to find.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from functools import lru_cache

from ..change import Proposal
from ..lexicon import Lexicon
from ..text import Document, beside_other_script
from . import quotes

#: Words that start a clause or a noun phrase; a hyphen before one joins clauses, not a compound
#: (no English compound ends in a subject pronoun: "he-man" and "she-wolf" begin with one).
CLAUSE_WORDS = frozenset(
    "and but or a an the which who whom whose while whereas although though because "
    "he she they we".split()
)
#: Single lower-case letters with diacritics that are words in some language (French "à",
#: Italian "è", Portuguese "é", Welsh "â", Swedish "å"...), so a spaced one may be a real word.
LETTER_WORDS = frozenset("àáâèéêìíîòóôùúûýå")
#: Words that label a numbered item ("Chapter 2: 3 ways"), where "2: 3" is not a score or time.
NUMBER_LABELS = frozenset(
    "act article chapter figure fig item level no number page part phase point psalm question"
    " round rule scene section stage step table verse".split()
)
#: Words that open a sentence, so "Why?Because" and "great!The" run two sentences together,
#: where a capital on both sides of the mark may be a name ("Yahoo!News", "WoW!Korea").
SENTENCE_OPENERS = frozenset(
    "the a an it he she we they i you this that these those there here but and so because "
    "what why how who when where if then now yes no".split()
)
#: Marks that open an item of a list or a label line ("■Term : definition", "<Shop> Item :").
LIST_MARKS = "<[【〈《・•*"
#: Top-level domains capitalised by MT ("Spiegel.De"), where "." joins a domain, not sentences.
DOMAINS = frozenset("com de org net io eu ch uk gov edu info fr es ru jp cn pl nl au cz tv".split())

#: Every quotation mark and apostrophe (the quotes detector may change one into another).
_QUOTES = "\"'“”„‘’‚"
_TOKEN_REST = re.compile(r"\S*")
#: What marks a token as a URL or e-mail address.
_ADDRESS_MARKS = ("://", "www.", "@")
_ADDRESS_MARK = re.compile("|".join(map(re.escape, _ADDRESS_MARKS)))
# Patterns begin with a literal character (a space, a mark) where they can, and test the
# character before it with a lookbehind placed after it: the regex engine then jumps from one
# such character to the next instead of trying a leading lookbehind at every position. Those
# with a ``_HINT`` (a cheap pattern for what each of their matches contains) run only on the
# lines where it occurs; a hint, too, begins with its rarer character (a hyphen or colon, not
# the space before it), which the engine skips to.
_SPACED_HYPHEN = re.compile(r" (?<=[^\W_] ) *-(?=([^\W\d_]+))")
_SPACED_HYPHEN_HINT = re.compile("-(?<= -)")
_SUSPENDED = re.compile(r" +[^\W\d_]+-[^\W\d_]")
#: A hyphen glued to the word before and spaced from the word after ("24- hour", "pro- Russian").
_HYPHEN_SPACE = re.compile(r"-(?<=[^\W_]-)( +)(?=([^\W_]+))")
#: A hyphen after a space and glued to the word after: an aside's opening dash (" -which").
_DASH_OPENING = re.compile(r"(?:^| )-[^\W\d_]")
#: Words after a suspended hyphen, which keeps its space ("pre- and post-war", "two- to
#: three-year").
SUSPENDING_WORDS = frozenset({"and", "or", "to", "nor", "as", "&"})
#: Second parts of the compounds English writes with a hyphen after a number or word
#: ("24-hour", "state-owned", "Russian-backed").
COMPOUND_ENDINGS = frozenset(
    "hour day week month year minute second metre kilometre mile term time old long "
    "based backed led run owned controlled funded held scale wide level style related free "
    "like type size class speed point party member seat strong".split()
)
#: Prefixes English joins to a word with a hyphen ("pro-Russian", "anti-war", "then-President").
HYPHEN_PREFIXES = frozenset(
    "pro anti pre post non ex self co semi multi cross counter neo quasi mid inter intra "
    "ultra trans sub vice pan un all half then prior super proto hyper macro micro mini pseudo "
    "extra over out under re".split()
)
#: Prefixes that never stand alone as a word, so a hyphen after one, spaced or not, is theirs.
BOUND_PREFIXES = frozenset(
    "pro anti non post pre self semi multi counter neo quasi mid inter intra ultra pseudo".split()
)
#: A hyphen with a space on each side between a word and a letter ("two - hour").
_SPACED_COMPOUND = re.compile(r" - (?<=[^\W_] - )(?=[^\W\d_])")
#: Number words, which make compounds with names too ("three-Hunan", "two-China").
NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten".split())
#: The other number words that begin a compound ("eighty-six", "twelve-year").
LARGER_NUMBER_WORDS = frozenset(
    "eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty "
    "forty fifty sixty seventy eighty ninety hundred".split()
)
#: A lower-case word of four letters or more joined by a hyphen to a capitalised one
#: ("progress-Xinhuanet"; a shorter one may be a place name's: "Gorenja vas-Poljane").
_NAME_HYPHEN = re.compile(r"-(?<=[a-z]{4}-)(?=[A-Z][a-z]+(?![\w-]))")
#: A hyphen between two words, not inside a longer compound ("state-of-the-art"); a spaced
#: hyphen before the first word is a dash in the making (" -which-a"), not a compound's.
_CLAUSE_HYPHEN = re.compile(r"(?:(?<![\w-])|(?<= -))([^\W\d_]{2,})-([^\W\d_]+)(?![\w-])")
#: A hyphen, spaced, after the word a ``_CLAUSE_HYPHEN`` ends with: the compound goes on.
_COMPOUND_GOES_ON = re.compile(r" *- *[^\W\d_]")
#: What every match of ``_CLAUSE_HYPHEN`` that the rule keeps contains: a hyphen and a clause word.
_CLAUSE_HYPHEN_HINT = re.compile(rf"-(?:{'|'.join(sorted(CLAUSE_WORDS))})(?![\w-])")
_SPACED_LETTER = re.compile(r"(?<=[^\W\d_])(?: +[^\W\d_\x00-\x7f])+ +(?=[^\W\d_])")
_SPACED_LETTER_HINT = re.compile(r" [^\W\d_\x00-\x7f] ")
#: A time or score of two or three parts ("4:45", "2:05:30"); the rule keeps those with a space.
_SPACED_COLON = re.compile(r"(?<![\d.,:])\d{1,2}(?: *: *(\d{1,2})){1,2}(?![\d:]|[.,]\d)")
_COLON_SPACES = re.compile(r" *: *")
_SPACED_COLON_HINT = re.compile(r":(?:(?<= :)| +\d)")
_TIME_AFTER = re.compile(r" ?(?:[ap]\.?m\b|o'clock|h\b|hrs\b)", re.IGNORECASE)
_SCORE_NEAR = re.compile(r"\(\d{1,2}: ?\d{1,2}")
_SPACE_BEFORE = re.compile(
    rf" (?<=[^\W_] |[)\]{_QUOTES}] ) *([,.;:?!])(?=\s|$|[{_QUOTES}\]]|(?<=[.?!])\))"
)
_SPACE_BEFORE_HINT = re.compile(r" [,.;:?!]")
_BRACKET_SPACE = re.compile(r" (?:(?<=[(\[] ) *(?=[^\W_])|(?<=[^\W_] ) *(?=[)\]]))")
#: A bracket with a space on its inner side, what every match of ``_BRACKET_SPACE`` has.
_BRACKET_SPACE_HINT = re.compile(r"[()\[\]](?:(?<=[(\[])(?= )|(?<= [)\]]))")
#: A comma, semicolon, "?" or "!" glued to the word before and the letter after ("?" and "!"
#: are then kept only before a capital).
_NO_SPACE_AFTER = re.compile(r"[,;?!](?<=[^\W_].)(?=[^\W\d_])")
_NO_SPACE_PERIOD = re.compile(r"\.(?<=[a-z][a-z]\.)(?=([A-Z][a-z]+))")
#: A space before a comma or semicolon instead of after it ("said ,that"), or before a full
#: stop, "?" or "!" that a capitalised word follows ("ended .The"; only a word that often opens
#: a sentence, ``SENTENCE_OPENERS``, since ".Net" is a name). The mark after the space is
#: looked for first: few of the many spaces have one, and the engine drops the others at once.
_MOVED_SPACE = re.compile(
    r" (?=[,;.?!])(?<=[^\W_] )(?:([,;])(?=[^\W\d_])|([.?!])(?=[A-Z][a-z]+\b))"
)
#: Two spaces inside a sentence: between words, or after a comma or semicolon. More spaces, or
#: two after a sentence end, are a layout or a writer's habit, not a translation artefact.
_DOUBLE_SPACE = re.compile(r"  (?<=[^\W_]  |[,;]  )(?=[^\W_])")
#: A dash between words with a space on one side only ("agreed— but", "agreed —but").
_LOPSIDED_DASH = re.compile(r"[–—](?:(?<=[^\W_] [–—])(?=[^\s\d])|(?<=[^\W\d_][–—]) (?=[^\W_]))")
#: A dash between words with a space on both sides, or on neither: an article's own style.
_EVEN_DASH = re.compile(r"(?: ([–—]) (?<=[^\W_] [–—] )|([–—])(?<=[^\W_][–—]))(?=[^\W_])")
#: A space before the apostrophe of a possessive or "is" ("Putin ’s", "the company 's").
_SPACED_APOSTROPHE = re.compile(r"['’](?<=[^\W_] ['’])(?=s(?![\w'’]))")
_RIGHT_WORD = re.compile(r"[^\W_]+")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\W*$")
#: How far back to look for the word before a match (bounded, so long lines stay linear).
_WINDOW = 40

Rule = Callable[[str, Lexicon], Iterator[tuple[int, int, str, float, str, str]]]


def detect(document: Document, lexicon: Lexicon) -> Iterator[Proposal]:
    """Yield typography proposals, never overlapping each other or those of ``quotes``.

    The rules scan the whole text at once; none of their patterns crosses a line break.
    """
    text = document.text
    taken = _SpansByLine([line.start for line in document.lines])
    for proposal in quotes.proposals(document):
        taken.add(proposal.start, proposal.end)
    for start, end in _protected(text):
        taken.add(start, end)
    for rule in RULES:
        for start, end, replacement, confidence, reason, name in rule(text, lexicon):
            if taken.is_free(start, end) and not beside_other_script(text, start, end):
                taken.add(start, end)
                yield Proposal(start, end, replacement, confidence, reason, f"typography.{name}")


class _Spans:
    """A set of character spans kept merged and sorted, to test new spans against quickly.

    >>> spans = _Spans()
    >>> spans.add(2, 4); spans.add(4, 6)
    >>> spans.is_free(6, 6), spans.is_free(7, 9), spans.is_free(0, 2), spans.is_free(0, 3)
    (False, True, True, False)
    """

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def _first_touching(self, start: int) -> int:
        return bisect_left(self.ends, start)

    def is_free(self, start: int, end: int) -> bool:
        """Tell whether ``start..end`` shares a character with no span (an insertion: touches)."""
        index = self._first_touching(start)
        while index < len(self.starts) and self.starts[index] <= end:
            other_start, other_end = self.starts[index], self.ends[index]
            if start == end or other_start == other_end:
                return False
            if other_start < end and start < other_end:
                return False
            index += 1
        return True

    def add(self, start: int, end: int) -> None:
        """Add ``start..end``, merging it with every span it touches."""
        low = self._first_touching(start)
        high = bisect_right(self.starts, end, lo=low)
        if low < high:
            start, end = min(start, self.starts[low]), max(end, self.ends[high - 1])
        self.starts[low:high] = [start]
        self.ends[low:high] = [end]


class _SpansByLine:
    """``_Spans`` kept per line, so that each list stays short on a long text (one sorted list of
    every span grew with the square of a long text's changes). A span is filed under every line
    that holds a position from just before it to its end, and a query looks in the same lines:
    two spans that share or touch a position always meet in that position's line."""

    def __init__(self, line_starts: list[int]) -> None:
        self.line_starts = line_starts
        self.by_line: dict[int, _Spans] = {}

    def _lines(self, start: int, end: int) -> range:
        first = max(bisect_right(self.line_starts, start - 1) - 1, 0)
        return range(first, max(bisect_right(self.line_starts, end) - 1, first) + 1)

    def is_free(self, start: int, end: int) -> bool:
        """Tell whether ``start..end`` is free, as ``_Spans.is_free`` does for all spans."""
        return all(
            self.by_line[line].is_free(start, end)
            for line in self._lines(start, end)
            if line in self.by_line
        )

    def add(self, start: int, end: int) -> None:
        """Add ``start..end`` to each line it may meet another span in."""
        for line in self._lines(start, end):
            self.by_line.setdefault(line, _Spans()).add(start, end)


def _protected(text: str) -> list[tuple[int, int]]:
    """Return the spans of URLs and e-mail addresses (tokens with an address mark), which no
    rule may touch."""
    spans: list[tuple[int, int]] = []
    if not any(mark in text for mark in _ADDRESS_MARKS):
        return spans
    for match in _ADDRESS_MARK.finditer(text):
        if spans and match.start() < spans[-1][1]:
            continue  # another mark of the token already found
        start = match.start()
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        rest = _TOKEN_REST.match(text, match.start())
        spans.append((start, rest.end() if rest else match.end()))
    return spans


def _hinted(pattern: re.Pattern[str], hint: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Yield the matches of ``pattern`` on the lines where ``hint`` matches, in text order.

    No pattern crosses a line break and each line is scanned with its break, so the matches
    are those of scanning the whole text.
    """
    line_end = 0
    for candidate in hint.finditer(text):
        if candidate.start() < line_end:
            continue
        line_start = text.rfind("\n", 0, candidate.start()) + 1
        line_end = text.find("\n", candidate.start()) + 1 or len(text)
        yield from pattern.finditer(text, line_start, line_end)


def _left_word(text: str, end: int) -> str:
    """Return the run of letters and digits that ends at ``end``.

    >>> _left_word("in 2020,The", 7)
    '2020'
    """
    start = end
    while start > 0 and end - start < _WINDOW and text[start - 1].isalnum():
        start -= 1
    return text[start:end]


def spaced_colon(text: str, lexicon: Lexicon) -> Iterator[tuple[int, int, str, float, str, str]]:
    """Close up "4: 45 p.m.", "won 2 : 1", "2: 05: 30": a space beside the colon of a time or
    score."""
    for match in _hinted(_SPACED_COLON, _SPACED_COLON_HINT, text):
        if " " not in match.group():
            continue
        window = text[max(0, match.start() - _WINDOW) : match.start()].rpartition("\n")[2]
        label = _WORD_BEFORE.search(window)
        if label and label.group(1).lower() in NUMBER_LABELS:
            continue
        if _TIME_AFTER.match(text, match.end()) and len(match.group(1)) == 2:
            confidence, what = 0.95, "time"
        elif window.rfind("(") > window.rfind(")") or _SCORE_NEAR.match(text, match.end() + 1):
            confidence, what = 0.9, "score"
        else:
            confidence, what = 0.8, "score or time"
        yield (
            match.start(),
            match.end(),
            _COLON_SPACES.sub(":", match.group()),
            confidence,
            f"A {what} is written without spaces around the colon.",
            "spaced_colon",
        )


def spaced_letter(text: str, lexicon: Lexicon) -> Iterator[tuple[int, int, str, float, str, str]]:
    """Join "K ö nig" into "König": a non-ASCII letter spaced out inside a word."""
    for match in _hinted(_SPACED_LETTER, _SPACED_LETTER_HINT, text):
        letters = match.group().replace(" ", "")
        if not all(ord(c) > 127 and c.islower() and c not in LETTER_WORDS for c in letters):
            continue
        confidence = 0.9 if set(letters) <= set("äöüß") else 0.8
        yield (
            match.start(),
            match.end(),
            letters,
            confidence,
            f"The letter{'s' if len(letters) > 1 else ''} '{letters}' stand"
            f"{'' if len(letters) > 1 else 's'} alone between spaces inside a word.",
            "spaced_letter",
        )


def spaced_hyphen(text: str, lexicon: Lexicon) -> Iterator[tuple[int, int, str, float, str, str]]:
    """Join "two -hour" into "two-hour": a space before the hyphen of a compound."""
    dash = ""
    for match in _hinted(_SPACED_HYPHEN, _SPACED_HYPHEN_HINT, text):
        part = match.group(1)
        if not part[0].islower():
            continue
        if part in CLAUSE_WORDS:
            dash = dash or _article_dash(text)
            yield (
                match.start(),
                match.end(),
                dash,
                0.7,
                f"A hyphen before '{part}' joins two clauses, where a dash belongs.",
                "clause_hyphen",
            )
            continue
        confidence = 0.85 if lexicon.is_english_word(part) else 0.6
        yield (
            match.start(),
            match.end(),
            "-",
            confidence,
            f"A stray space stands before the hyphen of the compound ending in '-{part}'.",
            "spaced_hyphen",
        )


def hyphen_space(text: str, lexicon: Lexicon) -> Iterator[tuple[int, int, str, float, str, str]]:
    """Join "24- hour" into "24-hour": a space after the hyphen of a compound, unless the hyphen
    is suspended ("pre- and post-war"). Sure only after a number or prefix or before a usual
    compound ending; elsewhere the hyphen may be a dash that lost its space ("his name- so")."""
    for match in _HYPHEN_SPACE.finditer(text):
        right = match.group(2)
        if right.lower() in SUSPENDING_WORDS or _dash_opened(text, match.start()):
            continue
        left = _left_token(text, match.start())
        known = left.isdigit() or left.lower() in HYPHEN_PREFIXES | NUMBER_WORDS
        known = known or left.lower() in LARGER_NUMBER_WORDS
        known = known or right.lower().removesuffix("s") in COMPOUND_ENDINGS
        known = known or _known_compound(text, left, right, lexicon)
        yield (
            match.start(),
            match.end(),
            "-",
            0.85 if known else 0.4,  # "his name- exactly": a dash may have lost its space
            f"A stray space stands after the hyphen of the compound '{left}-{right}'.",
            "hyphen_space",
        )


def spaced_compound(text: str, lexicon: Lexicon) -> Iterator[tuple[int, int, str, float, str, str]]:
    """Join "two - hour" into "two-hour": a compound's hyphen spaced on both sides, where only
    a compound can stand. A spaced hyphen is a dash as often ("we agreed - all of us"), so
    it must be a number before a usual compound ending ("three - day"), a prefix that never
    stands alone ("pro - Russian"), or a compound the article writes with its hyphen."""
    for match in _SPACED_COMPOUND.finditer(text):
        left = _left_token(text, match.start())
        right = _right_word(text, match.end())
        number = left.isdigit() or left.lower() in NUMBER_WORDS | LARGER_NUMBER_WORDS
        if number and right.lower().removesuffix("s") in COMPOUND_ENDINGS:
            what = "a number and a measure"
        elif left.lower() in BOUND_PREFIXES:
            what = "a prefix and a word"
        elif left.isalpha() and f"{left}-{right}" in _hyphenated_pairs(text):
            what = "a compound the article writes with its hyphen"
        else:
            continue
        yield (
            match.start(),
            match.end(),
            "-",
            0.8,
            f"The hyphen in '{left} - {right}' joins {what}; it takes no spaces.",
            "spaced_compound",
        )


def _known_compound(text: str, left: str, right: str, lexicon: Lexicon) -> bool:
    """Tell whether "left- right" is a compound English knows: the article writes it with its
    hyphen elsewhere ("cease-fire"), or English writes it as one word ("ceasefire")."""
    if not (left.isalpha() and right.isalpha()) or len(left) < 2:
        return False
    return f"{left}-{right}" in _hyphenated_pairs(text) or lexicon.is_english_word(
        (left + right).lower()
    )


@lru_cache(maxsize=2)
def _hyphenated_pairs(text: str) -> frozenset[str]:
    """Every two words the text joins with a hyphen ("state-of-the-art" gives "state-of",
    "of-the" and "the-art"), found once per text: asking the text itself for each spaced
    hyphen made a long file's run quadratic."""
    pairs = set()
    hyphen = text.find("-")
    while hyphen >= 0:
        left, right = _left_token(text, hyphen), _right_word(text, hyphen + 1)
        if left and right:
            pairs.add(f"{left}-{right}")
        hyphen = text.find("-", hyphen + 1)
    return frozenset(pairs)


def _dash_opened(text: str, position: int) -> bool:
    """Tell whether a spaced hyphen glued to the next word opens an aside earlier on the line
    ("The war -which began in 2022- goes on"): the hyphen at ``position`` then closes it."""
    line_start = text.rfind("\n", 0, position) + 1
    return _DASH_OPENING.search(text, line_start, position) is not None


def _right_word(text: str, start: int) -> str:
    """Return the letters and digits that begin at ``start`` (bounded by ``_WINDOW``)."""
    found = _RIGHT_WORD.match(text, start, start + _WINDOW)
    return found.group() if found else ""


def _left_token(text: str, end: int) -> str:
    """Return the letters and digits that end right before ``end`` (bounded by ``_WINDOW``)."""
    start = end
    while start > max(0, end - _WINDOW) and text[start - 1].isalnum():
        start -= 1
    return text[start:end]


def name_hyphen(text: str, lexicon: Lexicon) -> Iterator[tuple[int, int, str, float, str, str]]:
    """Turn "made progress-Xinhuanet" into "made progress – Xinhuanet": a hyphen between an
    English word and a capitalised one is a dash before a name (a headline's source, a
    speaker), unless the word is a prefix ("mid-May", "pro-Kremlin", "then-President")."""
    dash = ""
    for match in _NAME_HYPHEN.finditer(text):
        left = _left_token(text, match.start())
        start = match.start() - len(left)
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-_"):
            continue  # inside a longer word or compound
        if not left.islower() or left in HYPHEN_PREFIXES | NUMBER_WORDS:
            continue  # "mid-May", "three-Hunan" (a slogan's compound)
        if not lexicon.is_english_word(left):
            continue
        right = _right_word(text, match.end())
        dash = dash or _article_dash(text)
        yield (
            match.start(),
            match.end(),
            dash,
            0.6,
            f"The hyphen between '{left}' and the name '{right}' stands for a dash.",
            "name_hyphen",
        )


def clause_hyphen(text: str, lexicon: Lexicon) -> Iterator[tuple[int, int, str, float, str, str]]:
    """Turn "approved-and" into "approved – and": a hyphen joining clauses where a dash belongs."""
    dash = ""
    for match in _hinted(_CLAUSE_HYPHEN, _CLAUSE_HYPHEN_HINT, text):
        left, right = match.groups()
        if right not in CLAUSE_WORDS or lexicon.is_english_word(left + right):
            continue
        if left.lower() == "either" and right == "or":
            continue
        if _COMPOUND_GOES_ON.match(text, match.end()):
            continue  # "cat-and -mouse": a compound of three words, its second hyphen spaced
        suspended = _SUSPENDED.match(text, match.end(), match.end() + _WINDOW)
        if right in ("and", "or") and suspended and not _joins_clause(text, suspended.end() - 1):
            continue  # "short-and long-term": a suspended hyphen missing its space
        known = lexicon.is_english_word(left) or (left.isupper() and left.isalpha())
        if right in ("a", "an", "the"):
            confidence = 0.75 if known else 0.4
        else:
            confidence = 0.8 if known else 0.6
        dash = dash or _article_dash(text)
        yield (
            match.end(1),
            match.start(2),
            dash,
            confidence,
            f"The hyphen in '{match.group()}' joins two clauses, where a dash belongs.",
            "clause_hyphen",
        )


def _joins_clause(text: str, position: int) -> bool:
    """Tell whether the word at ``position`` (after a hyphen) is a clause word ("EU-a")."""
    following = re.match(r"[^\W\d_]+", text[position : position + _WINDOW])
    return following is not None and following.group() in CLAUSE_WORDS


def space_before_punct(
    text: str, lexicon: Lexicon
) -> Iterator[tuple[int, int, str, float, str, str]]:
    """Remove the space in "word ," and "word .": punctuation follows its word directly."""
    for match in _hinted(_SPACE_BEFORE, _SPACE_BEFORE_HINT, text):
        mark = match.group(1)
        # "■Term : definition": a list's layout, where a spaced colon may be the writer's style
        label = mark == ":" and _in_list_item(text, match.start())
        yield (
            match.start(),
            match.start(1),
            "",
            0.4 if label else 0.85,
            f"A stray space stands before the '{mark}'.",
            "space_before_punct",
        )


def moved_space(text: str, lexicon: Lexicon) -> Iterator[tuple[int, int, str, float, str, str]]:
    """Move the space in "said ,that" and "ended .The" after the mark: "said, that"."""
    for match in _MOVED_SPACE.finditer(text):
        mark = match.group(1) or match.group(2)
        if match.group(2) and _right_word(text, match.end()).lower() not in SENTENCE_OPENERS:
            continue  # "uses .Net": a name may begin with the mark
        yield (
            match.start(),
            match.end(),
            f"{mark} ",
            0.85 if match.group(1) else 0.7,
            f"The space stands before the '{mark}' instead of after it.",
            "moved_space",
        )


def _in_list_item(text: str, position: int) -> bool:
    """Tell whether the line holding ``position`` opens with a list mark or a symbol ("■", "●",
    "<Shop>")."""
    line = text[text.rfind("\n", 0, position) + 1 : position].lstrip()
    return bool(line) and (line[0] in LIST_MARKS or unicodedata.category(line[0]) in ("So", "Sm"))


def bracket_space(text: str, lexicon: Lexicon) -> Iterator[tuple[int, int, str, float, str, str]]:
    """Remove the space in "( word" and "word )": brackets hug their content."""
    for match in _hinted(_BRACKET_SPACE, _BRACKET_SPACE_HINT, text):
        yield (
            match.start(),
            match.end(),
            "",
            0.8,
            "A stray space stands inside the brackets.",
            "bracket_space",
        )


def missing_space(text: str, lexicon: Lexicon) -> Iterator[tuple[int, int, str, float, str, str]]:
    """Insert the space in "word,word", "end.The" and "why?Because"."""
    for match in _NO_SPACE_AFTER.finditer(text):
        mark = match.group()
        if mark in "?!" and not "A" <= text[match.end()] <= "Z":
            continue
        left = _left_word(text, match.start())
        right_word = _RIGHT_WORD.match(text, match.end(), match.end() + _WINDOW)
        right = right_word.group() if right_word else ""
        if mark == ";" and text[match.start() - len(left) - 1 : match.start() - len(left)] == "&":
            continue  # an HTML entity such as "&amp;"
        known = right[0].isupper() or lexicon.is_english_word(right)
        confidence = (0.85 if mark in ",;" else 0.8) if known and len(right) > 1 else 0.4
        if mark in "?!" and left[:1].isupper() and right.lower() not in SENTENCE_OPENERS:
            confidence = 0.4  # "Yahoo!News": a name may hold the mark
        yield (
            match.end(),
            match.end(),
            " ",
            confidence,
            f"A space is missing after the '{mark}' between '{left}' and '{right}'.",
            "missing_space",
        )
    for match in _NO_SPACE_PERIOD.finditer(text):
        left = _left_word(text, match.start())
        right = match.group(1)
        if right.lower() in DOMAINS:
            continue
        yield (
            match.end(),
            match.end(),
            " ",
            0.8,
            f"A space is missing after the full stop between '{left}' and '{right}'.",
            "missing_space",
        )


def lopsided_dash(text: str, lexicon: Lexicon) -> Iterator[tuple[int, int, str, float, str, str]]:
    """Space "agreed— but" and "agreed —but" evenly: a dash between words has a space on both
    sides or on neither, as the article's other dashes of that kind do (both when it has none)."""
    style: dict[str, bool] | None = None
    for match in _LOPSIDED_DASH.finditer(text):
        dash = match.group()[0]
        start = match.start() - (text[match.start() - 1] == " ")
        style = _dash_style(text) if style is None else style
        spaced = style.get(dash, True)
        yield (
            start,
            match.end(),
            f" {dash} " if spaced else dash,
            0.85,
            "The dash has a space on one side only; the article "
            + ("spaces its dashes on both sides." if spaced else "writes its dashes unspaced."),
            "lopsided_dash",
        )


def _article_dash(text: str) -> str:
    """The dash the article writes between words most, spaced as it spaces that dash; a
    spaced en dash when it has none."""
    uses = _dash_uses(text)
    if not uses:
        return " – "
    dash = max(sorted(uses), key=lambda each: uses[each][0])
    return f" {dash} " if uses[dash][1] >= 0 else dash


def _dash_style(text: str) -> dict[str, bool]:
    """For each dash the article puts between words, whether it mostly spaces it (True) or
    glues it to both words (False); a dash it does not use is missing."""
    return {dash: balance >= 0 for dash, (_, balance) in _dash_uses(text).items()}


def _dash_uses(text: str) -> dict[str, tuple[int, int]]:
    """For each dash the article puts between words, how often it does, and how many more
    times it spaces the dash than glues it."""
    uses: dict[str, tuple[int, int]] = {}
    for match in _EVEN_DASH.finditer(text):
        dash = match.group(1) or match.group(2)
        count, balance = uses.get(dash, (0, 0))
        uses[dash] = (count + 1, balance + (1 if match.group(1) else -1))
    return uses


def spaced_apostrophe(
    text: str, lexicon: Lexicon
) -> Iterator[tuple[int, int, str, float, str, str]]:
    """Join "Putin ’s" into "Putin’s": the apostrophe of a possessive or of "is" follows its
    word directly."""
    for match in _SPACED_APOSTROPHE.finditer(text):
        yield (
            match.start() - 1,
            match.start(),
            "",
            0.85,
            "A stray space stands before the apostrophe of ’s.",
            "spaced_apostrophe",
        )


def double_space(text: str, lexicon: Lexicon) -> Iterator[tuple[int, int, str, float, str, str]]:
    """Collapse two spaces between the words of a sentence into one.

    Before a capital the two spaces may part a caption or headline from the next sentence, so
    that change is offered below the default threshold.
    """
    for match in _DOUBLE_SPACE.finditer(text):
        yield (
            match.start(),
            match.end(),
            " ",
            0.45 if text[match.end()].isupper() else 0.9,
            "Words are separated by more than one space.",
            "double_space",
        )


#: The rules in order of precedence: an earlier rule's span blocks later ones.
RULES: tuple[Rule, ...] = (
    spaced_colon,
    spaced_letter,
    spaced_hyphen,
    hyphen_space,
    spaced_compound,
    name_hyphen,
    clause_hyphen,
    space_before_punct,
    moved_space,
    bracket_space,
    missing_space,
    lopsided_dash,
    spaced_apostrophe,
    double_space,
)
