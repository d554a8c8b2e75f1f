"""Turn the command line's PATH arguments into the list of inputs to clean."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config
from .io import Decoded, InputError, encode, read_file, read_stdin, write_atomic
from .pipeline import Report, clean

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


@dataclass(frozen=True)
class Saving:
    """What to do with the cleaned text: nothing, ``write`` in place, or copy to ``directory``."""

    write: bool = False
    backup: bool = False
    directory: Path | None = None

    def save(self, source: Source, decoded: Decoded, cleaned: str) -> None:
        """Write ``cleaned`` as asked, in the encoding ``decoded`` was read in.

        In place, a file is rewritten only when its text changed; a copy is always written.
        """
        if source.path is None or not (self.write or self.directory):
            return
        if self.write:
            if cleaned != decoded.text:
                write_atomic(source.path, encode(cleaned, decoded), backup=self.backup)
            return
        assert self.directory is not None
        target = self.directory / source.relative
        if target.resolve() == source.path.resolve():
            raise InputError(f"--output-dir would overwrite the input {target}")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise InputError(f"cannot create {target.parent}: {error.strerror}") from error
        write_atomic(target, encode(cleaned, decoded))


def check_targets(sources: Iterable[Source]) -> None:
    """Refuse two inputs that ``--output-dir`` would write to the same file.

    Raises:
        ValueError: naming both inputs and the shared target.
    """
    seen: dict[Path, str] = {}
    for source in sources:
        if source.relative in seen:
            raise ValueError(
                f"--output-dir: {seen[source.relative]} and {source.display} would both be "
                f"written to {source.relative}"
            )
        seen[source.relative] = source.display


def clean_source(
    source: Source, config: Config, saving: Saving, warn: Callable[[str], None]
) -> Report:
    """Read one input, clean it, and save the result as ``saving`` says.

    Raises:
        InputError: the input cannot be read, or its result cannot be written.
    """
    decoded = read_stdin() if source.path is None else read_file(source.path)
    if decoded.is_fallback:
        warn(f"{source.display}: not UTF-8; read as {decoded.encoding}")
    report = clean(decoded.text, config)
    saving.save(source, decoded, report.apply())
    return report
