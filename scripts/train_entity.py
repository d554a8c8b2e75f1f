"""Fit a model of the entity decision, a logistic regression over the evidence for each reading
of a possibly garbled name, and measure it against the rules on held-out documents.

The examples come from ``scripts/entity_data.py`` (garbled and clean news of our fixtures and
the tuning sets' references, and the tuning sets' real MT output): every best reading the
detector considers, whether or not its rules propose it, with the rules' own confidence among
its features. A quarter of the documents, chosen by a hash of their name, are kept out of the
fit. The report gives the model's calibration on them per confidence band, the rules' beside
it, and what each would change at each threshold.

The model is not what mtfix decides with: on the held-out documents it does not beat the
rules (``benchmarks/results/entity-model.md``). The script, the coefficients and the report
are kept so that the comparison can be rerun as the rules, the data or the features change.

Wired into the detector for the readings the rules reject (the last way ``WAYS`` compares:
not for a word in real use, which changed "Lankan" to Lanka on clean news and a Chinese
county's name on real MT), at 0.9 or more the model fixed almost nothing more on the tuning
references (4 more of 2,539 later mentions of names garbled the same way; synthetic name
garbles 65 % exact at 99 % either way; one more name in our own example), and it changed a
rare surname to a senator's and a French word to a newspaper's name: not kept.

Usage: ``python scripts/train_entity.py [--shared DIR] [--dry-run]``: writes
``benchmarks/results/entity-model.tsv`` (coefficients) and ``entity-model.md`` (report).
Needs numpy (installed with mtfix's ``dask`` extra). Reproducible: fixed seeds, texts read in
sorted order, and a deterministic Newton fit, so the same data gives the same coefficients.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from entity_data import Example, clean_texts, fold_of, held_out, real_mt, synthetic  # noqa: E402

from mtfix.detectors.entity import FEATURES  # noqa: E402
from mtfix.lexicon import load_lexicon, read_rows  # noqa: E402

#: Seeds of the garbled copies of each clean text.
SEEDS = (11, 12, 13, 14, 15, 16)
#: L2 penalty on the standardised coefficients (keeps rare features from running away).
PENALTY = 1.0
#: Newton steps at most, and the step size at which the fit has converged.
MAX_STEPS = 100
TOLERANCE = 1e-10
#: Confidence bands of the calibration report.
BANDS = (0.0, 0.1, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
#: Folds of the cross-validated comparison.
FOLDS = 4
#: Thresholds at which the model's and the rules' decisions are compared.
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
RESULTS = ROOT / "benchmarks" / "results"
COEFFICIENTS = RESULTS / "entity-model.tsv"
REPORT = RESULTS / "entity-model.md"
#: The linear score is clipped to this either way (exp overflows far beyond it).
MAX_SCORE = 30.0


@dataclass(frozen=True)
class Model:
    """A logistic regression: an intercept and one coefficient per named feature."""

    intercept: float
    coefficients: dict[str, float]

    def probability(self, features: Sequence[float]) -> float:
        """The probability that a reading with these feature values (``FEATURES``) is right."""
        z = self.intercept + sum(
            self.coefficients.get(name, 0.0) * value
            for name, value in zip(FEATURES, features, strict=True)
        )
        return 1.0 / (1.0 + math.exp(-max(-MAX_SCORE, min(MAX_SCORE, z))))


def dump(model: Model, header: Sequence[str]) -> str:
    """The text of a coefficients file: ``#`` comment lines from ``header``, the column names,
    then the intercept and each coefficient (six decimals: a refit writes the same bytes)."""
    lines = [f"# {line}" for line in header]
    lines.append("feature\tcoefficient")
    lines.append(f"intercept\t{model.intercept:.6f}")
    lines += [f"{name}\t{weight:.6f}" for name, weight in model.coefficients.items()]
    return "\n".join(lines) + "\n"


def load(path: Path) -> Model:
    """Read a coefficients file that ``dump`` wrote."""
    coefficients = {row[0]: float(row[1]) for row in read_rows(path)}
    return Model(coefficients.pop("intercept"), coefficients)


def fit(x: np.ndarray, y: np.ndarray, weight: np.ndarray) -> tuple[float, np.ndarray]:
    """Fit a weighted, L2-penalised logistic regression by Newton's method (iteratively
    reweighted least squares) on standardised features; return the intercept and the
    coefficients on the features' own scale."""
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / scale])
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], PENALTY)
    penalty[0] = 0.0
    for _ in range(MAX_STEPS):
        p = 1 / (1 + np.exp(-(z @ w)))
        gradient = z.T @ (weight * (p - y)) + penalty * w
        hessian = (z * (weight * p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < TOLERANCE:
            break
    coefficients = w[1:] / scale
    return float(w[0] - (coefficients * mean).sum()), coefficients


def fit_model(examples: Sequence[Example]) -> Model:
    """The model fitted to ``examples`` (rounded as the model file writes it)."""
    x = np.array([e.features for e in examples], dtype=float)
    y = np.array([e.label for e in examples], dtype=float)
    intercept, coefficients = fit(x, y, np.array([e.weight for e in examples], dtype=float))
    return Model(
        round(intercept, 6),
        {name: round(float(c), 6) for name, c in zip(FEATURES, coefficients, strict=True)},
    )


def probabilities(model: Model, examples: Sequence[Example]) -> list[float]:
    return [model.probability(e.features) for e in examples]


def rules_confidence(example: Example) -> float:
    """The rules' confidence in a reading they propose; 0 for one they reject."""
    return example.features[FEATURES.index("rules_confidence")] if example.rules else 0.0


def calibration(examples: Sequence[Example], p: Sequence[float]) -> str:
    """A Markdown table of readings per confidence band: how many (garbled copies counted by
    their weight) and the share right."""
    rows = ["| confidence | readings | right | share right |", "| --- | ---: | ---: | ---: |"]
    for low, high in pairwise(BANDS):
        band = [e for e, q in zip(examples, p, strict=True) if low <= q < high or q == high == 1]
        total = sum(e.weight for e in band)
        right = sum(e.weight for e in band if e.label)
        share = f"{100 * right / total:.0f} %" if total else "–"
        rows.append(f"| {low:.1f}–{high:.1f} | {total:.0f} | {right:.0f} | {share} |")
    return "\n".join(rows)


def decisions(examples: Sequence[Example], p: Sequence[float]) -> str:
    """What the model and the rules would change at each threshold, per origin of the
    readings: right / wrong changes (garbled copies counted by their weight)."""
    origins = ("garbled", "clean", "mt")
    rows = [
        "| threshold | " + " | ".join(f"{o}: rules | {o}: model" for o in origins) + " |",
        "| ---: |" + " ---: | ---: |" * len(origins),
    ]
    rules = [rules_confidence(e) for e in examples]
    for threshold in THRESHOLDS:
        cells = []
        for origin in origins:
            for scores in (rules, p):
                cells.append(_made(examples, scores, origin, threshold))
        rows.append(f"| {threshold:.1f} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def _made(
    examples: Sequence[Example], scores: Sequence[float], origin: str, threshold: float
) -> str:
    made = [
        e for e, q in zip(examples, scores, strict=True) if e.origin == origin and q >= threshold
    ]
    right = sum(e.weight for e in made if e.label)
    wrong = sum(e.weight for e in made if not e.label)
    return f"{right:.0f} / {wrong:.0f}"


def collect(shared: Path) -> list[Example]:
    """Every example: our fixtures' and the tuning references' clean and garbled readings, then
    the tuning sets' MT readings."""
    lexicon = load_lexicon()
    fixtures = ROOT / "tests" / "fixtures" / "clean"
    examples = [
        example
        for document, text, others in clean_texts(shared, fixtures)
        for example in synthetic(document, text, others, SEEDS, lexicon)
    ]
    return examples + list(real_mt(shared, lexicon))


def report(model: Model, train: Sequence[Example], test: Sequence[Example]) -> str:
    """The fit's summary, coefficients, held-out calibration (model and rules) and the two
    decisions side by side, in Markdown."""
    p = probabilities(model, test)
    proposed = [i for i, e in enumerate(test) if e.rules]
    mt = [i for i, e in enumerate(test) if e.origin == "mt"]
    lines = [
        "# Entity model: fit, held-out calibration, and the rules beside it",
        "",
        "Written by `python scripts/train_entity.py` (see its docstring). Examples: every best "
        "reading the entity detector considers, whether or not its rules propose it, on our "
        "fixtures and the tuning sets' references (clean, and garbled by "
        "`scripts/entity_data.py`) and on the tuning sets' MT output; `wmt22-cs-en` is never "
        "read. A quarter of the documents (by a hash of their name) are held out of the fit: "
        f"every table below is on them. Each garbled copy of a text counts {1 / len(SEEDS):.2f}.",
        "",
        f"Training readings: {len(train)} ({_count(train)} right, weighted); held out: "
        f"{len(test)} ({_count(test)} right).",
        "",
        "## Coefficients",
        "",
        "| feature | coefficient |",
        "| --- | ---: |",
        f"| intercept | {model.intercept:+.3f} |",
        *(f"| {name} | {weight:+.3f} |" for name, weight in model.coefficients.items()),
        "",
        "## Calibration on held-out documents",
        "",
        "Every reading, by the model's probability:",
        "",
        calibration(test, p),
        "",
        "The readings the rules propose, by the model's probability:",
        "",
        calibration([test[i] for i in proposed], [p[i] for i in proposed]),
        "",
        "The same readings by the rules' own confidence:",
        "",
        calibration([test[i] for i in proposed], [rules_confidence(test[i]) for i in proposed]),
        "",
        "Readings of real machine translation, by the model's probability:",
        "",
        calibration([test[i] for i in mt], [p[i] for i in mt]),
        "",
        "## Decisions on held-out documents: right / wrong changes at each threshold",
        "",
        "The rules change a reading they propose at their confidence; the model any reading "
        "at its probability. On clean text every change is wrong.",
        "",
        decisions(test, p),
        "",
        f"The same on every document, each held out once ({FOLDS} folds by document; a "
        "document's references and MT outputs each count, so one slip may count several times):",
        "",
        decisions(*cross_validated([*train, *test])),
        "",
        "## Ways of deciding with the model, every document held out once",
        "",
        "Right / wrong changes of each way, per origin of the readings:",
        "",
        ways([*train, *test]),
        "",
    ]
    return "\n".join(lines)


def cross_validated(
    examples: Sequence[Example], fitted_on: Callable[[Example], bool] = lambda e: True
) -> tuple[list[Example], list[float]]:
    """Every example with the probability a model fitted without its document's fold gives
    it (``FOLDS`` folds by document): each document held out once. ``fitted_on`` chooses the
    examples a fold's model is fitted to."""
    held: list[Example] = []
    p: list[float] = []
    for fold in range(FOLDS):
        train = [e for e in examples if fold_of(e.document, FOLDS) != fold and fitted_on(e)]
        test = [e for e in examples if fold_of(e.document, FOLDS) == fold]
        held += test
        p += probabilities(fit_model(train), test)
    return held, p


#: Where the features say the observed word is in real use or another Chinese name.
PLAUSIBLE = FEATURES.index("plausible")
#: A way to decide with the model, given a reading, its probability and the rules' confidence.
Decide = Callable[[Example, float, float], bool]
#: The ways tried, each at the default threshold 0.5 unless named.
WAYS: tuple[tuple[str, str, Decide], ...] = (
    ("the rules alone", "every", lambda e, q, r: r >= 0.5),
    ("the model decides every reading", "every", lambda e, q, r: q >= 0.5),
    (
        "the model decides the readings the rules propose (a calibrator)",
        "proposed",
        lambda e, q, r: e.rules and q >= 0.5,
    ),
    (
        "the rules, less what the model puts below 0.5 (a veto)",
        "proposed",
        lambda e, q, r: r >= 0.5 and q >= 0.5,
    ),
    (
        "the rules, plus what they reject that the model puts at 0.8 or more",
        "every",
        lambda e, q, r: r >= 0.5 or (not e.rules and q >= 0.8),
    ),
    (
        "the rules, plus what they reject that the model puts at 0.9 or more",
        "every",
        lambda e, q, r: r >= 0.5 or (not e.rules and q >= 0.9),
    ),
    (
        "the same, not for a word in real use (the rules' plausible test)",
        "every",
        lambda e, q, r: r >= 0.5 or (not e.rules and q >= 0.9 and not e.features[PLAUSIBLE]),
    ),
)


def ways(examples: Sequence[Example]) -> str:
    """Each way of deciding with the model (``WAYS``) on every document held out once:
    right / wrong changes per origin of the readings."""
    origins = ("garbled", "clean", "mt")
    scored = {
        "every": cross_validated(examples),
        "proposed": cross_validated(examples, lambda e: e.rules),
    }
    rows = [
        "| decision | fitted to | " + " | ".join(origins) + " |",
        "| --- | --- |" + " ---: |" * len(origins),
    ]
    for name, fitted_to, decide in WAYS:
        held, p = scored[fitted_to]
        cells = []
        for origin in origins:
            made = [
                e
                for e, q in zip(held, p, strict=True)
                if e.origin == origin and decide(e, q, rules_confidence(e))
            ]
            right = sum(e.weight for e in made if e.label)
            wrong = sum(e.weight for e in made if not e.label)
            cells.append(f"{right:.0f} / {wrong:.0f}")
        readings = {"every": "every reading", "proposed": "the rules' readings"}[fitted_to]
        if name == WAYS[0][0]:
            readings = "(no model)"
        rows.append(f"| {name} | {readings} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def _count(examples: Sequence[Example]) -> str:
    return f"{sum(e.weight for e in examples if e.label):.0f}"


def split(examples: Sequence[Example]) -> tuple[list[Example], list[Example]]:
    """The training and the held-out examples (by document)."""
    return (
        [e for e in examples if not held_out(e.document)],
        [e for e in examples if held_out(e.document)],
    )


def main() -> None:
    """Collect the examples, fit on the training documents, report on the held-out ones, and
    write the coefficients and the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_shared = Path(os.environ.get("MTFIX_SHARED", ROOT.parent / "shared"))
    parser.add_argument("--shared", type=Path, default=default_shared)
    parser.add_argument("--dry-run", action="store_true", help="print, write nothing")
    args = parser.parse_args()
    train, test = split(collect(args.shared))
    model = fit_model(train)
    text = report(model, train, test)
    print(text)
    if not args.dry_run:
        header = [
            "mtfix entity model (not used by mtfix: see entity-model.md): logistic regression",
            "coefficients fitted by scripts/train_entity.py on examples from the project's own",
            f"texts; {len(train)} training readings.",
        ]
        COEFFICIENTS.write_text(dump(model, header), encoding="utf-8")
        REPORT.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
