"""Detect mojibake and HTML-entity leftovers, with ftfy deciding what is broken.

ftfy's defaults also straighten curly quotes and normalise character widths, which is wrong for
news; it is called with those fixes off, and its before/after difference becomes ``encoding``
changes.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

import ftfy

from ..change import Proposal
from ..lexicon import Lexicon
from ..text import Document

_CONFIG = ftfy.TextFixerConfig(
    unescape_html=True,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)

#: "& amp;" with a space, as machine translation splits an HTML entity.
_SPACED_ENTITY = re.compile(r"&\s(amp|quot|apos|lt|gt|nbsp);")
_ENTITY_TEXT = {"amp": "&", "quot": '"', "apos": "'", "lt": "<", "gt": ">", "nbsp": "\u00a0"}
#: Only lines with non-ASCII text or an entity can need ftfy.
_SUSPECT = re.compile(r"[^\x00-\x7f]|&\w+;|&#")


def detect(document: Document, lexicon: Lexicon) -> Iterator[Proposal]:
    """Yield a change for each stretch of text that ftfy would repair."""
    text = document.text
    for match in _SPACED_ENTITY.finditer(text):
        yield Proposal(
            start=match.start(),
            end=match.end(),
            replacement=_ENTITY_TEXT[match.group(1)],
            confidence=0.9,
            reason=f"“{match.group()}” is a broken HTML entity.",
            rule="encoding.html_entity",
        )
    for line in document.lines:
        original = document.line_text(line)
        if not _SUSPECT.search(original):
            continue
        fixed = ftfy.fix_text(original, config=_CONFIG)
        if fixed == original:
            continue
        for start, end, replacement in _word_diffs(original, fixed):
            yield Proposal(
                start=line.start + start,
                end=line.start + end,
                replacement=replacement,
                confidence=0.9,
                reason=f"“{original[start:end]}” looks like mojibake; ftfy decodes it.",
                rule="encoding.mojibake",
            )


def _word_diffs(original: str, fixed: str) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, replacement) for each word-sized stretch that differs."""
    opcodes = difflib.SequenceMatcher(None, original, fixed, autojunk=False).get_opcodes()
    spans: list[list[int]] = []
    for tag, a0, a1, _, _ in opcodes:
        if tag == "equal":
            continue
        start, end = _widen_to_word(original, a0, a1)
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    for start, end in spans:
        yield start, end, fixed[_map(opcodes, start) : _map(opcodes, end)]


def _map(opcodes: list[tuple[str, int, int, int, int]], position: int) -> int:
    """Map an offset of the original, outside any changed block, to the fixed text."""
    for tag, a0, a1, b0, b1 in opcodes:
        if a0 <= position <= a1:
            return b0 + (position - a0) if tag == "equal" else (b0 if position == a0 else b1)
    return opcodes[-1][4] if opcodes else position


def _widen_to_word(line: str, start: int, end: int) -> tuple[int, int]:
    """Widen a character span over the letters around it, so a change reads as a word."""
    while start > 0 and line[start - 1].isalnum():
        start -= 1
    while end < len(line) and line[end].isalnum():
        end += 1
    return start, end
