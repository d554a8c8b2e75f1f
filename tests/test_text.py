"""The shared Document: word tokens, their offsets and which of them start a sentence."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mtfix.text import DASHES, LINE_MARKERS, OPENERS, SENTENCE_END, TOKEN_BLOCK, WORD_RE, Document


def starts_sentence(text: str, start: int) -> bool:
    """The rule as an editor states it: read back from the word past quotes, brackets and
    spaces; a sentence starts after the text's start, a line break (with the marks that open
    a Markdown heading, quote or bullet: "# ", "- "), a spaced dash, or a sentence end that
    something (a space, a quote) separates from the word."""
    position = start - 1
    while position >= 0 and text[position] in OPENERS:
        position -= 1
    if position < 0 or text[position] in "\r\n":
        return True
    if text[position] in LINE_MARKERS and text[position + 1] in " \t":
        mark = position
        while mark >= 0 and text[mark] in LINE_MARKERS:
            mark -= 1
        if mark < 0 or text[mark] in "\r\n":
            return True
    if text[position] in DASHES and position > 0 and text[position - 1] == " ":
        return True
    return text[position] in SENTENCE_END and position < start - 1


def initial_words(text: str) -> list[str]:
    return [token.text for token in Document(text).tokens if token.sentence_initial]


def test_sentence_starts_in_news_text() -> None:
    text = (
        'KYIV - Talks resumed. "We agreed," he said.\n'
        "(Reuters) Officials in the U.S. were told.Then e.g. more (see below). “Yes?” ‘No’"
    )
    # "told.Then" (no space) is left to the typography rule; abbreviations ("U.S. were") are
    # read as sentence ends, which only makes later detectors more careful.
    assert initial_words(text) == ["KYIV", "Talks", "We", "Reuters", "were", "more", "Yes", "No"]


def test_markdown_headings_and_bullets_open_sentences() -> None:
    text = "# Clean news fixtures\n\n- Talks resumed\n> Quoted text\n* Another item"
    assert initial_words(text) == ["Clean", "Talks", "Quoted", "Another"]


def test_tokens_carry_offsets_and_order() -> None:
    text = "Don’t cross-check 42 Kyiv-based firms."
    tokens = Document(text).tokens
    assert [t.text for t in tokens] == ["Don’t", "cross-check", "Kyiv-based", "firms"]
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert [t.index for t in tokens] == list(range(len(tokens)))


def test_a_long_text_is_tokenised_in_blocks_as_one_piece() -> None:
    paragraph = (
        "The council met on Tuesday. - Talks resumed in the port city,\n"
        "“We agreed,” the mayor said.\r\nRoad-works and the ferry’s timetable were next.\n\n"
    )
    lines = paragraph * (3 * TOKEN_BLOCK // len(paragraph))
    one_line = lines.replace("\n", " ").replace("\r", " ")  # cut at spaces instead
    assert_tokenised_as_one_piece(lines)
    assert_tokenised_as_one_piece(one_line)


def assert_tokenised_as_one_piece(text: str) -> None:
    """The tokens, offsets and sentence starts of ``text`` are those of one pass over it."""
    tokens = Document(text).tokens
    words = list(WORD_RE.finditer(text))
    assert [(t.text, t.start, t.end) for t in tokens] == [
        (m.group(), m.start(), m.end()) for m in words
    ]
    assert [t.index for t in tokens] == list(range(len(words)))
    assert [t.sentence_initial for t in tokens] == [starts_sentence(text, t.start) for t in tokens]
    # each repeated word is kept once, however often the text uses it
    assert len({id(t.text) for t in tokens}) == len({t.text for t in tokens})


ALPHABET = "ab Zé5_,.!?…" + DASHES + OPENERS + LINE_MARKERS + "\r\n"


@given(st.text(alphabet=ALPHABET, max_size=30))
def test_sentence_starts_follow_the_backward_reading(text: str) -> None:
    for token in Document(text).tokens:
        assert token.sentence_initial == starts_sentence(text, token.start)


def test_tokens_by_index_slice_and_pass_agree() -> None:
    text = "Mayor Anna Kovac said: “The bridge opens in May.” Work starts on Monday.\nFerries wait."
    tokens = Document(text).tokens
    made = list(tokens)  # one pass, made in C
    assert [tokens[index] for index in range(len(tokens))] == made
    assert tokens[-1] == made[-1] and tokens[-len(tokens)] == made[0]
    for part in (slice(2, 5), slice(None, 3), slice(-4, None), slice(5, 2), slice(1, None, 3)):
        assert tokens[part] == made[part]
    assert list(tokens.words) == [token.text for token in made]
    assert [tokens.end(index) for index in range(len(tokens))] == [token.end for token in made]
    with pytest.raises(IndexError):
        tokens[len(tokens)]


def test_sentences_cover_the_tokens_in_order() -> None:
    text = "Talks resumed. “We agreed,” he said.\n- Ferries wait\nRoads close! Then what?"
    document = Document(text)
    sentences = [document.sentence(n) for n in range(len(document.sentence_starts))]
    assert [[token.text for token in sentence] for sentence in sentences] == [
        ["Talks", "resumed"],
        ["We", "agreed", "he", "said"],
        ["Ferries", "wait"],
        ["Roads", "close"],
        ["Then", "what"],
    ]
    assert [token for sentence in sentences for token in sentence] == list(document.tokens)
    assert all(sentence[0].sentence_initial for sentence in sentences)
