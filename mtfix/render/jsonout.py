"""The ``json`` and ``jsonl`` formats: ``{"path", "changes", "summary"}`` per file."""

from __future__ import annotations

import json
from collections.abc import Sequence

from . import FileReport


def to_object(item: FileReport) -> dict:
    """Return the JSON-ready object for one file (the output contract)."""
    return {
        "path": item.path,
        "changes": [change.to_dict() for change in item.report.changes],
        "summary": item.report.summary,
    }


def render_json(objects: Sequence[dict], as_list: bool) -> str:
    """Return the report objects as a list, or with ``as_list`` false the one object of a
    single file."""
    value = list(objects) if as_list or len(objects) != 1 else objects[0]
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def render_jsonl(item: FileReport) -> str:
    """Return the object for one file on a single line."""
    return json.dumps(to_object(item), ensure_ascii=False) + "\n"
