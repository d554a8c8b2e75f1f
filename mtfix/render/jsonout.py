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


def render_json(items: Sequence[FileReport], as_list: bool) -> str:
    """Return a list of objects, or with ``as_list`` false the one object for a single file."""
    objects = [to_object(item) for item in items]
    value = objects if as_list or len(objects) != 1 else objects[0]
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def render_jsonl(item: FileReport) -> str:
    """Return the object for one file on a single line."""
    return json.dumps(to_object(item), ensure_ascii=False) + "\n"
