"""Review decisions: which changes a person accepted, and applying exactly those to the files.

The HTML review page downloads a decisions file; ``mtfix apply`` applies it::

    {"mtfix_decisions": 1,
     "files": [{"path": "news/a.txt", "sha256": "<hash of the original bytes>",
                "changes": [{"start": 4, "end": 9, "original": "Tango", "replacement": "tango",
                             "kind": "capitalisation", "source": "capitalisation.german_noun"}]}]}

A file whose bytes no longer hash to ``sha256`` changed since the review, and nothing is applied.
"""

from __future__ import annotations

import hashlib
import json
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .change import Change, apply_changes
from .config import Config
from .io import BinaryFileError, Decoded, InputError, decode, encode, write_atomic
from .pipeline import clean
from .render import FileReport

#: The version of the decisions file format.
VERSION = 1


@dataclass(frozen=True)
class Original:
    """A file as read for review: its decoded text and the hash of its bytes."""

    decoded: Decoded
    sha256: str


def read_original(path: Path) -> Original:
    """Read ``path`` and hash its bytes.

    Raises:
        InputError: the file cannot be read or is binary.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(error.strerror or str(error)) from error
    return Original(decode(data), hashlib.sha256(data).hexdigest())


@dataclass(frozen=True)
class ReviewedFile:
    """A file's report and the hash of the bytes it was made from (checked by ``mtfix apply``)."""

    item: FileReport
    sha256: str


def review(
    files: Iterable[tuple[Path, str, bool]],
    config: Config,
    sources: Mapping[Path, str] | None = None,
) -> tuple[list[ReviewedFile], list[str], list[str]]:
    """Read and clean ``(path, display name, found in a folder)`` files for a review page,
    each with the text it was translated from when ``sources`` has it.

    Returns:
        The reviewed files in order, error messages (unreadable files), and warnings (binary
        files found in a folder, which are skipped).
    """
    reviewed: list[ReviewedFile] = []
    errors: list[str] = []
    warnings: list[str] = []
    for path, display, from_walk in files:
        try:
            original = read_original(path)
        except InputError as problem:
            if isinstance(problem, BinaryFileError) and from_walk:
                warnings.append(f"{display}: skipped, {problem}")
            else:
                errors.append(f"{display}: {problem}")
            continue
        report = clean(original.decoded.text, config, source=(sources or {}).get(path))
        reviewed.append(ReviewedFile(FileReport(display, report), original.sha256))
    return reviewed, errors, warnings


def change_entry(change: Change) -> dict:
    """Return the part of a change that a decisions file keeps."""
    return {
        "start": change.start,
        "end": change.end,
        "original": change.original,
        "replacement": change.replacement,
        "kind": change.kind,
        "source": change.source,
    }


@dataclass(frozen=True)
class _Planned:
    path: Path
    original: Original
    changes: tuple[Change, ...]


def apply_file(decisions_file: Path) -> list[tuple[Path, int]]:
    """Apply the accepted changes a decisions file lists; return each file and its change count.

    Every file is read and checked before any is written, so a file that changed since the review
    (or a change that does not match its text) means nothing is written at all.

    Raises:
        InputError: the decisions file is unreadable or malformed, a file is missing, or a file
            changed since the review; the message is one line.
    """
    try:
        if not stat.S_ISREG(decisions_file.stat().st_mode):
            raise InputError(f"{decisions_file}: not a regular file (a folder, pipe or device)")
        document = json.loads(decisions_file.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(f"{decisions_file}: {error.strerror or error}") from error
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise InputError(f"{decisions_file}: not a JSON decisions file ({error})") from error
    if not isinstance(document, dict) or document.get("mtfix_decisions") != VERSION:
        raise InputError(f"{decisions_file}: not an mtfix decisions file (version {VERSION})")
    entries = document.get("files", [])
    if not isinstance(entries, list):
        raise InputError(f'{decisions_file}: "files" is not a list')
    plans = [_plan(entry) for entry in entries]
    for plan in plans:
        if not plan.changes:
            continue
        cleaned = apply_changes(plan.original.decoded.text, plan.changes)
        write_atomic(plan.path, encode(cleaned, plan.original.decoded))
    return [(plan.path, len(plan.changes)) for plan in plans]


def _check_inside_here(path: Path) -> None:
    """Refuse a path that leads outside the folder ``mtfix apply`` runs in (``..``, an absolute
    path elsewhere, a symlink out): a decisions file names files of the review, nothing else."""
    here = Path.cwd().resolve()
    try:
        inside = path.resolve().is_relative_to(here)
    except (OSError, RuntimeError, ValueError):  # a loop, a NUL byte in the name
        inside = False
    if not inside:
        raise InputError(f"{path}: outside the folder mtfix apply runs in; nothing was applied")


def _plan(entry: dict) -> _Planned:
    """Check one file's entry against the file on disk."""
    try:
        path = Path(entry["path"])
        expected = str(entry["sha256"])
        raw = list(entry["changes"])
    except (KeyError, TypeError, ValueError) as error:
        raise InputError(f"malformed decisions entry: missing {error}") from error
    _check_inside_here(path)
    try:
        original = read_original(path)
    except InputError as error:
        raise InputError(f"{path}: {error}") from error
    if original.sha256 != expected:
        raise InputError(
            f"{path}: changed since the review (content hash differs); nothing was applied, "
            "review it again"
        )
    text = original.decoded.text
    changes = []
    for item in raw:
        try:
            start, end = int(item["start"]), int(item["end"])
            change = Change(
                start=start,
                end=end,
                original=str(item["original"]),
                replacement=str(item["replacement"]),
                kind=str(item.get("kind", "")),
                confidence=1.0,
                reason="accepted in review",
                source=str(item.get("source", "")),
            )
        except (KeyError, TypeError, ValueError, OverflowError) as error:
            raise InputError(f"{path}: malformed change in the decisions file ({error})") from error
        if not 0 <= start <= end <= len(text) or text[start:end] != change.original:
            raise InputError(f"{path}: a change at offset {start} does not match the file")
        changes.append(change)
    try:
        apply_changes(text, changes)
    except ValueError as error:
        raise InputError(f"{path}: {error}") from error
    return _Planned(path, original, tuple(changes))
