"""The ``lint`` format: ``path:line:col: kind: original -> replacement (confidence) reason``."""

from __future__ import annotations

import json

from ..change import Change
from . import FileReport, escape


def render(item: FileReport) -> str:
    """Return one line per change of ``item`` (empty when nothing is proposed)."""
    return "".join(_line(item.path, change) + "\n" for change in item.report.changes)


def _line(path: str, change: Change) -> str:
    original = _quote(change.original)
    proposal = "(flag, no fix known)" if change.is_flag else f"-> {_quote(change.replacement)}"
    return (
        f"{path}:{change.line}:{change.column}: {change.kind}: {original} {proposal}"
        f" ({change.confidence:.2f}) {escape(change.reason)}"
    )


def _quote(text: str) -> str:
    """Quote a span as a JSON string: escaped breaks, and visible when empty or spaced."""
    return json.dumps(text, ensure_ascii=False)
