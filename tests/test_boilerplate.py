"""Boilerplate: web-page leftovers removed as whole lines, only where they stand apart."""

from __future__ import annotations

from mtfix import Config, clean

ONLY = Config(only=("boilerplate",))

ARTICLE = """Flood defences held in the old town overnight, the council said.
Volunteers filled sandbags until the early hours.
The river is expected to fall by the weekend.
"""


def _removed(text: str) -> list[str]:
    return [c.original.strip() for c in clean(text, ONLY).changes]


def test_a_comment_form_closing_the_article_goes_whole() -> None:
    form = "Leave a Comment\nCancel reply\nYour email address will not be published.\n"
    form += "Required fields are marked *\nPost Comment\n"
    assert _removed(ARTICLE + form) == form.splitlines()


def test_a_leftover_inside_the_prose_stays() -> None:
    text = ARTICLE + "Share\n" + ARTICLE + ARTICLE
    assert _removed(text) == []


def test_a_block_apart_from_the_edge_stays_unless_alone() -> None:
    text = ARTICLE + "Cancel reply\n" + ARTICLE
    assert _removed(text) == []
    assert _removed(ARTICLE + "\nCancel reply\n\n" + ARTICLE) == ["Cancel reply"]


def _cleaned(text: str) -> str:
    return clean(text, ONLY).apply()


def test_a_leftover_between_paragraphs_goes_with_one_blank_line() -> None:
    """The paragraphs around a deleted leftover stay one blank line apart."""
    first, second = "The river rose overnight.", "Volunteers filled sandbags."
    text = f"{first}\n\nAdvertisement\n\n{second}\n"
    assert _cleaned(text) == f"{first}\n\n{second}\n"


def test_a_closing_leftover_keeps_the_article_ending_as_it_did() -> None:
    """Without a final line break, the article still ends without one."""
    assert _cleaned(ARTICLE + "Share this:") == ARTICLE.rstrip("\n")
    assert _cleaned(ARTICLE + "Tweet\nContinue reading\n") == ARTICLE


def test_read_more_links_sign_ups_and_players_are_leftovers() -> None:
    """Links to other articles, newsletter sign-ups, audio players and cookie notices."""
    top = [
        "Listen to this article",
        "Read also: Floods close the old bridge",
        "Sign up for our daily newsletter",
        "We use cookies to improve your experience on our site. By continuing to browse you"
        " agree to our use of cookies and our privacy policy.",
    ]
    for line in top:
        assert _removed(line + "\n" + ARTICLE) == [line]
    assert _removed(ARTICLE + "Show comments\n") == ["Show comments"]


def test_prose_that_starts_like_a_leftover_stays() -> None:
    """A line of article text is no leftover, however it begins."""
    text = "Read more about the floods, the mayor urged residents on Monday.\n" + ARTICLE
    assert _removed(text) == []
