"""Names left in their German spelling ("Lawrow", "Nawalny") get their English one."""

from __future__ import annotations

import doctest

import pytest

import mtfix.detectors.german_spelling
from mtfix import Config, clean

ONLY = Config(only=("entity.german_spelling",))


def _found(text: str) -> list[tuple[str, str]]:
    return [(c.original, c.replacement) for c in clean(text, ONLY).changes]


def test_doctests() -> None:
    assert doctest.testmod(mtfix.detectors.german_spelling).failed == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Foreign Minister Lawrow flew to Ankara.", [("Lawrow", "Lavrov")]),
        ("Schoigu and Medwedew spoke.", [("Schoigu", "Shoigu"), ("Medwedew", "Medvedev")]),
        ("President Selenskyj thanked the allies.", [("Selenskyj", "Zelenskyy")]),
        ("Netanjahu met the cabinet.", [("Netanjahu", "Netanyahu")]),
        ("Troops left Charkiw and Butscha.", [("Charkiw", "Kharkiv"), ("Butscha", "Bucha")]),
    ],
)
def test_a_german_spelling_gets_the_english_one(text: str, expected: list) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the English spellings
        "Lavrov, Shoigu and Medvedev met Netanyahu in Kharkiv.",
        # a name of a Latin-script language keeps its spelling: no German transliteration
        "Adam Kinsinger and Maria Fernandes spoke in Przemysl.",
        # a German spelling English text uses is English too
        "Sergei Rachmaninoff wrote it.",
    ],
)
def test_english_spellings_and_latin_names_stay(text: str) -> None:
    assert _found(text) == []
