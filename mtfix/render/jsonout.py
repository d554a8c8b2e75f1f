"""The ``json`` and ``jsonl`` formats: ``{"path", "changes", "summary"}`` per file."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from json.encoder import encode_basestring  # C, where the interpreter has it: ensure_ascii=False
from typing import Any

from . import FileReport

#: How far each level of ``--format json`` is indented, as ``json.dumps(indent=2)`` does.
INDENT = "  "
#: The JSON text of the constants, as ``json.dumps`` writes them.
_CONSTANTS = {None: "null", True: "true", False: "false"}
#: The JSON text of the commonest values, by type, written without a call per value.
_PLAIN: dict[type, Callable[[Any], str]] = {str: encode_basestring, int: int.__repr__}


def to_object(item: FileReport) -> dict:
    """Return the JSON-ready object for one file (the output contract)."""
    return {
        "path": item.path,
        "changes": [change.to_dict() for change in item.report.changes],
        "summary": item.report.summary,
    }


def render_json(objects: Sequence[dict], as_list: bool) -> str:
    """Return the report objects as a list, or with ``as_list`` false the one object of a
    single file.

    The text is ``json.dumps(value, ensure_ascii=False, indent=2)``'s, byte for byte; written
    here because ``json`` indents in pure Python, a generator per value: a folder's report
    took longer to print than some of its articles took to clean.
    """
    value = list(objects) if as_list or len(objects) != 1 else objects[0]
    parts: list[str] = []
    _indented(value, "\n", parts)
    parts.append("\n")
    return "".join(parts)


def _indented(value: object, newline: str, parts: list[str]) -> None:
    """Append the indented JSON text of ``value`` to ``parts``; ``newline`` is the line break
    and indentation of the level ``value`` starts on."""
    if type(value) is str:
        parts.append(encode_basestring(value))
    elif type(value) is int:
        parts.append(int.__repr__(value))
    elif type(value) is float and value - value == 0:  # finite (NaN and infinities: json's)
        parts.append(float.__repr__(value))
    elif type(value) is bool or value is None:
        parts.append(_CONSTANTS[value])
    elif type(value) is dict and all(type(key) is str for key in value):
        _members(value, newline, parts)
    elif type(value) is list or type(value) is tuple:
        _items(value, newline, parts)
    else:  # anything rarer: json's own text, indented to this level
        parts.append(json.dumps(value, ensure_ascii=False, indent=2).replace("\n", newline))


def _members(value: dict[str, object], newline: str, parts: list[str]) -> None:
    """Append an object: ``{}``, or each ``"key": value`` on a line of its own."""
    if not value:
        parts.append("{}")
        return
    inner = newline + INDENT
    opening = "{" + inner
    for key, item in value.items():
        plain = _PLAIN.get(type(item))
        if plain is not None:
            parts.append(f"{opening}{encode_basestring(key)}: {plain(item)}")
        else:
            parts.append(f"{opening}{encode_basestring(key)}: ")
            _indented(item, inner, parts)
        opening = "," + inner
    parts.append(newline + "}")


def _items(value: list[object] | tuple[object, ...], newline: str, parts: list[str]) -> None:
    """Append an array: ``[]``, or each item on a line of its own."""
    if not value:
        parts.append("[]")
        return
    inner = newline + INDENT
    opening = "[" + inner
    for item in value:
        parts.append(opening)
        _indented(item, inner, parts)
        opening = "," + inner
    parts.append(newline + "]")


def render_jsonl(item: FileReport) -> str:
    """Return the object for one file on a single line."""
    return json.dumps(to_object(item), ensure_ascii=False) + "\n"
