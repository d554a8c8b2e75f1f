"""Clean a corpus on a Dask cluster: bags of texts or records, dataframes, and ``--dask`` runs.

Install with ``pip install 'mtfix[dask]'``. The work is mapped over partitions, so each worker
process loads the dictionaries once, on its first partition (``load_lexicon`` is cached per
process, and the built lexicon is cached on disk by :mod:`mtfix.cache`), not once per record.
Results are those of :func:`mtfix.clean` on each text, record for record.

This module is ``mtfix.dask``; Python 3 imports are absolute, so ``import dask`` below is the Dask
package, not this module (only running a file inside ``mtfix/`` as a script would put this folder
first on ``sys.path`` and break that, as it breaks every relative import in the package).
"""

from __future__ import annotations

import glob
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from os.path import getsize, isfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import dask.bag as db
from dask import delayed
from distributed import Client, LocalCluster, as_completed
from fsspec.utils import infer_compression

from .change import KINDS, Change
from .config import Config
from .io import InputError, parse_record, write_atomic
from .lexicon import load_lexicon
from .pipeline import clean
from .render.screen import Screen

if TYPE_CHECKING:  # dataframes need pandas and pyarrow (in mtfix[dask]); bags do not
    import dask.dataframe as dd
    import pandas as pd

#: The key (bags) or column (dataframes) that receives each text's changes.
CHANGES = "changes"
#: The ``--dask`` address that starts a cluster on this machine instead of joining one.
LOCAL = "local"
#: The record field or column holding the text, unless ``--jsonl-field`` names another.
DEFAULT_FIELD = "text"
#: File name endings read as JSON lines, and as Parquet (compressed JSON lines too: .jsonl.gz).
JSON_LINES = (".jsonl", ".ndjson", ".json")
PARQUET = (".parquet", ".pq")
#: Bounds of the block of a JSON-lines file one partition reads (one partition per file if
#: compressed, since a compressed file cannot be split).
MIN_BLOCK, MAX_BLOCK = 64 * 1024, 4 * 1024 * 1024
#: How long to try reaching a scheduler.
CONNECT_TIMEOUT = "15s"
#: Partitions per worker thread to aim for, so that the work stays spread to the end.
PARTITIONS_PER_THREAD = 4


def clean_bag(
    bag: db.Bag,
    field: str | None = None,
    config: Config | None = None,
    changes: str = CHANGES,
    review: bool = True,
    source_field: str | None = None,
) -> db.Bag:
    """Clean every text of a bag, partition by partition.

    Args:
        bag: texts (``field`` None) or records (dicts) holding the text under ``field``.
        field: the key of the text in each record.
        config: thresholds and rule selection, as for :func:`mtfix.clean`; files it names
            (``extra_dictionaries``) must be readable on every worker.
        changes: the key that receives the changes.
        review: apply review fixes too (as ``Report.apply``); False: safe fixes only.
        source_field: the key of each record's source text (the text before translation,
            as ``mtfix.clean(..., source=...)`` takes it); a record without one is cleaned
            without a source.

    Returns:
        A bag of dicts in the same order: for a text, ``{"text": cleaned, changes: [...]}``; for a
        record, a copy with the cleaned text under ``field`` and the changes under ``changes``.
        Changes are JSON-ready dicts of the Change contract, whose offsets point into the
        original text. A record whose ``field`` is missing or not a string is kept as it is, with
        no changes.
    """
    return bag.map_partitions(
        _clean_records, field, config or Config(), changes, review, source_field
    )


def clean_dataframe(
    df: dd.DataFrame,
    column: str,
    config: Config | None = None,
    changes: str = CHANGES,
    review: bool = True,
    source_column: str | None = None,
) -> dd.DataFrame:
    """Clean the texts of one column of a dataframe, partition by partition.

    Args:
        df: the dataframe; its index and other columns are kept.
        column: the column of texts; it receives the cleaned texts (missing values stay).
        config: as for :func:`clean_bag`.
        changes: the name of the column that receives each text's changes as a JSON list;
            ``{changes}_{kind}`` columns count the changes of each kind (``changes_entity``...).
        review: as for :func:`clean_bag`.
        source_column: the column of source texts (the texts before translation), if any.

    Returns:
        The cleaned dataframe, lazily, with the same partitions.
    """
    config = config or Config()
    meta = _clean_frame(df._meta, column, config, changes, review, source_column)
    return df.map_partitions(
        _clean_frame, column, config, changes, review, source_column, meta=meta
    )


def _report(
    value: object, config: Config, review: bool, source: object = None
) -> tuple[object, tuple[Change, ...]]:
    """Return the cleaned value and its changes; anything but a string is left alone.

    ``load_lexicon`` is cached per process: a worker loads the dictionaries for its first text
    and reuses them (and the client, which only builds the task graph, never loads them).
    """
    if not isinstance(value, str):
        return value, ()
    original = source if isinstance(source, str) else None
    report = clean(value, config, load_lexicon(tuple(config.extra_dictionaries)), original)
    return report.apply(review), report.changes


def _clean_records(
    records: Iterable[Any],
    field: str | None,
    config: Config,
    changes: str,
    review: bool,
    source_field: str | None = None,
) -> list[dict]:
    cleaned = []
    for record in records:
        if field is None:
            text, found = _report(record, config, review)
            cleaned.append({DEFAULT_FIELD: text, changes: [c.to_dict() for c in found]})
        else:
            source = record.get(source_field) if source_field else None
            text, found = _report(record.get(field), config, review, source)
            out = dict(record)
            if field in record:
                out[field] = text
            out[changes] = [c.to_dict() for c in found]
            cleaned.append(out)
    return cleaned


def _clean_frame(
    frame: pd.DataFrame,
    column: str,
    config: Config,
    changes: str,
    review: bool,
    source_column: str | None = None,
) -> pd.DataFrame:
    import pandas as pd

    texts: list[object] = []
    listed: list[str] = []
    counts: dict[str, list[int]] = {kind: [] for kind in KINDS}
    sources = frame[source_column] if source_column else [None] * len(frame)
    for value, source in zip(frame[column], sources, strict=True):
        text, found = _report(value, config, review, source)
        texts.append(text)
        listed.append(json.dumps([c.to_dict() for c in found], ensure_ascii=False))
        tally = Counter(change.kind for change in found)
        for kind in KINDS:
            counts[kind].append(tally[kind])
    out = frame.copy()
    out[column] = pd.Series(texts, index=frame.index, dtype=frame[column].dtype)
    out[changes] = pd.Series(listed, index=frame.index, dtype=str)
    for kind in KINDS:
        out[f"{changes}_{kind}"] = pd.Series(counts[kind], index=frame.index, dtype="int64")
    return out


# -- mtfix clean --dask -------------------------------------------------------------------------


@dataclass
class Tally:
    """What a ``--dask`` run did: records read, records without text, and changes per kind."""

    records: int = 0
    without_text: int = 0
    by_kind: Counter[str] = field(default_factory=Counter)

    def __add__(self, other: Tally) -> Tally:
        """Return the sum of two tallies."""
        return Tally(
            self.records + other.records,
            self.without_text + other.without_text,
            self.by_kind + other.by_kind,
        )

    def describe(self, field: str, parts: int, output_dir: Path) -> str:
        """One line for the user: what was cleaned and where it went."""
        kinds = ", ".join(f"{kind} {n}" for kind, n in self.by_kind.most_common())
        missing = f" ({self.without_text} without a string {field!r})" if self.without_text else ""
        changes = _count(sum(self.by_kind.values()), "change")
        return (
            f"cleaned {_count(self.records, 'record')}{missing} in {_count(parts, 'partition')}: "
            f"{changes}{f' ({kinds})' if kinds else ''} -> {output_dir}"
        )


def _count(number: int, noun: str) -> str:
    """Say how many, the noun in the plural unless there is one.

    >>> _count(1, "record"), _count(2, "record")
    ('1 record', '2 records')
    """
    return f"{number} {noun}{'' if number == 1 else 's'}"


def clean_files(
    address: str,
    patterns: Sequence[str],
    output_dir: Path,
    config: Config,
    field: str = DEFAULT_FIELD,
    say: Callable[[str], None] | None = None,
    review: bool = False,
    source_field: str | None = None,
) -> Tally:
    """Clean JSON-lines or Parquet files on a cluster, writing one output file per partition.

    Args:
        address: the scheduler's address (``tcp://host:8786``), or ``local`` for a cluster of
            one worker process per core on this machine.
        patterns: files or glob patterns (``news/*.jsonl``), all JSON lines or all Parquet.
        output_dir: a folder every worker can write to (on a real cluster, a shared file
            system); it receives ``part-00000.jsonl``... (or ``.parquet``) in input order.
        config: as for :func:`clean_bag`.
        field: the record field (JSON) or column (Parquet) holding the text.
        say: where the dashboard link and the closing tally go (default: stderr).
        review: apply review fixes too (``--unsafe-fixes``); by default safe fixes only, as
            ``--output-dir`` does.
        source_field: the record field (or column) of each text's source, if any.

    Returns:
        The tally of records and changes.

    Raises:
        InputError: no file matches, the formats are mixed or unknown, the output folder already
            holds parts, a line is not a JSON object, a Parquet file lacks the column, or the
            scheduler cannot be reached.
    """
    say = say or _say
    paths = _expand(patterns)
    kind = _format_of(paths)
    _check_output(output_dir)
    with _client(address) as client:
        say(f"dask dashboard: {client.dashboard_link}")
        if kind == "parquet":
            frame = _read_parquet(paths)
            if field not in frame.columns:
                raise InputError(f"the Parquet files have no column {field!r} (see --jsonl-field)")
            if source_field is not None and source_field not in frame.columns:
                raise InputError(f"the Parquet files have no column {source_field!r}")
            parts = clean_dataframe(
                frame, field, config, review=review, source_column=source_field
            ).to_delayed()
            writer: Callable[[Any, Path, str], Tally] = _write_parquet
        else:
            threads = sum(client.nthreads().values()) or 1
            lines = db.read_text(paths, blocksize=_blocksize(paths, threads), include_path=True)
            records = lines.filter(_has_text).map(_parse_line)
            parts = clean_bag(
                records, field, config, review=review, source_field=source_field
            ).to_delayed()
            writer = _write_jsonl
        output_dir.mkdir(parents=True, exist_ok=True)
        suffix = ".parquet" if kind == "parquet" else ".jsonl"
        tasks = [
            delayed(writer)(part, output_dir / f"part-{i:05d}{suffix}", field)
            for i, part in enumerate(parts)
        ]
        futures = client.compute(tasks)
        with Screen(len(futures)) as screen:
            for _ in as_completed(futures):
                screen.advance()
        tallies = client.gather(futures)
    total = sum(tallies, Tally())
    say(total.describe(field, len(tasks), output_dir))
    return total


def _say(line: str) -> None:
    print(f"mtfix: {line}", file=sys.stderr, flush=True)


@contextmanager
def _client(address: str) -> Iterator[Client]:
    """Connect to the scheduler at ``address``, or start a local cluster for ``local``."""
    if address == LOCAL:
        workers = os.cpu_count() or 1  # mtfix holds the GIL: one single-thread process a core
        with (
            LocalCluster(n_workers=workers, threads_per_worker=1, processes=True) as cluster,
            Client(cluster) as client,
        ):
            yield client
        return
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as error:
        raise InputError(f"--dask {address}: cannot reach the scheduler ({error})") from error
    with client:
        yield client


def _expand(patterns: Sequence[str]) -> list[str]:
    """Return the files the patterns name, in order, each once (``**`` spans folders)."""
    paths: list[str] = []
    for pattern in patterns:
        found = [path for path in sorted(glob.glob(pattern, recursive=True)) if isfile(path)]
        if not found:
            raise InputError(f"{pattern}: no such file")
        paths.extend(path for path in found if path not in paths)
    return paths


def _format_of(paths: list[str]) -> str:
    """Tell whether the inputs are all JSON lines or all Parquet."""
    kinds = set()
    for path in paths:
        name = path.lower()
        compression = infer_compression(name)
        if compression:
            name = name.rsplit(".", 1)[0]
        if name.endswith(JSON_LINES):
            kinds.add("jsonl")
        elif name.endswith(PARQUET) and not compression:
            kinds.add("parquet")
        else:
            raise InputError(f"{path}: --dask reads .jsonl or .parquet files")
    if len(kinds) > 1:
        raise InputError("--dask inputs must be all JSON lines or all Parquet, not both")
    return kinds.pop()


def _check_output(output_dir: Path) -> None:
    """Refuse a folder holding parts of an earlier run, which would mix with the new ones."""
    if any(output_dir.glob("part-*")):
        raise InputError(f"--output-dir {output_dir} already holds part-* files; use a new folder")


def _blocksize(paths: list[str], threads: int) -> int | None:
    """Bytes per partition: about ``PARTITIONS_PER_THREAD`` per thread, within bounds."""
    if any(infer_compression(path) for path in paths):
        return None
    total = sum(getsize(path) for path in paths)
    return max(MIN_BLOCK, min(MAX_BLOCK, total // (threads * PARTITIONS_PER_THREAD) + 1))


def _read_parquet(paths: list[str]) -> dd.DataFrame:
    """Read Parquet files lazily; without pandas and pyarrow, say how to get them."""
    try:
        import dask.dataframe as dd
    except ImportError as missing:
        needs = f"reading Parquet needs {missing.name}"
        raise InputError(f"{needs}: pip install 'mtfix[dask]'") from None
    return dd.read_parquet(paths)


def _has_text(item: tuple[str, str]) -> bool:
    return bool(item[0].strip())


def _parse_line(item: tuple[str, str]) -> dict:
    line, path = item
    try:
        return parse_record(line)
    except ValueError as problem:
        raise InputError(f"{path}: a line is {problem}: {line[:60]!r}") from None


def _tally(records: int, field_values: Iterable[object], kinds: Counter[str]) -> Tally:
    missing = sum(not isinstance(value, str) for value in field_values)
    return Tally(records, missing, kinds)


def _write_jsonl(records: list[dict], target: Path, field: str) -> Tally:
    lines = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    write_atomic(target, lines.encode("utf-8"))
    kinds = Counter(change["kind"] for record in records for change in record[CHANGES])
    return _tally(len(records), (record.get(field) for record in records), kinds)


def _write_parquet(frame: pd.DataFrame, target: Path, field: str) -> Tally:
    frame.to_parquet(target)
    kinds = Counter({kind: int(frame[f"{CHANGES}_{kind}"].sum()) for kind in KINDS})
    return _tally(len(frame), frame[field], +kinds)
