"""The encoding detector runs ftfy only on lines with a sign of mojibake; ftfy leaves the rest.
It spells a Latin word that carries a Cyrillic or Greek look-alike letter in Latin."""

from __future__ import annotations

import pytest
from ftfy.chardata import CHARMAP_ENCODINGS

import mtfix
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


def _homoglyph_fixes(text: str) -> list[tuple[str, str, float]]:
    changes = mtfix.clean(text, mtfix.Config(min_confidence=0.0)).changes
    return [(c.original, c.replacement, c.confidence) for c in changes if c.kind == "encoding"]


@pytest.mark.parametrize(
    ("text", "word", "latin"),
    [
        ("The W\u041dO warned of a new wave.", "W\u041dO", "WHO"),  # Cyrillic Н
        ("Officials spoke to \u0420utin on Monday.", "\u0420utin", "Putin"),  # Cyrillic Р
        ("Talks in M\u03bfscow and Berl\u0456n failed.", "M\u03bfscow", "Moscow"),  # Greek ο
        (
            "The army received more \u041d\u0406\u041c\u0410RS launchers.",
            "\u041d\u0406\u041c\u0410RS",
            "HIMARS",
        ),
    ],
)
def test_a_latin_word_with_a_cyrillic_or_greek_look_alike_is_spelled_in_latin(
    text: str, word: str, latin: str
) -> None:
    fixes = {original: (new, confidence) for original, new, confidence in _homoglyph_fixes(text)}
    assert fixes[word][0] == latin
    assert fixes[word][1] >= 0.9
    assert mtfix.clean(text).apply().count(latin) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The Kremlin (\u041a\u0440\u0435\u043c\u043b\u044c) said so.",  # a Russian word
        "Officials met \u0422\u0440\u0430\u043c\u043f in Kyiv.",  # Cyrillic, all of it
        "T\u0440\u0430\u043c\u043f, a Cyrillic word with one Latin letter, stays.",
        "A \u03b2-blocker and 5 \u03bcm particles were found.",  # Greek letters English uses
        "It was \u041d\u041eT in the hall.",  # every letter could be either script's
    ],
)
def test_a_word_of_another_script_is_left_alone(text: str) -> None:
    assert _homoglyph_fixes(text) == []


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        # the right quote's third byte, undefined in Windows-1252, was dropped
        ("The mayor â€œdeniedâ€ the claims.", "The mayor “denied” the claims."),
        ("He said â€œnoâ€.", "He said “no”."),
        # with the byte kept, and dashes, ftfy alone decodes them
        ("He said â€œnoâ€\x9d.", "He said “no”."),
        ("Prices â€“ and wages â€” rose.", "Prices – and wages — rose."),
    ],
)
def test_mojibake_quotes_are_decoded_whole(text: str, fixed: str) -> None:
    assert mtfix.clean(text).apply() == fixed


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("The governor of Ukraineâ€™s east spoke.", "The governor of Ukraine’s east spoke."),
        (
            "Prime Minister Netanyahuâ\x80\x99s office said.",
            "Prime Minister Netanyahu’s office said.",
        ),
    ],
)
def test_a_name_glued_to_mojibake_is_decoded_not_taken_for_a_garble(text: str, fixed: str) -> None:
    """ftfy's decoding outranks a name correction of the letters before the mojibake."""
    assert mtfix.clean(text).apply() == fixed
