"""A size ladder: is mtfix's time and peak memory linear in the size of its input?

Run from the repository root: ``python benchmarks/ladder.py`` (``--sizes 1,10,50`` in MB;
default 1 and 10, since 50 MB takes minutes). Each rung is one whole process,
``mtfix clean FILE --format jsonl`` (``-m mtfix`` of this checkout) over a generated article of
that size, plus one file holding a single 1 MB word (``--word``, in MB). It prints a Markdown
table: size, wall time, seconds per MB, peak memory (the process's maximum RSS, from
``wait4``) and memory per MB of input, and the exit code (1: changes proposed, as expected).

The text is generated from our own sentences, with the artefacts mtfix fixes, so every rung
exercises every detector; nothing is read from the shared corpus.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1_000_000

#: Our own sentences in the style of machine-translated news, with artefacts.
SENTENCES = (
    "Olaf Scholtz met the press in Berlin , and said the talks were fair .",
    "The minister said in Kiev on Tuesday that the talks were constructiv -and long.",
    "\u201eWe agree,\u201c she said, and the Compromise was signed after a two -hour meeting.",
    "Dock workers voted to strike for two weeks in July, which the unions called a last resort.",
    "The operator said that Brittany Ferries & amp; its partners would keep the crossings running.",
    "Er sagte, dass die Gespr\u00e4che gut waren, the spokesman added in a statement.",
    "Prices rose by 3.5 % in March, the statistics office in Wiesbaden reported.",
)


def article(size: int, seed: int = 0) -> str:
    """Paragraphs of shuffled sentences, about ``size`` characters in all."""
    chooser = random.Random(seed)
    parts: list[str] = []
    length = 0
    while length < size:
        paragraph = " ".join(chooser.choice(SENTENCES) for _ in range(chooser.randint(2, 6)))
        parts.append(paragraph + "\n\n")
        length += len(paragraph) + 2
    return "".join(parts)


def measure(path: Path) -> tuple[float, int, int]:
    """Run mtfix over ``path``: wall seconds, peak RSS in bytes, exit code."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "mtfix", "clean", str(path), "--format", "jsonl"]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    return seconds, usage.ru_maxrss * 1024, os.waitstatus_to_exitcode(status)


def main() -> None:
    """Build the rungs, run them, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10", help="article sizes in MB (default 1,10)")
    parser.add_argument("--word", type=float, default=1.0, help="one word of this many MB")
    options = parser.parse_args()
    rows = ["| input | size | time | s per MB | peak memory | MB per MB of input | exit |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        rungs = [(f"article, {size} MB", article(int(float(size) * MB)))
                 for size in options.sizes.split(",") if size.strip()]  # fmt: skip
        if options.word:
            rungs.append((f"one word, {options.word:g} MB", "x" * int(options.word * MB) + "\n"))
        for name, text in rungs:
            path = Path(folder) / "input.txt"
            path.write_text(text, encoding="utf-8")
            size = path.stat().st_size / MB
            seconds, peak, code = measure(path)
            rows.append(
                f"| {name} | {size:.2f} MB | {seconds:.1f} s | {seconds / size:.2f} | "
                f"{peak / MB:.0f} MB | {peak / MB / size:.0f} | {code} |"
            )
            print(rows[-1], file=sys.stderr)
    print("\n".join(rows))


if __name__ == "__main__":
    main()
