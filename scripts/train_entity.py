"""Fit the entity detector's model: a logistic regression over the features of each reading of a
possibly garbled name, written to ``dictionaries/models/entity.tsv``.

Examples come from the project's own corpora, labelled without a human:

- clean news garbled by ``benchmarks/garble.py`` (our test fixtures and the human references of
  the shared tuning sets), with other seeds than the quality benchmark's; a reading is right
  when it restores the planted original. Each article is also garbled with one name changed
  the same way in every mention, as machine translation does;
- the clean articles themselves: every reading there is wrong (a rare real name is not a
  garble);
- the output of the shared tuning MT systems: a reading is right when the aligned human
  reference line has the replacement, wrong when it keeps the original, and left out when it
  has neither.

``wmt22-cs-en`` is held out of everything, and so is WMT21 reference A (the quality benchmark
garbles it for its test split). A quarter of the documents (by a hash of their name) are kept
out of the fit; the script prints the model's calibration on them, per confidence band, for the
reading the detector keeps for each word.

Usage: ``python scripts/train_entity.py [--shared DIR] [--dry-run]`` (numpy is needed to train,
not to run mtfix). Reproducible: fixed seeds, a deterministic fit.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from garble import WORD_RE, char_edit, garble, names_in  # noqa: E402

from mtfix.detectors.entity import FEATURES, MODEL, candidate_readings  # noqa: E402
from mtfix.lexicon import Lexicon, load_lexicon  # noqa: E402
from mtfix.text import Document  # noqa: E402

#: The shared sets tuned on (``wmt22-cs-en`` is held out of all tuning).
TUNING_SETS = ("wmt21-de-en", "wmt22-de-en", "wmt22-ja-en", "wmt22-zh-en")
#: References the quality benchmark garbles for its test split: not trained on.
BENCHMARK_REFERENCES = {("wmt21-de-en", "ref")}
#: Garbler seeds for training (the quality benchmark uses garble.SEED).
SEEDS = (1, 2, 3)
#: The share of documents kept out of the fit, for the calibration table.
HELD_OUT_SHARE = 0.25
#: L2 penalty on the standardised weights.
PENALTY = 1.0
#: Confidence bands of the calibration table.
BANDS = (0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")


@dataclass(frozen=True)
class Example:
    """One reading: its features, whether it is right, its document, and the word it reads."""

    features: tuple[float, ...]
    label: int
    document: str
    query: tuple[str, int]


def held_out(document: str) -> bool:
    """Tell whether a document is kept out of the fit (stable across runs and machines)."""
    digest = hashlib.sha256(document.encode()).digest()
    return digest[0] < 256 * HELD_OUT_SHARE


def _readings(text: str, lexicon: Lexicon) -> Iterator[tuple[int, object, tuple[float, ...]]]:
    return candidate_readings(Document(text), lexicon)


def synthetic(name: str, text: str, lexicon: Lexicon) -> Iterator[Example]:
    """Readings of the clean text (all wrong) and of its garbled versions (right when they
    restore the planted name)."""
    for position, _, features in _readings(text, lexicon):
        yield Example(features, 0, name, (f"{name}#clean", position))
    for seed in SEEDS:
        garbled, gold = garble(text, seed)
        planted = [g for g in gold if g.kind == "entity"]
        for position, candidate, features in _readings(garbled, lexicon):
            right = any(
                g.start == candidate.start and g.end == candidate.end
                # a full-name reading may rewrite the first name too
                and candidate.replacement == g.wanted
                for g in planted
            )
            yield Example(features, int(right), name, (f"{name}#{seed}", position))
        yield from consistent(name, text, seed, lexicon)
        yield from sentences(name, garbled, planted, seed, lexicon)


def sentences(name: str, garbled: str, planted: list, seed: int, lexicon: Lexicon) -> Iterator[Example]:
    """The garbled article's lines, each read as a text of its own: a sentence has no article
    around it to lend context, and the model must know what that absence means."""
    offset = 0
    for number, line in enumerate(garbled.split("\n")):
        for position, candidate, features in _readings(line, lexicon):
            right = any(
                g.start == offset + candidate.start
                and g.end == offset + candidate.end
                and candidate.replacement == g.wanted
                for g in planted
            )
            yield Example(features, int(right), name, (f"{name}#{seed}:{number}", position))
        offset += len(line) + 1


def consistent(name: str, text: str, seed: int, lexicon: Lexicon) -> Iterator[Example]:
    """Garble one name mentioned more than once the same way in every mention, and the
    article's lines, each read as a text of its own."""
    rng = random.Random(seed)
    names = names_in(text)
    counts: dict[str, int] = defaultdict(int)
    for word in WORD_RE.findall(text):
        if word in names:
            counts[word] += 1
    repeated = sorted(word for word, count in counts.items() if count > 1)
    if not repeated:
        return
    original = rng.choice(repeated)
    damaged, _ = char_edit(original, rng, name=True)
    if rng.random() < 0.5:  # machine translation often garbles a name in two places (Truss: Tras)
        damaged, _ = char_edit(damaged, rng, name=True)
    if damaged == original or damaged in names:
        return
    mention = re.compile(rf"(?<![\w'’-]){re.escape(original)}(?![\w-])")
    garbled = mention.sub(damaged, text)
    for position, candidate, features in _readings(garbled, lexicon):
        right = candidate.original == damaged and candidate.replacement == original
        yield Example(features, int(right), name, (f"{name}#same{seed}", position))
    for number, line in enumerate(garbled.split("\n")):
        for position, candidate, features in _readings(line, lexicon):
            right = candidate.original == damaged and candidate.replacement == original
            yield Example(features, int(right), name, (f"{name}#same{seed}:{number}", position))


def real_mt(shared: Path, lexicon: Lexicon) -> Iterator[Example]:
    """Readings of the tuning MT outputs, judged by the aligned reference lines."""
    corpus = shared / "corpus"
    for set_name in TUNING_SETS:
        references = sorted(p for p in (corpus / set_name).iterdir() if p.name.startswith("ref"))
        for system in sorted((corpus / set_name / "mt").iterdir()):
            for path in sorted(system.glob("*.txt")):
                text = path.read_text(encoding="utf-8")
                starts = [m.start() for m in re.finditer(r"^", text, re.MULTILINE)]
                lines = [(r / path.name).read_text(encoding="utf-8").split("\n") for r in references]
                document = f"{set_name}/{path.stem}"
                for position, candidate, features in _readings(text, lexicon):
                    number = sum(1 for s in starts if s <= candidate.start) - 1
                    words = {w for ref in lines if number < len(ref) for w in WORD.findall(ref[number])}
                    if all(w in words for w in WORD.findall(candidate.replacement)):
                        label = 1
                    elif all(w in words for w in WORD.findall(candidate.original)):
                        label = 0
                    else:
                        continue
                    query = (f"{document}@{system.name}", position)
                    yield Example(features, label, document, query)


def clean_texts(shared: Path) -> Iterator[tuple[str, str]]:
    """(document name, text) of our fixtures and the tuning references."""
    for path in sorted((ROOT / "tests" / "fixtures" / "clean").glob("*.txt")):
        yield f"fixtures/{path.stem}", path.read_text(encoding="utf-8")
    for set_name in TUNING_SETS:
        for reference in sorted((shared / "corpus" / set_name).iterdir()):
            if not reference.name.startswith("ref") or (set_name, reference.name) in BENCHMARK_REFERENCES:
                continue
            for path in sorted(reference.glob("*.txt")):
                # a document's two references share its names: one split for both
                yield f"{set_name}/{path.stem}", path.read_text(encoding="utf-8")


def fit(x: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
    """Fit an L2-penalised logistic regression by Newton's method on standardised features;
    return the intercept and weights on the original scale."""
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / scale])
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], PENALTY)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-z @ w))
        gradient = z.T @ (p - y) + penalty * w
        hessian = (z * (p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    weights = w[1:] / scale
    return float(w[0] - (weights * mean).sum()), weights


def predict(intercept: float, weights: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(intercept + x @ weights)))


def calibration(examples: list[Example], p: np.ndarray) -> str:
    """The table of right readings per confidence band, for the best reading of each word."""
    best: dict[tuple[str, int], tuple[float, int]] = {}
    for example, probability in zip(examples, p, strict=True):
        if example.query not in best or probability > best[example.query][0]:
            best[example.query] = (probability, example.label)
    rows = ["| confidence | readings kept | right | share right |", "| --- | ---: | ---: | ---: |"]
    for low, high in zip(BANDS, BANDS[1:], strict=False):
        band = [label for probability, label in best.values() if low <= probability < high]
        share = f"{100 * sum(band) / len(band):.0f} %" if band else "–"
        rows.append(f"| {low:.1f}–{min(high, 1.0):.1f} | {len(band)} | {sum(band)} | {share} |")
    return "\n".join(rows)


def write_model(path: Path, intercept: float, weights: np.ndarray, counts: str) -> None:
    lines = [
        "# mtfix entity model: logistic regression weights, one a line, fitted by",
        "# scripts/train_entity.py on the project's own examples (see SOURCES.md).",
        f"# {counts}",
        "feature\tcoefficient",
        f"intercept\t{intercept:.6f}",
        *(f"{name}\t{weight:.6f}" for name, weight in zip(FEATURES, weights, strict=True)),
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    """Collect the examples, fit, print the calibration on held-out documents, write the model."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared", type=Path, default=Path(os.environ.get("MTFIX_SHARED", ROOT.parent / "shared"))
    )
    parser.add_argument("--dry-run", action="store_true", help="print, do not write the model")
    args = parser.parse_args()
    lexicon = load_lexicon()
    examples = [e for name, text in clean_texts(args.shared) for e in synthetic(name, text, lexicon)]
    examples += list(real_mt(args.shared, lexicon))
    train = [e for e in examples if not held_out(e.document)]
    test = [e for e in examples if held_out(e.document)]
    x = np.array([e.features for e in train], dtype=float)
    y = np.array([e.label for e in train], dtype=float)
    intercept, weights = fit(x, y)
    counts = (
        f"{len(train)} training readings ({int(y.sum())} right), "
        f"{len(test)} held-out readings ({sum(e.label for e in test)} right)"
    )
    print(counts)
    for name, weight in zip(FEATURES, weights, strict=True):
        print(f"  {name:24} {weight:+.3f}")
    print(f"  {'intercept':24} {intercept:+.3f}\n")
    print("Held-out documents, the best reading of each word:\n")
    test_x = np.array([e.features for e in test], dtype=float)
    print(calibration(test, predict(intercept, weights, test_x)))
    if not args.dry_run:
        write_model(lexicon.root / MODEL, intercept, weights, counts)


if __name__ == "__main__":
    main()
