"""Invariants of the whole pipeline, for any input (hypothesis)."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mtfix
from mtfix.change import MECHANICAL_KINDS, apply_changes

#: Pieces that the detectors react to, so that random texts exercise them.
PIECES = [
    "Putin",
    "Keir Starrer",
    "Khanson",
    "Lugansk",
    "Franzig",
    "two -hour",
    "agreed-and",
    "USA-a",
    "Tango",
    "close",
    "Leave a Comment",
    "Said",
    "said",
    "the",
    "talks",
    "hire hostilities",
    ":” Look",
    "? “,",
    "“",
    "”",
    "‘",
    "’",
    '"',
    "'",
    " - ",
    "-",
    "–",
    ",",
    ".",
    ":",
    "?",
    "!",
    "  ",
    " ",
    "\n",
    "\r\n",
    "\n\n",
    "Ã©",
    "& amp;",
    "1,000",
    "10:30",
    "2: 1",
    "S ö der",
    "https://example.org/a-b",
    "\ufeff",
    "é",
    "Zelenskyy",
    "Joe Baden",
    "und",
    "мир",
]
texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(PIECES), max_size=60).map(" ".join),
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
)
#: Printable text, for the stability property.
printable_texts = st.one_of(
    st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=300),
    st.lists(st.sampled_from(PIECES), max_size=60).map(" ".join),
)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(texts)
def test_changes_have_valid_offsets_and_never_overlap(text: str) -> None:
    report = mtfix.clean(text, mtfix.Config(min_confidence=0))
    position = 0
    for change in report.changes:
        assert 0 <= change.start <= change.end <= len(text)
        assert text[change.start : change.end] == change.original
        assert change.start >= position
        position = max(position, change.end)
        assert change.kind in mtfix.KINDS
        assert 0 <= change.confidence <= 1
    report.apply()


@FAST
@given(texts)
def test_applying_no_change_is_the_identity(text: str) -> None:
    assert apply_changes(text, []) == text
    report = mtfix.clean(text, mtfix.Config(only=("no-such-kind",)))
    assert report.changes == () and report.apply() == text


@FAST
@given(printable_texts, st.sampled_from(sorted(MECHANICAL_KINDS)))
def test_each_mechanical_kind_settles_in_one_round(text: str, kind: str) -> None:
    config = mtfix.Config(only=(kind,))
    first = mtfix.clean(text, config)
    again = mtfix.clean(first.apply(), config)
    assert [(c.original, c.replacement) for c in again.changes] == []


ARTICLES = sorted(Path(__file__).parent.glob("fixtures/**/*.txt")) + sorted(
    (Path(__file__).parent.parent / "examples").glob("*.txt")
)


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_mechanical_fixes_of_an_article_settle_in_one_round(path: Path) -> None:
    """Across kinds, one fix can reveal another on contrived strings ("AT-a Tango" is one
    token until its dash is fixed), so the whole set is checked on real articles."""
    config = mtfix.Config(only=tuple(sorted(MECHANICAL_KINDS)))
    first = mtfix.clean(path.read_text(encoding="utf-8"), config)
    again = mtfix.clean(first.apply(), config)
    assert [(c.kind, c.original, c.replacement) for c in again.changes] == []


@FAST
@given(texts, st.sampled_from(sorted(mtfix.KINDS)))
def test_only_and_skip_select_what_a_full_run_finds(text: str, kind: str) -> None:
    """Detectors that --only/--skip rule out are not run, and that changes no result."""
    full = mtfix.clean(text, mtfix.Config(min_confidence=0)).changes
    only = mtfix.clean(text, mtfix.Config(min_confidence=0, only=(kind,))).changes
    skipped = mtfix.clean(text, mtfix.Config(min_confidence=0, skip=(kind,))).changes
    others = [c for c in full if c.kind != kind]
    for change in only:  # in the full run, or lost there to an overlapping change of a kind
        assert change in full or any(
            (o.start < change.end and change.start < o.end) or o.start == change.start
            for o in others
        )
    assert {c.kind for c in only} <= {kind} and kind not in {c.kind for c in skipped}


#: Source texts for the source invariants: random text, and pieces in the scripts it reads.
SOURCE_PIECES = ["Verstappen", "Kimmich", "Şahin", "Зеленський", "Воробьёв", "张晓明", "開県", "。"]
sources = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(PIECES + SOURCE_PIECES), max_size=40).map(" ".join),
)


@FAST
@given(texts, sources)
def test_with_any_source_changes_stay_valid(text: str, source: str) -> None:
    report = mtfix.clean(text, mtfix.Config(min_confidence=0), source=source)
    position = 0
    for change in report.changes:
        assert text[change.start : change.end] == change.original
        assert change.start >= position
        position = max(position, change.end)
    report.apply()
    entry = report.summary["source"]
    assert 0 <= entry["aligned"] <= entry["lines"]
