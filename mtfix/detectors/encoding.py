"""Detect mojibake, HTML-entity leftovers and Latin words spelled with Cyrillic or Greek letters.

ftfy decides what is mojibake. Its defaults also straighten curly quotes and normalise character
widths, which is wrong for news; it is called with those fixes off, and its before/after
difference becomes ``encoding`` changes.

A Latin word that carries a Cyrillic or Greek letter drawn like a Latin one ("WНO" with a
Cyrillic Н) is a character-set slip, not a word of another language: the Latin letters are
swapped back. A word mostly in another script is that script's word and is left alone.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from itertools import compress, count

from ..change import Proposal
from ..lexicon import Lexicon
from ..text import Document, is_non_latin_letter


@lru_cache(maxsize=1)
def _ftfy() -> tuple[Callable[..., str], object]:
    """ftfy's ``fix_text`` and our settings for it, imported on first use: most articles show
    no sign of mojibake, and importing ftfy costs 0.03 s of every start."""
    import ftfy

    config = ftfy.TextFixerConfig(
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
    return ftfy.fix_text, config


def fix_text(text: str) -> str:
    """Return ``text`` as ftfy repairs it with our settings, after restoring the byte a right
    double quote loses (``_LOST_RIGHT_QUOTE``)."""
    fix, config = _ftfy()
    return fix(_LOST_RIGHT_QUOTE.sub("â€\u009d", text), config=config)


#: A right double quotation mark (UTF-8 E2 80 9D) read as Windows-1252 is "â€" and a byte that
#: code page leaves undefined, which is usually dropped: "â€" before a space, punctuation or the
#: line's end is that quotation mark ("â€œdeniedâ€ the" is “denied” the).
_LOST_RIGHT_QUOTE = re.compile(r"â€(?=[\s.,;:!?)\]]|$)")


#: "& amp;" with a space, as machine translation splits an HTML entity.
_SPACED_ENTITY = re.compile(r"&\s(amp|quot|apos|lt|gt|nbsp);")
_ENTITY_TEXT = {"amp": "&", "quot": '"', "apos": "'", "lt": "<", "gt": ">", "nbsp": "\u00a0"}


#: The single-byte encodings ftfy re-decodes mojibake from (``ftfy.chardata.CHARMAP_ENCODINGS``;
#: a test keeps the two equal). Its "sloppy" codecs decode a byte the base codec leaves
#: undefined as the code point of the same number.
FTFY_ENCODINGS = (
    "latin-1",
    "sloppy-windows-1252",
    "sloppy-windows-1251",
    "sloppy-windows-1250",
    "sloppy-windows-1253",
    "sloppy-windows-1254",
    "sloppy-windows-1257",
    "iso-8859-2",
    "macroman",
    "cp437",
)


def _byte_chars(data: bytes, encoding: str) -> str:
    """Return what each byte of ``data`` (0x80 and up) decodes to alone in ``encoding``
    (undefined: left out), reading ftfy's sloppy codecs without importing ftfy."""
    base = encoding.removeprefix("sloppy-")
    chars = []
    for byte in data:
        try:
            chars.append(bytes([byte]).decode(base))
        except UnicodeDecodeError:
            if base != encoding:
                chars.append(chr(byte))
    return "".join(chars)


#: Bytes that start a multi-byte UTF-8 sequence (0xC0 too: ftfy decodes Java's C0 80 for NUL),
#: and bytes that continue one.
_LEAD_BYTES = bytes(range(0xC0, 0xF5))
_CONTINUATION_BYTES = bytes(range(0x80, 0xC0))
_BYTE_ENCODINGS = [encoding for encoding in FTFY_ENCODINGS if encoding != "macroman"]
# ftfy changes a line only for an HTML entity ("&"), a C1 control, a lost byte (U+FFFD, SUB) or a
# surrogate, or to decode again as UTF-8 the bytes of a line read in one of its single-byte
# encodings. Those bytes decode only if each lead byte is followed by a continuation byte, or by
# a space, "?", SUB or U+FFFD that ftfy's byte-restoring steps may turn into one; it takes no
# such step for Mac Roman, whose lead bytes include the curly quotes and dashes of every news
# line. Looking for these signs is far cheaper than ftfy's own test on every non-ASCII line.
_MOJIBAKE_CHAR = re.compile(r"[&\ufffd\x1a\x80-\x9f\ud800-\udfff]")
_UTF8_READ_AS_BYTES = re.compile(
    f"[{re.escape(''.join(_byte_chars(_LEAD_BYTES, e) for e in _BYTE_ENCODINGS))}]"
    f"[{re.escape(''.join(_byte_chars(_CONTINUATION_BYTES, e) for e in _BYTE_ENCODINGS))}"
    " ?\x1a\ufffd]"
)
_UTF8_READ_AS_MAC_ROMAN = re.compile(
    f"[{re.escape(_byte_chars(_LEAD_BYTES, 'macroman'))}]"
    f"[{re.escape(_byte_chars(_CONTINUATION_BYTES, 'macroman'))}]"
)


def _may_need_ftfy(text: str) -> bool:
    """Tell whether ftfy could change ``text`` (False: it certainly leaves it alone)."""
    return bool(
        _MOJIBAKE_CHAR.search(text)
        or _UTF8_READ_AS_BYTES.search(text)
        or _UTF8_READ_AS_MAC_ROMAN.search(text)
    )


#: Cyrillic and Greek letters drawn like Latin ones, and the Latin letter each looks like.
HOMOGLYPHS = {
    **dict(zip("АВЕІЈКМНОРЅСТХаеорсухіјѕԁӏ", "ABEIJKMHOPSCTXaeopcyxijsdl", strict=True)),
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧο", "ABEZHIKMNOPTYXo", strict=True)),
}
_TO_LATIN = str.maketrans(HOMOGLYPHS)
_LOOK_ALIKE_TARGETS = frozenset(HOMOGLYPHS.values())
_HOMOGLYPH = re.compile(f"[{''.join(HOMOGLYPHS)}]")
#: ftfy decodes bytes, it does not guess: its repair is surer than any name correction (at
#: most 0.95), so a name glued to mojibake ("Ukraineâ€™s") is decoded, not taken for a garbled
#: "Ukraine".
FTFY_CONFIDENCE = 0.97
#: When real English text uses the Latin spelling ("WHO", "HIMARS"), the swap is certain.
KNOWN_HOMOGLYPH_CONFIDENCE = 0.95
#: When the word is unknown but has a Latin letter that no Cyrillic or Greek one looks like.
HOMOGLYPH_CONFIDENCE = 0.75


def homoglyph_fixes(document: Document, lexicon: Lexicon) -> Iterator[Proposal]:
    """Yield the Latin spelling of each Latin word that carries a Cyrillic or Greek look-alike."""
    if not _HOMOGLYPH.search(document.text):  # one scan of the text: most have none
        return
    tokens = document.tokens
    for index in compress(count(), map(_HOMOGLYPH.search, tokens.words)):
        token = tokens[index]
        word = token.text
        foreign = [character for character in word if is_non_latin_letter(character)]
        if not all(character in HOMOGLYPHS for character in foreign):
            continue  # a word of another script: it has letters English cannot stand for
        latin = [character for character in word if character.isalpha() and character.isascii()]
        fixed = word.translate(_TO_LATIN)
        known = lexicon.is_known_name(fixed) or lexicon.zipf(fixed) > 0
        if not set(latin) <= _LOOK_ALIKE_TARGETS:
            # a Latin letter no Cyrillic or Greek one looks like ("W"): a Latin word
            confidence = KNOWN_HOMOGLYPH_CONFIDENCE if known else HOMOGLYPH_CONFIDENCE
        elif known and len(latin) >= len(foreign):
            confidence = KNOWN_HOMOGLYPH_CONFIDENCE
        else:
            continue  # every letter could be either script's: no evidence for the Latin word
        yield Proposal(
            start=token.start,
            end=token.end,
            replacement=fixed,
            confidence=confidence,
            reason=f"“{word}” mixes Latin letters with Cyrillic or Greek look-alikes.",
            rule="encoding.homoglyph",
        )


def detect(document: Document, lexicon: Lexicon) -> Iterator[Proposal]:
    """Yield a change for each stretch of text that ftfy would repair, and for each Latin word
    spelled with a Cyrillic or Greek look-alike letter."""
    yield from homoglyph_fixes(document, lexicon)
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
    if not _may_need_ftfy(text):
        return
    for line in document.lines:
        original = document.line_text(line)
        if not _may_need_ftfy(original):
            continue
        fixed = fix_text(original)
        if fixed == original:
            continue
        for start, end, replacement in _word_diffs(original, fixed):
            yield Proposal(
                start=line.start + start,
                end=line.start + end,
                replacement=replacement,
                confidence=FTFY_CONFIDENCE,
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


def _map(opcodes: Sequence[tuple[str, int, int, int, int]], position: int) -> int:
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
