"""Renderers: one module per output format, each turning a cleaned file into text.

``diff`` (a unified diff, annotated per hunk), ``jsonout`` (``json`` and ``jsonl``) and ``lint``
(one line per change). The command line picks one; nothing here decides what to change.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..pipeline import Report


@dataclass(frozen=True)
class FileReport:
    """The report for one input, with the name it is shown under."""

    path: str
    report: Report


def escape(text: str) -> str:
    r"""Show line breaks and tabs as escapes, so a value stays on one line.

    >>> escape("close\r\n")
    'close\\r\\n'
    """
    return text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")
