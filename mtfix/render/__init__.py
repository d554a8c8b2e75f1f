"""Renderers: one module per output format, each turning a cleaned file into text.

``diff`` (a unified diff, annotated per hunk), ``jsonout`` (``json`` and ``jsonl``) and ``lint``
(one line per change). The command line picks one; nothing here decides what to change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..pipeline import Report

#: Characters a file name must not show raw: control characters (line breaks, the escape that
#: starts a terminal code), and the marks that reorder a line's text.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


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


def printable(text: str) -> str:
    r"""Show control characters as escapes, so a file name (or a message naming one) is one
    inert line: no line break, no terminal escape code.

    >>> printable("a\nb\x1b[2J.txt")
    'a\\nb\\x1b[2J.txt'
    """
    return _UNPRINTABLE.sub(lambda found: found.group().encode("unicode_escape").decode(), text)
