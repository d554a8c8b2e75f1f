"""Resolving overlapping proposals: the same choice as comparing every pair, at any size."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from mtfix.change import Proposal
from mtfix.detectors import DETECTORS
from mtfix.lexicon import load_lexicon
from mtfix.pipeline import resolve
from mtfix.text import Document

TEXT = "abcdefghijklmnopqrstuvwxyz" * 2


def pairwise_resolve(proposals: list[Proposal]) -> list[tuple[int, int, str]]:
    """The plain rule, every proposal against every kept one (the reference)."""

    def overlaps(a: Proposal, b: Proposal) -> bool:
        if a.start == a.end or b.start == b.end:
            return a.start == b.start or b.start < a.start < b.end or a.start < b.start < a.end
        return a.start < b.end and b.start < a.end

    ranked = sorted(proposals, key=lambda p: (-p.confidence, -(p.end - p.start), p.start))
    taken: list[Proposal] = []
    for proposal in ranked:
        if not any(overlaps(proposal, other) for other in taken):
            taken.append(proposal)
    return sorted((p.start, p.end, p.replacement) for p in taken)


@st.composite
def proposals(draw: st.DrawFn) -> list[Proposal]:
    found = []
    for number in range(draw(st.integers(0, 40))):
        start = draw(st.integers(0, len(TEXT)))
        end = draw(st.integers(start, min(start + 6, len(TEXT))))
        confidence = draw(st.sampled_from([0.5, 0.6, 0.7, 0.9]))
        found.append(Proposal(start, end, f"r{number}", confidence, "", "typography.test"))
    return found


@given(proposals())
def test_resolve_keeps_what_the_pairwise_rule_keeps(found: list[Proposal]) -> None:
    kept = [(c.start, c.end, c.replacement) for c in resolve(TEXT, found)]
    assert kept == pairwise_resolve(found)


def test_a_30000_line_text_resolves_every_line() -> None:
    """Each line has a real spaced-hyphen fix and two weaker proposals that overlap it."""
    line = "The talks lasted two -hour and ended at noon.\n"
    text = line * 30_000
    real = list(DETECTORS["typography"](Document(text), load_lexicon()))
    assert len(real) >= 30_000
    found = list(real)
    for number in range(30_000):
        base = number * len(line)
        hyphen = base + line.index(" -hour")
        found.append(Proposal(hyphen, hyphen + 6, "x", 0.01, "", "typography.test"))
        found.append(Proposal(hyphen + 1, hyphen + 1, "y", 0.01, "", "typography.test"))
        found.append(Proposal(base, base + 3, "A", 0.3, "", "capitalisation.test"))
    changes = resolve(text, found)
    assert all(a.end <= b.start for a, b in pairwise(changes))
    assert [c.replacement for c in changes if c.source.endswith(".test")] == ["A"] * 30_000
    assert len(changes) == len(real) + 30_000
