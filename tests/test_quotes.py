"""The quotes detector: German-style quotations mapped badly by MT, and what must stay as it is."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mtfix import Config, apply_changes, clean
from mtfix.detectors import quotes
from mtfix.lexicon import load_lexicon
from mtfix.text import Document

FIXTURE = Path(__file__).parent / "fixtures" / "quotes.mt.txt"
ONLY = Config(only=("quotes",))

#: (MT text, what an editor would write, the rules that fix it).
FIRES = [
    (
        "“I will ask him:” Do you mean it? Are you ready to talk? “, Said the minister.",
        "“I will ask him: ‘Do you mean it? Are you ready to talk?’” Said the minister.",
        {"nested_open", "nested_close"},
    ),
    (
        "“One day we will tell them:” We tried hard. “",
        "“One day we will tell them: ‘We tried hard.’”",
        {"nested_open", "nested_close"},
    ),
    (
        '"The answer was always:" Not yet. ", said the mayor.',
        "\"The answer was always: 'Not yet,'\" said the mayor.",
        {"nested_open", "nested_close"},
    ),
    (
        '"We will be back next season, "said the captain.',
        '"We will be back next season," said the captain.',
        {"misplaced_close"},
    ),
    (
        "“Nobody asked us. It is too late, “she says.",
        "“Nobody asked us. It is too late,” she says.",
        {"misplaced_close"},
    ),
    (
        'I look forward to it, "said the coach.',
        'I look forward to it," said the coach.',
        {"misplaced_close"},
    ),
    ('"The next weeks will be hard. "', '"The next weeks will be hard."', {"spaced_close"}),
    ('"Is this the end? ", he asked.', '"Is this the end?" he asked.', {"spaced_close"}),
    ('"It is over. ", said the coach.', '"It is over," said the coach.', {"spaced_close"}),
    (
        "The minister said:” We are ready.”",
        "The minister said: “We are ready.”",
        {"misplaced_open"},
    ),
    (
        'In an interview with the" Daily Courier ", he agreed.',
        'In an interview with the "Daily Courier", he agreed.',
        {"misplaced_open", "spaced_close"},
    ),
    ("Keller said: „We are ready.“", "Keller said: “We are ready.”", {"direction"}),
    ("The album “Blue Hour“ sold well.", "The album “Blue Hour” sold well.", {"direction"}),
    ("He called it ”excessive”.", "He called it “excessive”.", {"direction"}),
    ("She said: „I told him: ‚Wait‘.“", "She said: “I told him: ‘Wait’.”", {"direction"}),
    ("the players‘ union", "the players’ union", {"direction"}),
    (
        "Li said: “We will open the hall next year. ”\nThe hall will hold “every kind of art”.",
        "Li said: “We will open the hall next year.”\nThe hall will hold “every kind of art”.",
        {"spaced_close"},
    ),
    (
        'The so-called " red line " was crossed.',
        'The so-called "red line" was crossed.',
        {"spaced_open", "spaced_close"},
    ),
    (
        "Critics called it “ a mistake” at once.",
        "Critics called it “a mistake” at once.",
        {"spaced_open"},
    ),
    (
        "“ We will stay, ” she said.",
        "“We will stay,” she said.",
        {"spaced_open", "spaced_close"},
    ),
    # both marks of each quotation spaced: a tokeniser's, not a writer's habit
    (
        "He would “ do everything ” to stop the “ very root ” of it.",
        "He would “do everything” to stop the “very root” of it.",
        {"spaced_open", "spaced_close"},
    ),
    # a mark hidden in an entity pairs as the mark it will be once decoded
    (
        "The chief said:” We need help,&rdquo; he wrote.",
        "The chief said: “We need help,&rdquo; he wrote.",
        {"misplaced_open"},
    ),
    # a quotation whose marks differ in shape, in an article that keeps to one shape
    (
        '“We will stay," she said. “Not now.” He agreed: “Yes.”',
        "“We will stay,” she said. “Not now.” He agreed: “Yes.”",
        {"mixed_shape"},
    ),
    (
        '"We will stay,” she said. "Not now." He agreed: "Yes."',
        '"We will stay," she said. "Not now." He agreed: "Yes."',
        {"mixed_shape"},
    ),
]

#: Correct quoting the detector must not touch.
SILENT = [
    "“We have listened to everyone,” she said on Tuesday.",
    '"We have listened to everyone," she said on Tuesday.',
    "“If we win,” he said, “we go up.”",
    '"If we win," he said, "we go up." Then he left.',
    '"Hi," he asked, "continued success is the goal."',
    "“We had a fantastic year,” the captain said after the match, “it should motivate everyone.”",
    "He described the plans as “a good day for football”.",
    "He said: “I told them: ‘Not yet.’ They left.”",
    "“Who will pay?” asked the councillor. “The city,” Keller replied.",
    "The trains were “excessively late” – and “nobody” was told.",
    'He is 6\'2" tall and the screen is 65" wide.',
    'They ordered a 12 " pizza.',
    # a mark after a comma that an attribution follows closes a quotation opened earlier
    'We have done it," Anna Berg wrote on Friday.',
    "We will see,” CEO Anna Maria Berg told reporters.",
    "The mayor said: “We are not done yet.\n\n“We will finish the stadium,” she added.",
    "“This is not the end.\n\n“Nobody will be left alone,” she said.",
    "(“Yes”) and [“No”] and “Maybe.”",
    "The ‘Road to Recovery’ tour and ’80s music.",
    # beside a word of another script the marks follow that script's conventions
    "The newspaper “ Коммерсант ” reported it, and the slogan “Слава Україні “ was heard.",
    # a writer who spaces every curly closing mark: a habit, not a translation's slip
    "Li said: “We will open the hall next year. ”\n“It will hold every kind of art. ”",
    # a writer who mixes the shapes often, or writes whole quotations in both, has a habit
    '"We will stay,” she said. "Not now,” he said. "Yes," they said.',
    '“We will stay," she said. “Not now.” He agreed: "Yes."',
    # a mark hidden in an entity or mojibake pairs with the others; encoding decodes it
    "He said &ldquo;we fired at dawn,” South Korea’s Joint Chiefs of Staff said.",
    "He said â€œwe fired at dawn,” South Korea’s Joint Chiefs of Staff said.",
    "He said \u00e2\x80\x9cwe fired at dawn,” South Korea’s Joint Chiefs of Staff said.",
    # a quotation of one shape nested in the other's
    '"They sent the message “Leave now, the water rises" today," he said. "Yes." "No."',
]


def _fix(text: str) -> tuple[str, set[str]]:
    changes = clean(text, ONLY, load_lexicon()).changes
    return apply_changes(text, changes), {change.source.split(".")[1] for change in changes}


@pytest.mark.parametrize(("text", "wanted", "rules"), FIRES)
def test_fixes_the_artefact(text: str, wanted: str, rules: set[str]) -> None:
    """Each misplaced or misshapen mark is fixed, by the rules named for it."""
    assert _fix(text) == (wanted, rules)


@pytest.mark.parametrize("text", SILENT)
def test_leaves_correct_quoting_alone(text: str) -> None:
    """Balanced quotations, British and American punctuation, multi-paragraph quotes stay."""
    assert _fix(text) == (text, set())


def test_every_rule_has_examples() -> None:
    """Every rule the detector names is shown firing above."""
    fired = set().union(*(rules for _, _, rules in FIRES))
    names = {"nested_open", "nested_close", "misplaced_close", "spaced_close"}
    assert fired == names | {"misplaced_open", "direction", "spaced_open", "mixed_shape"}


def test_straight_quotes_stay_straight() -> None:
    """A fix in straight-quoted text moves marks and never turns them curly, nor the reverse
    (a quotation of mixed shapes takes the one shape the article keeps to)."""
    for text, wanted, rules in FIRES:
        if "mixed_shape" in rules:
            assert ('"' in wanted) != bool(set("“”") & set(wanted))
        elif '"' in text:
            assert not set("“”‘’") & set(wanted)
        else:
            assert '"' not in wanted


def test_quotation_spanning_sentence_lines() -> None:
    """With one sentence a line, a quotation opened on one line closes on a later one."""
    text = '"We are ready.\nWe will be back next season, "said the captain.\n'
    assert _fix(text) == (
        '"We are ready.\nWe will be back next season," said the captain.\n',
        {"misplaced_close"},
    )


def test_fixture_article() -> None:
    """The MT-style article: exactly its misplaced marks are fixed, correct ones are left alone."""
    text = FIXTURE.read_text(encoding="utf-8")
    changes = clean(text, ONLY, load_lexicon()).changes
    found = {(c.line, c.original, c.replacement, c.source.split(".")[1]) for c in changes}
    assert found == {
        (5, '" ', " '", "nested_open"),
        (5, '. ",', ",'\"", "nested_close"),
        (7, ' "', '" ', "misplaced_close"),
        (9, '" ', " '", "nested_open"),
        (9, ' "', "'\"", "nested_close"),
        (11, "„", "“", "direction"),
        (11, "“", "”", "direction"),
        (15, '" ', ' "', "misplaced_open"),
        (15, ' "', '"', "spaced_close"),
    }


def test_nested_quotations_close_before_attribution_and_paragraph_end() -> None:
    """A nested quotation closes with both marks before "said" and at the end of a paragraph."""
    text = (
        "“I expect the chancellor will tell him:” Stop, do you want a deal? Is it possible? “,"
        " Said the spokesman.\n\n“At the end we will tell them:” Well, we tried hard. “\n"
    )
    fixed, _ = _fix(text)
    assert "him: ‘Stop" in fixed and "possible?’” Said the" in fixed
    assert "them: ‘Well, we" in fixed and "tried hard.’”\n" in fixed


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([*"\"“”„‚ ‘’',.:?!a\n", "A", "said", "the", "\n\n"]), max_size=30))
def test_a_second_run_is_quiet(pieces: list[str]) -> None:
    """Applying the quotes changes leaves no quotes change for a second run."""
    text = "".join(pieces)
    changes = clean(text, ONLY, load_lexicon()).changes
    fixed = apply_changes(text, changes)
    assert clean(fixed, ONLY, load_lexicon()).changes == ()


@pytest.mark.parametrize(
    "text",
    [
        '"' * 100_000,
        "“" * 100_000,
        '“”„"' * 25_000,
        ' " ' * 33_000,
        ':" A' * 25_000,
        '"a\n' * 33_000,
    ],
    ids=lambda text: repr(text[:4]),
)
def test_adversarial_lines_are_fast(text: str) -> None:
    """Long runs of quotation marks finish in seconds, not minutes (no regex blow-up); the bound
    is loose so that a busy machine does not fail it."""
    lexicon = load_lexicon()
    lexicon.is_english_word("warm")  # load the dictionaries outside the timing
    started = time.perf_counter()
    list(quotes.detect(Document(text), lexicon))
    assert time.perf_counter() - started < 5.0


def test_the_comma_before_an_attribution_goes_inside_a_spoken_quotation() -> None:
    text = "“Trade is our future and our fate “, Said the minister.\n"
    assert clean(text).apply() == "“Trade is our future and our fate,” said the minister.\n"
    title = 'He spoke to the "Morning Ledger ", he said.\n'
    assert clean(title).apply() == 'He spoke to the "Morning Ledger", he said.\n'


@pytest.mark.parametrize("text", ['"We saw it: " Then the lights went out.', '"0: " A'])
def test_a_spaced_mark_between_a_colon_and_a_capital_is_left(text: str) -> None:
    """A spaced mark after a colon, before a capital, may close the quotation or open one
    inside it; closing it up would make the second reading's artefact (": "Then"), so a
    second run would change it again. Both runs leave it."""
    assert _fix(text) == (text, set())
