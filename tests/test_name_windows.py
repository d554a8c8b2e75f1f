"""The entity detector skips the fuzzy search of a window of several words when no name form
keeps one of its other words (``NameIndex.keep_a_word``): on the real dictionaries, the skip
must never drop a window some candidate form would have read (``_spelling_fit``, which needs
such a kept word: a change there that reads windows without one must change the skip too),
and must keep the windows that do keep a word of a known name."""

import pytest

from mtfix.detectors.entity import _spelling_fit
from mtfix.lexicon import load_lexicon
from mtfix.names import name_key
from mtfix.words import NAME_PARTICLES


def kept_by_a_candidate(words: tuple[str, ...], places: list[int]) -> bool:
    """Whether some form the fuzzy search gives has, at one of ``places``, the word's key."""
    names = load_lexicon().names
    return any(
        name_key(words[place]) == name_key(candidate.form.split()[place])
        for candidate in names.candidates(" ".join(words), len(words))
        for place in places
    )


def garbled_windows() -> list[tuple[tuple[str, ...], int]]:
    """Windows of our own: each word of some real several-word names garbled in turn (a
    letter doubled), a title before a garbled surname, and names with every word garbled."""
    windows = []
    for name in ("Olaf Scholz", "Emmanuel Macron", "Ursula von der Leyen", "Kim Jong Un"):
        words = tuple(name.split())
        for at, word in enumerate(words):
            garbled = word[:2] + word[1] + word[2:]
            windows.append(((*words[:at], garbled, *words[at + 1 :]), at))
    windows += [(("Governor", "Gerg", "Abbott"), 1), (("Minister", "Melanio"), 1)]
    # every word garbled: alike enough for the fuzzy search, but no word kept
    windows += [(("Olef", "Schilz"), 1), (("Emmanoel", "Macrun"), 0)]
    windows += [(("Ursola", "von", "der", "Leyan"), 0)]
    return windows


@pytest.mark.parametrize(("words", "at"), garbled_windows())
def test_a_skipped_window_has_no_reading_to_lose(words: tuple[str, ...], at: int) -> None:
    places = [j for j, word in enumerate(words) if j != at and word not in NAME_PARTICLES]
    names = load_lexicon().names
    if not names.keep_a_word(words, places):
        assert not kept_by_a_candidate(words, places)
        candidates = names.candidates(" ".join(words), len(words))
        assert all(_spelling_fit(words, name.form, at) is None for name in candidates)


def test_every_several_word_form_keeps_its_own_words() -> None:
    """A window that is a known form with its last word garbled is searched."""
    names = load_lexicon().names
    forms = [form for form in names.exact if len(form.split()) > 1]
    assert len(forms) > 1000
    for form in forms[::7]:
        words = tuple(form.split())
        garbled = (*words[:-1], words[-1] + "q")
        assert names.keep_a_word(garbled, range(len(words) - 1)), form


def test_a_title_before_a_garbled_name_is_not_searched() -> None:
    assert not load_lexicon().names.keep_a_word(("Governor", "Gerg"), [0])
    assert load_lexicon().names.keep_a_word(("Olaf", "Sholz"), [0])


def test_the_keys_of_each_place_are_those_of_the_forms_words() -> None:
    """Made from the forms' whole keys in C, they are the keys of the words one by one."""
    blocks = load_lexicon().names._blocks
    several = [block for (words, _), block in blocks.items() if words > 1]
    assert len(several) > 50
    for block in several:
        expected = [set() for _ in range(block.names[0].words)]
        for name in block.names:
            for place, word in zip(expected, name.form.split(), strict=True):
                place.add(name_key(word))
        assert block.part_keys == tuple(map(frozenset, expected))
