"""Exonyms: a source language's name of a place kept in English ("talks in Kiew")."""

from __future__ import annotations

import pytest

from mtfix import Config, clean
from mtfix.change import apply_changes

ONLY = Config(only=("untranslated.exonym",))


def _found(text: str) -> list[tuple[str, str]]:
    return [(c.original, c.replacement) for c in clean(text, ONLY).changes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # hand-listed: unlike the English name
        ("The convoy left Kiew before dawn.", [("Kiew", "Kyiv")]),
        (
            "Shelling hit Saporischschja and Cherson overnight.",
            [("Saporischschja", "Zaporizhzhia"), ("Cherson", "Kherson")],
        ),
        ("The summit in Vídeň ended without a statement.", [("Vídeň", "Vienna")]),
        # Russia's names: pycountry calls it the Russian Federation, so none is generated
        (
            "Gas exports from Russland and Rusia fell.",
            [("Russland", "Russia"), ("Rusia", "Russia")],
        ),
        # generated from GeoNames and pycountry: cities and countries
        (
            "The minister flew from Warschau to Lissabon.",
            [("Warschau", "Warsaw"), ("Lissabon", "Lisbon")],
        ),
        (
            "Exports to Frankreich and Österreich fell.",
            [("Frankreich", "France"), ("Österreich", "Austria")],
        ),
        ("Gas prices in Moscou rose again.", [("Moscou", "Moscow")]),
    ],
)
def test_an_exonym_is_replaced_by_the_english_name(text: str, expected: list) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the English names, and a longer name that keeps the foreign one
        "The convoy left Kyiv for Warsaw, Lisbon and Vienna.",
        "Fans of Dynamo Kiew Supporters travelled by bus.",
        # an English word or a name English text uses is never an exonym
        "The Moskva river froze early; Peking duck was served.",
        "The Metro line to Derby reopened.",
        # a common word of a source language that GeoNames lists among a city's names
        "He had Pech with the weather, the report said.",
        # a name in a phrase of its language, glossed in brackets, or in a web address
        "The banner said Grüße aus Kiew in gold letters.",
        "The capital of Ukraine (Kiew in German) hosted the talks.",
        "Tickets are sold on praha.cz and kiew.de only.",
    ],
)
def test_english_names_and_longer_names_stay(text: str) -> None:
    assert _found(text) == []


def test_the_reason_names_the_language() -> None:
    (change,) = clean("Troops entered Charkiw on Monday.", ONLY).changes
    assert change.source == "untranslated.exonym"
    assert "German name of Kharkiv" in change.reason


def test_a_second_run_proposes_nothing() -> None:
    text = "Ministers met in Kopenhagen and Kiew."
    first = clean(text, ONLY)
    assert first.changes
    assert not clean(apply_changes(text, first.changes), ONLY).changes
