"""Measure mtfix on Dask: records per second in one process vs a two-worker LocalCluster.

Run from the repository root: ``python benchmarks/dask_bench.py`` (``--articles N``; needs
``pip install '.[dask]'``). The corpus is made in memory from our own articles
(``tests/fixtures/clean``, ``benchmarks/clean-heldout``): about 500 words each, paragraphs in
random order, every other article garbled by ``garble.py`` with its own seed. It measures:

- one process: ``mtfix.clean`` on every article in turn, dictionaries loaded and warmed up on
  40 other articles;
- ``LocalCluster(n_workers=2, threads_per_worker=1, processes=True)``: ``mtfix.dask.clean_bag``
  over the same articles, cold (fresh workers, each loading the dictionaries on its first
  partition) and warm (fresh workers warmed up on the 40 other articles), after checking that
  the result equals the single-process one;
- ``mtfix clean --dask local FILE.jsonl --output-dir DIR`` as a whole command (start-up of the
  cluster included);
- each worker's memory (RSS): started, with the dictionaries loaded, and after cleaning a few
  articles and many (it should stay flat: mtfix keeps no per-article state).

Prints Markdown and writes it to ``benchmarks/results/dask.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import dask.bag as db
import psutil
from distributed import Client, LocalCluster

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from garble import garble  # noqa: E402
from quality import machine, table  # noqa: E402

import mtfix  # noqa: E402
from mtfix.dask import clean_bag  # noqa: E402
from mtfix.lexicon import load_lexicon  # noqa: E402

SOURCES = (ROOT / "tests" / "fixtures" / "clean", HERE / "clean-heldout")
RESULTS = HERE / "results" / "dask.md"
SEED = 11
WORKERS = 2
#: Partitions per worker: enough to keep both busy to the end.
PARTITIONS_PER_WORKER = 4
#: Articles cleaned before timing a warm run, other than the timed ones.
WARMUP = 40


def build_articles(count: int) -> list[str]:
    """Return ``count`` articles of about 500 words; every other one garbled."""
    paragraphs = [
        block
        for folder in SOURCES
        for path in sorted(folder.glob("*.txt"))
        for block in path.read_text(encoding="utf-8").split("\n\n")
        if block.strip()
    ]
    rng = random.Random(SEED)
    articles = []
    for number in range(count):
        chosen: list[str] = []
        while sum(len(p.split()) for p in chosen) < 500:
            chosen.append(rng.choice(paragraphs))
        text = "\n\n".join(chosen) + "\n"
        articles.append(garble(text, seed=number)[0] if number % 2 else text)
    return articles


def _split(texts: list[str]) -> tuple[list[str], list[str]]:
    return texts[:WARMUP], texts[WARMUP:]


def rss_mb() -> float:
    """This process's resident memory, in MB."""
    return psutil.Process().memory_info().rss / 2**20


def loaded_rss_mb() -> float:
    """Load the dictionaries in this process and return its resident memory, in MB."""
    load_lexicon().data  # noqa: B018 - loads and caches
    return rss_mb()


def new_cluster() -> LocalCluster:
    """A cluster of fresh worker processes, one thread each."""
    return LocalCluster(n_workers=WORKERS, threads_per_worker=1, processes=True)


def cpu_spent(client: Client, before: dict[str, float]) -> float:
    """CPU seconds the workers used since ``before`` (their ``process_time``), added up."""
    return sum(now - before[worker] for worker, now in client.run(time.process_time).items())


def seconds(action: Callable[[], object]) -> tuple[float, object]:
    """Time one call."""
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def as_records(reports: list[mtfix.Report]) -> list[dict]:
    return [{"text": r.apply(), "changes": [c.to_dict() for c in r.changes]} for r in reports]


def whole_command(articles: list[str]) -> float:
    """Time ``mtfix clean --dask local`` on the articles as one JSON-lines file."""
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        corpus.write_text("".join(json.dumps({"text": t}) + "\n" for t in articles), "utf-8")
        script = Path(sys.executable).with_name("mtfix")
        command = [str(script)] if script.exists() else [sys.executable, "-m", "mtfix"]
        args = ["clean", "--dask", "local", str(corpus), "--output-dir", f"{folder}/out"]
        started = time.perf_counter()
        subprocess.run([*command, *args, "--exit-zero"], check=True, capture_output=True)
        return time.perf_counter() - started


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="corpus size (1000)")
    args = parser.parse_args(argv)
    warmup, articles = _split(build_articles(WARMUP + args.articles))
    words = sum(len(text.split()) for text in articles)
    load_before = os.getloadavg()[0]

    before = rss_mb()
    load_seconds, _ = seconds(lambda: load_lexicon().data)
    [mtfix.clean(text) for text in warmup]
    cpu = time.process_time()
    single_seconds, reports = seconds(lambda: [mtfix.clean(text) for text in articles])
    single_cpu = time.process_time() - cpu
    single_rss = rss_mb()
    expected = as_records(reports)

    bag = db.from_sequence(articles, npartitions=WORKERS * PARTITIONS_PER_WORKER)
    start_seconds, cluster = seconds(new_cluster)
    with cluster, Client(cluster) as client:  # cold: each worker loads on its first partition
        cpu = client.run(time.process_time)
        cold_seconds, result = seconds(lambda: clean_bag(bag).compute())
        cold_cpu = cpu_spent(client, cpu)
    if result != expected:
        raise SystemExit("the cluster's result differs from the single-process result")
    with new_cluster() as cluster, Client(cluster) as client:  # warm, like the one process
        started = client.run(rss_mb)
        loaded = client.run(loaded_rss_mb)
        clean_bag(db.from_sequence(warmup, npartitions=WORKERS * 2)).compute()
        warmed = client.run(rss_mb)
        cpu = client.run(time.process_time)
        warm_seconds, _ = seconds(lambda: clean_bag(bag).compute())
        warm_cpu = cpu_spent(client, cpu)
        after = client.run(rss_mb)
    command_seconds = whole_command(articles)

    def row(name: str, elapsed: float, cpu: float | None) -> tuple[str, ...]:
        speed_up = single_seconds / elapsed
        rate = f"{len(articles) / elapsed:.1f}"
        return name, f"{elapsed:.1f}", rate, f"{speed_up:.2f}", "–" if cpu is None else f"{cpu:.1f}"

    def each(values: dict[str, float]) -> str:
        return " / ".join(f"{value:.0f}" for value in values.values())

    rows = [
        row("one process (warm)", single_seconds, single_cpu),
        row(f"LocalCluster({WORKERS}), cold workers", cold_seconds, cold_cpu),
        row(f"LocalCluster({WORKERS}), warm workers", warm_seconds, warm_cpu),
        row("`mtfix clean --dask local` (whole command)", command_seconds, None),
    ]
    memory = [
        ("one process: started / loaded and cleaned", f"{before:.0f}", f"{single_rss:.0f}"),
        ("each worker: started / dictionaries loaded", each(started), each(loaded)),
        (
            f"each worker: after {WARMUP} articles / after {len(articles)} more",
            each(warmed),
            each(after),
        ),
    ]
    report = "\n".join(
        [
            "# mtfix on Dask",
            "",
            f"{machine()}; dask {__import__('dask').__version__}; load average"
            f" {load_before:.1f} before, {os.getloadavg()[0]:.1f} after. Above the number of"
            " cores, other work shares them and the wall-clock speed-up understates what free"
            " cores give; the CPU seconds (of the cleaning processes: the one process, or the"
            " workers together) depend much less on the load and show the cost of distributing.",
            "",
            f"{len(articles)} articles, {words:,} words (about 500 each, every other one garbled);"
            f" {WORKERS * PARTITIONS_PER_WORKER} partitions. The cluster's result equals the"
            " single-process result record for record. Loading the dictionaries took"
            f" {load_seconds:.2f} s in the one process (less when the on-disk cache is fresh);"
            f" starting the cluster {start_seconds:.1f} s.",
            "",
            table(("run", "seconds", "records/s", "speed-up", "CPU seconds"), rows),
            "",
            "Memory (RSS, MB):",
            "",
            table(("process", "before", "after"), memory),
            "",
        ]
    )
    print(report)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
