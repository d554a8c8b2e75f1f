"""Guillemets kept from the source become English quotation marks."""

from __future__ import annotations

import pytest

from mtfix import Config, clean

ONLY = Config(only=("quotes.guillemets",))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The mayor said: «We will rebuild the school».",
            "The mayor said: “We will rebuild the school”.",
        ),
        (
            "The mayor said: « We will rebuild »\u00a0today.",
            "The mayor said: “We will rebuild”\u00a0today.",
        ),
        ("He wrote »Stop« on the door.", "He wrote “Stop” on the door."),
        ("She answered ‹no› twice.", "She answered ‘no’ twice."),
        # an article that quotes with straight marks keeps to them
        ('He said "yes" and «no».', 'He said "yes" and "no".'),
    ],
)
def test_a_pair_becomes_english_marks(text: str, expected: str) -> None:
    assert clean(text, ONLY).apply() == expected


@pytest.mark.parametrize(
    "text",
    [
        "The paper «Коммерсант» reported it first.",  # another script's conventions
        "Prices » rose « sharply.",  # not a German pair: spaces inside
        "The arrow » points right.",  # no pair on the line
    ],
)
def test_other_marks_stay(text: str) -> None:
    assert not clean(text, ONLY).changes
