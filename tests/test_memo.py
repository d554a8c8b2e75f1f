"""The per-word memory the detectors narrow an article's words with gives what asking every
word would, on real words with the real dictionaries, whether the words are new, remembered
or forgotten when the memory is full."""

from mtfix.lexicon import load_lexicon
from mtfix.memo import WordFilter
from mtfix.text import Document

ARTICLE = (
    "The Bundestag debated the Haushaltsentwurf on Tuesday. Chancellor Olaf Scholz said the "
    "coalition would keep its promisses, and Friedrich Merz, whose Gesellschaft he mocked, "
    "called the plan a Kompromiss. In Kherson and Charkiw the shelling went on; the mayor "
    "of Khanson said water was short."
)
SECOND = "Scholz spoke again in Berlin. The Kompromiss held, the Verhandlung went on, Merz said."


def unknown(word: str) -> bool:
    """A test of the kind the detectors remember: no English list knows the word."""
    return not load_lexicon().is_english_word(word)


def test_select_is_the_words_that_pass() -> None:
    words = Document(ARTICLE).distinct_words
    expected = {word for word in words if unknown(word)}
    memo = WordFilter(unknown)
    assert memo.select(words) == expected
    assert memo.select(words) == expected  # now answered from memory
    second = Document(SECOND).distinct_words  # partly remembered, partly new
    assert memo.select(second) == {word for word in second if unknown(word)}


def test_a_full_memory_starts_afresh_and_stays_right() -> None:
    memo = WordFilter(unknown, size=4)
    for text in (ARTICLE, SECOND, ARTICLE):
        words = Document(text).distinct_words
        assert memo.select(words) == {word for word in words if unknown(word)}


def test_words_known_to_fail_are_rejected_without_asking() -> None:
    english = load_lexicon().english_words
    asked: list[str] = []

    def counted(word: str) -> bool:
        asked.append(word)
        return unknown(word)

    memo = WordFilter(counted, failing=lambda: english)
    for text in (ARTICLE, SECOND):
        words = Document(text).distinct_words
        assert memo.select(words) == {word for word in words if unknown(word)}
    assert asked and not any(word in english for word in asked)
