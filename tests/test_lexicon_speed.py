"""The fast paths of the word lookups answer exactly as the plain definitions do."""

from __future__ import annotations

import gzip
import json
import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

from mtfix.counts import WordCounts
from mtfix.detectors import nonword, untranslated
from mtfix.lexicon import COMMON_FREQUENCY, RARE_FREQUENCY, _spell_path, load_lexicon
from mtfix.text import Document

WORDS = st.text(alphabet="abcdeäßé", min_size=1, max_size=6)


@settings(max_examples=60, deadline=None)
@given(
    # Counts of each size the table stores in 2, 4 and 8 bytes.
    counts=st.sampled_from([10**4, 10**6, 10**12]).flatmap(
        lambda top: st.dictionaries(WORDS, st.integers(1, top), min_size=0, max_size=300)
    ),
    probes=st.lists(st.text(alphabet="abcdeäßé", max_size=7), max_size=40),
)
def test_word_counts_answer_as_the_dict_does(counts: dict[str, int], probes: list[str]) -> None:
    table = WordCounts(counts)  # up to ~5 blocks: words on block boundaries are looked up too
    # As built, and as pickled with its buffers in band (protocol 5) and as bytes (protocol 4).
    for copy in (table, *(pickle.loads(pickle.dumps(table, protocol=p)) for p in (4, 5))):
        assert copy.total == sum(counts.values())
        for word in [*counts, *probes]:
            assert (word in copy) == (word in counts), word
            assert copy.get(word) == counts.get(word, 0), word


def test_source_language_counts_keep_their_relative_frequencies() -> None:
    german = untranslated.source_frequency("de")
    assert "prüfungen" in german and german.get("prüfungen") > 0
    assert "zzzzqq" not in german and german.get("zzzzqq") == 0
    assert untranslated.likeliest_language("manifestación") == "es"


def _english_frequency() -> dict[str, int]:
    """pyspellchecker's English counts, read as plainly as can be."""
    return json.loads(gzip.decompress(_spell_path().read_bytes()))


def test_is_english_word_keeps_its_definition() -> None:
    lexicon = load_lexicon()
    data, frequency = lexicon.data, _english_frequency()
    unlisted = [w for w in frequency if w not in data.english_words]
    frequent = next(w for w in unlisted if frequency[w] > RARE_FREQUENCY)
    rare = next(w for w in unlisted if frequency[w] <= RARE_FREQUENCY)
    for word in ["house", "House", "HOUSE", frequent, frequent.title(), rare, "Xqzvk", "ǅemal"]:
        lower = word.lower()
        expected = lower in data.english_words or frequency.get(lower, 0) > RARE_FREQUENCY
        assert lexicon.is_english_word(word) == expected, word


def test_frequency_sets_and_counts_say_what_the_list_says() -> None:
    data, frequency = load_lexicon().data, _english_frequency()
    assert data.common_words == {
        word for word in data.english_words if frequency.get(word, 0) >= COMMON_FREQUENCY
    }
    assert data.frequent_unlisted == {
        word
        for word, count in frequency.items()
        if count > RARE_FREQUENCY and word not in data.english_words
    }
    for word in [*list(frequency)[::997], "zzzzqq", "house"]:
        assert data.word_counts.get(word) == frequency.get(word, 0), word


def test_nonword_looks_only_at_unknown_words_it_has_a_rule_for() -> None:
    lexicon = load_lexicon()
    text = "The Franzig ceasefirre talks in Ukkraine resumed, officals said on Tuesday."
    # "Ukkraine": capitalised without a German ending, so no rule could correct it.
    assert nonword._unknown_words(Document(text), lexicon) == {"Franzig", "ceasefirre", "officals"}
