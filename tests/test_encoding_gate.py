"""The encoding detector runs ftfy only on lines with a sign of mojibake; ftfy leaves the rest."""

from __future__ import annotations

import pytest
from ftfy.chardata import CHARMAP_ENCODINGS

from mtfix.detectors.encoding import FTFY_ENCODINGS, _may_need_ftfy, fix_text


def _encoding_chars() -> list[str]:
    """Every character a high byte stands for in ftfy's encodings, and the ones it restores."""
    chars = set(" ?&a\x1a\ufffd\ud800")
    for encoding in CHARMAP_ENCODINGS:
        for byte in range(0x80, 0x100):
            try:
                chars.add(bytes([byte]).decode(encoding))
            except UnicodeDecodeError:
                continue
    return sorted(chars)


def test_ftfy_changes_no_character_or_pair_without_a_sign() -> None:
    chars = _encoding_chars()
    missed = [
        text
        for text in (first + second for first in chars for second in ("", *chars))
        if not _may_need_ftfy(text) and fix_text(text) != text
    ]
    assert missed == []


@pytest.mark.parametrize(
    "text",
    ["cafÃ©", "itâ€™s", "it‚Äôs", "voilÃ le travail", "Ð¼Ð¸Ñ€", "AT&amp;T", "caf\x82", "naÃ¯ve"],
)
def test_mojibake_shows_a_sign(text: str) -> None:
    assert fix_text(text) != text
    assert _may_need_ftfy(text)


def test_clean_news_shows_none() -> None:
    assert not _may_need_ftfy(
        "“It’s over,” said Mélenchon — the Pelé-style finish — at 9 a.m. ‘Hi’ …"
    )


def test_the_encodings_are_ftfys() -> None:
    assert list(FTFY_ENCODINGS) == CHARMAP_ENCODINGS
