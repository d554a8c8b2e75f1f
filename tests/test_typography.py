"""The typography detector: what it must fix, what it must leave alone, and its invariants.

The property tests cover typography and quotes together, since both rewrite the same spaces and
marks: applying their changes must leave nothing for a second run to find.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mtfix import Config, apply_changes, clean
from mtfix.detectors import typography
from mtfix.lexicon import load_lexicon
from mtfix.text import Document

FIXTURE = Path(__file__).parent / "fixtures" / "typography.mt.txt"
ONLY = Config(only=("typography",))
BOTH = Config(only=("typography", "quotes"))

#: (MT text, what an editor would write, the rule that fixes it).
FIRES = [
    (
        "After a three -hour meeting, the ministers spoke.",
        "After a three-hour meeting, the ministers spoke.",
        "spaced_hyphen",
    ),
    ("He repeated his long -term demands.", "He repeated his long-term demands.", "spaced_hyphen"),
    ("It has far -reaching consequences.", "It has far-reaching consequences.", "spaced_hyphen"),
    ("a 30 -year -old driver", "a 30-year-old driver", "spaced_hyphen"),
    ("The 24- hour strike began.", "The 24-hour strike began.", "hyphen_space"),
    ("The pro- Russian forces advanced.", "The pro-Russian forces advanced.", "hyphen_space"),
    ("He said ,that it was over.", "He said, that it was over.", "moved_space"),
    (
        "Exports rose again this year-Xinhuanet",
        "Exports rose again this year – Xinhuanet",
        "name_hyphen",
    ),
    (
        "The talks ended .The next round is in May.",
        "The talks ended. The next round is in May.",
        "moved_space",
    ),
    (
        "The council had agreed -and the mayor too.",
        "The council had agreed – and the mayor too.",
        "clause_hyphen",
    ),
    (
        "The board had approved-and the staff welcomed it.",
        "The board had approved – and the staff welcomed it.",
        "clause_hyphen",
    ),
    (
        "a trade war with the EU-a threat to exporters",
        "a trade war with the EU – a threat to exporters",
        "clause_hyphen",
    ),
    (
        "The talks failed-but both sides stayed.",
        "The talks failed – but both sides stayed.",
        "clause_hyphen",
    ),
    (
        "They met twice—in May and June—and lost-they would not strike again.",
        "They met twice—in May and June—and lost—they would not strike again.",
        "clause_hyphen",
    ),
    (
        "The unions had lost-they would not strike again.",
        "The unions had lost – they would not strike again.",
        "clause_hyphen",
    ),
    (
        "a plan for the region-which was new",
        "a plan for the region – which was new",
        "clause_hyphen",
    ),
    (
        "The sides agreed— but only for a month.",
        "The sides agreed — but only for a month.",
        "lopsided_dash",
    ),
    (
        "They met twice—in May and June—and agreed —again.",
        "They met twice—in May and June—and agreed—again.",
        "lopsided_dash",
    ),
    ("The council ’s budget was cut.", "The council’s budget was cut.", "spaced_apostrophe"),
    (
        "After a two - hour meeting the pro - Russian delegates left.",
        "After a two-hour meeting the pro-Russian delegates left.",
        "spaced_compound",
    ),
    (
        "The long-term plan and the long - term view.",
        "The long-term plan and the long-term view.",
        "spaced_compound",
    ),
    ("Eighty- six ships left.", "Eighty-six ships left.", "hyphen_space"),
    ("He called for a cease- fire at once.", "He called for a cease-fire at once.", "hyphen_space"),
    ("a game of cat-and -mouse", "a game of cat-and-mouse", "spaced_hyphen"),
    ("The firm 's plan failed.", "The firm's plan failed.", "spaced_apostrophe"),
    (
        "The vote was close , the chair said.",
        "The vote was close, the chair said.",
        "space_before_punct",
    ),
    ("Did he agree ? Nobody knows .", "Did he agree? Nobody knows.", "space_before_punct"),
    (
        "the Federal Office for Migration (BAMF )",
        "the Federal Office for Migration (BAMF)",
        "bracket_space",
    ),
    ("in Berlin,Paris and Rome", "in Berlin, Paris and Rome", "missing_space"),
    ("talks ended;both sides left", "talks ended; both sides left", "missing_space"),
    (
        "The talks ended.The ministers left.",
        "The talks ended. The ministers left.",
        "missing_space",
    ),
    ("Why?Because nobody asked.", "Why? Because nobody asked.", "missing_space"),
    ("The  ministers met  on Monday.", "The ministers met on Monday.", "double_space"),
    (
        "The minister Hans K ö nig spoke first.",
        "The minister Hans König spoke first.",
        "spaced_letter",
    ),
    ("on Lindenstra ß e in Hamburg", "on Lindenstraße in Hamburg", "spaced_letter"),
    ("in the old town of L ü beck", "in the old town of Lübeck", "spaced_letter"),
    ("the fire broke out at 4: 45 p.m.", "the fire broke out at 4:45 p.m.", "spaced_colon"),
    (
        "The hosts won 3: 2 (1: 1) after extra time.",
        "The hosts won 3:2 (1:1) after extra time.",
        "spaced_colon",
    ),
    ("The curfew starts at 23: 00.", "The curfew starts at 23:00.", "spaced_colon"),
    ("The second set ended 17 : 21.", "The second set ended 17:21.", "spaced_colon"),
    ("She won the race in 2: 05: 30.", "She won the race in 2:05:30.", "spaced_colon"),
    ("It was great!The crowd cheered.", "It was great! The crowd cheered.", "missing_space"),
    (
        "Kremlin critic Anna Ivanova ( Анна Иванова ) spoke in Riga , Latvia.",
        "Kremlin critic Anna Ivanova ( Анна Иванова ) spoke in Riga, Latvia.",
        "space_before_punct",
    ),
    (
        "Matsumoto said : the bridge is gone.",
        "Matsumoto said: the bridge is gone.",
        "space_before_punct",
    ),
    (
        "Villagers stocked up  on food and water.",
        "Villagers stocked up on food and water.",
        "double_space",
    ),
]

#: Correct English the detector must not touch.
SILENT = [
    "rock-and-roll, state-of-the-art, up-and-coming, cat-and-mouse and hide-and-seek",
    "the Russia-Ukraine talks, a pro-Russian party and the U.S.-led coalition",
    "short- and long-term loans, and pre- and post-war Europe",
    "two- to three-year terms and hand- as well as foot-operated brakes",
    "He scored 34 goals- exactly as many as his rival.",  # a dash that lost a space, not a compound
    "Developers use .Net and .NET for that.",
    "In mid-May the then-President met pro-Kremlin and anti-Trump groups in pre-Christmas Berlin.",
    "Prices for short-and long-term loans rose.",
    "an either-or choice, a worth-while effort and a well-known, what-if scenario",
    "South Korean President Moon Jae-in met the skater Kim Yeon-a.",
    "The deal – and it is a deal – was signed. The talks - and the dinner - ran late.",
    "- first item\n- second item",
    "Temperatures fell to -5 degrees, or -3C by noon.",
    "1,000 people, 3.5 percent, the 2024-25 season, at 10:30 and a 2:1 win",
    "The U.S. and the U.K. agreed, e.g. on tariffs, i.e. on steel, etc.",
    "He paused... Then he spoke. And then … nothing.",
    "See https://example.com/a,b?Q=1;x=2 or write to press.Office@example.org today.",
    "The site Spiegel.De, the shop Booking.Com and the papers Lemonde.Fr and Nikkei.Jp",
    "Figure 2: 3 options, Chapter 4: 12 rules and Article 5: 2 members",
    "They dined à la carte in Côte d'Ivoire under the old slogan 'O petróleo é nosso'.",
    "Wink ;) and smile :) at 5:30",
    # dashes spaced evenly, a dash opening a line or after a bracket, a quoted 's
    "They agreed — at last — and left; the vote—a formality—passed.",
    "We agreed - all of us - to stay, and it ended 2 - 1.",
    "A he-man and a she-wolf met at the do-it-yourself shop.",
    "— Yes, he said.\nThe talks (AP) —Belarus",
    "He spelled it out: 's' as in sugar, and the letters 'st'.",
    "Ms Müller met Herr König in Düsseldorf and Straße 5.",
    '"Yes," he said. "No," she said (quietly).',
    # names that hold a mark, and the spacing between sentences that writers choose
    "Read the story on Yahoo!News and on WoW!Korea today.",
    "He said so.  Then he left.  Nobody followed him.",
    "A caption under the photo   The story starts here, after three spaces.",
    # text in or beside a word of another script follows that script's conventions
    "The Kremlin ( Кремль ) and the magazine (ハーパーズバザー ) were named.",
    "He wrote Путин и Трамп , then the English names.",
    "The headline read 中央日報 ( 日本語版 ) in the morning.",
    # a list's layout: a term, a spaced colon, its definition
    "■Numa : a swamp full of traps.\n■Steel Beam : a walk over the void.",
]


def _fix(text: str, config: Config = ONLY) -> tuple[str, set[str]]:
    changes = clean(text, config, load_lexicon()).changes
    return apply_changes(text, changes), {change.source for change in changes}


@pytest.mark.parametrize(("text", "wanted", "rule"), FIRES)
def test_fixes_the_artefact(text: str, wanted: str, rule: str) -> None:
    """Each artefact is fixed, by the rule named for it."""
    fixed, rules = _fix(text)
    assert fixed == wanted
    assert f"typography.{rule}" in rules


@pytest.mark.parametrize("text", SILENT)
def test_leaves_correct_english_alone(text: str) -> None:
    """Compounds, numbers, abbreviations, URLs and dashes are not artefacts."""
    assert _fix(text) == (text, set())


def test_an_asides_closing_hyphen_is_no_compound() -> None:
    """ "-which began in 2022-" is an aside between dashes: its closing hyphen keeps its space."""
    _, rules = _fix("The war -which began in 2022- goes on.")
    assert "typography.hyphen_space" not in rules


def test_every_rule_has_examples() -> None:
    """Every rule of the detector is shown firing above (and SILENT shows where it must not)."""
    fired = {rule for _, _, rule in FIRES}
    assert fired == {rule.__name__ for rule in typography.RULES}


def test_changes_are_calibrated_and_explained() -> None:
    """Confidences are in 0.5..1 and every reason is one sentence naming what was wrong."""
    for text, _, _ in FIRES:
        for change in clean(text, ONLY, load_lexicon()).changes:
            assert 0.5 <= change.confidence <= 1
            assert change.reason.endswith(".") and change.reason.count(". ") == 0


def test_fixture_article() -> None:
    """The MT-style article: exactly its artefacts are fixed, and its traps are left alone."""
    text = FIXTURE.read_text(encoding="utf-8")
    changes = clean(text, ONLY, load_lexicon()).changes
    found = {(c.line, c.original, c.replacement, c.source.split(".")[1]) for c in changes}
    assert found == {
        (1, " -", "-", "spaced_hyphen"),
        (3, " -", "-", "spaced_hyphen"),
        (3, "", " ", "missing_space"),
        (5, "2: 00", "2:00", "spaced_colon"),
        (5, " ", "", "space_before_punct"),
        (5, " -", "-", "spaced_hyphen"),
        (7, "-", " – ", "clause_hyphen"),
        (7, "", " ", "missing_space"),
        (9, " ß ", "ß", "spaced_letter"),
        (9, " ü ", "ü", "spaced_letter"),
        (11, " -", "-", "spaced_hyphen"),
        (11, " ", "", "space_before_punct"),
        (13, "-", " – ", "clause_hyphen"),
        (15, "2: 1", "2:1", "spaced_colon"),
        (15, "1: 0", "1:0", "spaced_colon"),
        (19, "  ", " ", "double_space"),
    }
    assert len(changes) == 17  # "J ü rgen M ü ller" has two spaced letters


#: Pieces from which the property tests build texts dense in spaces, marks, hyphens and digits.
PIECES = st.sampled_from(
    [
        *"aAbZe öß-–.,;:?!\"“”„‚‘’'()[]12\n\t",
        *("the", "and", "said", "he", "says", "Said", "Look", "which", "USA", "a", "é", "Ö"),
        *("  ", " -", "-a", ": ", "\n\n", "p.m.", "U.S.", "www.x.de", "x@y.org", "...", "…"),
        *("5: 30", "—", "&amp;"),
    ]
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.lists(PIECES, max_size=40).map("".join), st.text(max_size=80)))
@example("a -which-a")  # a spaced hyphen before a clause hyphen: both become dashes at once
def test_changes_replay_and_a_second_run_is_quiet(text: str) -> None:
    """Offsets are valid; after applying typography and quotes changes, neither finds more."""
    changes = clean(text, BOTH, load_lexicon()).changes
    for change in changes:
        assert 0 <= change.start <= change.end <= len(text)
        assert text[change.start : change.end] == change.original
    fixed = apply_changes(text, changes)
    again = clean(fixed, BOTH, load_lexicon()).changes
    assert [(c.original, c.replacement, c.source) for c in again] == []


#: Long runs of one pattern each, the shapes that make careless regular expressions backtrack.
ADVERSARIAL = [
    *("-" * 100_000, " " * 100_000, "x" * 100_000, "a -" * 33_000, "a  " * 33_000),
    *("ab,cd" * 20_000, "1: 1" * 25_000, "a ö " * 25_000, "ab.Cd" * 20_000, "( " * 50_000),
]


@pytest.mark.parametrize(
    "text",
    ADVERSARIAL,
    ids=lambda text: repr(text[:5]),
)
def test_adversarial_lines_are_fast(text: str) -> None:
    """Long runs of one pattern finish in seconds, not minutes (no regex backtracking blow-up);
    the bound is loose so that a busy machine does not fail it."""
    lexicon = load_lexicon()
    lexicon.is_english_word("warm")  # load the word list outside the timing
    started = time.perf_counter()
    list(typography.detect(Document(text), lexicon))
    assert time.perf_counter() - started < 5.0
