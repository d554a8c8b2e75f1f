"""Settings for a run: defaults, then a config file found upwards from the input, then options.

The file is ``mtfix.toml`` (keys at the top level) or ``pyproject.toml`` with a ``[tool.mtfix]``
table; the nearest one from the input's folder upwards wins (a ``pyproject.toml`` without the
table is passed over)::

    min-confidence = 0.7
    only = ["entity", "variant"]
    skip = ["typography.double_space"]
    dictionaries = ["names/our-people.tsv"]   # relative to the file
    accept = ["Bürgermeister", "Olaf Scholtz"] # never changed or flagged
    include = ["*.txt", "*.md"]
    exclude = ["drafts", "*.orig.txt"]
    jobs = 2

Every value remembers where it came from, so ``mtfix config`` can say.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .accept import entries_of
from .batch import DEFAULT_INCLUDE
from .config import DEFAULT_MIN_CONFIDENCE, Config, rule_prefixes, source_languages
from .parallel import cpu_count

#: The keys a config file may set, in the order ``mtfix config`` shows them.
KEYS = (
    "min-confidence",
    "only",
    "skip",
    "dictionaries",
    "source-lang",
    "accept",
    "include",
    "exclude",
    "jobs",
)
#: Where a value came from when nothing set it.
DEFAULT = "default"


class SettingsError(ValueError):
    """A config file that cannot be read or holds a bad value; the message names the file."""


@dataclass(frozen=True)
class Settings:
    """The effective settings of a run.

    Attributes:
        config: what to look for and show (the pipeline's ``Config``).
        include: file name globs a folder walk takes.
        exclude: globs of paths below a folder that a walk leaves out.
        jobs: worker processes.
        origins: for each key of ``KEYS``, ``default``, the config file's path, or the option.
        file: the config file used, if any.
    """

    config: Config
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    jobs: int
    origins: Mapping[str, str]
    file: Path | None = None

    def values(self) -> dict[str, object]:
        """Return the value of each key of ``KEYS``."""
        return {
            "min-confidence": self.config.min_confidence,
            "only": list(self.config.only),
            "skip": list(self.config.skip),
            "dictionaries": [str(path) for path in self.config.extra_dictionaries],
            "source-lang": list(self.config.source_languages),
            "accept": list(self.config.accept),
            "include": list(self.include),
            "exclude": list(self.exclude),
            "jobs": self.jobs,
        }

    def describe(self) -> str:
        """Return the settings as TOML, each line commented with where its value came from."""
        lines = [f"# config file: {self.file or 'none found'}"]
        for key, value in self.values().items():
            setting = f"{key} = {json.dumps(value, ensure_ascii=False)}"
            lines.append(f"{setting:<44} # {self.origins[key]}")
        return "\n".join(lines) + "\n"


def find_file(start: Path) -> Path | None:
    """Return the nearest ``mtfix.toml``, or ``pyproject.toml`` with ``[tool.mtfix]``, upwards."""
    try:
        folder = start.resolve()
    except (OSError, RuntimeError) as error:  # RuntimeError: a symlink loop, before Python 3.13
        raise SettingsError(f"{start}: cannot follow this path ({error})") from error
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        if (candidate / "mtfix.toml").is_file():
            return candidate / "mtfix.toml"
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and "mtfix" in _read(pyproject).get("tool", {}):
            return pyproject
    return None


def _read(path: Path) -> dict:
    # Imported here: most runs find no config file, and the parser's import slows every start.
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise SettingsError(f"{path}: {error.strerror}") from error
    except tomllib.TOMLDecodeError as error:
        raise SettingsError(f"{path}: not valid TOML ({error})") from error
    except UnicodeDecodeError as error:
        raise SettingsError(f"{path}: not UTF-8 text ({error.reason})") from error


def read_table(path: Path) -> dict[str, object]:
    """Return the mtfix settings in ``path`` (the whole file, or ``[tool.mtfix]``)."""
    data = _read(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("mtfix", {})
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        raise SettingsError(f"{path}: unknown setting {unknown[0]!r} (settings: {', '.join(KEYS)})")
    return data


def resolve(
    start: Path | None, options: Mapping[str, object], file: Path | None = None
) -> Settings:
    """Return the settings for inputs at ``start``: defaults, then the file, then ``options``.

    Args:
        start: where to look for a config file from (a file or folder; None: look nowhere).
        options: values given on the command line, by key (``None`` means not given); their
            origin is shown as the option name.
        file: a config file to use instead of looking for one.

    Raises:
        SettingsError: the file cannot be read or holds a bad value.
    """
    values: dict[str, object] = {
        "min-confidence": DEFAULT_MIN_CONFIDENCE,
        "only": (),
        "skip": (),
        "dictionaries": (),
        "source-lang": (),
        "accept": (),
        "include": DEFAULT_INCLUDE,
        "exclude": (),
        "jobs": cpu_count(),
    }
    origins = dict.fromkeys(KEYS, DEFAULT)
    origins["jobs"] = "default (all cores)"
    path = file if file is not None else find_file(start) if start is not None else None
    if path is not None:
        for key, value in read_table(path).items():
            try:
                values[key] = _checked(key, value, path.parent)
            except (TypeError, ValueError) as problem:
                raise SettingsError(f"{path}: {key}: {problem}") from problem
            origins[key] = str(path)
    for key, value in options.items():
        if value is None:
            continue
        if key == "accept":  # the entries of --accept files add to the config file's
            value = entries_of([*values[key], *value])  # type: ignore[misc]
            origins[key] = f"--{key}" if origins[key] == DEFAULT else f"{origins[key]}, --{key}"
        else:
            origins[key] = f"--{key}"
        values[key] = value
    min_confidence = float(values["min-confidence"])  # type: ignore[arg-type]
    if not 0.0 <= min_confidence <= 1.0:  # also refuses nan, which every comparison fails
        raise SettingsError(f"{origins['min-confidence']}: min-confidence must be from 0 to 1")
    config = Config(
        min_confidence=min_confidence,
        only=tuple(values["only"]),  # type: ignore[arg-type]
        skip=tuple(values["skip"]),  # type: ignore[arg-type]
        extra_dictionaries=tuple(Path(p) for p in values["dictionaries"]),  # type: ignore[attr-defined]
        source_languages=tuple(values["source-lang"]),  # type: ignore[arg-type]
        accept=tuple(values["accept"]),  # type: ignore[arg-type]
    )
    return Settings(
        config=config,
        include=tuple(values["include"]),  # type: ignore[arg-type]
        exclude=tuple(values["exclude"]),  # type: ignore[arg-type]
        jobs=int(values["jobs"]),  # type: ignore[call-overload]
        origins=origins,
        file=path,
    )


def _checked(key: str, value: object, base: Path) -> object:
    """Check a config file value and bring it to the type ``Settings`` keeps.

    Raises:
        TypeError, ValueError: the value has the wrong type or range.
    """
    if key == "min-confidence":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError("must be a number from 0 to 1")
        if not 0 <= value <= 1:
            raise ValueError("must be a number from 0 to 1")
        return float(value)
    if key == "jobs":
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise TypeError("must be a whole number, 1 or more")
        return value
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise TypeError("must be a string or a list of strings")
    if key in ("only", "skip"):
        return rule_prefixes(items)
    if key == "dictionaries":
        return tuple(base / item for item in items)
    if key == "source-lang":
        return source_languages(items)
    if key == "accept":
        return entries_of(items)
    return tuple(items)
