"""The article's lower-case words as the entity detector looks its context words up in them:
searched in an article's text (``_WordSearch``) or, in a long text, listed once
(``_WordIndex``). Both must answer alike for any text (hypothesis), and rightly on sentences
we wrote."""

from hypothesis import given
from hypothesis import strategies as st

from mtfix.detectors.entity import _WordIndex, _WordSearch

#: Words that context words, stems and phrases are made of.
PARTS = ["prime", "minister", "ministry", "minis", "kyiv", "ukraine", "uk", "a"]
#: Pieces of text: those words in several cases, and what may stand in or beside a word
#: (digits, underscores, hyphens, apostrophes, accents, other scripts, letters whose
#: lower case is longer or depends on the next letter).
PIECES = [
    *PARTS,
    "Prime",
    "MINISTER",
    "Ukrainian",
    "Kyiv's",
    "2022",
    "_",
    "-",
    "'",
    "’",
    " ",
    "  ",
    "\n",
    ",",
    ".",
    "é",
    "İ",
    "Σ",
    "к",
]


@given(
    st.lists(st.sampled_from(PIECES), max_size=30),
    st.sampled_from(["", *PARTS, "minist", "ukrain", "Minister", "prime-minister"]),
    st.lists(st.sampled_from(["", *PARTS]), min_size=1, max_size=3),
)
def test_search_and_index_agree(pieces: list[str], word: str, phrase: list[str]) -> None:
    text = "".join(pieces)
    search, index = _WordSearch(text), _WordIndex(text, frozenset(PARTS))
    if word:
        assert search.has(word) == index.has(word)
        assert set(search.starting(word)) == set(index.starting(word))
    assert search.has_phrase(phrase) == index.has_phrase(phrase)


def test_words_of_an_article() -> None:
    text = "The Prime Minister's visit to Kyiv-Pechersk, and Ukraine's 2022 budget_plan."
    for words in (_WordSearch(text), _WordIndex(text, frozenset(PARTS))):
        assert words.has("kyiv") and words.has("ukraine") and not words.has("ukrain")
        assert not words.has("budget") and words.has("budget_plan")  # underscores join
        assert sorted(set(words.starting("minist"))) == ["minister"]
        assert list(words.starting("ministry")) == []
        assert words.has_phrase(["prime", "minister"])  # capitals and a possessive aside
        assert not words.has_phrase(["minister", "prime"])
