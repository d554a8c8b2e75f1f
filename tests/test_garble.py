"""The benchmark garbler (benchmarks/garble.py) on text we wrote: its second stream of
artefacts makes the forms its docstring names, leaves the first stream as it was, and every
artefact it records can be undone; mtfix fixes each second-stream form in a sentence."""

import itertools
import random
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from garble import (  # noqa: E402
    LEFTOVERS,
    _encoding_edits,
    _layout_edits,
    _mojibake,
    _spacing_edits,
    _word_edits,
    garble,
)

import mtfix  # noqa: E402

PARAGRAPH = (
    "The council’s new budget was approved on Monday — after a long debate — and the mayor "
    "said the city would “spend the money on schools and roads” next year. The government "
    "in Kyiv welcomed the agreement, and police in Kharkiv said the war had slowed the work, "
    "but the soldiers would help. Critics said the election promise was “a cheap trick”, and "
    "the opposition leader demanded a full inquiry into the plan.\n"
)
ARTICLE = PARAGRAPH * 6


def _undo(text: str, gold: list) -> str:
    for item in sorted(gold, key=lambda g: -g.start):
        text = text[: item.start] + item.wanted + text[item.end :]
    return text


def test_every_artefact_is_recorded_and_can_be_undone() -> None:
    for seed in range(5):
        garbled, gold = garble(ARTICLE, seed)
        assert garbled != ARTICLE
        assert all(garbled[g.start : g.end] == g.garbled for g in gold)
        assert _undo(garbled, gold) == ARTICLE
        assert (garbled, gold) == garble(ARTICLE, seed)


def test_the_second_stream_adds_its_kinds_away_from_the_first() -> None:
    kinds = set()
    for seed in range(40):
        _, gold = garble(ARTICLE, seed)
        kinds |= {g.kind for g in gold}
        spans = sorted((g.start, g.end) for g in gold)
        assert all(a_end + 10 < b_start for (_, a_end), (b_start, _) in itertools.pairwise(spans))
    assert {"encoding", "boilerplate", "variant", "untranslated"} <= kinds


def test_words_split_glued_and_compounds_spaced() -> None:
    text = "The government sent buses to the long-term shelters by tomorrow."
    forms = _forms(list(_spacing_edits(text, random.Random(3))), text)
    for form in forms["space inside a word"]:  # one space put inside one long word
        assert form.count(" ") == text.count(" ") + 1
        assert any(form[:i] + form[i + 1 :] == text for i, c in enumerate(form) if c == " ")
    assert forms["two words glued"] == {
        "The government sent buses to the long-term shelters bytomorrow."
    }
    assert forms["spaced compound hyphen"] == {
        "The government sent buses to the long - term shelters by tomorrow."
    }


def test_mojibake_is_utf8_read_as_windows_1252() -> None:
    assert _mojibake("council’s") == "councilâ€™s"
    assert _mojibake("café") == "cafÃ©"
    assert _mojibake("“spend") == "â€œspend"


def _forms(edits: list, text: str) -> dict[str, set[str]]:
    forms: dict[str, set[str]] = {}
    for edit in edits:
        garbled = text[: edit.start] + edit.replacement + text[edit.end :]
        forms.setdefault(edit.how, set()).add(garbled)
    return forms


def test_each_form_of_the_second_stream() -> None:
    rng = random.Random(1)
    text = "The council’s plan — a new budget — was “a trick” in Kyiv, the government said."
    forms = _forms(
        [*_encoding_edits(text, rng), *_word_edits(text, rng), *_layout_edits(text)], text
    )
    assert (
        "The council ’s plan — a new budget — was “a trick” in Kyiv, the government said."
        in (forms["space before apostrophe"])
    )
    assert (
        "The council’s plan — a new budget— was “a trick” in Kyiv, the government said."
        in (forms["dash spaced on one side"])
    )
    assert (
        "The council’s plan — a new budget — was „a trick“ in Kyiv, the government said."
        in (forms["German marks"])
    )
    assert (
        'The council’s plan — a new budget — was “a trick" in Kyiv, the government said.'
        in (forms["straight closing mark"])
    )
    assert (
        "The council’s plan — a new budget — was “a trick” in Kiev, the government said."
        in (forms["Russian-based spelling"])
    )
    assert (
        "The council’s plan — a new budget — was “a trick” in Kyiv, the Regierung said."
        in (forms["German word"])
    )
    assert (
        "The council&rsquo;s plan — a new budget — was “a trick” in Kyiv, the government said."
        in (forms["HTML entity"])
    )
    leftover = {form.replace(text, "").strip("\n") for form in forms["leftover line"]}
    assert len(leftover) == 1 and leftover <= set(LEFTOVERS)
    line = leftover.pop()
    assert forms["leftover line"] == {f"{line}\n{text}", f"{text}\n{line}"}


@pytest.mark.parametrize(
    ("garbled", "wanted"),
    [
        ("The councilâ€™s budget was cut.", "The council’s budget was cut."),
        ("The council’s budget was cut in Ukrаine.", "The council’s budget was cut in Ukraine."),
        ("The council&rsquo;s budget was cut.", "The council’s budget was cut."),
        ("The council ’s budget was cut.", "The council’s budget was cut."),
        ("The budget was cut— again.", "The budget was cut — again."),
        ("The mayor called it „a trick“ on Monday.", "The mayor called it “a trick” on Monday."),
        ("Troops left Kiev on Monday.", "Troops left Kyiv on Monday."),
        (
            "The ministers signed the new Agreement on Friday.",
            "The ministers signed the new agreement on Friday.",
        ),
        (
            "The Regierung said on Monday that talks would go on.",
            "The government said on Monday that talks would go on.",
        ),
        ("The правительство’s plan failed.", "The government’s plan failed."),
    ],
)
def test_mtfix_fixes_a_second_stream_form(garbled: str, wanted: str) -> None:
    config = mtfix.Config(min_confidence=0.5)
    assert mtfix.clean(garbled, config).apply() == wanted
