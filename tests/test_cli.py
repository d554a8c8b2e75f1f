"""The command line end to end: the installed ``mtfix`` script run in a subprocess.

The articles are ours, written in the style of machine-translated news, with artefacts the
boilerplate and encoding detectors find ("Leave a Comment", a split "& amp;" entity).
"""

from __future__ import annotations

import codecs
import json
import os
import re
import shutil
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import mtfix
from mtfix.cli import ExitCode
from mtfix.render import FileReport, diff, lint

ROOT = Path(__file__).resolve().parent.parent
_SCRIPT = shutil.which("mtfix", path=str(Path(sys.executable).parent)) or shutil.which("mtfix")
#: The console script when installed, else the module (with the source tree importable).
MTFIX = [_SCRIPT] if _SCRIPT else [sys.executable, "-m", "mtfix"]
#: The environment of every run: no NO_COLOR from outside, and the package importable.
BASE_ENV = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
if not _SCRIPT:
    BASE_ENV["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])
    )

ARTICLE = (
    "close\n"
    "\n"
    "Ferry operators warn of summer strikes | Travel\n"
    "\n"
    "Dock workers voted on Tuesday to strike for two weeks in July, which the unions "
    "described as a last resort.\n"
    "\n"
    "The operator said that Brittany Ferries & amp; its partners would try to keep the "
    "crossings running.\n"
    "\n"
    "Leave a Comment\n"
)
CLEAN = "The unions said the decision was a last resort, and talks would go on next week.\n"
ENTITY_LINE = "Fans said the club & amp; its coach had earned the title.  "
ESCAPE = re.compile(r"\x1b\[")


@dataclass
class Result:
    code: int
    out: str
    err: str


def run(*args: str, cwd: Path, stdin: bytes = b"", **env: str) -> Result:
    """Run ``mtfix`` with ``args``; output decoded as UTF-8 with no newline translation."""
    done = subprocess.run(
        [*MTFIX, *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env={**BASE_ENV, **env},
        timeout=120,
    )
    return Result(done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8"))


def assert_one_line_error(result: Result, fragment: str) -> None:
    assert result.code == ExitCode.ERROR
    assert "Traceback" not in result.err
    errors = [line for line in result.err.splitlines() if line.startswith("mtfix: error: ")]
    assert any(fragment in line for line in errors), result.err


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "ferry.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_exit_codes_are_pinned() -> None:
    assert [int(code) for code in ExitCode] == [0, 1, 2, 3]


def test_version(tmp_path: Path) -> None:
    result = run("--version", cwd=tmp_path)
    assert (result.code, result.out.strip()) == (0, f"mtfix {mtfix.__version__}")


def test_no_arguments_shows_help_with_examples(tmp_path: Path) -> None:
    result = run(cwd=tmp_path)
    assert result.code == 0
    assert "Usage: mtfix" in result.out and "mtfix clean article.txt" in result.out


def test_clean_text_exits_0_and_prints_nothing(tmp_path: Path) -> None:
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    result = run("clean", "clean.txt", cwd=tmp_path)
    assert (result.code, result.out, result.err) == (0, "", "")


def test_changes_exit_1_unless_exit_zero(article: Path) -> None:
    assert run("clean", article.name, cwd=article.parent).code == ExitCode.CHANGES
    assert run("clean", article.name, "--exit-zero", cwd=article.parent).code == 0


def test_diff_is_annotated_per_hunk_and_plain_when_piped(article: Path) -> None:
    result = run("clean", article.name, "--only", "boilerplate,encoding", cwd=article.parent)
    assert result.code == 1
    assert not ESCAPE.search(result.out)
    assert result.out.startswith("--- a/ferry.txt\n+++ b/ferry.txt\n")
    headers = re.findall(r"^@@ -(\d+),(\d+) \+(\d+),(\d+) @@ (.*)$", result.out, re.M)
    assert [header[:4] for header in headers] == [
        ("1", "3", "1", "1"),  # the line after a hunk is its context
        ("7", "3", "5", "1"),
    ]
    assert headers[0][4].startswith("boilerplate · safe · 0.95 · “close”")
    assert headers[1][4].startswith("encoding · safe · 0.90 · ")
    assert "\n-close\n" in result.out and "\n+The operator said that Brittany Ferries & its" in (
        result.out
    )


@pytest.mark.skipif(shutil.which("patch") is None, reason="needs patch(1)")
def test_the_diff_applies_with_patch_and_gives_what_write_gives(tmp_path: Path) -> None:
    crlf = ARTICLE.replace("\n", "\r\n").rstrip("\r\n")
    for name in ("patched.txt", "written.txt"):
        (tmp_path / name).write_bytes(crlf.encode("utf-8"))
    diff = subprocess.run(
        [*MTFIX, "clean", "patched.txt", "--only", "boilerplate,encoding"],
        cwd=tmp_path,
        capture_output=True,
        env=BASE_ENV,
    ).stdout
    subprocess.run(["patch", "-p1", "--quiet"], cwd=tmp_path, input=diff, check=True)
    run("clean", "written.txt", "--only", "boilerplate,encoding", "--write", cwd=tmp_path)
    assert (tmp_path / "patched.txt").read_bytes() == (tmp_path / "written.txt").read_bytes()


def test_json_for_one_file_is_an_object_whose_changes_replay(article: Path) -> None:
    result = run("clean", article.name, "--format", "json", cwd=article.parent)
    data = json.loads(result.out)
    assert data["path"] == "ferry.txt"
    assert data["summary"]["changes"] == len(data["changes"])
    changes = [
        mtfix.Change(**{**c, "alternatives": tuple(c["alternatives"])})
        for c in (
            {key: value for key, value in change.items() if key != "safety"}
            for change in data["changes"]
        )
    ]
    assert {"boilerplate", "encoding"} <= {c.kind for c in changes}
    cleaned = mtfix.apply_changes(ARTICLE, changes)
    assert "& amp;" not in cleaned and "Leave a Comment" not in cleaned


def test_json_for_several_files_or_a_folder_is_a_list_and_jsonl_one_line_each(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.md").write_text(CLEAN, encoding="utf-8")
    listed = json.loads(run("clean", "a.txt", "b.md", "-f", "json", cwd=tmp_path).out)
    assert [item["path"] for item in listed] == ["a.txt", "b.md"]
    assert listed[1]["changes"] == []
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "c.txt").write_text(CLEAN, encoding="utf-8")
    folder = json.loads(run("clean", "news", "-f", "json", cwd=tmp_path).out)
    assert [item["path"] for item in folder] == ["news/c.txt"]
    lines = run("clean", "a.txt", "b.md", "-f", "jsonl", cwd=tmp_path).out.splitlines()
    assert [json.loads(line)["path"] for line in lines] == ["a.txt", "b.md"]


def test_lint_is_one_line_per_change_with_escaped_newlines(article: Path) -> None:
    result = run("clean", article.name, "-f", "lint", "--only", "boilerplate", cwd=article.parent)
    lines = result.out.splitlines()
    assert lines[0].startswith(
        'ferry.txt:1:1: boilerplate: "close\\n\\n" -> "" (0.95, safe) “close”'
    )
    assert lines[1].startswith(
        'ferry.txt:8:1: boilerplate: "\\nLeave a Comment\\n" -> "" (0.95, safe)'
    )
    assert len(lines) == 2


def test_write_changes_only_the_changed_span_and_keeps_crlf_bom_and_mode(tmp_path: Path) -> None:
    original = codecs.BOM_UTF8 + f"Sané scored.\r\n\r\n{ENTITY_LINE}".encode()
    path = tmp_path / "match.txt"
    path.write_bytes(original)
    path.chmod(0o640)
    result = run("clean", "match.txt", "--only", "encoding", "--write", cwd=tmp_path)
    assert result.code == 0  # nothing is left to change
    assert path.read_bytes() == original.replace(b"& amp;", b"&")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["match.txt"]


def test_write_with_backup_keeps_the_original(tmp_path: Path) -> None:
    path = tmp_path / "match.txt"
    path.write_text(ENTITY_LINE, encoding="utf-8")
    run("clean", "match.txt", "--only", "encoding", "--write", "--backup", cwd=tmp_path)
    assert (tmp_path / "match.txt.bak").read_text(encoding="utf-8") == ENTITY_LINE
    assert "& amp;" not in path.read_text(encoding="utf-8")


def test_write_leaves_a_file_without_changes_untouched(tmp_path: Path) -> None:
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN, encoding="utf-8")
    os.utime(path, (1_000_000_000, 1_000_000_000))
    assert run("clean", "clean.txt", "--write", cwd=tmp_path).code == 0
    assert path.stat().st_mtime == 1_000_000_000


def test_output_dir_mirrors_the_tree_and_leaves_inputs_alone(tmp_path: Path) -> None:
    (tmp_path / "news" / "sport").mkdir(parents=True)
    (tmp_path / "news" / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "news" / "sport" / "match.md").write_text(ENTITY_LINE, encoding="utf-8")
    result = run("clean", "news", "--output-dir", "out", "--only", "encoding", cwd=tmp_path)
    assert result.code == 0
    assert (tmp_path / "out" / "sport" / "match.md").read_text(encoding="utf-8") == (
        ENTITY_LINE.replace("& amp;", "&")
    )
    assert (tmp_path / "out" / "ferry.txt").exists()
    assert (tmp_path / "news" / "ferry.txt").read_text(encoding="utf-8") == ARTICLE


def test_stdin(tmp_path: Path) -> None:
    result = run("clean", "-", "-f", "lint", cwd=tmp_path, stdin=ENTITY_LINE.encode())
    assert result.code == 1
    assert result.out.startswith('<stdin>:1:20: encoding: "& amp;" -> "&" (0.90, safe)')


def test_stdin_cannot_be_written(tmp_path: Path) -> None:
    result = run("clean", "-", "--write", cwd=tmp_path, stdin=b"text")
    assert_one_line_error(result, "standard input")


def test_cp1252_is_read_with_a_warning_and_written_back_as_cp1252(tmp_path: Path) -> None:
    original = f"Café owners said it was over.\n{ENTITY_LINE}\n".encode("cp1252")
    path = tmp_path / "old.txt"
    path.write_bytes(original)
    result = run("clean", "old.txt", "--only", "encoding", "--write", cwd=tmp_path)
    assert result.code == 0
    assert result.err == "mtfix: warning: old.txt: not UTF-8; read as cp1252\n"
    assert path.read_bytes() == original.replace(b"& amp;", b"&")


def test_utf16_with_bom_is_read_and_written_back_as_utf16(tmp_path: Path) -> None:
    original = codecs.BOM_UTF16_LE + f"{ENTITY_LINE}\r\n".encode("utf-16-le")
    path = tmp_path / "wide.txt"
    path.write_bytes(original)
    assert run("clean", "wide.txt", "--only", "encoding", "--write", cwd=tmp_path).code == 0
    expected = codecs.BOM_UTF16_LE + f"{ENTITY_LINE.replace('& amp;', '&')}\r\n".encode("utf-16-le")
    assert path.read_bytes() == expected


def test_missing_file(tmp_path: Path) -> None:
    assert_one_line_error(run("clean", "absent.txt", cwd=tmp_path), "absent.txt: no such file")


def test_binary_file(tmp_path: Path) -> None:
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    assert_one_line_error(run("clean", "photo.txt", cwd=tmp_path), "photo.txt: binary file")


def test_folder_without_text_files(tmp_path: Path) -> None:
    (tmp_path / "pictures").mkdir()
    (tmp_path / "pictures" / "a.png").write_bytes(b"\x89PNG")
    assert_one_line_error(run("clean", "pictures", cwd=tmp_path), "no *.txt or *.md files")


def test_one_bad_file_in_a_folder_is_reported_and_the_rest_processed(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    (folder / ".drafts").mkdir(parents=True)
    (folder / "a.txt").write_text(ENTITY_LINE, encoding="utf-8")
    (folder / "c.md").write_text(ENTITY_LINE, encoding="utf-8")
    (folder / "b.txt").symlink_to(folder / "deleted.txt")
    (folder / ".drafts" / "hidden.txt").write_text(ENTITY_LINE, encoding="utf-8")
    result = run("clean", "news", "-f", "lint", cwd=tmp_path)
    assert_one_line_error(result, "news/b.txt")
    assert [line.split(":")[0] for line in result.out.splitlines()] == ["news/a.txt", "news/c.md"]


def test_a_binary_file_found_in_a_folder_is_skipped_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(ENTITY_LINE, encoding="utf-8")
    (tmp_path / "news" / "b.txt").write_bytes(b"\0\0\0")
    result = run("clean", "news", "-f", "lint", cwd=tmp_path)
    assert result.code == 1
    assert (
        result.err == "mtfix: warning: news/b.txt: skipped, binary file (it contains NUL bytes)\n"
    )


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(ENTITY_LINE, encoding="utf-8")
    path.chmod(0)
    assert_one_line_error(run("clean", "secret.txt", cwd=tmp_path), "permission denied")


def test_only_and_skip_select_rules_by_dotted_prefix(article: Path) -> None:
    def kinds(*options: str) -> set[str]:
        out = run("clean", article.name, "-f", "json", *options, cwd=article.parent).out
        return {change["source"] for change in json.loads(out)["changes"]}

    assert kinds("--only", "boilerplate") == {"boilerplate.line"}
    assert kinds("--only", "encoding.html_entity", "--only", "boilerplate") == {
        "boilerplate.line",
        "encoding.html_entity",
    }
    assert "encoding.html_entity" not in kinds("--skip", "encoding")
    assert kinds("--only", "boilerplate,encoding", "--skip", "boilerplate.line") == {
        "encoding.html_entity"
    }


def test_min_confidence(tmp_path: Path) -> None:
    (tmp_path / "match.txt").write_text(ENTITY_LINE, encoding="utf-8")
    result = run(
        "clean", "match.txt", "--only", "encoding", "--min-confidence", "0.95", cwd=tmp_path
    )
    assert (result.code, result.out) == (0, "")


@pytest.mark.parametrize(
    ("options", "fragment"),
    [
        (["--only", "spelling"], "unknown kind 'spelling'"),
        (["--min-confidence", "2"], "--min-confidence"),
        (["--format", "xml"], "--format"),
        (["--dict", "absent.tsv"], "--dict"),
        (["--backup"], "--backup needs --write"),
        (["--write", "--output-dir", "out"], "not both"),
    ],
)
def test_invalid_options_are_one_line_usage_errors(
    article: Path, options: list[str], fragment: str
) -> None:
    assert_one_line_error(run("clean", article.name, *options, cwd=article.parent), fragment)


def test_broken_pipe_is_one_line_and_exit_2(article: Path) -> None:
    reader, writer = os.pipe()
    os.close(reader)  # like `mtfix clean ferry.txt | head -1` once head has exited
    try:
        done = subprocess.run(
            [*MTFIX, "clean", article.name],
            cwd=article.parent,
            stdout=writer,
            stderr=subprocess.PIPE,
            env=BASE_ENV,
            timeout=120,
        )
    finally:
        os.close(writer)
    assert done.returncode == ExitCode.ERROR
    assert done.stderr.decode() == "mtfix: error: output closed early (broken pipe)\n"


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
@pytest.mark.parametrize(
    ("options", "env", "coloured"),
    [([], {}, True), (["--no-color"], {}, False), ([], {"NO_COLOR": "1"}, False)],
)
def test_colour_only_on_a_terminal_and_never_with_no_color(
    article: Path, options: list[str], env: dict[str, str], coloured: bool
) -> None:
    import pty

    leader, follower = pty.openpty()
    with subprocess.Popen(
        [*MTFIX, "clean", article.name, *options],
        cwd=article.parent,
        stdout=follower,
        stderr=subprocess.DEVNULL,
        env={**BASE_ENV, **env},
    ) as process:
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        process.wait(timeout=120)
    os.close(leader)
    output = b"".join(chunks).decode("utf-8")
    assert "@@ -1,3 +1,1 @@" in output
    assert bool(ESCAPE.search(output)) is coloured


# -- The diff renderer, in process: the diff must replay to exactly the cleaned text ----------


def _apply_unified_diff(old: str, diff: str) -> str:
    """Apply a zero-context unified diff (as ``patch`` would) to ``old``."""
    lines = re.findall(r"[^\r\n]*(?:\r\n|\n)|[^\r\n]+\Z", old)
    rows = diff.splitlines(keepends=True)[2:]
    offset = 0
    index = 0
    while index < len(rows):
        start, count = map(int, re.match(r"@@ -(\d+),(\d+) ", rows[index]).groups())
        index += 1
        removed, added = [], []
        while index < len(rows) and not rows[index].startswith("@@"):
            row = rows[index]
            if row.startswith("\\"):
                sign = rows[index - 1][0]
                for target, signs in ((removed, "- "), (added, "+ ")):
                    if sign in signs:
                        target[-1] = target[-1].rstrip("\r\n")
            else:
                if row[0] in "- ":
                    removed.append(row[1:])
                if row[0] in "+ ":
                    added.append(row[1:])
            index += 1
        position = (start if count == 0 else start - 1) + offset
        assert lines[position : position + count] == removed
        lines[position : position + count] = added
        offset += len(added) - count
    return "".join(lines)


@st.composite
def texts_and_changes(draw: st.DrawFn) -> tuple[str, list[mtfix.Change]]:
    text = "".join(draw(st.lists(st.sampled_from(["a", "b", " ", "\n", "\r\n"]), max_size=30)))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    changes = []
    for number, (start, end) in enumerate(zip(cuts[::2], cuts[1::2], strict=False)):
        if "\r\n" in text[start - 1 : start + 1] or "\r\n" in text[end - 1 : end + 1]:
            continue  # never split a CRLF
        original = text[start:end]
        flag = draw(st.booleans()) and start < end
        replacement = original if flag else draw(st.sampled_from(["", "x", "y\n", "\n"]))
        if replacement == original and not flag:
            continue
        changes.append(
            mtfix.Change(start, end, original, replacement, "typography", 0.9, f"r{number}.", "t")
        )
    return text, changes


@given(texts_and_changes())
def test_the_plain_diff_replays_to_the_cleaned_text(case: tuple[str, list[mtfix.Change]]) -> None:
    text, changes = case
    report = mtfix.Report(text=text, changes=tuple(changes))
    output = diff.render(FileReport("f.txt", report))
    assert output == diff.render(FileReport("f.txt", report), color=False)
    if not changes:
        assert output == ""
        return
    if all(change.is_flag for change in changes):
        assert output == ""
        return
    assert _apply_unified_diff(text, output) == report.apply()
    headers = "".join(line for line in output.splitlines() if line.startswith("@@"))
    for change in changes:
        assert headers.count(f"· {change.reason}") == 1
    coloured = diff.render(FileReport("f.txt", report), color=True)
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == output.replace("\r\n", "\n")


def test_a_flag_is_shown_as_a_flag_and_never_applied() -> None:
    text = "Officials in Kramatorsk said the Bürgermeister had left.\n"
    start = text.index("Bürgermeister")
    flag = mtfix.Change(
        start,
        start + 13,
        "Bürgermeister",
        "Bürgermeister",
        "untranslated",
        0.6,
        "German.",
        "t",
        line=1,
        column=start + 1,
    )
    item = FileReport("a.txt", mtfix.Report(text=text, changes=(flag,)))
    assert diff.render(item) == ""  # a diff holds real edits only
    assert diff.stray_flags(item) == (flag,)
    assert lint.render(item) == (
        f'a.txt:1:{start + 1}: untranslated: "Bürgermeister" (flag, no fix known) (0.60, review)'
        " German.\n"
    )
    assert item.report.apply() == text
    edit = mtfix.Change(0, 9, "Officials", "Officers", "nonword", 0.7, "Spelling.", "nonword.x")
    both = FileReport("a.txt", mtfix.Report(text=text, changes=(edit, flag)))
    assert diff.render(both).splitlines()[2:] == [
        "@@ -1,1 +1,1 @@ nonword · review · 0.70 · Spelling. | flag at 1:"
        f"{start + 1}: untranslated · review · 0.60 · German. (“Bürgermeister”, not changed)",
        "-" + text.rstrip("\n"),
        "+" + text.replace("Officials", "Officers").rstrip("\n"),
    ]


def test_a_dictionary_that_is_not_utf8_is_a_usage_error(article: Path) -> None:
    (article.parent / "names.tsv").write_bytes("name\tkind\nMüller\tperson\n".encode("cp1252"))
    result = run("clean", article.name, "--dict", "names.tsv", cwd=article.parent)
    assert_one_line_error(result, "--dict names.tsv: not UTF-8")


def test_output_dir_refuses_two_inputs_with_one_target(tmp_path: Path) -> None:
    for folder in ("monday", "tuesday"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(ENTITY_LINE, encoding="utf-8")
    result = run(
        "clean", "monday/report.txt", "tuesday/report.txt", "--output-dir", "out", cwd=tmp_path
    )
    assert_one_line_error(result, "would both be written to report.txt")
    assert not (tmp_path / "out").exists()
