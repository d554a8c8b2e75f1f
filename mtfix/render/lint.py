"""The ``lint`` format, one line per change:
``path:line:col: kind: original -> replacement (confidence, safety) reason``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from ..change import Change
from . import FileReport, escape


def render(item: FileReport) -> str:
    """Return one line per change of ``item`` (empty when nothing is proposed)."""
    return lines(item.path, item.report.changes)


def lines(path: str, changes: Iterable[Change]) -> str:
    """Return one line per change of the file ``path``."""
    return "".join(_line(path, change) + "\n" for change in changes)


def _line(path: str, change: Change) -> str:
    original = _quote(change.original)
    proposal = "(flag, no fix known)" if change.is_flag else f"-> {_quote(change.replacement)}"
    return (
        f"{path}:{change.line}:{change.column}: {change.kind}: {original} {proposal}"
        f" ({change.confidence:.2f}, {change.safety}) {escape(change.reason)}"
    )


def _quote(text: str) -> str:
    """Quote a span as a JSON string: escaped breaks, and visible when empty or spaced."""
    return json.dumps(text, ensure_ascii=False)
