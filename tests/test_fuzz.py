"""Fuzzing the command line with hypothesis: file contents and names, settings files, JSON-lines
corpora and decisions files. Whatever comes in, mtfix exits 0, 1 or 2 (never 3, a bug), prints no
traceback, and writes nothing outside the folder it works in.

Each example is one run of the installed ``mtfix`` in a fresh folder; few examples each, so the
suite stays well under half a minute (``MTFIX_FUZZ_EXAMPLES`` sets more).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_cli import run

#: Examples per test: few by default (one mtfix run each); MTFIX_FUZZ_EXAMPLES=200 for a long run.
FUZZ = settings(
    max_examples=int(os.environ.get("MTFIX_FUZZ_EXAMPLES", "8")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

#: Our own words with the artefacts mtfix fixes, to mix into fuzzed text.
PIECES = [
    "Olaf Scholtz", " , ", "Kiev", "& amp;", "Leave a Comment\n", "\u201eyes\u201c", " -", "\r\n",
    "\n", "Bürgermeister", "constructiv", "\ufeff", "\ud800", "\x1b[31m", "é", "  ", "\t",
]  # fmt: skip

texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=12), max_size=12).map("".join)
contents = st.one_of(
    texts.map(lambda text: text.encode("utf-8", "surrogatepass")),
    texts.map(lambda text: text.encode("utf-16", "surrogatepass")),
    st.binary(max_size=64),
)
names = st.text(
    st.characters(blacklist_characters="/\0", blacklist_categories=("Cs",)), min_size=1, max_size=12
).map(lambda name: name + ".txt")


def _outside(root: Path) -> dict[str, bytes]:
    """Every file below ``root`` but in its ``work`` folder, with its bytes."""
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and not path.is_relative_to(root / "work")
    }


def _sandbox(tmp_path: Path) -> Path:
    """A fresh folder with a ``work`` folder to run in and a file outside it that must stay."""
    root = Path(tempfile.mkdtemp(dir=tmp_path))
    (root / "work").mkdir()
    (root / "outside.txt").write_text("Olaf Scholtz said , in Kiev.\n", encoding="utf-8")
    (root / "work" / "link.txt").symlink_to(root / "outside.txt")
    return root


def _check(root: Path, before: dict[str, bytes], *args: str) -> None:
    result = run(*args, cwd=root / "work")
    assert result.code in (0, 1, 2), result.err
    assert "Traceback" not in result.err and "internal error" not in result.err, result.err
    assert _outside(root) == before
    leftovers = [p.name for p in (root / "work").rglob("*.tmp") if p.name.startswith(".")]
    assert not leftovers


@FUZZ
@given(
    files=st.dictionaries(names, contents, min_size=1, max_size=4),
    options=st.sampled_from(
        [["-f", "lint"], ["-f", "json"], ["-f", "diff"], ["--write", "--backup"],
         ["--output-dir", "out"], ["--format", "html", "-o", "review.html"]]
    ),
)  # fmt: skip
def test_fuzzed_files_and_names(tmp_path: Path, files: dict[str, bytes], options: list) -> None:
    root = _sandbox(tmp_path)
    news = root / "work" / "news"
    news.mkdir()
    for name, data in files.items():
        (news / name).write_bytes(data)
    (news / "link.txt").symlink_to(root / "outside.txt")  # written through only with --write
    if "--write" in options:
        (news / "link.txt").unlink()
    _check(root, _outside(root), "clean", "news", *options)


toml_values = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 5), st.floats(allow_nan=True), texts,
    st.lists(st.sampled_from(["entity", "typography", "x", "*.txt", "../outside.txt", "de"])),
)  # fmt: skip
keys = st.sampled_from(
    ["min-confidence", "only", "skip", "dictionaries", "source-lang", "accept", "include",
     "exclude", "jobs", "unknown"]
)  # fmt: skip


def _toml(value: object) -> str:
    if value is None:
        return '""'
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and value != value:
        return "nan"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=True)
    return json.dumps(value) if not isinstance(value, float) else repr(value).replace("inf", "inf")


@FUZZ
@given(
    table=st.dictionaries(keys, toml_values, max_size=4),
    raw=st.one_of(st.none(), st.binary(max_size=40)),
)
def test_fuzzed_settings_files(tmp_path: Path, table: dict, raw: bytes | None) -> None:
    root = _sandbox(tmp_path)
    work = root / "work"
    (work / "a.txt").write_text("Olaf Scholtz said , in Kiev.\n", encoding="utf-8")
    text = "".join(f"{key} = {_toml(value)}\n" for key, value in table.items())
    (work / "mtfix.toml").write_bytes(raw if raw is not None else text.encode())
    _check(root, _outside(root), "clean", "a.txt", "--write")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | texts,
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=8,
)  # fmt: skip
records = st.one_of(
    st.builds(
        lambda text, extra: json.dumps({"text": text, **extra}),
        texts,
        st.dictionaries(st.text(max_size=3), json_values, max_size=2),
    ),
    json_values.map(json.dumps),
    texts,
)  # fmt: skip


@FUZZ
@given(
    lines=st.lists(records, max_size=5),
    options=st.sampled_from(
        [["-f", "jsonl"], ["-f", "json"], ["--write"], ["--output-dir", "out"]]
    ),
)  # fmt: skip
def test_fuzzed_json_lines_corpora(tmp_path: Path, lines: list[str], options: list) -> None:
    root = _sandbox(tmp_path)
    corpus = "\n".join(lines).encode("utf-8", "surrogatepass")
    (root / "work" / "c.jsonl").write_bytes(corpus)
    _check(root, _outside(root), "clean", "c.jsonl", "--jsonl-field", "text", *options)


ARTICLE = "Olaf Scholtz said , in Kiev.\n"
paths = st.sampled_from(
    ["a.txt", "../outside.txt", "link.txt", "/etc/hostname", "sub/../a.txt", "a.txt\0", "", "."]
) | st.text(max_size=8)
#: Stands for an integer of 5,000 digits (json.dumps refuses to write one).
HUGE = "<5000 digits>"
offsets = st.one_of(st.integers(-3, 40), st.floats(), st.text(max_size=3), st.none(), st.just(HUGE))
changes = st.fixed_dictionaries(
    {"start": offsets, "end": offsets, "original": st.sampled_from(["Scholtz", ",", ""]) | texts,
     "replacement": texts},
    optional={"kind": texts, "source": json_values},
)  # fmt: skip
entries = st.fixed_dictionaries(
    {"path": paths | json_values, "changes": st.lists(changes, max_size=3) | json_values},
    optional={"sha256": st.just(hashlib.sha256(ARTICLE.encode()).hexdigest()) | texts},
)


@FUZZ
@given(
    document=st.one_of(
        st.builds(
            lambda files: {"mtfix_decisions": 1, "files": files}, st.lists(entries, max_size=3)
        ),
        st.lists(entries, max_size=3),
        json_values,
    ),
    index=st.sampled_from([[], ["--index", "1"], ["--index", "1,2,99"], ["--index", "x"]]),
)  # fmt: skip
def test_fuzzed_decisions_files(tmp_path: Path, document: object, index: list) -> None:
    root = _sandbox(tmp_path)
    work = root / "work"
    (work / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (work / "sub").mkdir()
    text = json.dumps(document, ensure_ascii=False).replace(json.dumps(HUGE), "9" * 5000)
    (work / "d.json").write_bytes(text.encode("utf-8", "surrogatepass"))
    _check(root, _outside(root), "apply", "d.json", *index)
    assert os.path.exists(work / "a.txt")
