"""The ``mtfix`` command line: parse, clean each input, render, and exit with a named code."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from enum import Enum, IntEnum
from pathlib import Path
from typing import Annotated

import typer

from . import __version__, review
from .batch import Inputs, Saving, check_targets, clean_source, collect
from .change import KINDS
from .config import DEFAULT_MIN_CONFIDENCE, Config
from .decisions import apply_file
from .decisions import review as review_files
from .io import BinaryFileError, InputError, write_atomic
from .lexicon import read_rows
from .render import FileReport, diff, html, jsonout, lint
from .render.screen import OutputClosed, Screen, write_stdout


class ExitCode(IntEnum):
    """What ``mtfix`` tells the shell."""

    CLEAN = 0  #: nothing to change
    CHANGES = 1  #: changes proposed (0 with ``--exit-zero``)
    ERROR = 2  #: usage or input error, reported on stderr


class Format(str, Enum):
    """Output formats."""

    DIFF = "diff"
    JSON = "json"
    JSONL = "jsonl"
    LINT = "lint"
    HTML = "html"


EPILOG = """\b
Examples:
  mtfix clean article.txt                  # annotated diff of the proposed corrections
  mtfix clean news/ --format lint          # every .txt and .md file below news/
  cat article.txt | mtfix clean - --format json
  mtfix clean article.txt --write --backup # apply in place, keep article.txt.bak
  mtfix clean news/ --output-dir cleaned/ --only typography,quotes --min-confidence 0.8

\b
Exit codes: 0 nothing to change, 1 changes proposed, 2 usage or input error."""

app = typer.Typer(
    name="mtfix",
    help="Find and fix machine-translation artefacts in English news.",
    epilog=EPILOG,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class UsageProblem(Exception):
    """A bad combination of options; reported as one line, exit 2."""


def _version(value: bool) -> None:
    if value:
        print(f"mtfix {__version__}")
        raise typer.Exit(ExitCode.CLEAN)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Find and fix machine-translation artefacts in English news."""


@app.command(epilog=EPILOG)
def clean(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH",
            show_default=False,
            help="Files, folders (every *.txt and *.md below them) or - for standard input.",
        ),
    ],
    output_format: Annotated[
        Format,
        typer.Option(
            "--format", "-f", metavar="FORMAT", help="diff, json, jsonl, lint or html (with -o)."
        ),
    ] = Format.DIFF,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write the html review page here."),
    ] = None,
    interactive: Annotated[
        bool,
        typer.Option("--interactive", "-i", help="Review each change at the terminal, then write."),
    ] = False,
    write: Annotated[
        bool, typer.Option("--write", help="Apply the changes in place (atomically).")
    ] = False,
    backup: Annotated[
        bool, typer.Option("--backup", help="With --write, keep FILE.bak first.")
    ] = False,
    output_dir: Annotated[
        Path | None,
        typer.Option(
            "--output-dir", metavar="DIR", help="Write cleaned copies here, mirroring the inputs."
        ),
    ] = None,
    min_confidence: Annotated[
        float,
        typer.Option(
            "--min-confidence",
            metavar="X",
            min=0.0,
            max=1.0,
            help="Show only changes at least this confident (0..1), e.g. 0.8.",
        ),
    ] = DEFAULT_MIN_CONFIDENCE,
    only: Annotated[
        list[str] | None,
        typer.Option(
            "--only",
            metavar="KIND[,...]",
            help="Only these kinds or rules (dotted prefixes), e.g. --only typography,quotes.",
        ),
    ] = None,
    skip: Annotated[
        list[str] | None,
        typer.Option(
            "--skip",
            metavar="KIND[,...]",
            help="Skip these kinds or rules, e.g. --skip typography.spaced_hyphen.",
        ),
    ] = None,
    dictionaries: Annotated[
        list[Path] | None,
        typer.Option("--dict", metavar="FILE", help="An extra dictionary file (repeatable)."),
    ] = None,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even if changes are found.")
    ] = False,
    no_color: Annotated[
        bool, typer.Option("--no-color", help="Plain output (also: NO_COLOR=1).")
    ] = False,
) -> int:
    """Propose corrections for each input; print them; optionally write the cleaned text."""
    config = Config(
        min_confidence=min_confidence,
        only=_rule_prefixes(only or [], "--only"),
        skip=_rule_prefixes(skip or [], "--skip"),
        extra_dictionaries=tuple(_dictionary(path) for path in dictionaries or []),
    )
    if backup and not (write or interactive):
        raise UsageProblem("--backup needs --write or --interactive")
    if (output is not None) != (output_format is Format.HTML):
        raise UsageProblem("--format html and -o FILE go together")
    if interactive and (write or output_dir is not None or output is not None):
        raise UsageProblem("--interactive writes in place; drop --write, --output-dir and -o")
    if write and output_dir is not None:
        raise UsageProblem("use --write or --output-dir, not both")
    inputs = collect(paths)
    if (write or output_dir is not None) and any(s.path is None for s in inputs.sources):
        raise UsageProblem("--write and --output-dir need files, not standard input")
    saving = Saving(write, backup, output_dir)
    if output_dir is not None:
        try:
            check_targets(inputs.sources)
        except ValueError as clash:
            raise UsageProblem(str(clash)) from clash
    color = _wants_color(no_color)
    if interactive or output is not None:
        return _review(inputs, config, output, color, backup, exit_zero)
    failed = bool(inputs.errors)
    for message in inputs.errors:
        _error(message)
    found = False
    reports: list[FileReport] = []
    with Screen(len(inputs.sources)) as screen:
        for source in inputs.sources:
            try:
                item = FileReport(source.display, clean_source(source, config, saving, _warn))
            except InputError as problem:
                if isinstance(problem, BinaryFileError) and source.from_walk:
                    _warn(f"{source.display}: skipped, {problem}")
                else:
                    _error(f"{source.display}: {problem}")
                    failed = True
                continue
            finally:
                screen.advance()
            found = found or bool(item.report.changes)
            if output_format is Format.JSON:
                reports.append(item)
            else:
                screen.emit(_RENDER[output_format](item, color))
    as_list = len(paths) > 1 or any(source.from_walk for source in inputs.sources)
    if output_format is Format.JSON and (reports or as_list):
        write_stdout(jsonout.render_json(reports, as_list))
    if failed:
        return ExitCode.ERROR
    return ExitCode.CHANGES if found and not exit_zero else ExitCode.CLEAN


def _review(
    inputs: Inputs, config: Config, output: Path | None, color: bool, backup: bool, exit_zero: bool
) -> int:
    """Review files at the terminal (``output`` None) or write the html review page."""
    if any(source.path is None for source in inputs.sources):
        raise UsageProblem("--interactive and --format html need files, not standard input")
    for message in inputs.errors:
        _error(message)
    files = [(s.path, s.display, s.from_walk) for s in inputs.sources if s.path is not None]
    if output is None:
        code = review.run([(path, display) for path, display, _ in files], config, color, backup)
        return ExitCode.ERROR if inputs.errors else code
    reviewed, errors, warnings = review_files(files, config)
    for message in warnings:
        _warn(message)
    for message in errors:
        _error(message)
    try:
        write_atomic(output, html.render(reviewed).encode("utf-8"))
    except InputError as problem:
        raise UsageProblem(f"-o {output}: {problem}") from problem
    if inputs.errors or errors:
        return ExitCode.ERROR
    found = any(item.item.report.changes for item in reviewed)
    return ExitCode.CHANGES if found and not exit_zero else ExitCode.CLEAN


@app.command(name="apply")
def apply_decisions(
    decisions: Annotated[
        Path,
        typer.Argument(
            metavar="DECISIONS.json", help="A decisions file downloaded from the html review page."
        ),
    ],
) -> int:
    """Apply the changes accepted on an html review page to the files (refused if one changed)."""
    try:
        applied = apply_file(decisions)
    except InputError as problem:
        _error(str(problem))
        return ExitCode.ERROR
    for path, count in applied:
        print(f"{path}: applied {count} change{'s' if count != 1 else ''}")
    return ExitCode.CLEAN


_RENDER: dict[Format, Callable[[FileReport, bool], str]] = {
    Format.DIFF: diff.render,
    Format.JSONL: lambda item, _color: jsonout.render_jsonl(item),
    Format.LINT: lambda item, _color: lint.render(item),
}


def _rule_prefixes(values: list[str], option: str) -> tuple[str, ...]:
    """Split comma-separated dotted prefixes and check that each names a known kind."""
    prefixes = tuple(part.strip() for value in values for part in value.split(",") if part.strip())
    for prefix in prefixes:
        if prefix.split(".", 1)[0] not in KINDS:
            raise UsageProblem(f"{option}: unknown kind {prefix!r} (kinds: {', '.join(KINDS)})")
    return prefixes


def _dictionary(path: Path) -> Path:
    """Check that a ``--dict`` file exists and reads as a UTF-8 dictionary, before any work."""
    try:
        for _ in read_rows(path):
            pass
    except (OSError, UnicodeDecodeError) as error:
        reason = "not UTF-8" if isinstance(error, UnicodeDecodeError) else error.strerror
        raise UsageProblem(f"--dict {path}: {reason}") from error
    return path


def _wants_color(no_color: bool) -> bool:
    return not no_color and not os.environ.get("NO_COLOR") and sys.stdout.isatty()


def _error(message: str) -> None:
    print(f"mtfix: error: {message}", file=sys.stderr)


def _warn(message: str) -> None:
    print(f"mtfix: warning: {message}", file=sys.stderr)


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush after a broken pipe is quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def main(argv: list[str] | None = None) -> None:
    """Run the ``mtfix`` command and exit with its ``ExitCode``."""
    command = typer.main.get_command(app)
    args = sys.argv[1:] if argv is None else argv
    try:
        code = command.main(args=args or ["--help"], prog_name="mtfix", standalone_mode=False)
    except UsageProblem as problem:
        _error(str(problem))
        code = ExitCode.ERROR
    except typer.exceptions.TyperException as problem:
        _error(" ".join(problem.format_message().split()))
        code = ExitCode.ERROR
    except OutputClosed:
        _silence_stdout()
        _error("output closed early (broken pipe)")
        code = ExitCode.ERROR
    sys.exit(code if isinstance(code, int) else ExitCode.CLEAN)
