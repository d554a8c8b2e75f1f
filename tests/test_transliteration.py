"""Names left in a source language's spelling ("Lawrow", "Šojgu") get their English one."""

from __future__ import annotations

import doctest

import pytest

import mtfix.detectors.transliteration
from mtfix import Config, clean

ONLY = Config(only=("entity.transliteration",))


def _found(text: str) -> list[tuple[str, str]]:
    return [(c.original, c.replacement) for c in clean(text, ONLY).changes]


def test_doctests() -> None:
    assert doctest.testmod(mtfix.detectors.transliteration).failed == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Foreign Minister Lawrow flew to Ankara.", [("Lawrow", "Lavrov")]),
        ("Schoigu and Medwedew spoke.", [("Schoigu", "Shoigu"), ("Medwedew", "Medvedev")]),
        ("President Selenskyj thanked the allies.", [("Selenskyj", "Zelenskyy")]),
        ("Netanjahu met the cabinet.", [("Netanjahu", "Netanyahu")]),
        ("Troops left Charkiw and Butscha.", [("Charkiw", "Kharkiv"), ("Butscha", "Bucha")]),
        # Czech and Polish spellings
        ("Defence minister Šojgu spoke.", [("Šojgu", "Shoigu")]),
        ("Szojgu and Nawalny were named.", [("Szojgu", "Shoigu"), ("Nawalny", "Navalny")]),
    ],
)
def test_a_transliteration_gets_the_english_one(text: str, expected: list) -> None:
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
