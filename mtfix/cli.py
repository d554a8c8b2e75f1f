"""The ``mtfix`` command line: parse, clean each input, render, and exit with a named code."""

from __future__ import annotations

import io
import json
import os
import signal
import sys
import threading
from collections.abc import Callable
from enum import Enum, IntEnum
from pathlib import Path
from typing import Annotated, NoReturn, TextIO

import typer

from . import __version__, accept
from .batch import (
    Inputs,
    Originals,
    Outcome,
    Saving,
    check_targets,
    collect,
    plan,
    process,
    read_source_text,
    report_object,
    workers,
)
from .cache import collect_less
from .config import DEFAULT_MIN_CONFIDENCE, Config, rule_prefixes, source_languages
from .io import InputError, write_atomic
from .lexicon import read_rows
from .render import FileReport, diff, jsonout, lint, printable, summary
from .render.screen import PROGRESS_MIN_FILES, OutputClosed, Screen, write_stdout
from .settings import Settings, SettingsError, resolve


class ExitCode(IntEnum):
    """What ``mtfix`` tells the shell."""

    CLEAN = 0  #: nothing to change
    CHANGES = 1  #: changes proposed (0 with ``--exit-zero``)
    ERROR = 2  #: usage or input error, reported on stderr
    INTERNAL = 3  #: a bug in mtfix, reported in one line with a request to report it


#: The exit code after Ctrl-C, as shells report a process ended by SIGINT.
INTERRUPTED = 128 + signal.SIGINT


class Format(str, Enum):
    """Output formats."""

    DIFF = "diff"
    JSON = "json"
    JSONL = "jsonl"
    LINT = "lint"
    HTML = "html"
    TEXT = "text"


EPILOG = """\b
Examples:
  mtfix clean article.txt                  # annotated diff of the proposed corrections
  mtfix clean news/ --format lint          # every .txt and .md file below news/
  cat article.txt | mtfix clean - --format json
  mtfix clean article.txt --write --backup # apply the safe fixes in place, keep article.txt.bak
  cat article.txt | mtfix clean - --format text > cleaned.txt
  mtfix clean news/ --output-dir cleaned/ --only typography,quotes --min-confidence 0.8
  mtfix rules                              # every rule: id, kind, safe or review, what it finds

\b
Exit codes: 0 nothing (left) to change, 1 changes proposed (after --write: left, the flags and
review fixes not applied), 2 usage or input error."""

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
            "--format",
            "-f",
            metavar="FORMAT",
            help="diff, json, jsonl, lint, html (with -o) or text (the cleaned text).",
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
        bool, typer.Option("--write", help="Apply the safe fixes in place (atomically).")
    ] = False,
    unsafe_fixes: Annotated[
        bool,
        typer.Option(
            "--unsafe-fixes",
            help="Apply review fixes too (names, words, sense, capitals) with --write, "
            "--output-dir or --format text.",
        ),
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
        float | None,
        typer.Option(
            "--min-confidence",
            metavar="X",
            min=0.0,
            max=1.0,
            help=f"Show only changes at least this confident (0..1; {DEFAULT_MIN_CONFIDENCE}).",
            show_default=False,
        ),
    ] = None,
    only: Annotated[
        list[str] | None,
        typer.Option(
            "--only",
            metavar="KIND[,...]",
            help="Only these kinds or rule ids (mtfix rules lists them; entity.TYPE for a "
            "type of your --dict), e.g. --only typography,quotes.",
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
    source_lang: Annotated[
        list[str] | None,
        typer.Option(
            "--source-lang",
            metavar="LANG[,...]",
            help="Languages the text was translated from (de, ru, uk, fr, es): picks the "
            "sense confusion sets (default: try all, less confidently).",
        ),
    ] = None,
    accept_files: Annotated[
        list[Path] | None,
        typer.Option(
            "--accept",
            metavar="FILE",
            help="Words and names never to change or flag, one a line (# comments); "
            "--interactive adds what you reject with n to it.",
        ),
    ] = None,
    source_file: Annotated[
        Path | None,
        typer.Option(
            "--source",
            metavar="FILE",
            help="The text the input was translated from: its names repair garbled ones and "
            "protect the ones it spells (one input).",
        ),
    ] = None,
    source_dir: Annotated[
        Path | None,
        typer.Option(
            "--source-dir",
            metavar="DIR",
            help="Each input's source is DIR/<its path below the folder named>, or DIR/<its "
            "file name> for a file named directly.",
        ),
    ] = None,
    source_field: Annotated[
        str | None,
        typer.Option(
            "--source-field",
            metavar="FIELD",
            help="With --jsonl-field (or --dask): each record's source text is in FIELD.",
        ),
    ] = None,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even if changes are found.")
    ] = False,
    no_color: Annotated[
        bool, typer.Option("--no-color", help="Plain output (also: NO_COLOR=1).")
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", metavar="N", min=1, help="Processes to clean in (all cores)."),
    ] = None,
    include: Annotated[
        list[str] | None,
        typer.Option(
            "--include", metavar="GLOB", help="File names to take in folders (*.txt,*.md)."
        ),
    ] = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option("--exclude", metavar="GLOB", help="Paths below a folder to leave out."),
    ] = None,
    jsonl_field: Annotated[
        str | None,
        typer.Option(
            "--jsonl-field",
            metavar="FIELD",
            help="Inputs are JSON lines: clean this field.",
        ),
    ] = None,
    show_summary: Annotated[
        bool | None,
        typer.Option(
            "--summary/--no-summary",
            help=f"Summary table on stderr (default: from {PROGRESS_MIN_FILES} articles).",
            show_default=False,
        ),
    ] = None,
    config_file: Annotated[
        Path | None,
        typer.Option("--config", metavar="FILE", help="Use this mtfix.toml, not the nearest one."),
    ] = None,
    dask_address: Annotated[
        str | None,
        typer.Option(
            "--dask",
            metavar="ADDRESS",
            help="Clean JSON-lines or Parquet files (globs too; the text in --jsonl-field, default "
            "text) on the Dask scheduler at ADDRESS (tcp://host:8786, or 'local') into "
            "--output-dir. Needs mtfix[dask].",
        ),
    ] = None,
) -> int:
    """Propose corrections for each input; print them; optionally write the cleaned text."""
    options: dict[str, object] = {
        "min-confidence": min_confidence,
        "only": _rule_prefixes(only, "--only") if only else None,
        "skip": _rule_prefixes(skip, "--skip") if skip else None,
        "dictionaries": tuple(dictionaries) if dictionaries else None,
        "source-lang": _languages(source_lang) if source_lang else None,
        "accept": _accepted(accept_files, interactive) if accept_files else None,
        "include": _globs(include),
        "exclude": _globs(exclude),
        "jobs": jobs,
    }
    settings = _settings(paths, options, config_file)
    config = settings.config
    for path in config.extra_dictionaries:
        _dictionary(path)
    _check_entity_types(config)
    originals = _originals(source_file, source_dir, source_field, jsonl_field, dask_address)
    if dask_address is not None:
        if write or output_format is not Format.DIFF:
            raise UsageProblem(
                "--dask writes JSON lines or Parquet to --output-dir; no --write/--format"
            )
        return _clean_on_dask(
            dask_address,
            paths,
            output_dir,
            config,
            jsonl_field,
            exit_zero,
            unsafe_fixes,
            source_field,
        )
    if backup and not (write or interactive):
        raise UsageProblem("--backup needs --write or --interactive")
    if (output is not None) != (output_format is Format.HTML):
        raise UsageProblem("--format html and -o FILE go together")
    if interactive and (write or output_dir is not None or output is not None):
        raise UsageProblem("--interactive writes in place; drop --write, --output-dir and -o")
    if write and output_dir is not None:
        raise UsageProblem("use --write or --output-dir, not both")
    inputs = collect(paths, settings.include, settings.exclude)
    if (write or output_dir is not None) and any(s.path is None for s in inputs.sources):
        raise UsageProblem(
            "--write and --output-dir need files; for standard input use --format text"
        )
    if output_format is Format.TEXT and (
        write or output_dir is not None or jsonl_field or len(inputs.sources) > 1
    ):
        raise UsageProblem("--format text prints one cleaned file; no --write/--output-dir")
    saving = Saving(write, backup, output_dir, unsafe_fixes)
    if output_dir is not None:
        try:
            check_targets(inputs.sources)
        except ValueError as clash:
            raise UsageProblem(str(clash)) from clash
    color = _wants_color(no_color)
    if originals.file is not None and len(inputs.sources) > 1:
        raise UsageProblem("--source is the source of one input; use --source-dir for several")
    if interactive or output is not None:
        accept_file = accept_files[0] if accept_files else None
        return _review(inputs, config, output, color, backup, exit_zero, originals, accept_file)
    for message in inputs.errors:
        _error(message)
    work = plan(inputs.sources, jsonl_field, _warn, originals)
    as_list = len(paths) > 1 or jsonl_field is not None or any(s.from_walk for s in inputs.sources)
    fixing = write or output_dir is not None or output_format is Format.TEXT
    shown = _Shown(output_format, color, as_list, saving if fixing else None)
    with (
        workers(config, saving, settings.jobs, work.tasks, output_format in JSON_FORMATS) as pool,
        Screen(len(work.tasks)) as screen,
    ):
        done = process(work, pool, saving, lambda o: shown.show(o, screen))
    shown.finish()
    if show_summary or (show_summary is None and done.total >= PROGRESS_MIN_FILES):
        sys.stderr.write(summary.render(done, color=_wants_color(no_color, sys.stderr)))
    if done.interrupted:
        _error(f"interrupted: {done.finished} of {done.total} finished")
        return INTERRUPTED
    if inputs.errors or done.errors:
        return ExitCode.ERROR
    return ExitCode.CHANGES if shown.found and not exit_zero else ExitCode.CLEAN


#: The formats whose objects the workers make (``Outcome.data``).
JSON_FORMATS = (Format.JSON, Format.JSONL)


class _Shown:
    """Show outcomes as they come: rendered in ``output_format``, problems on stderr.

    ``found`` tells whether anything is left for a person: any change, or when ``fixing``
    applies fixes, the flags and the review fixes it does not apply.
    """

    def __init__(
        self, output_format: Format, color: bool, as_list: bool, fixing: Saving | None
    ) -> None:
        self.output_format = output_format
        self.color = color
        self.as_list = as_list
        self.fixing = fixing
        self.found = False
        self.objects: list[dict] = []

    def show(self, outcome: Outcome, screen: Screen) -> None:
        """Count, print and render one outcome."""
        screen.advance()
        for message in outcome.warnings:
            _warn(message)
        if outcome.report is None:
            if outcome.skipped:
                _warn(f"{outcome.display}: skipped, {outcome.error}")
            else:
                _error(f"{outcome.display}: {outcome.error}")
            return
        report = outcome.report
        left = self.fixing.unapplied(report) if self.fixing else report.changes
        self.found = self.found or bool(left)
        item = FileReport(outcome.display, report)
        if self.output_format is Format.TEXT:
            assert self.fixing is not None
            screen.emit(self.fixing.cleaned(report))
            sys.stderr.write(lint.lines(item.path, left))
        elif self.output_format not in JSON_FORMATS:
            screen.emit(_RENDER[self.output_format](item, self.color))
            if self.output_format is Format.DIFF:
                sys.stderr.write(lint.lines(item.path, diff.stray_flags(item)))
        else:
            value = report_object(outcome)
            if self.output_format is Format.JSON:
                self.objects.append(value)
            else:
                screen.emit(json.dumps(value, ensure_ascii=False) + "\n")

    def finish(self) -> None:
        """Print the json output, gathered from every input."""
        if self.output_format is Format.JSON and (self.objects or self.as_list):
            write_stdout(jsonout.render_json(self.objects, self.as_list))


def _review(
    inputs: Inputs,
    config: Config,
    output: Path | None,
    color: bool,
    backup: bool,
    exit_zero: bool,
    originals: Originals,
    accept_file: Path | None = None,
) -> int:
    """Review files at the terminal (``output`` None) or write the html review page."""
    # Imported here: only reviews need them, and every other run starts faster without.
    from . import review
    from .decisions import review as review_files
    from .render import html

    if any(source.path is None for source in inputs.sources):
        raise UsageProblem("--interactive and --format html need files, not standard input")
    for message in inputs.errors:
        _error(message)
    files = [(s.path, s.display, s.from_walk) for s in inputs.sources if s.path is not None]
    sources = _source_texts(inputs, originals)
    if output is None:
        if sys.stdin is None:
            raise UsageProblem(
                "--interactive reads your answers from standard input, which is closed"
            )
        code = review.run(files, config, color, backup, _error, accept_file, sources)
        return ExitCode.ERROR if inputs.errors else code
    if any(output.resolve() == path.resolve() for path, _, _ in files):
        raise UsageProblem(f"-o {output} is one of the inputs")
    reviewed, errors, warnings = review_files(files, config, sources)
    for message in warnings:
        _warn(message)
    for message in errors:
        _error(message)
    try:
        write_atomic(output, html.render(reviewed).encode("utf-8", "backslashreplace"))
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
            metavar="FILE.json",
            help="A decisions file from the html review page, or the output of mtfix clean "
            "--format json (- for standard input).",
        ),
    ],
    index: Annotated[
        list[str] | None,
        typer.Option(
            "--index",
            metavar="N[,...]",
            help="Apply only these changes, numbered from 1 in the file's order (default: "
            "every change but flags).",
        ),
    ] = None,
) -> int:
    """Apply the changes a review accepted, or a json report lists (refused if a file changed)."""
    from .decisions import apply_file  # only this command needs it: faster start for the rest

    try:
        chosen = {int(part) for value in index or () for part in value.split(",") if part.strip()}
    except ValueError as problem:
        raise UsageProblem(f"--index takes change numbers: {problem}") from problem
    try:
        applied = apply_file(decisions, chosen)
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


def _source_texts(inputs: Inputs, originals: Originals) -> dict[Path, str]:
    """Read each input's source text for a review (a bad one is a warning, and left out)."""
    texts = {}
    for source in inputs.sources:
        where = originals.path_for(source)
        if source.path is None or where is None:
            continue
        text, problem = read_source_text(where)
        if problem or text is None:
            _warn(f"{source.display}: {problem}; cleaned without a source")
        else:
            texts[source.path] = text
    return texts


def _originals(
    file: Path | None,
    folder: Path | None,
    field: str | None,
    jsonl_field: str | None,
    dask_address: str | None,
) -> Originals:
    """Check the source options: at most one, each where it applies."""
    if sum(option is not None for option in (file, folder, field)) > 1:
        raise UsageProblem("use one of --source, --source-dir and --source-field")
    if field is not None and jsonl_field is None and dask_address is None:
        raise UsageProblem("--source-field is for JSON-lines inputs: add --jsonl-field")
    if (file is not None or folder is not None) and (jsonl_field or dask_address):
        raise UsageProblem("JSON-lines and --dask inputs take their source from --source-field")
    if folder is not None and not folder.is_dir():
        raise UsageProblem(f"--source-dir {folder}: not a folder")
    return Originals(file, folder, field)


def _clean_on_dask(
    address: str,
    patterns: list[str],
    output_dir: Path | None,
    config: Config,
    field: str | None,
    exit_zero: bool,
    unsafe_fixes: bool,
    source_field: str | None = None,
) -> int:
    """Clean JSON-lines or Parquet files on a Dask cluster (``mtfix.dask``) into ``output_dir``."""
    if output_dir is None:
        raise UsageProblem("--dask needs --output-dir DIR for the cleaned files")
    try:
        from .dask import DEFAULT_FIELD, clean_files
    except ImportError as missing:
        raise UsageProblem(f"--dask needs {missing.name}: pip install 'mtfix[dask]'") from missing
    try:
        tally = clean_files(
            address,
            patterns,
            output_dir,
            config,
            field or DEFAULT_FIELD,
            review=unsafe_fixes,
            source_field=source_field,
        )
    except InputError as problem:
        raise UsageProblem(str(problem)) from problem
    return ExitCode.CHANGES if tally.by_kind and not exit_zero else ExitCode.CLEAN


def _rule_prefixes(values: list[str], option: str) -> tuple[str, ...]:
    """Split comma-separated dotted prefixes and check that each names a known kind."""
    try:
        return rule_prefixes(values)
    except ValueError as problem:
        raise UsageProblem(f"{option}: {problem}") from problem


def _accepted(files: list[Path], interactive: bool) -> tuple[str, ...]:
    """Read ``--accept`` files; a missing one is empty for ``--interactive``, which makes it."""
    entries: list[str] = []
    for path in files:
        try:
            entries += accept.read_file(path)
        except FileNotFoundError:
            if not interactive:
                raise UsageProblem(f"--accept {path}: no such file") from None
        except (OSError, UnicodeDecodeError) as error:
            reason = "not UTF-8" if isinstance(error, UnicodeDecodeError) else error.strerror
            raise UsageProblem(f"--accept {path}: {reason}") from error
    return tuple(entries)


def _languages(values: list[str]) -> tuple[str, ...]:
    """Split comma-separated language codes, checking each against the sense data."""
    try:
        return source_languages(values)
    except ValueError as problem:
        raise UsageProblem(f"--source-lang: {problem}") from problem


def _globs(values: list[str] | None) -> tuple[str, ...] | None:
    """Split comma-separated globs (None when the option was not given)."""
    if not values:
        return None
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _settings(paths: list[str], options: dict[str, object], file: Path | None) -> Settings:
    """Resolve the settings for the first path's config file (the working folder's for -)."""
    start = Path(paths[0]) if paths and paths[0] != "-" else Path.cwd()
    try:
        return resolve(start, options, file)
    except SettingsError as problem:
        raise UsageProblem(str(problem)) from problem


@app.command(name="config")
def show_config(
    path: Annotated[
        Path,
        typer.Argument(
            metavar="PATH", help="Where to look for a config file from.", show_default="."
        ),
    ] = Path(),
    config_file: Annotated[
        Path | None,
        typer.Option("--config", metavar="FILE", help="Use this mtfix.toml, not the nearest one."),
    ] = None,
) -> int:
    """Print the effective settings as TOML, each with where it came from."""
    write_stdout(_settings([str(path)], {}, config_file).describe())
    return ExitCode.CLEAN


@app.command(name="rules")
def show_rules(
    rule_id: Annotated[
        str | None,
        typer.Argument(metavar="[ID]", help="A rule id or kind to explain.", show_default=False),
    ] = None,
) -> int:
    """List the rules (id, kind, safety, summary), or explain one rule or kind with examples."""
    from .render.rules import explain, listing  # only this command needs it

    try:
        write_stdout(listing() if rule_id is None else explain(rule_id))
    except ValueError as problem:
        raise UsageProblem(str(problem)) from problem
    return ExitCode.CLEAN


def _dictionary(path: Path) -> Path:
    """Check that a ``--dict`` file exists and reads as a UTF-8 dictionary, before any work."""
    try:
        for _ in read_rows(path):
            pass
    except (OSError, UnicodeDecodeError) as error:
        reason = "not UTF-8" if isinstance(error, UnicodeDecodeError) else error.strerror
        raise UsageProblem(f"--dict {path}: {reason}") from error
    return path


def _check_entity_types(config: Config) -> None:
    """Check the ``entity.<type>`` selectors of ``--only`` and ``--skip`` that name no
    registered rule against the entity types of the dictionaries (a user's ``--dict`` may
    bring new ones): a type no dictionary has is a typo, reported before any work."""
    from .rules import entity_type_of

    asked = {entity_type_of(s) for s in (*config.only, *config.skip)} - {""}
    if not asked:
        return
    from .lexicon import load_lexicon

    known = {entity.type for entity in load_lexicon(tuple(config.extra_dictionaries)).entities}
    unknown = sorted(asked - known)
    if unknown:
        raise UsageProblem(
            f"unknown entity type {unknown[0]!r} in --only or --skip (types in the "
            f"dictionaries: {', '.join(sorted(known))}; see mtfix rules)"
        )


def _wants_color(no_color: bool, stream: TextIO = sys.stdout) -> bool:
    return not no_color and not os.environ.get("NO_COLOR") and stream.isatty()


def _error(message: str) -> None:
    print(f"mtfix: error: {printable(message)}", file=sys.stderr)


def _warn(message: str) -> None:
    print(f"mtfix: warning: {printable(message)}", file=sys.stderr)


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush after a broken pipe is quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _terminated(number: int, _frame: object) -> NoReturn:
    """End the run on SIGTERM as an exception does: a write under way in this process removes
    its temporary file (the file itself is replaced whole or not at all)."""
    raise SystemExit(128 + number)


def main(argv: list[str] | None = None) -> None:
    """Run the ``mtfix`` command and exit with its ``ExitCode``."""
    signal.signal(signal.SIGTERM, _terminated)
    if argv is None:  # a process of its own: the collector may run less often
        collect_less()
    command = typer.main.get_command(app)
    args = sys.argv[1:] if argv is None else argv
    if isinstance(sys.stdout, io.TextIOWrapper):
        # A lone surrogate (from a JSON "\ud800" or a file name that is not UTF-8) is written
        # as its escape, which JSON reads back as the same character, instead of failing.
        sys.stdout.reconfigure(errors="backslashreplace")
    try:
        code = command.main(args=args or ["--help"], prog_name="mtfix", standalone_mode=False)
    except UsageProblem as problem:
        _error(str(problem))
        code = ExitCode.ERROR
    except typer.exceptions.TyperException as problem:
        _error(" ".join(problem.format_message().split()))
        code = ExitCode.ERROR
    except OutputClosed as closed:
        _silence_stdout()
        _error(
            f"cannot write output: {closed}" if str(closed) else "output closed early (broken pipe)"
        )
        code = ExitCode.ERROR
    except OSError as problem:  # stdout on a full disk, a vanished terminal...
        _error(f"cannot write output: {problem.strerror or problem}")
        code = ExitCode.ERROR
    except Exception as bug:  # never a traceback: one line, and a code of its own
        _error(
            f"internal error ({type(bug).__name__}: {bug}); please report it with the command "
            "you ran"
        )
        code = ExitCode.INTERNAL
    code = code if isinstance(code, int) else ExitCode.CLEAN
    if argv is None:
        _leave(code)
    sys.exit(code)


def _leave(code: int) -> NoReturn:
    """End the ``mtfix`` process without the interpreter's teardown, which frees the loaded
    dictionaries' half a million objects one by one: 0.12 s, a third of a one-article run.

    Only when nothing else needs the teardown: the output is flushed here, files are written
    and closed before this point, and a Dask client or another thread gets the normal exit.
    """
    try:
        sys.stdout.flush()
    except (BrokenPipeError, ValueError):  # the reader left, or stdout was closed
        _silence_stdout()
        _error("output closed early (broken pipe)")
        code = ExitCode.ERROR
    except OSError as problem:  # a full disk: the output is lost, so say so
        _silence_stdout()
        _error(f"cannot write output: {problem.strerror or problem}")
        code = ExitCode.ERROR
    sys.stderr.flush()
    if "distributed" in sys.modules or threading.active_count() > 1:
        sys.exit(code)
    os._exit(code)
