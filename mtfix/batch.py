"""Turn the command line's PATH arguments into the list of inputs to clean."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

#: The argument that names standard input.
STDIN = "-"
#: File names a folder walk picks up.
DEFAULT_INCLUDE = ("*.txt", "*.md")


@dataclass(frozen=True)
class Source:
    """One input to clean.

    Attributes:
        path: the file, or ``None`` for standard input.
        display: the name shown in output (the path as the user gave it, or ``<stdin>``).
        relative: where its cleaned copy goes under ``--output-dir``: the path below the folder
            argument for a file found in a folder, the file name for a file given directly.
        from_walk: True for a file found in a folder (binary ones are skipped, not errors).
    """

    path: Path | None
    display: str
    relative: Path
    from_walk: bool = False


@dataclass
class Inputs:
    """What the arguments named: the sources in order, and one message per bad argument."""

    sources: list[Source] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def collect(arguments: Iterable[str], include: tuple[str, ...] = DEFAULT_INCLUDE) -> Inputs:
    """Expand files, folders (recursively, skipping hidden ones) and ``-`` into sources.

    A missing path or a folder without matching files gives an error message; the other
    arguments are still collected. A file named twice is cleaned once.
    """
    inputs = Inputs()
    seen: set[Path] = set()
    for argument in arguments:
        if argument == STDIN:
            inputs.sources.append(Source(None, "<stdin>", Path("stdin.txt")))
            continue
        path = Path(argument)
        if path.is_dir():
            found = list(_walk(path, include, inputs.errors))
            if not found:
                patterns = " or ".join(include)
                inputs.errors.append(f"{argument}: no {patterns} files in this folder")
            candidates = [(file, file.relative_to(path), True) for file in found]
        elif path.exists() or path.is_symlink():
            candidates = [(path, Path(path.name), False)]
        else:
            inputs.errors.append(f"{argument}: no such file or folder")
            continue
        for file, relative, from_walk in candidates:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                inputs.sources.append(Source(file, str(file), relative, from_walk))
    return inputs


def _walk(folder: Path, include: tuple[str, ...], errors: list[str]) -> Iterable[Path]:
    """Yield matching, non-hidden files below ``folder`` in a stable order."""

    def report(error: OSError) -> None:
        errors.append(f"{error.filename}: cannot list folder ({error.strerror})")

    for root, folders, files in os.walk(folder, onerror=report):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and _included(name, include):
                yield Path(root) / name


def _included(name: str, include: tuple[str, ...]) -> bool:
    """Match file name patterns without regard to case (``NOTES.TXT`` is a text file too)."""
    return any(fnmatch.fnmatch(name.lower(), pattern.lower()) for pattern in include)
