"""WordSet: the lexicon's big word lists answer as their frozensets do, built or not."""

from __future__ import annotations

import pickle
from pathlib import Path

from mtfix.lexicon import Lexicon
from mtfix.text import Document
from mtfix.wordset import WordEnds, WordSet

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (ROOT / "tests" / "fixtures" / "clean" / "uk-budget-reeves.txt").read_text(
    encoding="utf-8"
)


def fresh(words: WordSet) -> WordSet:
    """A copy as the cache gives it: nothing built, nothing asked yet."""
    copy = pickle.loads(pickle.dumps(words))
    assert isinstance(copy, WordSet)
    return copy


def test_lookups_before_and_after_building_agree_with_the_frozenset() -> None:
    english = Lexicon().data.english_words
    assert isinstance(english, WordSet)
    words = fresh(english)
    expected = frozenset(english)
    asked = [t.text.lower() for t in Document(ARTICLE).tokens] + ["qzxv", "", "naïve", "Über"]
    assert [w in words for w in asked] == [w in expected for w in asked]
    assert len(words) == len(expected) and sorted(words) == list(words)
    assert words.build() == expected
    assert [w in words for w in asked] == [w in expected for w in asked]


def test_set_operations_give_the_frozenset_results_in_the_same_order() -> None:
    common = fresh(Lexicon().data.common_words)
    expected = frozenset(common)
    distinct = Document(ARTICLE).distinct_words
    lower = {word.lower() for word in distinct}
    unknown = distinct - common
    assert isinstance(unknown, frozenset) and list(unknown) == list(distinct - expected)
    shared = lower & common
    assert type(shared) is set and list(shared) == list(lower & expected)


def test_asked_often_it_builds_the_frozenset_and_hands_it_on() -> None:
    words = WordSet(["budget", "treasury", "spending", "forecast"] * 3)
    handed: list[frozenset[str]] = []
    words.on_built = handed.append
    assert len(words) == 4 and "budget" in words and "budgets" not in words
    assert handed == [frozenset({"budget", "treasury", "spending", "forecast"})]


def test_odd_questions_find_nothing() -> None:
    words = WordSet(["alpha", "beta", "gamma", *(f"word{number}" for number in range(100))])
    assert "alpha\nbeta" not in words  # two words on either side of a line break
    assert "\ud800" not in words  # a lone surrogate (from JSON) has no UTF-8 form
    assert 3 not in words


def test_shared_beginning_is_the_longest_any_word_of_the_set_shares() -> None:
    listed = ["budget", "budgetary", "bud", "treasury", "trek", "zeal", "éclair", *WORDS]
    words = WordSet(listed)
    asked = ["budgets", "budge", "b", "", "aardvark", "zzz", "treaty", "éclat", "écu", "word5x"]
    for word in asked + listed:
        longest = max(shared(word, other) for other in listed)
        assert words.shared_beginning(word) == longest, word


def test_word_ends_tell_the_beginning_and_end_listed_words_share() -> None:
    ends = WordEnds(["budget", "gadget", "treasury"])
    assert ends.shared_beginning("budgrt") == 4 and ends.shared_end("budgrt") == 1
    assert ends.shared_end("widget") == 4 and ends.shared_beginning("widget") == 0


def shared(one: str, other: str) -> int:
    """How many letters two words begin with alike, counted one by one."""
    count = 0
    while count < min(len(one), len(other)) and one[count] == other[count]:
        count += 1
    return count


#: Enough words for several blocks, so a neighbour may be another block's first word.
WORDS = [f"word{number}" for number in range(300)]


def test_words_starting_with_a_beginning_are_found_in_order() -> None:
    words = WordSet(["inter", "interim", "internal", "intern", "into", "éclair", *WORDS])
    listed = sorted(words)
    for prefix in ("inter", "int", "intern", "x", "", "word1", "word29", "éc", "word299"):
        expected = [word for word in listed if word.startswith(prefix)]
        assert words.starting_with(prefix) == expected, prefix


def test_the_english_words_by_beginning_whether_or_not_the_set_is_built() -> None:
    fresh_lexicon, built = Lexicon(), Lexicon()
    built.build_word_sets()
    assert isinstance(built.data.english_words, frozenset)
    listed = sorted(built.data.english_words)
    for prefix in ("govern", "ceasef", "zz", "aardv"):
        expected = [word for word in listed if word.startswith(prefix)]
        assert fresh_lexicon.english_words_starting_with(prefix) == expected
        assert built.english_words_starting_with(prefix) == expected
