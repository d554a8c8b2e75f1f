"""Measure mtfix's speed beside the spell-checkers a user might run instead.

Run from anywhere: ``python benchmarks/speed.py`` (``--words N`` for a smaller corpus). It builds a
corpus of at least a million words in a temporary folder — articles assembled from the paragraphs
of our clean and held-out news and, when ``../shared`` is present, the WMT21 machine translations
and references, in random order, every other one garbled with its own seed — and times, in the
same run, whole processes over the same files:

- ``mtfix clean DIR --format jsonl`` (with ``--jobs 1`` and ``--jobs 2`` when the CLI has it);
- ``codespell DIR``;
- symspellpy: load its bundled English frequency dictionary, then ``lookup`` every word;
- pyspellchecker: ``correction`` of every word unknown to it, on a sample (it is slow).

It also times start-up (one article of about 700 words, whole process, beside codespell on the
same file, pair by pair), one file of about 590,000 words beside codespell, the growth from one
file of ``--growth`` words to one of ten times as many (with its peak memory, RSS), and profiles
``mtfix.clean`` in-process to show where the time goes. The report opens with issue 15's table:
each row a ratio against codespell measured in the same run (or the growth and memory figures).
Prints Markdown and writes it to ``benchmarks/results/speed.md``. Needs
``benchmarks/requirements.txt``; a missing tool is skipped.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib.util
import io
import os
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from garble import garble  # noqa: E402
from quality import CORPUS, HELDOUT, machine, table  # noqa: E402  (puts the repository on sys.path)

import mtfix  # noqa: E402

CLEAN = ROOT / "tests" / "fixtures" / "clean"
#: Words of the start-up article and of the one-file run (issue 15's table).
STARTUP_WORDS = 700
ONE_FILE_WORDS = 590_000
#: Whole-process pairs (mtfix, codespell) timed on the start-up article in each round.
STARTUP_PAIRS = 5
RESULTS = HERE / "results" / "speed.md"
SEED = 6
#: The German-English set of the shared corpus whose MT outputs and references feed the corpus.
WMT = CORPUS / "wmt21-de-en"
#: pyspellchecker is too slow for the whole corpus: it gets this many seconds of it.
PYSPELL_SECONDS = 60

SYMSPELL = """
import sys, time, re
from importlib.resources import files
from pathlib import Path
from symspellpy import SymSpell, Verbosity
t0 = time.perf_counter()
sym = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
sym.load_dictionary(str(files("symspellpy") / "frequency_dictionary_en_82_765.txt"), 0, 1)
t1 = time.perf_counter()
word = re.compile(r"[^\\W\\d_]+(?:['’-][^\\W\\d_]+)*")
for path in sorted(Path(sys.argv[1]).glob("*.txt")):
    for w in word.findall(path.read_text(encoding="utf-8")):
        sym.lookup(w.lower(), Verbosity.CLOSEST, max_edit_distance=2)
print(t1 - t0)
"""

PYSPELL = """
import sys, time, re
from pathlib import Path
from spellchecker import SpellChecker
spell = SpellChecker(language="en", distance=2)
word = re.compile(r"[^\\W\\d_]+(?:['’-][^\\W\\d_]+)*")
deadline = time.perf_counter() + float(sys.argv[2])
done = 0
for path in sorted(Path(sys.argv[1]).glob("*.txt")):
    text = path.read_text(encoding="utf-8")
    for w in word.findall(text):
        if w.lower() not in spell:
            spell.correction(w.lower())
    done += len(text.split())
    if time.perf_counter() > deadline:
        break
print(done)
"""


STARTUP = """
import sys, time
t0 = time.perf_counter()
import mtfix
t1 = time.perf_counter()
text = open(sys.argv[1], encoding="utf-8").read()
mtfix.clean(text)
t2 = time.perf_counter()
mtfix.clean(text)
t3 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2)
"""


@dataclass(frozen=True)
class Run:
    """One timed whole-process run."""

    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    returncode: int
    stderr: str
    stdout: str = ""


def cpu_pace() -> float:
    """Seconds a fixed pure-Python loop takes now (best of 3): how fast the machine runs."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        total = 0
        for number in range(2_000_000):
            total += number
        best = min(best, time.perf_counter() - started)
    return best


def timed(command: Sequence[str], env: dict[str, str] | None = None, keep: bool = False) -> Run:
    """Run ``command``; return its wall time and peak RSS (stdout is discarded unless ``keep``)."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as err, tempfile.TemporaryFile("w+") as out:
        process = subprocess.Popen(
            command, stdout=out if keep else subprocess.DEVNULL, stderr=err, env=env, text=True
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        out.seek(0)
        cpu = usage.ru_utime + usage.ru_stime
        return Run(seconds, cpu, usage.ru_maxrss / 1024, process.returncode, err.read(), out.read())


def mtfix_command() -> tuple[list[str], dict[str, str]]:
    """How to call the mtfix CLI: the venv's script if installed, else ``python -m mtfix``."""
    env = dict(os.environ, NO_COLOR="1", PYTHONPATH=str(ROOT))
    # Bytecode is cached as after a normal install (an editable install under
    # PYTHONDONTWRITEBYTECODE would compile every module again on each start).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    script = Path(sys.executable).with_name("mtfix")
    if script.exists():
        return [str(script)], env
    return [sys.executable, "-m", "mtfix"], env


def source_paragraphs() -> tuple[list[str], str]:
    """The news paragraphs the corpus is built from, and a note naming where they come from.

    Our clean fixtures and held-out news always; the WMT21 German-English machine translations
    and human references too when the shared corpus is beside the repository (read in place,
    never copied), so the vocabulary is that of many real articles, not of a few.
    """
    paths = sorted(CLEAN.glob("*.txt")) + sorted(HELDOUT.glob("*.txt"))
    where = "`tests/fixtures/clean/` and `benchmarks/clean-heldout/`"
    if WMT.is_dir():
        paths += sorted(p for part in ("mt", "ref", "ref-B") for p in (WMT / part).rglob("*.txt"))
        where += " and the WMT21 German-English MT outputs and references (`../shared/corpus/`)"
    paragraphs = [
        p.strip()
        for path in paths
        if path.name != "README.md"
        for p in path.read_text(encoding="utf-8").split("\n\n")
        if len(p.split()) >= 3
    ]
    return paragraphs, where


def build_corpus(folder: Path, target_words: int) -> tuple[int, int, int, str]:
    """Write varied articles of about 500 words until ``target_words``.

    Returns (files, words, distinct words, where the paragraphs come from).
    """
    paragraphs, where = source_paragraphs()
    rng = random.Random(SEED)
    total = files = 0
    vocabulary: set[str] = set()
    while total < target_words:
        chosen, size = [], 0
        while size < 500:
            paragraph = rng.choice(paragraphs)
            chosen.append(paragraph)
            size += len(paragraph.split())
        text = "\n\n".join(chosen) + "\n"
        if files % 2:  # half the files keep clean text, half carry MT-like artefacts
            text, _ = garble(text, seed=files)
        (folder / f"article-{files:05d}.txt").write_text(text, encoding="utf-8")
        words = text.split()
        vocabulary.update(words)
        total += len(words)
        files += 1
    return files, total, len(vocabulary), where


def write_article(path: Path, words: int, seed: int = SEED) -> int:
    """Write one garbled article of about ``words`` words (within 5 %), from the corpus's
    paragraphs; return its word count."""
    paragraphs, _ = source_paragraphs()
    rng = random.Random(seed)
    chosen: list[str] = []
    size = 0
    while size < 0.95 * words:
        paragraph = rng.choice(paragraphs)
        if size + len(paragraph.split()) <= 1.05 * words:  # a paragraph that fits
            chosen.append(paragraph)
            size += len(paragraph.split())
    text, _ = garble("\n\n".join(chosen) + "\n", seed=seed)
    path.write_text(text, encoding="utf-8")
    return len(text.split())


def join_articles(folder: Path, path: Path, words: int) -> int:
    """Write the articles of ``folder``, in name order, into one file of at least ``words``
    words (all of them if they hold fewer); return its word count."""
    texts, total = [], 0
    for article in sorted(folder.glob("*.txt")):
        texts.append(article.read_text(encoding="utf-8"))
        total += len(texts[-1].split())
        if total >= words:
            break
    path.write_text("\n".join(texts), encoding="utf-8")
    return total


@dataclass(frozen=True)
class Startup:
    """One round's start-up measurement: medians over pairs of whole-process runs."""

    seconds: float  # wall time of ``mtfix clean ARTICLE --format json``
    cpu_seconds: float
    peak_rss_mb: float
    codespell_cpu_seconds: float | None  # codespell on the same article
    ratio: float | None  # mtfix CPU / codespell CPU, the median of the pairs' ratios


def startup(
    command: list[str], env: dict[str, str], article: Path, codespell: str | None
) -> Startup:
    """Time cleaning ``article`` (whole process) and codespell on it, in turn, pair by pair:
    the ratio of each pair is taken while the machine runs at one pace."""
    runs, checks = [], []
    for _ in range(STARTUP_PAIRS):
        runs.append(timed([*command, "clean", str(article), "--format", "json"], env))
        if codespell:
            checks.append(timed([codespell, str(article)]))
    pairs = zip(runs, checks, strict=True) if checks else iter(())
    ratios = [run.cpu_seconds / max(check.cpu_seconds, 1e-9) for run, check in pairs]
    return Startup(
        statistics.median(r.seconds for r in runs),
        statistics.median(r.cpu_seconds for r in runs),
        max(r.peak_rss_mb for r in runs),
        statistics.median(c.cpu_seconds for c in checks) if checks else None,
        statistics.median(ratios) if ratios else None,
    )


def startup_breakdown(env: dict[str, str], article: Path) -> str:
    """Where the start-up time goes, in-process, median of 3: import, first clean with the
    dictionaries loading, a second clean."""
    parts = [
        [
            float(x)
            for x in timed(
                [sys.executable, "-c", STARTUP, str(article)], env, keep=True
            ).stdout.split()
        ]
        for _ in range(3)
    ]
    medians = [statistics.median(p[i] for p in parts if len(p) == 3) for i in range(3)]
    return (
        f"`import mtfix` {medians[0]:.2f} s, first `clean` (dictionaries load) "
        f"{medians[1]:.2f} s, second `clean` {medians[2] * 1000:.0f} ms"
    )


def profile(folder: Path, limit_words: int = 100_000) -> str:
    """Profile ``mtfix.clean`` in-process on part of the corpus; return the top functions."""
    texts, total = [], 0
    for path in sorted(folder.glob("*.txt")):
        texts.append(path.read_text(encoding="utf-8"))
        total += len(texts[-1].split())
        if total >= limit_words:
            break
    mtfix.clean("Warm up the dictionaries.")
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for text in texts:
        mtfix.clean(text)
    profiler.disable()
    seconds = time.perf_counter() - started
    stream = io.StringIO()
    pstats.Stats(profiler, stream=stream).sort_stats("cumulative").print_stats(18)
    lines = [line for line in stream.getvalue().splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if "ncalls" in line)
    body = "\n".join(line.replace(str(ROOT) + "/", "") for line in lines[start:])
    return (
        f"In-process `mtfix.clean` on {total:,} words (dictionaries already loaded): "
        f"{seconds:.2f} s, {total / seconds:,.0f} words/s. Top functions by cumulative time "
        f"(profiling overhead included):\n\n```\n{body}\n```"
    )


#: Time for ten times the words in one file may be at most this many times as long (linear;
#: scaled to the words the two files really hold).
GROWTH_LIMIT = 11


@dataclass(frozen=True)
class Growth:
    """The growth measurement: its Markdown section and the figures issue 15's table quotes."""

    markdown: str
    words: int  # in the larger file
    ratio: float  # its CPU time over the smaller file's
    limit: float  # the most that ratio may be for linear time
    peak_rss_mb: float  # of cleaning the larger file
    too_slow: tuple[str, ...]  # the parts of the work (detectors...) that grow faster than that


def growth(command: list[str], env: dict[str, str], small: int, codespell: str | None) -> Growth:
    """Time ``mtfix clean FILE`` on one file of ``small`` words and one of ten times as many
    (whole processes, CPU time, codespell beside it on the same files), with the time ratio
    flagged when it is above ``GROWTH_LIMIT``: a per-document structure that grows faster than
    the document."""
    with tempfile.TemporaryDirectory(prefix="mtfix-growth-") as tmp:
        folder = Path(tmp)
        articles = folder / "articles"
        articles.mkdir()
        build_corpus(articles, 10 * small)
        rows, runs, sizes = [], {}, {}
        for size in (small, 10 * small):
            one = folder / f"one-{size}.txt"
            sizes[size] = words = join_articles(articles, one, size)
            run = runs[size] = timed([*command, "clean", str(one), "--format", "jsonl"], env)
            row = [f"{words:,}", f"{run.cpu_seconds:.2f}", f"{run.peak_rss_mb:.0f}"]
            if codespell:
                row.append(f"{timed([codespell, str(one)]).cpu_seconds:.2f}")
            rows.append(row)
        texts = {size: (folder / f"one-{size}.txt").read_text(encoding="utf-8") for size in sizes}
    words_ratio = sizes[10 * small] / sizes[small]
    ratio = runs[10 * small].cpu_seconds / runs[small].cpu_seconds
    limit = GROWTH_LIMIT / 10 * words_ratio
    verdict = (
        f"**above the limit of {limit:.1f}×: something grows faster than the input**"
        if ratio > limit
        else f"within the limit of {limit:.1f}× (linear)"
    )
    header = ["words in the file", "mtfix CPU s", "mtfix peak RSS (MB)"]
    header += ["codespell CPU s"] if codespell else []
    markdown = "\n".join(
        [
            "## Growth: one file, ten times the words",
            "",
            f"`mtfix clean FILE --format jsonl` on one file of the corpus's articles joined, then "
            f"one ten times as long (whole processes, once each, CPU time, start-up included): "
            f"{words_ratio:.1f}× the words took **{ratio:.1f}×** the time, {verdict}.",
            "",
            table(header, rows),
        ]
    )
    parts, too_slow = part_growth(texts[small], texts[10 * small], limit / words_ratio)
    markdown += "\n\n" + parts
    if ratio > limit:
        too_slow = ("the whole process", *too_slow)
    return Growth(markdown, sizes[10 * small], ratio, limit, runs[10 * small].peak_rss_mb, too_slow)


#: The task linear by construction that each part's growth is held against.
LINEAR = "a tuple per word (linear)"
#: Runs of each part on each file; the best counts (a single run of a short part is noisy).
PART_ROUNDS = 3
#: A part of the work is judged for linearity only when it takes at least this long on the
#: larger file (shorter times are too noisy to compare).
JUDGED_SECONDS = 0.05


def part_growth(small_text: str, large_text: str, slack: float) -> tuple[str, tuple[str, ...]]:
    """Time, in this process, the shared tokenising and each detector on the two texts (a fresh
    document each time, the best of ``PART_ROUNDS``; the per-word memos warmed by a first pass
    over the larger text, so both sizes find them alike); return a Markdown table and the parts
    whose time grows more than ``slack`` times as fast as a task linear by construction (a
    tuple per word): a per-document structure that grows faster than the document. Measuring
    against that task, not the word count, leaves out what the machine adds on a bigger input
    (its caches hold less of it)."""
    from mtfix.cache import fewer_collections
    from mtfix.lexicon import load_lexicon
    from mtfix.pipeline import DETECTORS
    from mtfix.text import Document

    lexicon = load_lexicon()
    mtfix.clean(large_text)  # loads every table and warms the per-word memos
    best: dict[tuple[str, int], float] = {}
    for _ in range(PART_ROUNDS):
        for size, text in enumerate((small_text, large_text)):
            with fewer_collections():
                started = time.process_time()
                [(word.lower(), number) for number, word in enumerate(text.split())]
                linear = time.process_time() - started
            best[LINEAR, size] = min(linear, best.get((LINEAR, size), linear))
            document = Document(text)
            with fewer_collections():  # as clean() runs
                started = time.process_time()
                document.tokens, document.sentence_starts, document.word_counts  # noqa: B018
                times = {"tokenising": time.process_time() - started}
                for name, detect in DETECTORS.items():
                    started = time.process_time()
                    for _ in detect(document, lexicon):
                        pass
                    times[name] = time.process_time() - started
            for name, seconds in times.items():
                best[name, size] = min(seconds, best.get((name, size), seconds))
    limit = slack * best[LINEAR, 1] / best[LINEAR, 0]
    rows, too_slow = [], []
    for name in [LINEAR, "tokenising", *DETECTORS]:
        small, large = best[name, 0], best[name, 1]
        ratio = large / max(small, 1e-6)
        judged = large >= JUDGED_SECONDS and name != LINEAR
        if judged and ratio > limit:
            too_slow.append(name)
        verdict = ("**too slow**" if ratio > limit else "linear") if judged else "not judged"
        rows.append([name, f"{small:.3f}", f"{large:.3f}", f"{ratio:.1f}×", verdict])
    intro = (
        f"Each part of the work in this process on the same two files (CPU s, best of "
        f"{PART_ROUNDS}). A part taking {JUDGED_SECONDS} s or more on the larger file is judged "
        f"against {limit:.1f}×: {slack:.1f} times the growth of the first row, a task linear by "
        "construction, so that what the machine adds on a bigger input (its caches hold less of "
        "it) does not count. The run exits with status 1 if any part, or the whole process, is "
        "above its limit:"
    )
    header = ["part", "smaller file", "larger file", "growth", "verdict"]
    return intro + "\n\n" + table(header, rows), tuple(too_slow)


def issue_15(
    least_cpu: dict[str, float],
    mtfix_name: str,
    files: int,
    one_words: int,
    start: Startup,
    article_words: int,
    grown: Growth | None,
) -> str:
    """Issue 15's table: each row measured in this run, as a ratio against codespell on the same
    input (CPU time, whole processes; speed as a share of codespell's, start-up as a multiple of
    its time), or the growth and memory figures."""
    rows: list[list[str]] = []
    codespell = "codespell" in least_cpu
    if codespell:
        folder = least_cpu["codespell"] / least_cpu[mtfix_name]
        rows.append(
            [
                f"folder of {files:,} articles, `--jobs 1`, vs codespell",
                "≥ 0.3× codespell",
                f"{folder:.2f}× ({least_cpu[mtfix_name]:.1f} s vs {least_cpu['codespell']:.1f} s)",
            ]
        )
        one = least_cpu["codespell one file"] / least_cpu["mtfix one file"]
        rows.append(
            [
                f"one {one_words / 1e6:.2f} M-word file vs codespell",
                "≥ 0.2× codespell",
                f"{one:.2f}× ({least_cpu['mtfix one file']:.1f} s vs "
                f"{least_cpu['codespell one file']:.1f} s)",
            ]
        )
    if grown is not None:
        rows.append(
            [
                f"growth to {grown.words / 1e6:.1f} M words in one file (10× the words)",
                f"≤ {grown.limit:.1f}× (linear)",
                f"{grown.ratio:.1f}×",
            ]
        )
    if start.ratio is not None and start.codespell_cpu_seconds is not None:
        rows.append(
            [
                f"start-up, one {article_words:,}-word article, vs codespell",
                "≤ 1.5×",
                f"{start.ratio:.2f}× ({start.cpu_seconds:.3f} s vs "
                f"{start.codespell_cpu_seconds:.3f} s, median of {STARTUP_PAIRS} pairs)",
            ]
        )
    if grown is not None:
        rows.append(
            [
                f"peak memory, {grown.words / 1e6:.1f} M words in one file",
                "≤ 250 MiB",
                f"{grown.peak_rss_mb:.0f} MiB",
            ]
        )
    if "mtfix clean --jobs 2" in least_cpu:
        extra = least_cpu["mtfix clean --jobs 2"] / least_cpu["mtfix clean --jobs 1"] - 1
        rows.append(["`--jobs 2` vs `--jobs 1` CPU", "≤ +10 %", f"{extra:+.0%}"])
    if not rows:
        return "codespell is not installed and the CLI has no `--jobs`: nothing to compare."
    note = (
        "CPU time (user + system) of whole processes, each run's least over the rounds; "
        "codespell on the same files in the same rounds."
    )
    return table(["measure", "target", "measured"], rows) + "\n\n" + note


def main(argv: Sequence[str] | None = None) -> None:
    """Build the corpus, time every tool on it, print and write the Markdown report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1_000_000, help="corpus size (words)")
    parser.add_argument("--rounds", type=int, default=2, help="runs per tool, interleaved (best)")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument(
        "--growth",
        type=int,
        default=100_000,
        metavar="WORDS",
        help="time one file of WORDS words and one of ten times as many (0: skip)",
    )
    args = parser.parse_args(argv)
    load_before, pace_before = os.getloadavg()[0], cpu_pace()
    command, env = mtfix_command()
    help_text = subprocess.run(  # also writes the bytecode caches before anything is timed
        [*command, "clean", "--help"], capture_output=True, text=True, env=env, check=False
    ).stdout
    rows: list[list[object]] = []
    notes: list[str] = []
    cpu_rates: dict[str, float] = {}
    with (
        tempfile.TemporaryDirectory(prefix="mtfix-speed-") as tmp,
        tempfile.TemporaryDirectory(prefix="mtfix-speed-one-") as tmp_one,
    ):
        folder = Path(tmp)
        files, total, distinct, where = build_corpus(folder, args.words)
        article, one_file = Path(tmp_one) / "article.txt", Path(tmp_one) / "one-file.txt"
        article_words = write_article(article, STARTUP_WORDS)
        one_words = join_articles(folder, one_file, ONE_FILE_WORDS)

        def add(tool: str, run: Run, words: int, note: str, codes: Sequence[int] = (0, 1)) -> float:
            rate = words / run.seconds
            cpu_rates[tool] = words / max(run.cpu_seconds, 1e-9)
            failed = run.returncode not in codes
            rows.append(
                [
                    tool,
                    note + (f" (exit {run.returncode})" if failed else ""),
                    f"{words:,}",
                    f"{run.seconds:.2f}",
                    f"{rate:,.0f}",
                    f"{run.cpu_seconds:.2f}",
                    f"{cpu_rates[tool]:,.0f}",
                    f"{run.peak_rss_mb:.0f}",
                ]
            )
            if failed:
                notes.append(f"`{tool}` exited {run.returncode}: {run.stderr.strip()[-300:]}")
            return rate

        jobs = [1, 2] if "--jobs" in help_text else [None]
        # Each tool: (name, command, how, exit codes that mean it ran). codespell exits 65 when
        # it finds misspellings.
        tools: list[tuple[str, list[str], str, tuple[int, ...]]] = [
            (
                "mtfix clean" + (f" --jobs {n}" if n else ""),
                [*command, "clean", str(folder), "--format", "jsonl"]
                + ([] if n is None else ["--jobs", str(n)]),
                "whole process, JSON lines out",
                (0, 1),
            )
            for n in jobs
        ]
        venv_bin = str(Path(sys.executable).parent)
        codespell = shutil.which("codespell", path=venv_bin) or shutil.which("codespell")
        if codespell:
            tools.append(("codespell", [codespell, str(folder)], "whole process", (0, 65)))
        else:
            notes.append("codespell is not installed: skipped.")
        if importlib.util.find_spec("symspellpy"):
            how = "whole process, lookup per word"
            tools.append(("symspellpy", [sys.executable, "-c", SYMSPELL, str(folder)], how, (0,)))
        else:
            notes.append("symspellpy is not installed: skipped.")
        best: dict[str, Run] = {}
        least_cpu: dict[str, float] = {}  # each run's least CPU time, for issue 15's ratios
        # The one-file run: mtfix and codespell on one file of the corpus's articles joined.
        one_tools = [("mtfix one file", [*command, "clean", str(one_file), "--format", "jsonl"])]
        one_tools += [("codespell one file", [codespell, str(one_file)])] if codespell else []
        # Round after round every tool runs once, so a slow spell of this shared machine hurts
        # all of them alike; each keeps its best round.
        starts: list[Startup] = []  # a start-up measurement each round
        for _ in range(args.rounds):
            for name, tool_command, _, _ in tools:
                run = timed(tool_command, env if name.startswith("mtfix") else None)
                if name not in best or run.seconds < best[name].seconds:
                    best[name] = run
                least_cpu[name] = min(least_cpu.get(name, run.cpu_seconds), run.cpu_seconds)
            for name, tool_command in one_tools:
                run = timed(tool_command, env if name.startswith("mtfix") else None)
                least_cpu[name] = min(least_cpu.get(name, run.cpu_seconds), run.cpu_seconds)
            starts.append(startup(command, env, article, codespell))
        rates: dict[str, float] = {}
        for name, _, how, codes in tools:
            rates[name] = add(name, best[name], total, f"{how}, best of {args.rounds}", codes)
        run = timed([sys.executable, "-c", PYSPELL, str(folder), str(PYSPELL_SECONDS)], keep=True)
        sample = int(run.stdout.strip() or 0)
        rates["pyspellchecker"] = add(
            "pyspellchecker", run, sample, "first files only, correction per unknown word"
        )
        best_start = min(starts, key=lambda start: start.cpu_seconds)  # the best round's
        start_parts = startup_breakdown(env, article)
        baseline = statistics.median(
            timed([sys.executable, "-c", "pass"]).seconds for _ in range(5)
        )
        profile_text = profile(folder)

    mtfix_name = "mtfix clean --jobs 1" if "mtfix clean --jobs 1" in rates else "mtfix clean"
    targets = []
    for tool, goal in (("codespell", 0.5), ("symspellpy", 5)):
        if tool in rates:
            wall = rates[mtfix_name] / rates[tool]
            cpu = cpu_rates[mtfix_name] / cpu_rates[tool]
            targets.append(
                [f"≥ {goal} × {tool} words/s", f"{wall:.2f} × ({cpu:.2f} × by CPU time)"]
            )
    targets.append(["start-up ≤ 0.3 s (one article)", f"{best_start.seconds:.2f} s"])
    mtfix_rss = max(float(r[7]) for r in rows if str(r[0]).startswith("mtfix"))
    targets.append(["peak RSS ≤ 250 MB", f"{mtfix_rss:.0f} MB"])
    if "mtfix clean --jobs 2" in rates:
        ratio = rates["mtfix clean --jobs 2"] / rates["mtfix clean --jobs 1"]
        targets.append(["--jobs 2 ≥ 1.8 × --jobs 1", f"{ratio:.2f} ×"])
    else:
        notes.append("The CLI has no `--jobs` option yet: scaling not measured.")

    grown = growth(command, env, args.growth, codespell) if args.growth else None
    issue_table = issue_15(
        least_cpu, mtfix_name, files, one_words, best_start, article_words, grown
    )
    report = [
        "# mtfix speed benchmark",
        "",
        f"Command: `python benchmarks/speed.py --words {args.words} --rounds {args.rounds} "
        f"--growth {args.growth}`. "
        f"Machine: {machine()}. "
        f"Load average (1 min) {load_before:.2f} before the run and {os.getloadavg()[0]:.2f} "
        f"after; a fixed pure-Python loop took {pace_before:.2f} s before and {cpu_pace():.2f} s "
        "after (this shared machine's pace varies): other work on the machine slows every tool "
        "alike, but widens the error bars.",
        "",
        "## Against the targets of issue 15",
        "",
        issue_table,
        "",
        "## All tools on the corpus",
        "",
        f"Corpus: {files:,} files, {total:,} words (whitespace tokens, {distinct:,} distinct), "
        f"built from the paragraphs of {where} in random order, every other file garbled by "
        "`benchmarks/garble.py`. Output discarded; whole processes; the tools run in turn, round "
        "after round, and each keeps its best round (pyspellchecker runs once, on a sample).",
        "",
        table(
            [
                "tool",
                "how",
                "words",
                "seconds",
                "words/s",
                "CPU s",
                "words/CPU s",
                "peak RSS (MB)¹",
            ],
            rows,
            left=2,
        ),
        "",
        "¹ of the largest single process (with `--jobs 2`, the workers add up). CPU time (user + "
        "system, the process and the children it waited for, so worker pools may be undercounted) "
        "is less disturbed by other load "
        "than wall time.",
        "",
        f"Start-up: `mtfix clean ARTICLE --format json` on one garbled article of "
        f"{article_words:,} words, median of {STARTUP_PAIRS}, measured in each round (best round "
        f"kept): {best_start.seconds:.2f} s, {best_start.cpu_seconds:.3f} s CPU (peak RSS "
        f"{best_start.peak_rss_mb:.0f} MB); `python -c pass` alone takes "
        f"{baseline:.2f} s. In-process, median of 3: {start_parts}.",
        "",
        "## Against the targets of issue 6",
        "",
        table(["target", "measured"], targets),
    ]
    if notes:
        report += ["", *[f"- {note}" for note in notes]]
    if grown is not None:
        report += ["", grown.markdown]
    report += ["", "## Where the time goes", "", profile_text]
    markdown = "\n".join(report) + "\n"
    print(markdown)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(markdown, encoding="utf-8")
    if grown is not None and grown.too_slow:
        sys.exit(f"Growing faster than the input: {', '.join(grown.too_slow)}.")


if __name__ == "__main__":
    main()
