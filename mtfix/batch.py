"""Batches: collect the inputs a command line names, clean them (in parallel), and sum up.

Files, folders (walked with include and exclude globs) and standard input become ``Source``s;
with ``jsonl_field`` each file is a JSON-lines corpus, one article a line. ``process`` cleans
every article in a worker pool (``mtfix.parallel``), hands each ``Outcome`` on in input order,
and returns a ``Summary``; on Ctrl-C it stops handing out work, finishes what was handed out and
writes no half-written file.
"""

from __future__ import annotations

import fnmatch
import functools
import json
import os
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .change import Change
from .config import Config
from .io import (
    BinaryFileError,
    Decoded,
    InputError,
    encode,
    parse_record,
    read_file,
    read_stdin,
    replace_file,
    write_atomic,
)
from .lexicon import load_lexicon
from .parallel import Pool, deferred_interrupt
from .pipeline import Report, clean
from .render import FileReport
from .render.jsonout import to_object

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


def collect(
    arguments: Iterable[str],
    include: tuple[str, ...] = DEFAULT_INCLUDE,
    exclude: tuple[str, ...] = (),
) -> Inputs:
    """Expand files, folders (recursively, skipping hidden ones) and ``-`` into sources.

    In a folder, a file is taken when its name matches an ``include`` glob and neither its path
    below the folder nor any folder on the way matches an ``exclude`` glob. A missing path or a
    folder without matching files gives an error message; the other arguments are still
    collected. A file named twice is cleaned once.
    """
    inputs = Inputs()
    seen: set[Path] = set()
    for argument in arguments:
        if argument == STDIN:
            inputs.sources.append(Source(None, "<stdin>", Path("stdin.txt")))
            continue
        path = Path(argument)
        if path.is_dir():
            try:
                found = list(_walk(path, include, exclude, inputs.errors))
            except RecursionError:  # os.walk recurses, before Python 3.12
                inputs.errors.append(f"{argument}: folders nested too deeply to walk")
                continue
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
            try:
                key = file.resolve()
            except (OSError, RuntimeError):  # RuntimeError: a symlink loop, before Python 3.13
                inputs.errors.append(f"{file}: a symlink loop")
                continue
            if key not in seen:
                seen.add(key)
                inputs.sources.append(Source(file, str(file), relative, from_walk))
    return inputs


def _walk(
    folder: Path, include: tuple[str, ...], exclude: tuple[str, ...], errors: list[str]
) -> Iterable[Path]:
    """Yield matching, non-hidden, non-excluded files below ``folder`` in a stable order."""

    def report(error: OSError) -> None:
        errors.append(f"{error.filename}: cannot list folder ({error.strerror})")

    for root, folders, files in os.walk(folder, onerror=report):
        below = Path(root).relative_to(folder)
        folders[:] = sorted(
            name
            for name in folders
            if not name.startswith(".") and not excluded(below / name, exclude)
        )
        for name in sorted(files):
            if (
                not name.startswith(".")
                and _included(name, include)
                and not excluded(below / name, exclude)
            ):
                yield Path(root) / name


def _included(name: str, include: tuple[str, ...]) -> bool:
    """Match file name patterns without regard to case (``NOTES.TXT`` is a text file too)."""
    return any(fnmatch.fnmatch(name.lower(), pattern.lower()) for pattern in include)


def excluded(relative: Path, exclude: tuple[str, ...]) -> bool:
    """Tell whether a path below a folder argument matches an exclude glob.

    A glob matches the whole relative path (``drafts/*.txt``) or its last part (``old``,
    ``*.draft.md``).

    >>> excluded(Path("world/drafts/a.txt"), ("drafts/*",))
    False
    >>> excluded(Path("drafts/a.txt"), ("drafts/*",)), excluded(Path("x/old"), ("old",))
    (True, True)
    """
    text = relative.as_posix()
    return any(
        fnmatch.fnmatchcase(text, pattern) or fnmatch.fnmatchcase(relative.name, pattern)
        for pattern in exclude
    )


@dataclass(frozen=True)
class Saving:
    """What to do with the cleaned text: nothing, ``write`` in place, or copy to ``directory``;
    with safe fixes only, or with review ones too (``unsafe``)."""

    write: bool = False
    backup: bool = False
    directory: Path | None = None
    unsafe: bool = False

    def cleaned(self, report: Report) -> str:
        """The text to save: the report's safe fixes applied (all fixes when ``unsafe``)."""
        return report.apply(review=self.unsafe)

    def unapplied(self, report: Report) -> tuple[Change, ...]:
        """The changes ``cleaned`` leaves for a person: flags, and review fixes unless
        ``unsafe``."""
        applied = set(report.applied(self.unsafe))
        return tuple(change for change in report.changes if change not in applied)

    @property
    def writes(self) -> bool:
        """Whether anything is saved (in place or as a copy): else ``save`` does nothing."""
        return self.write or self.directory is not None

    def save(self, source: Source, decoded: Decoded, cleaned: str) -> None:
        """Write ``cleaned`` as asked, in the encoding ``decoded`` was read in.

        In place, a file is rewritten only when its text changed, and only if it has not changed
        since it was read (``io.replace_file``); a copy is always written, never through a
        symlinked folder out of the output folder.
        """
        if source.path is None or not self.writes:
            return
        if self.write:
            if cleaned != decoded.text:
                with deferred_interrupt():
                    replace_file(source.path, encode(cleaned, decoded), decoded, self.backup)
            return
        assert self.directory is not None
        target = self.directory / source.relative
        if target.resolve() == source.path.resolve():
            raise InputError(f"--output-dir would overwrite the input {target}")
        if not target.parent.resolve().is_relative_to(self.directory.resolve()):
            raise InputError(f"{target.parent}: a symlink leads out of --output-dir; not written")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise InputError(f"cannot create {target.parent}: {error.strerror}") from error
        with deferred_interrupt():
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
    source: Source,
    config: Config,
    saving: Saving,
    warn: Callable[[str], None],
    original: str | None = None,
) -> Report:
    """Read one input, clean it (with the text it was translated from, ``original``, when
    given), and save the result as ``saving`` says.

    Raises:
        InputError: the input cannot be read, or its result cannot be written.
    """
    decoded = read_stdin() if source.path is None else read_file(source.path)
    if decoded.is_fallback:
        warn(f"{source.display}: not UTF-8; read as {decoded.encoding}")
    report = clean(decoded.text, config, source=original)
    if saving.writes:  # the cleaned text is made only to be saved
        saving.save(source, decoded, saving.cleaned(report))
    return report


@dataclass(frozen=True)
class Originals:
    """Where the texts before translation are (``--source``, ``--source-dir``,
    ``--source-field``): at most one of the three is set."""

    file: Path | None = None
    folder: Path | None = None
    field: str | None = None

    def path_for(self, source: Source) -> Path | None:
        """The source file of an input: the one file, or the input's path below the folder
        argument (its file name when named directly) inside ``folder``."""
        if self.file is not None:
            return self.file
        if self.folder is not None:
            return self.folder / source.relative
        return None


def read_source_text(path: Path) -> tuple[str | None, str | None]:
    """Read a source file: its text, or ``None`` and why it cannot be used."""
    try:
        decoded = read_file(path)
    except InputError as problem:
        return None, f"source {path}: {problem}"
    if not decoded.text.strip():
        return None, f"source {path}: empty"
    return decoded.text, None


@dataclass(frozen=True)
class Task:
    """One article to clean, as handed to a worker.

    Attributes:
        source: the input it comes from.
        text: the article, or ``None`` for a file the worker reads (and saves) itself.
        line: the line of a JSON-lines record in its corpus (0 for a whole file).
        error: why the input cannot be cleaned (unreadable, not JSON, no such field), if so.
        skipped: the error is a binary file found in a folder (a warning, not an error).
        original_path: the file of the text it was translated from (read by the worker).
        original_text: that text itself (a JSON-lines record's ``--source-field``).
    """

    source: Source
    text: str | None = None
    line: int = 0
    error: str | None = None
    skipped: bool = False
    original_path: Path | None = None
    original_text: str | None = None

    @property
    def display(self) -> str:
        """The name shown in output: the file's, with ``:LINE`` for a record."""
        return f"{self.source.display}:{self.line}" if self.line else self.source.display


@dataclass(frozen=True)
class Outcome:
    """What came of one task: a report, or an error (``skipped`` for a binary file in a folder).

    ``record`` is the JSON object of a JSON-lines record, ``warnings`` messages for the user,
    ``data`` the JSON-ready report when the worker was asked to make it (json output).
    """

    display: str
    report: Report | None = None
    error: str | None = None
    skipped: bool = False
    warnings: tuple[str, ...] = ()
    record: dict | None = None
    data: dict | None = None


@dataclass
class Corpus:
    """A JSON-lines file being cleaned record by record; saved once every record is back."""

    source: Source
    decoded: Decoded
    lines: list[str]
    records: dict[int, dict]
    field: str
    remaining: int

    def settle(self, line: int, report: Report | None, saving: Saving) -> None:
        """Put a record's cleaned text in place (when it changed) and count it as done."""
        if report is not None:
            cleaned = saving.cleaned(report)
            if cleaned != report.text:
                old = self.lines[line - 1]
                ending = old[len(old.rstrip("\r\n")) :]
                record = {**self.records[line], self.field: cleaned}
                self.lines[line - 1] = json.dumps(record, ensure_ascii=False) + ending
        self.remaining -= 1

    def text(self) -> str:
        """The corpus with every cleaned record in place; other lines byte for byte."""
        return "".join(self.lines)


@dataclass
class Plan:
    """The tasks for a batch, in output order, and the JSON-lines corpora they come from."""

    tasks: list[Task] = field(default_factory=list)
    corpora: dict[str, Corpus] = field(default_factory=dict)


_LINES = re.compile(r"[^\n]*\n|[^\n]+\Z")


def plan(
    sources: Iterable[Source],
    jsonl_field: str | None,
    warn: Callable[[str], None],
    originals: Originals | None = None,
) -> Plan:
    """Turn sources into tasks: one per file, or with ``jsonl_field`` one per corpus record,
    each with where its text before translation is (``originals``).

    Standard input and corpora are read here; plain files are read by the workers.
    """
    originals = originals or Originals()
    result = Plan()
    for source in sources:
        original = originals.path_for(source)
        if jsonl_field is None and source.path is not None:
            result.tasks.append(Task(source, original_path=original))
            continue
        try:
            decoded = read_stdin() if source.path is None else read_file(source.path)
        except InputError as problem:
            skipped = isinstance(problem, BinaryFileError) and source.from_walk
            result.tasks.append(Task(source, error=str(problem), skipped=skipped))
            continue
        if decoded.is_fallback:
            warn(f"{source.display}: not UTF-8; read as {decoded.encoding}")
        if jsonl_field is None:
            result.tasks.append(Task(source, text=decoded.text, original_path=original))
            continue
        lines = _LINES.findall(decoded.text)
        corpus = Corpus(source, decoded, lines, {}, jsonl_field, 0)
        records = [
            _record_task(source, number, line, corpus, originals.field)
            for number, line in enumerate(lines, start=1)
            if line.strip()
        ]
        corpus.remaining = len(records)
        result.tasks += records
        result.corpora[source.display] = corpus
    return result


def _record_task(
    source: Source, number: int, line: str, corpus: Corpus, original_field: str | None
) -> Task:
    """Parse one corpus line into a task (an error task when it is not a usable record), with
    the record's ``original_field`` as its text before translation."""
    try:
        record = parse_record(line)
    except ValueError as problem:
        return Task(source, line=number, error=str(problem))
    text = record.get(corpus.field)
    if not isinstance(text, str):
        return Task(source, line=number, error=f"no text field {corpus.field!r}")
    corpus.records[number] = record
    original = record.get(original_field) if original_field else None
    return Task(
        source,
        text=text,
        line=number,
        original_text=original if isinstance(original, str) else None,
    )


#: Articles handed to a worker at a time (at most; fewer when the batch is small).
CHUNK = 4
#: Articles cleaned before worker processes are forked, at most (and an eighth of each
#: process's share): the workers start with the per-word answers they taught this process,
#: about the words most articles use, instead of each finding them again (``--jobs 2`` on
#: 444 articles: 4 % less CPU, and 16 % more than ``--jobs 1`` instead of 21 %).
FIRST_TASKS = 32

#: What each worker process keeps between tasks: the configuration and how to save.
_WORKER: dict[str, object] = {}

#: A few lines that take every detector through its first use (lazy indexes get built).
_WARM_UP = (
    "Minister Adaa Quell said in Kiev on Tuesday that the talks were constructiv -and long.\n"
    "\u201eWe agree,\u201c she said. Er sagte, dass die Gespr\u00e4che gut waren.\n"
)


def _prepare(config: Config, saving: Saving, as_json: bool, many: bool) -> None:
    """Set up a worker: remember the settings (the dictionaries load once, on first use). For
    ``many`` tasks the big word sets are built at once: a batch asks them enough questions to
    pay for it (one article alone does not), and forked workers share them."""
    _WORKER.update(config=config, saving=saving, as_json=as_json)
    if many:
        load_lexicon(tuple(config.extra_dictionaries)).build_word_sets()


def _warm_up(config: Config) -> None:
    """Load the dictionaries and what detectors build on first use, for forked workers to share."""
    clean(_WARM_UP, config)


def workers(
    config: Config, saving: Saving, jobs: int, tasks: Sequence[Task], as_json: bool = False
) -> Pool[Task, Outcome]:
    """Return the pool (a context manager) that cleans ``tasks`` in up to ``jobs`` processes.

    With ``as_json`` the workers also make each report's JSON-ready form (``Outcome.data``), so
    the parent only prints. Enter the pool before starting other threads (a progress bar):
    worker processes may be forked, after this process cleaned the first few tasks
    (``FIRST_TASKS``).
    """
    preload = functools.partial(_warm_up, config)
    count = len(tasks)
    jobs = max(1, min(jobs, count))
    chunk = max(1, min(CHUNK, count // (jobs * 8)))  # small chunks at the end of a batch
    first = tasks[: min(FIRST_TASKS, count // (jobs * 8))] if jobs > 1 else ()
    return Pool(_run, jobs, _prepare, (config, saving, as_json, count > 1), preload, chunk, first)


def _run(task: Task) -> Outcome:
    """Clean one task in a worker; an input problem becomes an error outcome."""
    config, saving = _WORKER["config"], _WORKER["saving"]
    assert isinstance(config, Config) and isinstance(saving, Saving)
    if task.error is not None:
        return Outcome(task.display, error=task.error, skipped=task.skipped)
    warnings: list[str] = []
    original = task.original_text
    if task.original_path is not None:
        original, problem = read_source_text(task.original_path)
        if problem:
            warnings.append(f"{task.display}: {problem}; cleaned without a source")
    try:
        if task.text is None:
            report = clean_source(task.source, config, saving, warnings.append, original)
        else:
            report = clean(task.text, config, source=original)
    except InputError as problem:
        skipped = isinstance(problem, BinaryFileError) and task.source.from_walk
        return Outcome(task.display, error=str(problem), skipped=skipped, warnings=(*warnings,))
    used = report.summary.get("source")
    if used and used.get("problem"):
        warnings.append(f"{task.display}: {used['problem']}; cleaned without it")
    data = to_object(FileReport(task.display, report)) if _WORKER["as_json"] else None
    return Outcome(task.display, report=report, warnings=tuple(warnings), data=data)


@dataclass
class Summary:
    """What a batch did: articles, words, changes per kind, problems, time."""

    total: int = 0
    cleaned: int = 0
    words: int = 0
    by_kind: Counter = field(default_factory=Counter)
    errors: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    interrupted: bool = False
    sources: Counter = field(default_factory=Counter)

    def add(self, outcome: Outcome) -> None:
        """Count one outcome."""
        if outcome.report is not None:
            self.cleaned += 1
            self.words += outcome.report.words
            self.by_kind.update(change.kind for change in outcome.report.changes)
            used = outcome.report.summary.get("source")
            if used:
                self.sources["articles"] += 1
                self.sources["used"] += bool(used["used"])
                self.sources["lines"] += used["lines"]
                self.sources["aligned"] += used["aligned"] if used["used"] else 0
                self.sources["changes"] += used.get("changes", 0)
                self.sources["vetoed"] += used.get("vetoed", 0)
        elif outcome.error is not None:
            problems = self.skipped if outcome.skipped else self.errors
            problems.append((outcome.display, outcome.error))

    @property
    def changes(self) -> int:
        """All changes proposed."""
        return sum(self.by_kind.values())

    @property
    def finished(self) -> int:
        """Tasks done, whether cleaned, skipped or failed."""
        return self.cleaned + len(self.skipped) + len(self.errors)


def process(
    batch: Plan,
    pool: Pool[Task, Outcome],
    saving: Saving,
    on_outcome: Callable[[Outcome], None],
) -> Summary:
    """Clean every task of ``batch`` in ``pool`` (from ``workers``); pass outcomes on, in order.

    A corpus is saved when its last record is back. On Ctrl-C no more work is handed out, the
    tasks already handed out are finished and passed on, and the summary says ``interrupted``.
    """
    summary = Summary(total=len(batch.tasks))
    started = time.perf_counter()
    handled = 0  # outcomes counted so far: the next outcome is that of batch.tasks[handled]

    def handle(outcome: Outcome) -> None:
        nonlocal handled
        with deferred_interrupt():  # counted, shown, saved and taken, or none of these
            task = batch.tasks[handled]
            corpus = batch.corpora.get(task.source.display) if task.line else None
            if corpus is not None:
                outcome = replace(outcome, record=corpus.records.get(task.line))
            summary.add(outcome)
            on_outcome(outcome)
            if corpus is not None:
                corpus.settle(task.line, outcome.report, saving)
                if corpus.remaining == 0:
                    _save_corpus(corpus, saving, summary, on_outcome)
            pool.taken()
            handled += 1

    for corpus in batch.corpora.values():
        if corpus.remaining == 0:  # nothing to clean in it, but a copy is still wanted
            _save_corpus(corpus, saving, summary, on_outcome)
    try:
        for outcome in pool.map(batch.tasks):
            handle(outcome)
    except KeyboardInterrupt:
        summary.interrupted = True
        for outcome in pool.drain():
            handle(outcome)
    summary.seconds = time.perf_counter() - started + pool.first_seconds
    return summary


def _save_corpus(
    corpus: Corpus, saving: Saving, summary: Summary, on_outcome: Callable[[Outcome], None]
) -> None:
    """Save a finished corpus as ``saving`` says; a failure is one more error outcome."""
    try:
        saving.save(corpus.source, corpus.decoded, corpus.text())
    except InputError as problem:
        outcome = Outcome(corpus.source.display, error=str(problem))
        summary.add(outcome)
        on_outcome(outcome)


def report_object(outcome: Outcome) -> dict:
    """Return the json output of an outcome: ``{"path", "changes", "summary"}`` for a file, the
    record with ``changes`` and ``summary`` added for a JSON-lines record."""
    assert outcome.report is not None
    data = outcome.data or to_object(FileReport(outcome.display, outcome.report))
    if outcome.record is None:
        return data
    return {**outcome.record, "changes": data["changes"], "summary": data["summary"]}
