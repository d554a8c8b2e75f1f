"""mtfix on a real Dask cluster gives the single-process result, record for record.

The corpus is a few hundred articles made from our own fixture texts: paragraphs of the clean
articles and of the machine-translation-style ones (spaced hyphens, German quotation marks),
shuffled into new articles, with web-page leftovers and a broken HTML entity added to some.
"""

from __future__ import annotations

import doctest
import gzip
import json
import os
import random
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import dask.bag as db
import dask.dataframe as dd
import pandas as pd
import pytest
from distributed import Client, LocalCluster

import mtfix
import mtfix.dask
from mtfix.change import KINDS
from mtfix.dask import clean_bag, clean_dataframe
from mtfix.lexicon import load_lexicon

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTICLES = 300
#: Lines machine translation pipelines carry over from the web page, and a split entity.
LEFTOVERS = ("close", "Leave a Comment", "Share this article")
_SCRIPT = shutil.which("mtfix", path=str(Path(sys.executable).parent)) or shutil.which("mtfix")
MTFIX = [_SCRIPT] if _SCRIPT else [sys.executable, "-m", "mtfix"]


def make_articles(count: int = ARTICLES, seed: int = 7) -> list[str]:
    """Return ``count`` articles of three to five fixture paragraphs, some with leftovers."""
    paragraphs = [
        block.strip()
        for path in sorted(FIXTURES.rglob("*.txt"))
        for block in path.read_text(encoding="utf-8").split("\n\n")
        if len(block.split()) >= 8
    ]
    rng = random.Random(seed)
    articles = []
    for number in range(count):
        chosen = rng.sample(paragraphs, rng.randint(3, 5))
        if number % 7 == 0:
            chosen.insert(0, rng.choice(LEFTOVERS))
        if number % 11 == 0:
            chosen[-1] = chosen[-1].replace(" and ", " & amp; ", 1)
        articles.append("\n\n".join(chosen) + "\n")
    return articles


@pytest.fixture(scope="module")
def articles() -> list[str]:
    return make_articles()


@pytest.fixture(scope="module")
def single(articles: list[str]) -> list[mtfix.Report]:
    """The single-process reports: ``mtfix.clean`` on each article in this process."""
    return [mtfix.clean(text) for text in articles]


@pytest.fixture(scope="module")
def client() -> Client:
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def expected_record(report: mtfix.Report) -> dict:
    return {"text": report.apply(), "changes": [c.to_dict() for c in report.changes]}


def test_corpus_has_artefacts_of_several_kinds(single: list[mtfix.Report]) -> None:
    kinds = Counter(change.kind for report in single for change in report.changes)
    assert sum(kinds.values()) >= 100
    assert {"typography", "quotes", "boilerplate", "encoding"} <= set(kinds)


def test_bag_of_texts_equals_single_process(
    client: Client, articles: list[str], single: list[mtfix.Report]
) -> None:
    result = clean_bag(db.from_sequence(articles, npartitions=8)).compute()
    assert result == [expected_record(report) for report in single]


def test_each_worker_loads_the_dictionaries_once(client: Client, articles: list[str]) -> None:
    clean_bag(db.from_sequence(articles[:40], npartitions=8)).compute()
    loads = client.run(lambda: load_lexicon.cache_info())
    assert len(loads) == 2
    for info in loads.values():
        assert info.misses == 1  # one lexicon built (or unpickled) per worker process
        assert info.hits >= 1  # and reused for later partitions


def test_records_keep_their_fields_and_order(
    client: Client, articles: list[str], single: list[mtfix.Report]
) -> None:
    records = [{"id": n, "text": text, "source": "wire"} for n, text in enumerate(articles)]
    records.insert(5, {"id": "no-text", "source": "wire"})
    records.insert(9, {"id": "null", "text": None})
    result = clean_bag(db.from_sequence(records, npartitions=7), field="text").compute()
    expected = [
        {**r, "text": report.apply(), "changes": [c.to_dict() for c in report.changes]}
        for r, report in zip(
            (r for r in records if isinstance(r.get("text"), str)), single, strict=True
        )
    ]
    assert [r for r in result if isinstance(r.get("text"), str)] == expected
    assert result[5] == {"id": "no-text", "source": "wire", "changes": []}
    assert result[9] == {"id": "null", "text": None, "changes": []}


def test_dataframe_equals_single_process(
    client: Client, articles: list[str], single: list[mtfix.Report]
) -> None:
    frame = pd.DataFrame({"id": range(len(articles)), "body": articles})
    result = clean_dataframe(dd.from_pandas(frame, npartitions=6), "body").compute()
    assert list(result["id"]) == list(frame["id"])
    assert list(result["body"]) == [report.apply() for report in single]
    assert [json.loads(value) for value in result["changes"]] == [
        [c.to_dict() for c in report.changes] for report in single
    ]
    for kind in KINDS:
        counts = [sum(c.kind == kind for c in report.changes) for report in single]
        assert list(result[f"changes_{kind}"]) == counts


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    return subprocess.run(
        [*MTFIX, "clean", *args], capture_output=True, text=True, env=env, timeout=300
    )


def read_parts(folder: Path, suffix: str) -> list[Path]:
    return sorted(folder.glob(f"part-*{suffix}"))


def test_cli_jsonl_glob_equals_single_process(
    client: Client, tmp_path: Path, articles: list[str], single: list[mtfix.Report]
) -> None:
    half = len(articles) // 2
    for name, chunk in (("a.jsonl", articles[:half]), ("b.jsonl", articles[half:])):
        lines = (json.dumps({"id": n, "body": text}) + "\n" for n, text in enumerate(chunk))
        (tmp_path / name).write_text("".join(lines), encoding="utf-8")
    out = tmp_path / "out"
    run = run_cli(
        "--dask",
        client.scheduler.address,
        str(tmp_path / "*.jsonl"),
        "--jsonl-field",
        "body",
        "--output-dir",
        str(out),
    )
    assert run.returncode == 1, run.stderr
    assert "dask dashboard: http" in run.stderr
    records = [
        json.loads(line)
        for part in read_parts(out, ".jsonl")
        for line in part.read_text(encoding="utf-8").splitlines()
    ]
    assert len(read_parts(out, ".jsonl")) >= 2
    # --output-dir writes the safe fixes only (--unsafe-fixes: all, as in the parquet test)
    assert [r["body"] for r in records] == [report.apply(review=False) for report in single]
    assert [r["changes"] for r in records] == [
        [c.to_dict() for c in report.changes] for report in single
    ]
    total = sum(len(report.changes) for report in single)
    assert f"cleaned {len(articles)} records" in run.stderr
    assert f"{total} changes" in run.stderr


def test_cli_parquet_equals_single_process(
    client: Client, tmp_path: Path, articles: list[str], single: list[mtfix.Report]
) -> None:
    frame = pd.DataFrame({"id": range(len(articles)), "text": articles})
    frame.iloc[:100].to_parquet(tmp_path / "one.parquet")
    frame.iloc[100:].to_parquet(tmp_path / "two.parquet")
    out = tmp_path / "out"
    run = run_cli(
        "--dask",
        client.scheduler.address,
        str(tmp_path / "one.parquet"),
        str(tmp_path / "two.parquet"),
        "--output-dir",
        str(out),
        "--exit-zero",
        "--unsafe-fixes",
    )
    assert run.returncode == 0, run.stderr
    result = pd.concat(pd.read_parquet(part) for part in read_parts(out, ".parquet"))
    assert list(result["text"]) == [report.apply() for report in single]
    assert list(result["changes_typography"]) == [
        sum(c.kind == "typography" for c in report.changes) for report in single
    ]


def test_cli_takes_each_record_source_from_a_field(client: Client, tmp_path: Path) -> None:
    record = {
        "text": "Max Vertape won the race in Zandvoort on Sunday.\n",
        "de": "Max Verstappen gewann am Sonntag das Rennen in Zandvoort.\n",
    }
    (tmp_path / "c.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ("--dask", client.scheduler.address, str(tmp_path / "c.jsonl"), "--output-dir")
    run = run_cli(*args, str(out), "--source-field", "de", "--unsafe-fixes")  # names: review
    assert run.returncode == 1, run.stderr
    [part] = read_parts(out, ".jsonl")
    cleaned = json.loads(part.read_text(encoding="utf-8"))
    assert cleaned["text"].startswith("Max Verstappen won")
    assert cleaned["changes"][0]["source"] == "entity.source"


@pytest.mark.parametrize(
    ("files", "extra", "message"),
    [
        (["a.jsonl", "b.parquet"], [], "all JSON lines or all Parquet"),
        (["a.txt"], [], "reads .jsonl or .parquet"),
        (["a.jsonl"], ["--format", "json"], "no --write/--format"),
        (["missing-*.jsonl"], [], "no such file"),
        (["bad.jsonl"], [], "a line is not JSON"),
    ],
)
def test_cli_usage_errors(
    client: Client, tmp_path: Path, files: list[str], extra: list[str], message: str
) -> None:
    (tmp_path / "a.jsonl").write_text('{"text": "A short note."}\n', encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text('{"text": "fine"}\nnot json\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("A short note.\n", encoding="utf-8")
    pd.DataFrame({"text": ["A short note."]}).to_parquet(tmp_path / "b.parquet")
    paths = [str(tmp_path / name) for name in files]
    out = str(tmp_path / "out")
    run = run_cli("--dask", client.scheduler.address, *paths, "--output-dir", out, *extra)
    assert run.returncode == 2
    assert message in run.stderr


def test_cli_refuses_an_output_folder_with_earlier_parts(client: Client, tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"text": "A short note."}\n', encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "part-00000.jsonl").write_text("", encoding="utf-8")
    run = run_cli(
        "--dask", client.scheduler.address, str(tmp_path / "a.jsonl"), "--output-dir", str(out)
    )
    assert run.returncode == 2
    assert "already holds part-* files" in run.stderr


def test_doctests() -> None:
    assert doctest.testmod(mtfix.dask).failed == 0


def test_cli_local_cluster_reads_compressed_lines_and_counts_records_without_text(
    tmp_path: Path,
) -> None:
    records = [
        {"id": 1, "text": "The talks lasted two -hour and ended in a long -term deal."},
        {"id": 2, "title": "No body in this record"},
        {"id": 3, "text": "The unions said the decision was a last resort."},
    ]
    corpus = tmp_path / "corpus.jsonl.gz"
    corpus.write_bytes(gzip.compress("".join(json.dumps(r) + "\n" for r in records).encode()))
    out = tmp_path / "out"
    run = run_cli("--dask", "local", str(corpus), "--output-dir", str(out))
    assert run.returncode == 1, run.stderr
    written = [json.loads(line) for line in (out / "part-00000.jsonl").read_text().splitlines()]
    assert written[0]["text"] == "The talks lasted two-hour and ended in a long-term deal."
    assert written[1] == {**records[1], "changes": []}
    assert written[2] == {**records[2], "changes": []}
    assert "cleaned 3 records (1 without a string 'text') in 1 partition: 2 changes" in run.stderr
