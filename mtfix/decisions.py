"""Review decisions: which changes a person accepted, and applying exactly those to the files.

The HTML review page downloads a decisions file (its JSON Schema:
``schema/mtfix-decisions.schema.json``); ``mtfix apply`` applies it, or the changes of a
``mtfix clean --format json`` report (all, or those chosen by number)::

    {"mtfix_decisions": 1,
     "files": [{"path": "news/a.txt", "sha256": "<hash of the original bytes>",
                "changes": [{"start": 4, "end": 9, "original": "Tango", "replacement": "tango",
                             "kind": "capitalisation", "source": "capitalisation.german_noun"}]}]}

A file whose bytes no longer hash to ``sha256`` changed since the review, and nothing is applied.
A report has no hashes: there every change's ``original`` must still match the file's text.
"""

from __future__ import annotations

import json
import stat
import sys
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .change import Change, apply_changes
from .config import Config
from .io import BinaryFileError, Decoded, InputError, encode, read_file, replace_file
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
    decoded = read_file(path)
    assert decoded.stamp is not None
    return Original(decoded, decoded.stamp.sha256)


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


@dataclass(frozen=True)
class _Entry:
    """One file of a decisions file or report: its path, hash (reports have none), changes."""

    path: str
    sha256: str | None
    changes: list


def apply_file(decisions_file: Path, indexes: Collection[int] = ()) -> list[tuple[Path, int]]:
    """Apply the changes a decisions file or a ``--format json`` report lists; return each file
    and its change count.

    Args:
        decisions_file: the file (``-`` for standard input).
        indexes: apply only these changes, numbered from 1 across the whole file in order
            (flags included, so the numbers match the report); empty: every change but flags.

    Every file is read and checked before any is written, so a file that changed since the review
    (or a change that does not match its text) means nothing is written at all.

    Raises:
        InputError: the file is unreadable or malformed, a file is missing or changed since the
            review, or an index names no change or a flag; the message is one line.
    """
    entries = _entries(_load(decisions_file), decisions_file)
    chosen = _chosen(entries, set(indexes))
    plans = [_plan(entry, changes) for entry, changes in chosen]
    _check_each_once(plans)
    for plan in plans:
        if not plan.changes:
            continue
        cleaned = apply_changes(plan.original.decoded.text, plan.changes)
        replace_file(plan.path, encode(cleaned, plan.original.decoded), plan.original.decoded)
    return [(plan.path, len(plan.changes)) for plan in plans]


def _check_each_once(plans: list[_Planned]) -> None:
    """Refuse a file with changes under two entries: writing one would undo the other."""
    seen: set[Path] = set()
    for plan in plans:
        if plan.changes and plan.path.resolve() in seen:
            raise InputError(f"{plan.path}: listed twice with changes; nothing was applied")
        if plan.changes:
            seen.add(plan.path.resolve())


def _load(decisions_file: Path) -> object:
    """Read and parse the JSON of a decisions file or report."""
    try:
        if str(decisions_file) == "-":
            return json.loads(sys.stdin.buffer.read().decode("utf-8"))
        if not stat.S_ISREG(decisions_file.stat().st_mode):
            raise InputError(f"{decisions_file}: not a regular file (a folder, pipe or device)")
        return json.loads(decisions_file.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(f"{decisions_file}: {error.strerror or error}") from error
    except (ValueError, RecursionError) as error:  # not UTF-8, not JSON, a 5,000-digit number
        raise InputError(f"{decisions_file}: not a JSON decisions file ({error})") from error


def _entries(document: object, decisions_file: Path) -> list[_Entry]:
    """The files a decisions file (``{"mtfix_decisions": 1, "files": [...]}``) or a
    ``--format json`` report (one ``{"path", "changes", "summary"}`` object or a list) lists."""
    if isinstance(document, dict) and "mtfix_decisions" in document:
        if document["mtfix_decisions"] != VERSION:
            raise InputError(f"{decisions_file}: not an mtfix decisions file (version {VERSION})")
        _check_schema(document, decisions_file)
        files = document.get("files", [])
        if not isinstance(files, list):
            raise InputError(f'{decisions_file}: "files" is not a list')
        return [_entry(item, with_hash=True) for item in files]
    listed = document if isinstance(document, list) else [document]
    reports = [report for report in listed if isinstance(report, dict) and "changes" in report]
    if not reports or len(reports) != len(listed):
        raise InputError(
            f"{decisions_file}: not an mtfix decisions file (version {VERSION}) "
            "or mtfix clean --format json report"
        )
    if not all("path" in report for report in reports):
        raise InputError(f"{decisions_file}: a JSON-lines record report names no file to change")
    return [_entry(report, with_hash=False) for report in reports]


#: How much of a schema error's message a one-line error shows.
SCHEMA_MESSAGE_LIMIT = 160


def _check_schema(document: object, decisions_file: Path) -> None:
    """Refuse a decisions file that its published JSON Schema
    (``schema/mtfix-decisions.schema.json``) rejects, before anything is read or written."""
    import jsonschema  # only apply needs it

    schema = json.loads((schema_root() / "mtfix-decisions.schema.json").read_text("utf-8"))
    error = jsonschema.exceptions.best_match(
        jsonschema.Draft202012Validator(schema).iter_errors(document)
    )
    if error is not None:
        where = "/".join(str(part) for part in error.absolute_path) or "the top"
        message = error.message[:SCHEMA_MESSAGE_LIMIT]
        raise InputError(f"{decisions_file}: not a valid decisions file at {where}: {message}")


def schema_root() -> Path:
    """Return the folder of the published JSON Schemas (inside the wheel, or the source tree)."""
    packaged = resources.files("mtfix") / "schema"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "schema"


def _entry(item: object, with_hash: bool) -> _Entry:
    try:
        if not isinstance(item, dict):
            raise TypeError("a file entry is not an object")
        path, changes = item["path"], list(item["changes"])
        sha256 = str(item["sha256"]) if with_hash else None
        if not isinstance(path, str):
            raise TypeError("path is not a string")
    except (KeyError, TypeError, ValueError) as error:
        raise InputError(f"malformed decisions entry: missing {error}") from error
    return _Entry(path, sha256, changes)


def _is_flag(change: object) -> bool:
    """Tell whether a listed change is a flag: its replacement is its original."""
    return isinstance(change, dict) and change.get("replacement", 0) == change.get("original")


def _chosen(entries: list[_Entry], indexes: set[int]) -> list[tuple[_Entry, list]]:
    """Each entry with the changes to apply: those numbered in ``indexes``, or all but flags."""
    chosen: list[tuple[_Entry, list]] = []
    number = 0
    for entry in entries:
        mine = []
        for change in entry.changes:
            number += 1
            flag = _is_flag(change)
            if indexes and number in indexes and flag:
                raise InputError(f"--index {number} is a flag (no fix known); nothing was applied")
            if (number in indexes) if indexes else not flag:
                mine.append(change)
        chosen.append((entry, mine))
    beyond = sorted(index for index in indexes if not 1 <= index <= number)
    if beyond:
        raise InputError(f"--index {beyond[0]}: the file lists {number} changes")
    return chosen


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


def _plan(entry: _Entry, raw: list) -> _Planned:
    """Check one file's chosen changes against the file on disk."""
    path = Path(entry.path)
    _check_inside_here(path)
    try:
        original = read_original(path)
    except InputError as error:
        raise InputError(f"{path}: {error}") from error
    if entry.sha256 is not None and original.sha256 != entry.sha256:
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
