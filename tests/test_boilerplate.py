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
