"""The Change: one proposed correction, and how to apply a set of them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields

from .rules import KIND_SAFETY, safety_of

#: Every kind of artefact, in the order of the rule registry (``mtfix.rules``).
KINDS = tuple(KIND_SAFETY)

#: Kinds fixed by rules rather than dictionaries; a rerun after applying them proposes nothing new.
MECHANICAL_KINDS = frozenset({"typography", "quotes", "boilerplate", "encoding", "capitalisation"})


@dataclass(frozen=True)
class Change:
    """A proposed replacement of ``text[start:end]``.

    A change whose ``replacement`` equals ``original`` is a *flag*: something looks wrong but no
    fix is known. Flags are shown for review and never applied.
    """

    start: int
    end: int
    original: str
    replacement: str
    kind: str
    confidence: float
    reason: str
    source: str
    alternatives: tuple[str, ...] = ()
    line: int = 0
    column: int = 0

    @property
    def is_flag(self) -> bool:
        """True when the change only marks a problem and proposes no new text."""
        return self.replacement == self.original

    @property
    def safety(self) -> str:
        """``safe`` (``--write`` applies it) or ``review`` (needs a person or ``--unsafe-fixes``),
        by the rule that proposed it (``mtfix.rules``)."""
        return safety_of(self.kind)

    def to_dict(self) -> dict:
        """Return the JSON-ready form of the change (the output contract)."""
        data = {name: getattr(self, name) for name in _CHANGE_FIELDS}
        data["alternatives"] = list(self.alternatives)
        data["confidence"] = round(self.confidence, 3)
        data["safety"] = self.safety
        return data


#: The fields of a Change, in order (``dataclasses.fields`` builds this anew on each call).
_CHANGE_FIELDS = tuple(f.name for f in fields(Change))


@dataclass(frozen=True)
class Proposal:
    """What a detector yields: a span, its replacement and why; the pipeline makes the Change."""

    start: int
    end: int
    replacement: str
    confidence: float
    reason: str
    rule: str
    alternatives: tuple[str, ...] = field(default=())


def apply_changes(text: str, changes: Iterable[Change]) -> str:
    """Apply non-overlapping changes to ``text``; flags are skipped.

    >>> c = Change(4, 9, "Tango", "tango", "capitalisation", 0.8, "", "")
    >>> apply_changes("two Tango", [c])
    'two tango'
    """
    pieces: list[str] = []
    position = 0
    for change in sorted(changes, key=lambda c: (c.start, c.end)):
        if change.is_flag:
            continue
        if change.start < position:
            raise ValueError(f"overlapping change at offset {change.start}")
        if text[change.start : change.end] != change.original:
            raise ValueError(f"change at offset {change.start} does not match the text")
        pieces.append(text[position : change.start])
        pieces.append(change.replacement)
        position = change.end
    pieces.append(text[position:])
    return "".join(pieces)
