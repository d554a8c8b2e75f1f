"""The accept list: words and names mtfix never changes or flags.

It comes from ``accept = [...]`` in ``mtfix.toml`` and from ``--accept FILE`` (one word or name a
line, ``#`` starts a comment), and the interactive review can add to the file. A proposal that
touches an occurrence of an accepted entry (matched as whole words, case-sensitively; an entry in
lower case also matches with a capital first letter, as at the start of a sentence) is dropped.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Protocol, TypeVar


class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


_Spanned = TypeVar("_Spanned", bound=_Span)


def read_file(path: Path) -> tuple[str, ...]:
    """Return the entries of an accept file: one a line, blank lines and ``#`` comments skipped.

    Raises:
        OSError, UnicodeDecodeError: the file cannot be read as UTF-8.
    """
    entries = (line.split("#", 1)[0].strip() for line in path.read_text("utf-8").splitlines())
    return tuple(entry for entry in entries if entry)


def add_to_file(path: Path, entry: str) -> None:
    """Append ``entry`` to an accept file (created if missing) on a line of its own."""
    old = path.read_text("utf-8") if path.exists() else ""
    separator = "" if not old or old.endswith("\n") else "\n"
    with path.open("a", encoding="utf-8") as handle:
        handle.write(f"{separator}{entry}\n")


@lru_cache(maxsize=8)
def _pattern(entries: tuple[str, ...]) -> re.Pattern[str] | None:
    """The pattern of the entries' forms as whole words (None when there is no entry)."""
    entries = entries_of(entries)
    if not entries:
        return None
    forms = set(entries) | {e[:1].upper() + e[1:] for e in entries if e[:1].islower()}
    alternatives = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def accepted_spans(text: str, entries: tuple[str, ...]) -> list[tuple[int, int]]:
    """Return where accepted entries occur in ``text``, in order.

    >>> accepted_spans("Scholtz said. scholtz", ("Scholtz", ""))
    [(0, 7)]
    """
    pattern = _pattern(entries)
    return [match.span() for match in pattern.finditer(text)] if pattern else []


def unaccepted(
    text: str, proposals: Sequence[_Spanned], entries: tuple[str, ...]
) -> list[_Spanned]:
    """Drop the proposals that touch an accepted word or name of ``text``."""
    spans = accepted_spans(text, entries)
    if not spans:
        return list(proposals)
    starts = [start for start, _ in spans]
    return [p for p in proposals if not _touches(spans, starts, p.start, p.end)]


def _touches(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Tell whether ``[start, end)`` (an insertion when empty) overlaps one of the spans."""
    index = bisect.bisect_right(starts, max(start, end - 1)) - 1
    if index < 0:
        return False
    low, high = spans[index]
    return low < end and start < high if start < end else low < start < high


def entries_of(values: Iterable[str]) -> tuple[str, ...]:
    """Clean a list of entries: stripped, no empty ones, no repeats, in order."""
    return tuple(dict.fromkeys(value.strip() for value in values if value.strip()))
