"""The capitalised runs the entity detector examines, on sentences we wrote, with the real
dictionaries: a run is built only around a word no list knows or a well-known first name or
surname, and it is the whole run (particles inside it, possessive kept, a plain space
between its words)."""

import pytest

from mtfix.detectors.entity import _run_spans
from mtfix.lexicon import load_lexicon
from mtfix.text import Document


def runs(text: str) -> list[str]:
    """The runs the detector checks, as written."""
    document = Document(text)
    words = document.tokens.words
    return [" ".join(words[low : high + 1]) for low, high in _run_spans(document, load_lexicon())]


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
