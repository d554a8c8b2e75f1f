"""Clean, human-written news must come out of mtfix unchanged: every change there is a false alarm.

The articles in ``tests/fixtures/clean/`` were written for mtfix; they are dense with correct
names (Zelenskyy, Zaporizhzhia, Ushakov, Merz, Baden-Württemberg, Hanson...), numbers, scores,
times, URLs, hyphenated words and quotations in several conventions. Each (article, kind) pair is
its own test, so a false alarm names the detector that raised it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from mtfix import Change, clean
from mtfix.detectors import DETECTORS

CLEAN = Path(__file__).parent / "fixtures" / "clean"
ARTICLES = sorted(CLEAN.glob("*.txt"))

#: (article stem, kind) -> why the detector currently fires there. Strict: a fix must remove it.
KNOWN_FALSE_ALARMS: dict[tuple[str, str], str] = {}


@cache
def _changes(path: Path) -> tuple[Change, ...]:
    return clean(path.read_text(encoding="utf-8")).changes


def _cases() -> list:
    cases = []
    for path in ARTICLES:
        for kind in DETECTORS:
            reason = KNOWN_FALSE_ALARMS.get((path.stem, kind))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            cases.append(pytest.param(path, kind, marks=marks, id=f"{path.stem}-{kind}"))
    return cases


def test_fixtures_are_a_real_corpus() -> None:
    """At least eight articles and 4,000 words, so the false-alarm rate means something."""
    words = sum(len(path.read_text(encoding="utf-8").split()) for path in ARTICLES)
    assert len(ARTICLES) >= 8
    assert words >= 4000


@pytest.mark.parametrize(("path", "kind"), _cases())
def test_clean_news_is_left_alone(path: Path, kind: str) -> None:
    """No detector proposes a change to correct human-written news at the default confidence."""
    text = path.read_text(encoding="utf-8")
    alarms = [
        f"line {c.line}: {c.original!r} -> {c.replacement!r} ({c.source}, {c.confidence:.2f})"
        for c in _changes(path)
        if c.kind == kind
    ]
    assert alarms == [], f"{path.name} ({len(text.split())} words):\n" + "\n".join(alarms)
