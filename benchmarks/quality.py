"""Measure mtfix's quality per kind: false alarms on clean news, recall on garbled news, real MT.

Run from anywhere: ``python benchmarks/quality.py``. Prints a Markdown report and writes it to
``benchmarks/results/quality.md``. Sections:

1. false alarms per 1,000 words on clean human news: our test fixtures (dev), our held-out
   articles (test) and, when the shared WMT21 corpus exists, its two human references (read in
   place, never copied);
2. recall, exact-fix rate and precision per kind on the same news garbled by ``garble.py``,
   and, for names mentioned more than once, recall when every mention is garbled the same way
   (as machine translation does);
3. calibration: the share of right changes in each confidence band;
4. the same measures for codespell and symspellpy, the tools a user might run instead;
5. the shared scorer's summary on the shared example and on ours;
6. on real MT output: changes per kind per 1,000 words, and whether applying all of them moves
   chrF against the human reference up or down (needs ``sacrebleu``; skipped without it).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import platform
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from baselines import BASELINES, Proposed  # noqa: E402
from garble import SEED, WORD_RE, Gold, char_edit, garble, names_in  # noqa: E402

import mtfix  # noqa: E402
from mtfix import Change, Config  # noqa: E402

CLEAN = ROOT / "tests" / "fixtures" / "clean"
HELDOUT = HERE / "clean-heldout"
#: The shared corpus and tools beside the repository (override with MTFIX_SHARED=DIR).
SHARED = Path(os.environ.get("MTFIX_SHARED", ROOT.parent / "shared"))
WMT = SHARED / "corpus" / "wmt21-de-en"
SCORER = SHARED / "tools" / "score_example.py"
EXAMPLES = {
    "shared: trump-putin-call": SHARED / "examples" / "trump-putin-call.mt.txt",
    "ours: ceasefire-talks": ROOT / "examples" / "ceasefire-talks.mt.txt",
}
RESULTS = HERE / "results" / "quality.md"

#: What ``--explain`` prints to stderr: each false alarm and each change that lowers chrF.
EXPLAINED: list[str] = []

#: Texts in, one list of changes (mtfix Changes or baseline Proposals) per text out.
Proposer = Callable[[Sequence[str]], Sequence[Sequence["Change | Proposed"]]]


def words(text: str) -> int:
    """Count whitespace-separated words, as the corpus README does."""
    return len(text.split())


def per_thousand(count: int, total_words: int) -> str:
    """Format a rate per 1,000 words."""
    return f"{1000 * count / total_words:.2f}" if total_words else "–"


def percent(part: int, whole: int) -> str:
    """Format a share as a percentage, or a dash when there is nothing to divide."""
    return f"{100 * part / whole:.0f}%" if whole else "–"


def table(header: Sequence[str], rows: Iterable[Sequence[object]], left: int = 1) -> str:
    """Render a Markdown table; the first ``left`` columns are left-aligned, the rest right."""
    align = ["---"] * left + ["---:"] * (len(header) - left)
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def explain(where: Path, change: Change, note: str = "") -> str:
    """Describe one change for a developer (printed to stderr with ``--explain``)."""
    return (
        f"{where.parent.name}/{where.name}:{change.line}: {change.source}: "
        f"{change.original!r} -> {change.replacement!r} ({change.confidence:.2f}){note}"
    )


@cache
def changes_of(text: str, config: Config) -> tuple[Change, ...]:
    """Run mtfix on ``text`` in this process (once per text and configuration)."""
    return mtfix.clean(text, config).changes


# -- 1. False alarms on clean news -----------------------------------------------------------


def clean_sets() -> dict[str, list[Path]]:
    """The clean corpora that exist on this machine."""
    sets = {
        "dev: our test fixtures": sorted(CLEAN.glob("*.txt")),
        "test: our held-out news": sorted(HELDOUT.glob("*.txt")),
    }
    for name in ("ref", "ref-B"):
        folder = WMT / name
        if folder.is_dir():
            sets[f"WMT21 {name} (human)"] = sorted(folder.glob("*.txt"))
    return sets


def false_alarms(sets: dict[str, list[Path]], config: Config) -> tuple[str, dict]:
    """Count every change on clean text, per kind and per set."""
    counts: dict[str, Counter[str]] = {}
    totals: dict[str, int] = {}
    examples: list[str] = []
    for name, paths in sets.items():
        counts[name] = Counter()
        totals[name] = 0
        for path in paths:
            text = path.read_text(encoding="utf-8")
            totals[name] += words(text)
            for change in changes_of(text, config):
                counts[name][change.kind] += 1
                EXPLAINED.append(explain(path, change, " [false alarm]"))
                if path.parent == CLEAN:  # held-out ones are counted, not shown: no tuning
                    examples.append(
                        f"- `{path.name}:{change.line}` {change.source}: "
                        f"{change.original!r} → {change.replacement!r} ({change.confidence:.2f})"
                    )
    kinds = sorted({kind for counter in counts.values() for kind in counter})
    header = ["kind", *(f"{name} ({totals[name]:,} words)" for name in sets)]
    rows = [
        [kind, *(f"{counts[n][kind]} ({per_thousand(counts[n][kind], totals[n])})" for n in sets)]
        for kind in kinds
    ]
    rows.append(
        [
            "**all**",
            *(
                f"**{sum(counts[n].values())} "
                f"({per_thousand(sum(counts[n].values()), totals[n])})**"
                for n in sets
            ),
        ]
    )
    text = (
        "Changes proposed on clean human-written news, each one a false alarm: count "
        "(per 1,000 words).\n\n" + table(header, rows)
    )
    if examples:
        text += "\n\nFalse alarms on the dev fixtures:\n\n" + "\n".join(examples)
    summary = {n: round(1000 * sum(counts[n].values()) / totals[n], 2) for n in sets if totals[n]}
    return text, summary


# -- 2. Recall on garbled news ----------------------------------------------------------------


@dataclass
class KindScore:
    """Tallies for one kind: gold artefacts found and fixed, and changes made and how many hit."""

    gold: int = 0
    flagged: int = 0
    fixed: int = 0
    changes: int = 0
    hits: int = 0


def _overlaps(change: Change | Proposed, gold: Gold) -> bool:
    if change.start == change.end:
        return gold.start <= change.start <= gold.end
    return change.start < gold.end and change.end > gold.start


def _fold(text: str) -> str:
    """Fold whitespace and equivalent dash and quote glyphs, as the shared scorer does."""
    text = re.sub(r"\s*[\u2013\u2014]\s*|\s+--?\s+", " \u2013 ", text)
    text = text.translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\""))
    return re.sub(r"\s+", " ", text).strip()


def _is_fixed(text: str, gold: Gold, hits: Sequence[Change | Proposed]) -> bool:
    low = min([gold.start] + [c.start for c in hits])
    high = max([gold.end] + [c.end for c in hits])
    region = text[low:high]
    for change in sorted(hits, key=lambda c: -c.start):
        if not change.is_flag:
            region = region[: change.start - low] + change.replacement + region[change.end - low :]
    wanted = text[low : gold.start] + gold.wanted + text[gold.end : high]
    return _fold(region) == _fold(wanted)


def splits() -> dict[str, list[Path]]:
    """Dev (the fixtures the tests use), test (held-out news, and WMT reference A if present)."""
    result = {
        "dev (our test fixtures)": sorted(CLEAN.glob("*.txt")),
        "test (our held-out news)": sorted(HELDOUT.glob("*.txt")),
    }
    if (WMT / "ref").is_dir():
        result["test (WMT21 ref)"] = sorted((WMT / "ref").glob("*.txt"))
    return result


@cache
def garbled(path: Path) -> tuple[str, tuple[Gold, ...]]:
    """The garbled text of one clean article, and its gold edits (computed once)."""
    text, gold = garble(path.read_text(encoding="utf-8"))
    return text, tuple(gold)


def score_garbled(
    paths: Sequence[Path], propose: Proposer, by_how: dict[str, KindScore] | None = None
) -> dict[str, KindScore]:
    """Garble each article, let ``propose`` change it, and score the changes against the gold.

    ``by_how``, when given, also tallies the artefacts by how the garbler made them.
    """
    pairs = [garbled(path) for path in paths]
    scores: dict[str, KindScore] = {}
    by_how = {} if by_how is None else by_how
    for (text, gold), changes in zip(pairs, propose([text for text, _ in pairs]), strict=True):
        used: set[int] = set()
        for item in gold:
            hits = [c for c in changes if _overlaps(c, item)]
            used.update(id(c) for c in hits)
            fixed = bool(hits) and _is_fixed(text, item, hits)
            for score in (
                scores.setdefault(item.kind, KindScore()),
                by_how.setdefault(f"{item.kind}: {item.how.split(' (')[0]}", KindScore()),
            ):
                score.gold += 1
                score.flagged += bool(hits)
                score.fixed += fixed
        for change in changes:
            score = scores.setdefault(change.kind, KindScore())
            score.changes += 1
            score.hits += id(change) in used
    return scores


def mtfix_proposer(config: Config) -> Proposer:
    """Propose with mtfix in this process."""
    return lambda texts: [changes_of(text, config) for text in texts]


def _total(scores: dict[str, KindScore], kinds: Iterable[str] | None = None) -> KindScore:
    """Sum the tallies of ``kinds`` (all kinds when None)."""
    chosen = [s for k, s in scores.items() if kinds is None or k in kinds]
    fields = ("gold", "flagged", "fixed", "changes", "hits")
    return KindScore(*(sum(getattr(s, f) for s in chosen) for f in fields))


SCORE_HEADER = [
    "artefacts",
    "flagged",
    "fixed exactly",
    "recall",
    "exact-fix rate",
    "changes",
    "precision",
]


def _score_row(s: KindScore) -> list[object]:
    return [
        s.gold,
        s.flagged,
        s.fixed,
        percent(s.flagged, s.gold),
        percent(s.fixed, s.gold),
        s.changes,
        percent(s.hits, s.changes),
    ]


def _words_in(paths: Sequence[Path]) -> int:
    return sum(words(path.read_text(encoding="utf-8")) for path in paths)


def garbled_report(config: Config) -> tuple[str, dict]:
    """Score the dev and test splits of our fixtures and the garbled WMT references."""
    sections = []
    summary = {}
    by_how: dict[str, KindScore] = {}
    for name, paths in splits().items():
        scores = score_garbled(
            paths, mtfix_proposer(config), by_how if name.startswith("test") else None
        )
        total = _total(scores)
        rows = [[kind, *_score_row(scores[kind])] for kind in sorted(scores)]
        rows.append(["**all**", *_score_row(total)])
        sections.append(
            f"**{name}**: {len(paths)} articles, {_words_in(paths):,} words\n\n"
            + table(["kind", *SCORE_HEADER], rows)
        )
        summary[name] = {
            "recall": percent(total.flagged, total.gold),
            "exact": percent(total.fixed, total.gold),
            "precision": percent(total.hits, total.changes),
        }
    intro = (
        "Clean text garbled by `benchmarks/garble.py` (fixed seed). *artefacts*, *flagged*, "
        "*fixed exactly*, *recall* and *exact-fix rate* are per kind of artefact planted; "
        "*changes* and *precision* are per kind of change mtfix proposed (a change is precise "
        "when it overlaps a planted artefact, so false alarms on the rest of the text count "
        "against it). Develop on the dev split; quote the test splits."
    )
    how_rows = [[how, *_score_row(by_how[how])[:5]] for how in sorted(by_how)]
    sections.append(
        "**Both test splits, by how the artefact was made**\n\n"
        + table(["artefact", *SCORE_HEADER[:5]], how_rows)
    )
    return intro + "\n\n" + "\n\n".join(sections), summary


def consistent_names_report(config: Config) -> tuple[str, dict]:
    """Garble each name of the test splits that is mentioned more than once, the same way in
    every mention, and count the mentions mtfix restores: the first, and the others."""
    rng = random.Random(SEED)
    first = Counter()
    later = Counter()
    wrong = 0
    for paths in (paths for name, paths in splits().items() if name.startswith("test")):
        for path in paths:
            text = path.read_text(encoding="utf-8")
            names = names_in(text)
            counts = Counter(w for w in WORD_RE.findall(text) if w in names)
            for name in sorted(n for n, count in counts.items() if count > 1):
                garbled, _ = char_edit(name, rng, name=True)
                if garbled == name or garbled in names:
                    continue
                mention = re.compile(rf"(?<![\w'’-]){re.escape(name)}(?![\w-])")
                damaged = mention.sub(garbled, text)
                changes = changes_of(damaged, config)
                spans = [
                    m.span()
                    for m in re.finditer(rf"(?<![\w'’-]){re.escape(garbled)}(?![\w-])", damaged)
                ]
                for index, (start, end) in enumerate(spans):
                    tally = first if index == 0 else later
                    tally["mentions"] += 1
                    hits = [c for c in changes if c.start < end and start < c.end]
                    fixed = any(c.start == start and c.replacement == name for c in hits)
                    tally["fixed"] += fixed
                    wrong += bool(hits) and not fixed
    rows = [
        [
            "first mention",
            first["mentions"],
            first["fixed"],
            percent(first["fixed"], first["mentions"]),
        ],
        [
            "later mentions",
            later["mentions"],
            later["fixed"],
            percent(later["fixed"], later["mentions"]),
        ],
    ]
    intro = (
        "Each name of the test splits mentioned more than once (as `garble.py` finds names) is "
        "garbled once, the same way in every mention, as machine translation does; one name per "
        f"text. Mentions changed to something else: {wrong}."
    )
    summary = {
        "first": percent(first["fixed"], first["mentions"]),
        "later": percent(later["fixed"], later["mentions"]),
    }
    return intro + "\n\n" + table(["mentions", "garbled", "fixed exactly", "rate"], rows), summary


#: The planted artefacts a spell-checker is meant to catch.
SPELLING_KINDS = ("entity", "nonword")


def baselines_report(config: Config) -> tuple[str, dict]:
    """Score spell-checkers like mtfix: alarms on clean news, names and nonwords when garbled."""
    proposers = {"mtfix": mtfix_proposer(config)}
    skipped = []
    for name, make in BASELINES.items():
        proposer = make()
        if proposer:
            proposers[name] = proposer
        else:
            skipped.append(name)
    clean = clean_sets()
    tests = {k: v for k, v in splits().items() if k.startswith("test")}
    header = [
        "tool",
        *(f"alarms / 1,000 words, {name}" for name in clean),
        *(f"{name}: names + nonwords found / fixed" for name in tests),
        *(f"{name}: precision" for name in tests),
    ]
    rows = []
    summary = {}
    for tool, propose in proposers.items():
        rates = []
        for paths in clean.values():
            texts = [p.read_text(encoding="utf-8") for p in paths]
            alarms = sum(len(found) for found in propose(texts))
            rates.append(per_thousand(alarms, sum(words(t) for t in texts)))
        found, precision = [], []
        for paths in tests.values():
            scores = score_garbled(paths, propose)
            spelling = _total(scores, SPELLING_KINDS)
            every = _total(scores)
            found.append(
                f"{percent(spelling.flagged, spelling.gold)} / "
                f"{percent(spelling.fixed, spelling.gold)}"
            )
            precision.append(percent(every.hits, every.changes))
        rows.append([tool, *rates, *found, *precision])
        summary[tool] = rates
    text = (
        "The spell-checkers a user might run instead, scored the same way; a word marked "
        "without a suggestion counts as an alarm (and as found, not fixed). pyspellchecker is "
        "left out: it takes minutes per thousand words (see the speed benchmark)."
        + (f" Not installed, skipped: {', '.join(skipped)}." if skipped else "")
        + "\n\n"
        + table(header, rows)
    )
    return text, summary


#: Upper edges of the confidence buckets of the calibration table.
BUCKETS = (0.5, 0.6, 0.7, 0.8, 0.9, 1.0001)


def calibration_report(config: Config) -> tuple[str, dict]:
    """Is a change at confidence c right about c of the time? Test splits, every threshold."""
    everything = Config(
        min_confidence=0.0,
        only=config.only,
        skip=config.skip,
        extra_dictionaries=config.extra_dictionaries,
    )
    right = [0] * len(BUCKETS)
    shown = [0] * len(BUCKETS)
    for name, paths in splits().items():
        if not name.startswith("test"):
            continue
        for path in paths:
            clean_text = path.read_text(encoding="utf-8")
            for change in changes_of(clean_text, everything):  # on clean text: all wrong
                shown[_bucket(change.confidence)] += 1
            text, gold = garbled(path)
            changes = changes_of(text, everything)
            good: set[int] = set()
            for item in gold:
                hits = [c for c in changes if _overlaps(c, item)]
                if hits and _is_fixed(text, item, hits):
                    good.update(id(c) for c in hits)
            for change in changes:
                shown[_bucket(change.confidence)] += 1
                right[_bucket(change.confidence)] += id(change) in good
    rows = []
    low = 0.0
    for index, high in enumerate(BUCKETS):
        label = f"{low:.1f}–{min(high, 1.0):.1f}"
        rows.append([label, shown[index], right[index], percent(right[index], shown[index])])
        low = high
    text = (
        "Changes proposed at any confidence (`--min-confidence 0`) on the test splits, clean and "
        "garbled, grouped by confidence. A change is right when it is part of an exact fix of a "
        "planted artefact; on clean text every change is wrong. When confidence is calibrated, the "
        "share right in each row lies in its band (changes under 0.5 are hidden by default).\n\n"
        + table(["confidence", "changes", "right", "share right"], rows)
    )
    return text, {row[0]: row[3] for row in rows}


def _bucket(confidence: float) -> int:
    return next(i for i, high in enumerate(BUCKETS) if confidence < high)


# -- 3. The shared scorer on annotated examples ------------------------------------------------


def scorer_report(config: Config) -> tuple[str, dict]:
    """Run the shared scorer on each annotated example, core tier and all tiers."""
    if not SCORER.exists():
        return "The shared scorer is not on this machine; skipped.", {}
    rows = []
    summary = {}
    for name, article in EXAMPLES.items():
        gold = article.with_name(article.name.replace(".mt.txt", ".annotations.tsv"))
        if not article.exists() or not gold.exists():
            continue
        changes = changes_of(article.read_text(encoding="utf-8"), config)
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
            json.dump({"changes": [c.to_dict() for c in changes]}, handle)
        for tiers in ("core", "core,stretch"):
            result = subprocess.run(
                [
                    sys.executable,
                    str(SCORER),
                    str(article),
                    str(gold),
                    handle.name,
                    "--tiers",
                    tiers,
                ],
                capture_output=True,
                text=True,
                check=False,
            )
            line = next(
                (x for x in result.stdout.splitlines() if x.startswith("summary:")),
                f"scorer failed: {result.stderr.strip()[-200:]}",
            )
            rows.append([name, tiers, line.removeprefix("summary: ")])
            summary[f"{name} [{tiers}]"] = line.removeprefix("summary: ")
        Path(handle.name).unlink()
    text = (
        "`/work/shared/tools/score_example.py` on mtfix's changes (the scorer counts a gold row "
        "flagged when a change overlaps it, fixed when the result matches; *other_changes* are "
        "changes no annotation asks for).\n\n"
        + table(["article", "tiers", "scorer summary"], rows, left=3)
    )
    return text, summary


# -- 4. Real machine translation ---------------------------------------------------------------


def real_mt_report(config: Config) -> tuple[str, dict]:
    """Count changes on real MT and see whether applying them moves chrF against reference A."""
    systems_root = WMT / "mt"
    if not systems_root.is_dir():
        return "The WMT21 corpus is not on this machine; skipped.", {}
    try:
        from sacrebleu.metrics import CHRF
    except ImportError:
        CHRF = None
    chrf = CHRF() if CHRF else None
    systems = sorted(p.name for p in systems_root.iterdir() if p.is_dir())
    kinds: set[str] = set()
    per_system: dict[str, dict] = {}
    for system in systems:
        counts: Counter[str] = Counter()
        worse: Counter[str] = Counter()
        better: Counter[str] = Counter()
        hyps, fixed_hyps, refs = [], [], []
        docs_worse = docs_better = n_words = 0
        for path in sorted((systems_root / system).glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            n_words += words(text)
            report = mtfix.clean(text, config)
            counts.update(c.kind for c in report.changes)
            if not chrf:
                continue
            ref = " ".join((WMT / "ref" / path.name).read_text(encoding="utf-8").split())
            before_text, after_text = " ".join(text.split()), " ".join(report.apply().split())
            hyps.append(before_text)
            fixed_hyps.append(after_text)
            refs.append(ref)
            before = chrf.sentence_score(before_text, [ref]).score
            after = chrf.sentence_score(after_text, [ref]).score
            docs_worse += after < before - 1e-9
            docs_better += after > before + 1e-9
            for change in report.changes:
                if change.is_flag:
                    continue
                alone = " ".join(mtfix.apply_changes(text, [change]).split())
                delta = chrf.sentence_score(alone, [ref]).score - before
                worse[change.kind] += delta < -1e-9
                if delta < -1e-9:
                    EXPLAINED.append(explain(path, change, f" [chrF {delta:+.2f}]"))
                better[change.kind] += delta > 1e-9
        kinds.update(counts)
        entry = {"words": n_words, "counts": counts, "worse": worse, "better": better}
        if chrf:
            entry["chrf"] = (
                chrf.corpus_score(hyps, [refs]).score,
                chrf.corpus_score(fixed_hyps, [refs]).score,
            )
            entry["docs"] = (docs_better, docs_worse, len(hyps))
        per_system[system] = entry
    header = ["kind", *systems]
    rows = [
        [
            kind,
            *(
                f"{per_system[s]['counts'][kind]} "
                f"({per_thousand(per_system[s]['counts'][kind], per_system[s]['words'])})"
                for s in systems
            ),
        ]
        for kind in sorted(kinds)
    ]
    rows.append(["**words**", *(f"{per_system[s]['words']:,}" for s in systems)])
    text = (
        "Changes proposed on real MT output (WMT21 de-en, four systems): count "
        "(per 1,000 words).\n\n" + table(header, rows)
    )
    summary: dict[str, object] = {}
    if chrf:
        chrf_rows = []
        for s in systems:
            e = per_system[s]
            before, after = e["chrf"]
            up = sum(e["better"].values())
            down = sum(e["worse"].values())
            by_kind = ", ".join(f"{k} {e['worse'][k]}" for k in sorted(e["worse"]) if e["worse"][k])
            chrf_rows.append(
                [
                    s,
                    f"{before:.2f}",
                    f"{after:.2f}",
                    f"{after - before:+.3f}",
                    f"{e['docs'][0]} / {e['docs'][1]} / {e['docs'][2]}",
                    f"{up} / {down}",
                    by_kind or "–",
                ]
            )
            summary[s] = round(after - before, 3)
        text += (
            "\n\nchrF against reference A before and after applying every change (each document "
            "one segment, whitespace normalised; sacrebleu chrF2 defaults). *docs up / down / "
            "all* counts documents whose chrF rose or fell; *changes up / down* applies each "
            "change alone. chrF measures closeness to one human translation, not correctness: "
            "a right fix of a name the reference spells differently lowers it.\n\n"
            + table(
                [
                    "system",
                    "chrF before",
                    "chrF after",
                    "Δ",
                    "docs up / down / all",
                    "changes up / down",
                    "changes that lower chrF, by kind",
                ],
                chrf_rows,
            )
        )
    else:
        text += "\n\n`sacrebleu` is not installed: chrF comparison skipped."
    return text, summary


# -- Putting it together -------------------------------------------------------------------------


def machine() -> str:
    """Describe where and when this ran."""
    cpu = "unknown CPU"
    with contextlib.suppress(OSError):
        match = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
        cpu = match.group(1).strip() if match else cpu
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return (
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {os.cpu_count()} CPUs ({cpu}); "
        f"Python {platform.python_version()}; mtfix {mtfix.__version__} at commit "
        f"{commit or 'unknown'}"
    )


def main(argv: Sequence[str] | None = None) -> dict:
    """Run every measurement, print the Markdown report and write it to the results folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--min-confidence",
        type=float,
        default=None,
        help="threshold for shown changes (default: mtfix's default)",
    )
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument(
        "--explain",
        action="store_true",
        help="list each false alarm and each change that lowers chrF on stderr (not in results)",
    )
    args = parser.parse_args(argv)
    config = Config() if args.min_confidence is None else Config(min_confidence=args.min_confidence)
    started = time.perf_counter()
    sections = {}
    summary = {}
    for title, run in (
        ("False alarms on clean news", lambda: false_alarms(clean_sets(), config)),
        (
            "Garbled news: recall, exact fixes and precision per kind",
            lambda: garbled_report(config),
        ),
        (
            "Names garbled the same way in every mention",
            lambda: consistent_names_report(config),
        ),
        ("Confidence calibration", lambda: calibration_report(config)),
        ("Baselines: spell-checkers on the same texts", lambda: baselines_report(config)),
        ("Annotated example articles", lambda: scorer_report(config)),
        ("Real machine translation", lambda: real_mt_report(config)),
    ):
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                sections[title], summary[title] = run()
        except Exception as error:  # mtfix is being built: report a crash, measure the rest
            sections[title] = f"**Failed**: `{type(error).__name__}: {error}`"
            summary[title] = None
    report = [
        "# mtfix quality benchmark",
        "",
        f"Command: `python benchmarks/quality.py` at min-confidence {config.min_confidence}. "
        f"Machine: {machine()}. Took {time.perf_counter() - started:.0f} s.",
    ]
    for title, body in sections.items():
        report += ["", f"## {title}", "", body]
    markdown = "\n".join(report) + "\n"
    print(markdown)
    if args.explain:
        print("\n".join(EXPLAINED), file=sys.stderr)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(markdown, encoding="utf-8")
    return summary


if __name__ == "__main__":
    main()
