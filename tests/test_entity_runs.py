"""The capitalised runs the entity detector examines, on sentences we wrote, with the real
dictionaries: a run is built only around a word no list knows or a well-known first name or
surname, and it is the whole run (particles inside it, possessive kept, a plain space
between its words)."""

import pytest

from mtfix.detectors.entity import _runs_to_check
from mtfix.lexicon import load_lexicon
from mtfix.text import Document


def runs(text: str) -> list[str]:
    """The runs the detector checks, as written."""
    found = _runs_to_check(Document(text), load_lexicon())
    return [" ".join(token.text for token in run) for run in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Yesterday Ursula von der Leyen met Keir Starrer in Brussels. The talks, said "
            "Joe Baden's aide, went well.",
            ["Yesterday Ursula von der Leyen", "Keir Starrer", "Joe Baden's"],
        ),
        # A particle after a comma opens a run of its own; known names alone are not checked.
        (
            "Officials in Kherson, de Gaulle and Mr Zelenskyy spoke to Prime Minister Keir "
            "Starmer on Monday.",
            ["de Gaulle", "Mr Zelenskyy", "Prime Minister Keir Starmer"],
        ),
        # A particle that opens the text belongs to no run; a line break ends one.
        ("von Khanson arrived.\nWashington\nPost staff said so.", ["Khanson", "Washington"]),
        ("The ministers met in Berlin on Monday.", []),
    ],
)
def test_runs_around_unknown_words_and_name_parts(text: str, expected: list[str]) -> None:
    assert runs(text) == expected
