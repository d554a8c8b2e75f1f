"""Measure a batch of 1,000 articles with one worker process and with two.

Run from anywhere: ``python benchmarks/batch.py`` (``--articles N``, ``--rounds R``). It writes
1,000 articles into nested folders of a temporary directory — the paragraphs of our fixtures in a
random order per article, garbled with its own seed by ``garble.py``, so no two are alike — then
times whole processes of ``mtfix clean DIR --format jsonl --jobs 1`` and ``--jobs 2`` (alternating,
``--rounds`` times each, best kept), checks that each run printed one valid JSON line per file in
input order, and reports the times, the speed-up and the load average (other work on the machine
slows the parallel run more). Prints Markdown and writes it to ``benchmarks/results/batch.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from garble import garble  # noqa: E402
from quality import machine  # noqa: E402

FIXTURES = [*sorted((ROOT / "tests" / "fixtures").glob("*.txt"))]
FIXTURES += sorted((ROOT / "tests" / "fixtures" / "clean").glob("*.txt"))
MTFIX = [sys.executable, "-m", "mtfix"]


@dataclass
class Run:
    """One timed whole-process run."""

    jobs: int
    seconds: float
    cpu: float
    lines: int
    words: int
    changes: int


def write_articles(folder: Path, count: int, seed: int = 5) -> list[str]:
    """Write ``count`` varied articles in nested folders; return their paths in walk order."""
    rng = random.Random(seed)
    paragraphs = [
        paragraph
        for path in FIXTURES
        for paragraph in path.read_text(encoding="utf-8").split("\n\n")
        if paragraph.strip()
    ]
    paths = []
    for number in range(count):
        chosen = rng.sample(paragraphs, rng.randint(4, 10))
        text, _ = garble("\n\n".join(chosen) + "\n", seed=number)
        relative = Path(f"desk{number % 4}", f"week{number % 13:02}", f"article{number:04}.txt")
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_text(text, encoding="utf-8")
        paths.append(relative)
    # ``mtfix`` walks a folder's files, then its sub-folders, each sorted; ours are all leaves.
    return [str(Path(folder.name) / path) for path in sorted(paths)]


def timed(folder: Path, jobs: int, expected: list[str]) -> Run:
    """Run ``mtfix clean`` on ``folder`` as a whole process and check its output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [*MTFIX, "clean", folder.name, "--format", "jsonl", "--jobs", str(jobs), "--no-summary"],
        cwd=folder.parent,
        capture_output=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if done.returncode not in (0, 1):
        raise SystemExit(f"mtfix --jobs {jobs} failed ({done.returncode}): {done.stderr[-500:]}")
    reports = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    paths = [report["path"] for report in reports]
    if paths != expected:
        raise SystemExit(f"--jobs {jobs}: {len(paths)} lines, not one per file in input order")
    words = sum(report["summary"]["words"] for report in reports)
    changes = sum(len(report["changes"]) for report in reports)
    return Run(jobs, seconds, cpu, len(reports), words, changes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5, help="runs per job count; best is kept")
    parser.add_argument("--output", type=Path, default=HERE / "results" / "batch.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "news"
        expected = write_articles(folder, args.articles)
        first = folder.parent / expected[0]  # warm-up: builds the dictionary cache if stale
        subprocess.run([*MTFIX, "clean", str(first)], capture_output=True, check=False)
        runs: dict[int, list[Run]] = {1: [], 2: []}
        loads = [os.getloadavg()]
        for _ in range(args.rounds):
            for jobs in (1, 2):
                runs[jobs].append(timed(folder, jobs, expected))
                loads.append(os.getloadavg())
                print(f"--jobs {jobs}: {runs[jobs][-1].seconds:.1f} s", file=sys.stderr)
    best = {jobs: min(found, key=lambda run: run.seconds) for jobs, found in runs.items()}
    speedup = best[1].seconds / best[2].seconds
    words = best[1].words
    rows = [
        "| jobs | best wall time | all runs | CPU time (best run) | cores used | words/s |",
        "| --- | ---: | --- | ---: | ---: | ---: |",
        *(
            f"| {jobs} | {best[jobs].seconds:.1f} s | "
            f"{', '.join(f'{run.seconds:.1f} s' for run in runs[jobs])} | "
            f"{best[jobs].cpu:.1f} s | {best[jobs].cpu / best[jobs].seconds:.2f} | "
            f"{words / best[jobs].seconds:,.0f} |"
            for jobs in (1, 2)
        ),
    ]
    report = "\n".join(
        [
            "# Batch: 1,000 articles, one worker process and two",
            "",
            f"Run {machine()}.",
            "",
            f"`mtfix clean news --format jsonl --jobs N` as a whole process over {args.articles:,} "
            f"generated articles in nested folders ({words:,} words, {best[1].changes:,} "
            "changes); every run printed one valid JSON line per file, in input order.",
            "",
            *rows,
            "",
            f"**Speed-up with 2 jobs: {speedup:.2f}×** (best of {args.rounds} runs each, "
            "alternating).",
            "",
            "Load average (1, 5, 15 min) before the first run and after each: "
            + "; ".join(" ".join(f"{value:.2f}" for value in load) for load in loads)
            + ". Other work on the machine takes cores from the parallel run first, so a load "
            "above 0 lowers the speed-up; *cores used* (CPU time of the mtfix process and its "
            "workers over wall time) shows how much of the machine each run got.",
            "",
        ]
    )
    print(report)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
