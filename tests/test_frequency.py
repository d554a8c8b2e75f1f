"""The word-frequency layer: a rare real word or name has a frequency, a garble has none."""

from __future__ import annotations

import pytest

from mtfix.lexicon import Lexicon, dictionary_root, read_rows


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon()


def test_common_and_rare_real_words_outrank_garbles(lexicon: Lexicon) -> None:
    assert lexicon.zipf("the") > 7
    assert 1.0 <= lexicon.zipf("biennale") < lexicon.zipf("government")
    assert lexicon.zipf("Kherson") > 1.0  # any case: the table is lower case
    for garble in ("Khanson", "demilitacicians", "Kgarkiv"):
        assert lexicon.zipf(garble) == 0.0


def test_other_languages_know_their_common_words_only(lexicon: Lexicon) -> None:
    assert lexicon.zipf("Bürgermeister", "de") > 3.0
    assert lexicon.zipf("Bürgermeister", "en") < lexicon.zipf("Bürgermeister", "de")
    assert lexicon.zipf("mayor", "xx") == 0.0  # a language without a file knows nothing


def test_files_are_most_frequent_first_and_lower_case() -> None:
    for path in sorted((dictionary_root() / "frequency").glob("*.tsv")):
        rows = list(read_rows(path))
        zipfs = [float(zipf) for _, zipf in rows]
        assert zipfs == sorted(zipfs, reverse=True), path.name
        assert all(word == word.lower() for word, _ in rows[:1000]), path.name
