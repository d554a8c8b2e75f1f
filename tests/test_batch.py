"""Batches end to end: folders with globs, JSON-lines corpora, worker pools, summary, Ctrl-C.

Every test runs the installed ``mtfix`` script on real files in a temporary folder; the articles
are our fixtures (written in the style of machine-translated news).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

import mtfix
from mtfix.batch import collect
from mtfix.parallel import Pool

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
_SCRIPT = shutil.which("mtfix", path=str(Path(sys.executable).parent)) or shutil.which("mtfix")
MTFIX = [_SCRIPT] if _SCRIPT else [sys.executable, "-m", "mtfix"]
ENV = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
FLAWED = (FIXTURES / "typography.mt.txt").read_text(encoding="utf-8")
QUOTES = (FIXTURES / "quotes.mt.txt").read_text(encoding="utf-8")
CLEAN_NEWS = sorted((FIXTURES / "clean").glob("*.txt"))


@dataclass
class Result:
    code: int
    out: str
    err: str


def run(*args: str, cwd: Path) -> Result:
    done = subprocess.run([*MTFIX, *args], cwd=cwd, capture_output=True, env=ENV, timeout=300)
    return Result(done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8"))


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """news/ with articles in nested folders, a hidden folder, a draft and a non-text file."""
    news = tmp_path / "news"
    for folder in ("world/europe", "sport", ".git", "drafts"):
        (news / folder).mkdir(parents=True)
    (news / "world" / "typography.txt").write_text(FLAWED, encoding="utf-8")
    (news / "world" / "europe" / "quotes.md").write_text(QUOTES, encoding="utf-8")
    shutil.copy(CLEAN_NEWS[0], news / "sport" / "clean.txt")
    (news / "sport" / "notes.rst").write_text(FLAWED, encoding="utf-8")
    (news / ".git" / "hidden.txt").write_text(FLAWED, encoding="utf-8")
    (news / "drafts" / "draft.txt").write_text(FLAWED, encoding="utf-8")
    return news


def test_a_folder_walk_takes_include_globs_and_leaves_out_hidden_and_excluded(tree: Path) -> None:
    walked = [s.relative.as_posix() for s in collect([str(tree)]).sources]
    assert walked == [  # a folder's files, then its folders, each sorted
        "drafts/draft.txt",
        "sport/clean.txt",
        "world/typography.txt",
        "world/europe/quotes.md",
    ]
    pruned = collect([str(tree)], exclude=("drafts", "*.md")).sources
    assert [s.relative.as_posix() for s in pruned] == ["sport/clean.txt", "world/typography.txt"]
    rst = collect([str(tree)], include=("*.rst",)).sources
    assert [s.relative.as_posix() for s in rst] == ["sport/notes.rst"]


def test_include_and_exclude_on_the_command_line(tree: Path) -> None:
    result = run("clean", "news", "-f", "lint", "--exclude", "drafts,europe", cwd=tree.parent)
    assert {line.split(":")[0] for line in result.out.splitlines()} == {"news/world/typography.txt"}
    result = run("clean", "news", "-f", "lint", "--include", "*.rst", cwd=tree.parent)
    assert {line.split(":")[0] for line in result.out.splitlines()} == {"news/sport/notes.rst"}


def _where_handled(number: int) -> tuple[int, int]:
    """Return ``number`` and the process that handled it, slowly for some numbers."""
    time.sleep(0.02 * (number % 3))
    return number, os.getpid()


def test_the_pool_yields_in_input_order_from_several_processes() -> None:
    with Pool(_where_handled, 2) as pool:
        results = list(pool.map(range(40)))
    assert [number for number, _ in results] == list(range(40))
    # a forked worker and this process, which cleans whenever the worker has work waiting
    assert len({pid for _, pid in results}) == 2 and os.getpid() in {p for _, p in results}
    with Pool(_where_handled, 1) as pool:
        assert {pid for _, pid in pool.map(range(3))} == {os.getpid()}


def _stopped_at_two(number: int) -> tuple[int, int]:
    """Like ``_where_handled``, with a Ctrl-C at the number 2."""
    if number == 2:
        raise KeyboardInterrupt
    return _where_handled(number)


def test_the_first_items_are_handled_here_before_the_workers_start() -> None:
    with Pool(_where_handled, 2, first=range(5)) as pool:
        results = list(pool.map(range(30)))
    assert [number for number, _ in results] == list(range(30))
    assert {pid for _, pid in results[:5]} == {os.getpid()}  # forked only after them
    assert len({pid for _, pid in results[5:]}) == 2
    with Pool(_stopped_at_two, 2, first=range(5)) as pool:  # a Ctrl-C stops at once
        with pytest.raises(KeyboardInterrupt):
            list(pool.map(range(30)))
        assert [number for number, _ in pool.drain()] == [0, 1]
        assert pool.processes is None


def many_articles(folder: Path, count: int) -> list[Path]:
    """``count`` articles of varied length in nested folders: fixtures, cut and joined."""
    texts = [FLAWED, QUOTES, *(path.read_text(encoding="utf-8") for path in CLEAN_NEWS)]
    paths = []
    for number in range(count):
        text = texts[number % len(texts)]
        if number % 3:
            text = text + "\n" + texts[(number * 7) % len(texts)][: 300 + number * 37]
        path = folder / f"part{number % 3}" / f"issue{number % 4}" / f"article{number:03}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def test_two_jobs_give_one_line_per_file_in_the_order_one_job_gives(tmp_path: Path) -> None:
    paths = many_articles(tmp_path / "corpus", 24)
    one = run("clean", "corpus", "-f", "jsonl", "--jobs", "1", cwd=tmp_path)
    two = run("clean", "corpus", "-f", "jsonl", "--jobs", "2", cwd=tmp_path)
    assert one.code == two.code == 1
    assert one.out == two.out
    reports = [json.loads(line) for line in two.out.splitlines()]
    expected = sorted(str(path.relative_to(tmp_path)) for path in paths)
    assert [report["path"] for report in reports] == expected
    first = mtfix.clean(paths[0].read_text(encoding="utf-8"))
    assert reports[0]["changes"] == [change.to_dict() for change in first.changes]


def test_output_dir_with_jobs_mirrors_the_tree_with_what_write_gives(tmp_path: Path) -> None:
    paths = many_articles(tmp_path / "corpus", 9)
    run("clean", "corpus", "--output-dir", "cleaned", "-j", "2", "--no-summary", cwd=tmp_path)
    for path in paths:
        copy = tmp_path / "cleaned" / path.relative_to(tmp_path / "corpus")
        expected = mtfix.clean(path.read_text(encoding="utf-8")).apply()
        assert copy.read_text(encoding="utf-8") == expected


def test_summary_counts_words_and_changes_per_kind_and_lists_a_failing_file(
    tmp_path: Path,
) -> None:
    many_articles(tmp_path / "corpus", 6)
    (tmp_path / "corpus" / "zz-gone.txt").symlink_to(tmp_path / "nowhere.txt")
    result = run("clean", "corpus", "-f", "jsonl", cwd=tmp_path)
    assert result.code == 2
    reports = [json.loads(line) for line in result.out.splitlines()]
    assert len(reports) == 6
    words = sum(report["summary"]["words"] for report in reports)
    kinds: dict[str, int] = {}
    for report in reports:
        for kind, count in report["summary"]["by_kind"].items():
            kinds[kind] = kinds.get(kind, 0) + count
    assert "mtfix summary" in result.err
    assert f"words {words:,}" in " ".join(result.err.split())
    for kind, count in kinds.items():
        assert f"{kind} {count:,}" in " ".join(result.err.split())
    assert "errors 1" in " ".join(result.err.split())
    assert "error: corpus/zz-gone.txt: no such file" in result.err
    assert "words/s" in result.err


def test_a_small_batch_has_no_summary_unless_asked(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(FLAWED, encoding="utf-8")
    assert "summary" not in run("clean", "a.txt", "-f", "lint", cwd=tmp_path).err
    asked = run("clean", "a.txt", "-f", "lint", "--summary", cwd=tmp_path)
    assert "mtfix summary" in asked.err


def corpus_lines() -> list[str]:
    return [
        json.dumps({"id": "a1", "text": FLAWED, "source": "wire"}),
        "",
        json.dumps({"id": "a2", "text": "The minister spoke on Tuesday.\n"}),
        "{not json",
        json.dumps({"id": "a3", "body": "no text field"}),
        json.dumps({"id": "a4", "text": QUOTES, "tags": ["politics"]}, ensure_ascii=False),
    ]


def test_a_jsonl_corpus_keeps_every_field_and_adds_the_changes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(corpus_lines()) + "\n", encoding="utf-8")
    result = run("clean", "corpus.jsonl", "--jsonl-field", "text", "-f", "jsonl", cwd=tmp_path)
    assert result.code == 2
    records = [json.loads(line) for line in result.out.splitlines()]
    assert [record["id"] for record in records] == ["a1", "a2", "a4"]
    assert records[0]["source"] == "wire" and records[2]["tags"] == ["politics"]
    assert records[0]["text"] == FLAWED
    expected = mtfix.clean(FLAWED).changes
    assert records[0]["changes"] == [change.to_dict() for change in expected]
    assert records[1]["changes"] == []
    assert "corpus.jsonl:4: not JSON" in result.err
    assert "corpus.jsonl:5: no text field 'text'" in result.err


def test_writing_a_jsonl_corpus_replaces_only_the_changed_texts(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    lines = corpus_lines()
    corpus.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    run("clean", "corpus.jsonl", "--jsonl-field", "text", "--write", cwd=tmp_path)
    written = corpus.read_bytes().decode("utf-8").split("\r\n")
    assert written[1:5] == lines[1:5]
    assert json.loads(written[0]) == {
        "id": "a1",
        "text": mtfix.clean(FLAWED).apply(),
        "source": "wire",
    }
    assert json.loads(written[5])["text"] == mtfix.clean(QUOTES).apply()
    assert json.loads(written[5])["tags"] == ["politics"]


#: Enough articles that the batch is still running when the first cleaned copy appears.
ARTICLES_TO_INTERRUPT = 400


def _a_file_in(folder: Path) -> bool:
    return folder.exists() and any(
        path.is_file() and not path.name.startswith(".") for path in folder.rglob("*")
    )


def test_a_corpus_cleaned_by_two_jobs_keeps_record_order(tmp_path: Path) -> None:
    paths = many_articles(tmp_path / "articles", 30)
    records = [{"n": n, "text": path.read_text(encoding="utf-8")} for n, path in enumerate(paths)]
    (tmp_path / "corpus.jsonl").write_text(
        "".join(json.dumps(record) + "\n" for record in records), encoding="utf-8"
    )
    args = ("clean", "corpus.jsonl", "--jsonl-field", "text", "-f", "jsonl", "--no-summary")
    one = run(*args, "-j", "1", cwd=tmp_path)
    two = run(*args, "-j", "2", cwd=tmp_path)
    assert one.out == two.out
    assert [json.loads(line)["n"] for line in two.out.splitlines()] == list(range(30))
    run(*args, "-j", "2", "--output-dir", "cleaned", cwd=tmp_path)
    written = (tmp_path / "cleaned" / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["text"] for line in written] == [
        mtfix.clean(record["text"]).apply() for record in records
    ]


@pytest.mark.skipif(os.name != "posix", reason="process groups and SIGINT")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_finishes_what_it_started_and_says_so(tmp_path: Path, jobs: str) -> None:
    paths = many_articles(tmp_path / "corpus", ARTICLES_TO_INTERRUPT)
    process = subprocess.Popen(
        [*MTFIX, "clean", "corpus", "--output-dir", "out", "-j", jobs, "-f", "lint"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=ENV,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while not _a_file_in(tmp_path / "out") and time.monotonic() < deadline:
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGINT)  # as a terminal does: the whole process group
    out, err = process.communicate(timeout=120)
    assert process.returncode == 128 + signal.SIGINT
    last = err.decode().splitlines()[-1]
    total = f" of {ARTICLES_TO_INTERRUPT} finished"
    assert last.startswith("mtfix: error: interrupted: ") and last.endswith(total)
    finished = int(last.split()[3])
    written = sorted((tmp_path / "out").rglob("*"))
    files = [path for path in written if path.is_file()]
    assert not [path for path in files if path.name.startswith(".")]  # no temporary files
    assert 0 < len(files) == finished < ARTICLES_TO_INTERRUPT
    for copy in files:
        original = tmp_path / "corpus" / copy.relative_to(tmp_path / "out")
        assert copy.read_text(encoding="utf-8") == mtfix.clean(original.read_text()).apply()
    shown = {line.split(":")[0] for line in out.decode().splitlines()}
    assert shown == {str(Path("corpus") / f.relative_to(tmp_path / "out")) for f in files} - {
        str(Path("corpus") / p.relative_to(tmp_path / "corpus"))
        for p in paths
        if not mtfix.clean(p.read_text()).changes
    }
