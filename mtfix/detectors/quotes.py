"""Detect quotation marks that machine translation put on the wrong side or in the wrong shape.

German quotes („…“ with nested ‚…‘) come out of MT as English marks in the wrong places: a nested
quotation opens with a closing mark glued to the colon (``him:” Stop``), a closing mark floats
after a space (``ready? “, said``), or moves past the space before the attribution
(``late, "said``). A small state machine walks the double quotation marks of the text, keeping
the quotation depth from line to line (a quotation may span sentences, and a multi-paragraph
quotation reopens each paragraph), and classifies each mark by what stands on either side of it.
Straight quotes stay straight and curly quotes stay curly; only misplaced marks are moved, and
none beside a word of another script (“ Коммерсант ”), whose conventions differ.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from ..change import Proposal
from ..lexicon import Lexicon
from ..text import Document, beside_other_script
from ..words import SPEECH_VERBS

_MARK = re.compile(r"[\"“”„]")
#: A double mark or a single mark that ``_single_marks`` may turn.
_ANY_MARK = re.compile(r"[\"“”„‚‘]")
#: A German low single mark opening a quotation: ‚Stop‘.
_LOW_SINGLE = re.compile(r"(?<![^\s(\[“”„\"—–])‚(?=[^\W\d_])")
#: An opening single mark after a word and before a space or punctuation: ‚Stop‘ or dogs‘ .
_CLOSING_SINGLE = re.compile(r"(?<=[^\W_])‘(?=[\s,.;:?!)\]“”„\"]|$)")
#: A curly closing mark after a space, ending a line or before a space: "… the end. ”" (the
#: pattern starts with the mark, so the regex engine skips quickly from one to the next).
_SPACED_CURLY_CLOSE = re.compile(r"”(?<=[^\s] ”)(?=\s|$)")
#: The confidence of a spaced curly close when the writer spaces them so throughout.
HABIT_CONFIDENCE = 0.4
_WORD = re.compile(r"[^\W\d_]+")
_WORDS_AFTER = re.compile(r"\s*([^\W\d_]+)(?:\s+([^\W\d_]+))?")
#: A quotation of this many words or more is speech, not a title.
SPOKEN_WORDS = 4
#: Characters after which a quotation mark opens (besides white space and the start of a line).
OPENING_CONTEXT = "([{—–/"
#: Characters before which a quotation mark closes (besides white space and the end of a line).
CLOSING_CONTEXT = ",.;:?!)]}’…—–-"
#: Words that never end a quotation, so a mark glued after one opens the next words.
ARTICLES = frozenset(("the", "a", "an"))
#: Words that begin an attribution before its verb ("…,” he said; "…,” the coach added).
SUBJECTS = frozenset("he she they we i it the his her their its".split())


@dataclass(frozen=True)
class _Mark:
    """One double quotation mark in a line, with what surrounds it."""

    text: str
    index: int

    @property
    def glyph(self) -> str:
        return self.text[self.index]

    @property
    def straight(self) -> bool:
        return self.glyph == '"'

    @property
    def space_before(self) -> int:
        """Where the run of white space before the mark starts (``index`` if there is none)."""
        start = self.index
        while start > 0 and self.text[start - 1] in " \t":
            start -= 1
        return start

    @property
    def space_after(self) -> int:
        """Where the run of white space after the mark ends."""
        end = self.index + 1
        while end < len(self.text) and self.text[end] in " \t":
            end += 1
        return end

    @property
    def opens(self) -> bool:
        """White space, the start of the line or an opening bracket stands before the mark."""
        return self.index == 0 or self.text[self.index - 1] in " \t" + OPENING_CONTEXT

    @property
    def closes(self) -> bool:
        """White space, the end of the line or closing punctuation stands after the mark."""
        after = self.index + 1
        return after == len(self.text) or self.text[after] in " \t" + CLOSING_CONTEXT

    @property
    def before(self) -> str:
        """The character before the white space before the mark ('' at the start)."""
        start = self.space_before
        return self.text[start - 1] if start else ""

    @property
    def after(self) -> str:
        """The character after the white space after the mark ('' at the end)."""
        end = self.space_after
        return self.text[end] if end < len(self.text) else ""

    def close_glyph(self) -> str:
        return '"' if self.straight else "”"

    def open_glyph(self) -> str:
        return '"' if self.straight else "“"


@dataclass(frozen=True)
class _Fix:
    """A proposal with offsets into its line; ``rule`` is the name after ``quotes.``."""

    start: int
    end: int
    replacement: str
    confidence: float
    reason: str
    rule: str


def detect(document: Document, lexicon: Lexicon) -> Iterator[Proposal]:
    """Yield quotes proposals, walking the lines with the quotation depth carried over."""
    return iter(proposals(document))


#: Proposals already computed per document (the typography detector asks for them too).
_CACHE: WeakKeyDictionary[Document, tuple[Proposal, ...]] = WeakKeyDictionary()


def proposals(document: Document) -> tuple[Proposal, ...]:
    """Return the quotes proposals of ``document``, computed once per document."""
    if document not in _CACHE:
        _CACHE[document] = tuple(_walk(document))
    return _CACHE[document]


def _walk(document: Document) -> Iterator[Proposal]:
    """Walk the lines, carrying the quotation depth over, and yield the proposals found.

    A curly closing mark after a space is already the right mark; when the article spaces
    two or more of them so, that is its writer's habit, not a translation's slip (machine
    translation writes straight marks there), and the change is only offered for review.
    A closing mark spaced in a quotation whose opening mark is spaced too (“ … ”) is no such
    habit: a tokeniser spaced both.
    """
    article = document.text
    spacing_habit = " ”" in article and _spaced_closes_alone(article) >= 2
    curly = _article_shape(article)
    depth = 0
    blank_passed = False
    for line in document.lines:
        text = document.line_text(line)
        if not text.strip():
            blank_passed = True
            continue
        if depth and blank_passed and not _reopens(text):
            depth = 0  # a quotation left open before a new paragraph that does not reopen it
        blank_passed = False
        scanned, hidden = _with_encoded_marks(text)
        if not _ANY_MARK.search(scanned):
            continue  # nothing to fix, and the depth (0 or 1 between lines) stays
        fixes: list[_Fix] = []
        depth = _scan(scanned, depth, fixes)
        fixes.extend(_single_marks(text))
        fixes.extend(_mixed_pairs(text, curly))
        last_end = -1
        for fix in sorted(fixes, key=lambda fix: fix.start):
            if fix.start < last_end or beside_other_script(text, fix.start, fix.end):
                continue
            if any(fix.start < end and start < fix.end for start, end in hidden):
                continue  # the encoding detector decodes that mark
            last_end = fix.end
            habit = (
                spacing_habit and fix.rule == "spaced_close" and "”" in text[fix.start : fix.end]
            )
            yield Proposal(
                line.start + fix.start,
                line.start + fix.end,
                fix.replacement,
                HABIT_CONFIDENCE if habit else fix.confidence,
                fix.reason,
                f"quotes.{fix.rule}",
            )


#: A double quotation mark written as an HTML entity or as UTF-8 read as Windows-1252 (its
#: last byte lost before a space or punctuation, as ``encoding`` knows) or as Latin-1, and the
#: mark it is.
_ENCODED_MARK = re.compile(
    r"&(?:ldquo|#8220|bdquo|rdquo|#8221|quot|#34);|â€(?:œ|\x9d|(?=[\s.,;:!?)\]]|$))"
    r"|â\x80[\x9c\x9d]"
)
_ENCODED_GLYPH = {
    "&ldquo;": "“",
    "&#8220;": "“",
    "&bdquo;": "„",
    "&rdquo;": "”",
    "&#8221;": "”",
    "&quot;": '"',
    "&#34;": '"',
    "â€œ": "“",
    "â€\x9d": "”",
    "â€": "”",
    "â\x80\x9c": "“",
    "â\x80\x9d": "”",
}


def _with_encoded_marks(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Return the line with each encoded mark written as the mark, padded to its length with
    the character on its outer side (an opening mark's before it, a closing one's after it),
    so the marks pair as they will once decoded; and the spans of those marks, which this
    detector leaves to ``encoding``. A line with none is returned as it is."""
    if "&" not in text and "â" not in text:
        return text, []
    hidden: list[tuple[int, int]] = []
    pieces: list[str] = []
    position = 0
    for match in _ENCODED_MARK.finditer(text):
        glyph = _ENCODED_GLYPH[match.group()]
        pad = len(match.group()) - 1
        if glyph in '“„"':
            outside = text[match.start() - 1] if match.start() else " "
            pieces.append(text[position : match.start()] + outside * pad + glyph)
        else:
            outside = text[match.end()] if match.end() < len(text) else " "
            pieces.append(text[position : match.start()] + glyph + outside * pad)
        hidden.append((match.start(), match.end()))
        position = match.end()
    return "".join(pieces) + text[position:], hidden


#: A curly opening mark spaced from the word after it.
_SPACED_CURLY_OPEN = re.compile(r"“(?= +[^\W_])")


def _spaced_closes_alone(article: str) -> int:
    """How many more curly closing marks the article spaces from their quotation than
    curly opening marks (a writer's habit spaces the closing ones only)."""
    return len(_SPACED_CURLY_CLOSE.findall(article)) - len(_SPACED_CURLY_OPEN.findall(article))


def _single_marks(text: str) -> Iterator[_Fix]:
    """Turn German single marks the English way: ‚ opening becomes ‘, and ‘ closing becomes ’."""
    if "‚" not in text and "‘" not in text:
        return  # the common case, tested at C speed before any regex scan
    for match in _LOW_SINGLE.finditer(text):
        yield _Fix(
            match.start(),
            match.end(),
            "‘",
            0.9,
            "'‚' opens this quotation; English opens with '‘'.",
            "direction",
        )
    for match in _CLOSING_SINGLE.finditer(text):
        yield _Fix(
            match.start(),
            match.end(),
            "’",
            0.85,
            "'‘' closes this quotation (or is an apostrophe); English writes '’'.",
            "direction",
        )


#: A quotation whose opening and closing marks differ in shape: “…" or "…”. The straight
#: mark must stand where its role is plain (after a space or the line's start to open, before
#: a space, punctuation or the line's end to close).
_MIXED_PAIR = re.compile(
    r"(?:(?<![^\s(\[])\"(?=[^\W_])[^\"“”\n]{0,400}(?<=[^\s])”"
    r"|(?<![^\s(\[])“(?=[^\W_])[^\"“”\n]{0,400}(?<=[^\s])\"(?=[\s,.;:?!)\]]|$))"
)


#: Another closing mark right after a quotation's: two quotations close at once.
_CLOSES_NEXT = re.compile(r"\s*[”\"]")
_CURLY_PAIR = re.compile(r"“[^\"“”\n]{0,400}”")
_STRAIGHT_PAIR = re.compile(r"(?<![^\s(\[])\"[^\"“”\n]{0,400}\"")


def _article_shape(article: str) -> bool | None:
    """The shape of quotation marks the article keeps to, True for curly and False for
    straight, when a mixed pair is a slip in it: it has no whole quotation in the other shape,
    and at least two in its own, twice as many as mixed ones (a writer who mixes them often
    has a habit, not a slip). None otherwise."""
    if '"' not in article or ("“" not in article and "”" not in article):
        return None  # the common case: one shape only, nothing mixed
    curly, straight = len(_CURLY_PAIR.findall(article)), len(_STRAIGHT_PAIR.findall(article))
    if curly and straight:
        return None
    mixed = len(_MIXED_PAIR.findall(article))
    kept = max(curly, straight)
    if not mixed or kept < max(2, 2 * mixed):
        return None
    return curly > 0


def _mixed_pairs(text: str, curly: bool | None) -> Iterator[_Fix]:
    """Give a quotation opened with one shape of mark and closed with the other ("…” or “…")
    the article's shape for the odd mark: a writer keeps to one, two are the trace of a joint.
    A curly pair inside a straight one (or the other way round) is a nested quotation."""
    if curly is None or '"' not in text:
        return
    straight = opened = 0  # straight marks, and curly opening minus closing, before the match
    counted = 0
    for match in _MIXED_PAIR.finditer(text):
        before = text[counted : match.start()]
        straight += before.count('"')
        opened += before.count("“") - before.count("”")
        counted = match.start()
        if straight % 2 or opened > 0:
            continue  # inside a quotation of the other shape: a nested one
        if _CLOSES_NEXT.match(text, match.end()):
            continue  # both quotations close here: "…." ”
        opening = match.group()[0] == '"'
        index = match.start() if (opening == curly) else match.end() - 1
        replacement = ("“" if opening else "”") if curly else '"'
        yield _Fix(
            index,
            index + 1,
            replacement,
            0.85,
            "The quotation opens and closes with marks of different shapes; the article writes"
            f" {'curly' if curly else 'straight'} ones.",
            "mixed_shape",
        )


def _reopens(text: str) -> bool:
    """Tell whether a paragraph begins with an opening mark (continuing a quotation)."""
    stripped = text.lstrip()
    return bool(stripped) and stripped[0] in '"“„'


def _scan(text: str, depth: int, fixes: list[_Fix]) -> int:
    """Walk the marks of one line, append the fixes found and return the depth at its end."""
    for number, match in enumerate(_MARK.finditer(text)):
        mark = _Mark(text, match.start())
        if depth == 0:
            depth = _outside(mark, fixes, first=number == 0)
        elif depth == 1:
            depth = _inside(mark, fixes)
        else:
            depth = _nested(mark, fixes)
    return min(depth, 1)


def _outside(mark: _Mark, fixes: list[_Fix], first: bool) -> int:
    """Handle a mark outside any quotation; return the new depth.

    Only the first mark of a line may be a closing mark moved past the space: after a
    quotation closed earlier in the line (“Hi,” he said, “say…”) a mark reopens it.
    """
    if mark.opens and not mark.closes:
        if first and _attribution(mark):
            fixes.append(_misplaced_close(mark, 0.75))
            return 0
        if mark.glyph in "”„":
            fixes.append(
                _Fix(
                    mark.index,
                    mark.index + 1,
                    "“",
                    0.9 if mark.glyph == "„" else 0.8,
                    f"'{mark.glyph}' opens this quotation; English opens with '“'.",
                    "direction",
                )
            )
        return 1
    if mark.closes and not mark.opens:
        comma = _comma_then_capital(mark)
        if _colon_then_capital(mark) or _article_then_capital(mark) or comma:
            fixes.append(
                _Fix(
                    mark.index,
                    mark.space_after,
                    " " + mark.open_glyph(),
                    0.75 if comma else 0.8,
                    "The opening quotation mark is glued to the word before instead of the"
                    " quotation.",
                    "misplaced_open",
                )
            )
            return 1
        return 0
    if mark.opens and mark.closes:
        if not mark.after.isalpha():
            return 0
        if (
            (mark.index > 0 or mark.glyph == "“")  # “ opens even at the start of a line
            and mark.glyph in '"“'
            and not mark.before.isdigit()  # a 12 " pizza: inches
            and not _speech_follows(mark.text, mark.index + 1)
        ):
            fixes.append(
                _Fix(
                    mark.index,
                    mark.space_after,
                    mark.open_glyph(),
                    0.75,
                    "The opening quotation mark is separated from the quotation by a space.",
                    "spaced_open",
                )
            )
        return 1
    return _glued(mark, 0)


def _inside(mark: _Mark, fixes: list[_Fix]) -> int:
    """Handle a mark inside a quotation; return the new depth."""
    if mark.closes and not mark.opens:
        if _colon_then_capital(mark):
            fixes.append(
                _Fix(
                    mark.index,
                    mark.space_after,
                    " " + ("'" if mark.straight else "‘"),
                    0.85,
                    "A quotation inside a quotation opens with a single mark after the colon,"
                    " not a closing double one.",
                    "nested_open",
                )
            )
            return 2
        if mark.glyph in "“„":
            fixes.append(
                _Fix(
                    mark.index,
                    mark.index + 1,
                    "”",
                    0.85,
                    f"'{mark.glyph}' closes this quotation; English closes with '”'.",
                    "direction",
                )
            )
        return 0
    if mark.opens and not mark.closes:
        if _attribution(mark):
            fixes.append(_misplaced_close(mark, 0.9))
            return 0
        if mark.glyph == "„":
            fixes.append(
                _Fix(
                    mark.index,
                    mark.index + 1,
                    "“",
                    0.9,
                    "'„' opens this quotation; English opens with '“'.",
                    "direction",
                )
            )
        return 1
    if mark.opens and mark.closes:
        if mark.space_before == 0:
            return 1  # a mark at the start of a line reopens the quotation
        if mark.space_before == mark.index:
            return 0  # a mark after a bracket or dash, with space after: a close, nothing to fix
        if mark.text[mark.space_before - 1] == ":" and mark.after.isupper():
            return 0  # 'said: " Look' may close the quotation or open one inside it: left alone
        fixes.append(_spaced_close(mark, mark.close_glyph(), "spaced_close"))
        return 0
    return _glued(mark, 1)


def _nested(mark: _Mark, fixes: list[_Fix]) -> int:
    """Handle a mark inside a nested quotation opened by ``nested_open``; return the depth."""
    single = "'" if mark.straight else "’"
    if mark.opens and not mark.closes and mark.space_before < mark.index:
        fixes.append(
            _Fix(
                mark.space_before,
                mark.index + 1,
                single + " ",
                0.55,
                "The quotation inside the quotation closes here with a single mark.",
                "nested_close",
            )
        )
        return 1
    if mark.closes:
        fixes.append(_spaced_close(mark, single + mark.close_glyph(), "nested_close"))
        return 0
    return _glued(mark, 2)


def _glued(mark: _Mark, depth: int) -> int:
    """Guess the depth after a mark glued on both sides: curly by shape, straight by parity.

    Only ``nested_open`` enters a nested quotation, so a glued mark never does.
    """
    if mark.glyph == "”":
        return max(depth - 1, 0)
    if mark.glyph in "“„":
        return max(depth, 1)
    return 1 if depth == 0 else depth - 1


def _colon_then_capital(mark: _Mark) -> bool:
    """Tell whether the mark is glued to a colon and followed by a space and a capital."""
    return (
        mark.index > 0
        and mark.text[mark.index - 1] == ":"
        and mark.space_after > mark.index + 1
        and mark.after.isupper()
    )


def _comma_then_capital(mark: _Mark) -> bool:
    """Tell whether the mark, outside any quotation, is glued to a comma and followed by a
    space and a capital that opens no attribution: it opens the quotation the comma introduces
    ("he said,” We will"), since no quotation is open for it to close ("…,” he said")."""
    return (
        mark.index > 0
        and mark.text[mark.index - 1] == ","
        and mark.space_after > mark.index + 1
        and mark.after.isupper()
        and not _speaker_follows(mark.text, mark.space_after)
    )


#: Words after a closing mark among which its attribution's verb stands ("Minister Anna Berg said").
SPEAKER_WORDS = 6


def _speaker_follows(text: str, position: int) -> bool:
    """Tell whether a speech verb is among the ``SPEAKER_WORDS`` words from ``position``: the
    attribution of a quotation that just closed ("Şahin wrote", "CEO Anna Berg told")."""
    words = _WORD.findall(text, position, position + 80)[:SPEAKER_WORDS]
    return any(word.lower() in SPEECH_VERBS for word in words)


def _article_then_capital(mark: _Mark) -> bool:
    """Tell whether the mark is glued to an article and followed by a space and a capital.

    No quotation ends with an article, so in ``with the" Daily Courier`` the mark opens a name.
    """
    start = mark.index
    while start > 0 and mark.index - start < 4 and mark.text[start - 1].isalpha():
        start -= 1
    word = mark.text[start : mark.index].lower()
    boundary = start == 0 or not mark.text[start - 1].isalnum()
    return (
        boundary and word in ARTICLES and mark.space_after > mark.index + 1 and mark.after.isupper()
    )


def _attribution(mark: _Mark) -> bool:
    """Tell whether a mark after a space opens what is really the attribution of a quotation.

    The mark follows a comma, "?" or "!" and a space, and precedes a speech verb ("said") or
    a subject followed by one ("she says"): no quotation starts that way.
    """
    if not mark.before or mark.before not in ",?!" or mark.space_before == mark.index:
        return False
    return _speech_follows(mark.text, mark.index + 1)


def _spoken(text: str, end: int) -> bool:
    """Tell whether the quotation ending at ``end`` is speech (a few words at least), not a
    title such as "Daily Courier", after which the comma stays outside."""
    line_start = text.rfind("\n", 0, end) + 1
    opening = max(text.rfind(mark, line_start, end) for mark in '“"„«')
    return opening < 0 or len(text[opening + 1 : end].split()) >= SPOKEN_WORDS


def _speech_follows(text: str, position: int) -> bool:
    """Tell whether an attribution ("said Vance", "he said") starts at ``position``."""
    words = _WORDS_AFTER.match(text, position, position + 60)
    if not words:
        return False
    first, second = words.group(1).lower(), (words.group(2) or "").lower()
    return first in SPEECH_VERBS or (first in SUBJECTS and second in SPEECH_VERBS)


def _misplaced_close(mark: _Mark, confidence: float) -> _Fix:
    """Move a closing mark from after the space to before it (``late, "said``)."""
    return _Fix(
        mark.space_before,
        mark.index + 1,
        mark.close_glyph() + " ",
        confidence,
        "The closing quotation mark stands after the space instead of before it.",
        "misplaced_close",
    )


def _spaced_close(mark: _Mark, replacement: str, rule: str) -> _Fix:
    """Glue a closing mark to its quotation, and end the quotation with a comma that follows.

    ``ready? “, said`` becomes ``ready?” said`` (no comma after "?" or "!"),
    ``the end. ", said`` becomes ``the end," said`` (before its attribution a quotation ends
    with a comma, not a full stop), and ``the end “, said`` becomes ``the end,” said``.
    """
    text, start, end = mark.text, mark.space_before, mark.index + 1
    if rule == "nested_close":
        reason = "Both quotations close here: the inner one with a single mark, then the outer"
    else:
        reason = "The closing quotation mark is separated from the quotation by a space"
    if end < len(text) and text[end] == ",":
        if mark.before in ("?", "!"):
            end += 1
            reason += ", and no comma follows a question or exclamation mark"
        elif mark.before == "." and text[start - 3 : start - 1].isalpha():
            start, end, replacement = start - 1, end + 1, "," + replacement
            reason += ", and a quotation before its attribution ends with a comma"
        elif mark.before.isalnum() and _speech_follows(text, end + 1) and _spoken(text, start):
            end, replacement = end + 1, "," + replacement
            reason += ", and the comma before the attribution goes inside the quotation"
    # a capital after the mark may begin a new quotation that the mark (with a stray space) opens
    confidence = (0.8 if mark.after.islower() else 0.6) if mark.after.isalpha() else 0.85
    return _Fix(start, end, replacement, confidence, reason + ".", rule)
