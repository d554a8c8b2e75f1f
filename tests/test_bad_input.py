"""Bad input of every sort gets one line on stderr and exit code 2, never a traceback."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from pathlib import Path

import pytest
from test_cli import BASE_ENV, MTFIX, assert_one_line_error, run

ARTICLE = "Olaf Scholtz met the press in Berlin , and said the talks were fair .\n"


def test_closed_standard_input(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    for args, fragment in (
        (["clean", "-"], "standard input is closed"),
        (["clean", "--interactive", "a.txt"], "standard input, which is closed"),
    ):
        done = subprocess.run(
            [*MTFIX, *args], cwd=tmp_path, stdin=subprocess.DEVNULL, capture_output=True,
            env=BASE_ENV, timeout=60, preexec_fn=lambda: os.close(0),
        )  # fmt: skip
        result = type("R", (), {})()
        result.code, result.err = done.returncode, done.stderr.decode()
        assert_one_line_error(result, fragment)  # type: ignore[arg-type]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_output_to_a_full_disk_is_an_error_not_silence(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [*MTFIX, "clean", "a.txt"], cwd=tmp_path, stdout=full, stderr=subprocess.PIPE,
            env=BASE_ENV, timeout=60,
        )  # fmt: skip
    assert done.returncode == 2
    assert "cannot write output" in done.stderr.decode()


def test_a_pipe_named_as_input_is_refused_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo")
    assert_one_line_error(run("clean", "fifo", cwd=tmp_path), "not a regular file")
    assert_one_line_error(run("apply", "fifo", cwd=tmp_path), "not a regular file")


def test_symlink_loops_and_deep_folders(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "loop").symlink_to("loop")
    assert_one_line_error(run("clean", "loop", cwd=tmp_path), "loop")
    folder = "deep" + "/x" * 1100  # deeper than Python's recursion limit
    subprocess.run(["mkdir", "-p", folder], cwd=tmp_path, check=True)
    subprocess.run(["cp", "a.txt", folder], cwd=tmp_path, check=True)
    try:
        result = run("clean", "deep", cwd=tmp_path)
    finally:  # pytest's own clean-up of old temporary folders recurses, and would fail on it
        subprocess.run(["rm", "-rf", "deep"], cwd=tmp_path, check=True)
    assert "Traceback" not in result.err and result.code in (1, 2)


def test_bad_settings_and_options(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert_one_line_error(run("clean", "a.txt", "--min-confidence", "nan", cwd=tmp_path), "0 to 1")
    (tmp_path / "mtfix.toml").write_bytes(b"min-confidence = 0.7\n# \xff\xfe\n")
    assert_one_line_error(run("clean", "a.txt", cwd=tmp_path), "not UTF-8")


def test_json_lines_with_lone_surrogates_or_deep_nesting(tmp_path: Path) -> None:
    (tmp_path / "c.jsonl").write_text('{"text": "\\ud800 Olaf Scholtz said ."}\n', "utf-8")
    result = run("clean", "c.jsonl", "--jsonl-field", "text", "-f", "jsonl", cwd=tmp_path)
    assert result.code == 1 and "Traceback" not in result.err
    assert json.loads(result.out)["text"] == "\ud800 Olaf Scholtz said ."  # the escape reads back
    (tmp_path / "d.jsonl").write_text('{"text": ' + "[" * 5000 + "]" * 5000 + "}\n", "utf-8")
    result = run("clean", "d.jsonl", "--jsonl-field", "text", cwd=tmp_path)
    assert_one_line_error(result, "nested too deeply")


@pytest.mark.parametrize(
    "files",
    [5, [{"path": "../outside.txt", "sha256": "0", "changes": []}], [{"path": "/etc/hostname"}]],
)
def test_apply_refuses_malformed_files_and_paths_outside_its_folder(
    tmp_path: Path, files: object
) -> None:
    (tmp_path / "outside.txt").write_text(ARTICLE, encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    (work / "d.json").write_text(json.dumps({"mtfix_decisions": 1, "files": files}), "utf-8")
    assert_one_line_error(run("apply", "d.json", cwd=work), "")
    assert (tmp_path / "outside.txt").read_text(encoding="utf-8") == ARTICLE


def test_apply_refuses_an_infinite_offset(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    digest = hashlib.sha256(ARTICLE.encode()).hexdigest()
    entry = {"path": "a.txt", "sha256": digest, "changes": [{"start": 1e999, "end": 2}]}
    (tmp_path / "d.json").write_text(json.dumps({"mtfix_decisions": 1, "files": [entry]}))
    assert_one_line_error(run("apply", "d.json", cwd=tmp_path), "not a valid decisions file")


def test_special_files_in_a_folder_are_skipped_with_a_warning_never_opened(tmp_path: Path) -> None:
    import socket

    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(news / "b.txt")  # opened for reading, a pipe would wait for a writer for ever
    with socket.socket(socket.AF_UNIX) as listening:
        listening.bind(str(news / "c.txt"))
        for extra in ([], ["--format", "html", "-o", "review.html"]):
            result = run("clean", "news", "-f", "lint", *extra, cwd=tmp_path)
            assert result.code == 1 and "Traceback" not in result.err
            assert result.err.splitlines() == [
                f"mtfix: warning: news/{name}: skipped, not a regular file (a pipe, device or "
                "socket): not read"
                for name in ("b.txt", "c.txt")
            ]


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_workers_leave_quietly_when_the_parent_is_killed(tmp_path: Path) -> None:
    import signal
    import time

    news = tmp_path / "news"
    news.mkdir()
    for number in range(200):
        (news / f"{number:03}.txt").write_text(ARTICLE * 20, encoding="utf-8")
    process = subprocess.Popen(
        [*MTFIX, "clean", "news", "--jobs", "2", "-f", "lint"], cwd=tmp_path,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=BASE_ENV,
    )  # fmt: skip
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    deadline = time.monotonic() + 60
    while not children.read_text().split() and time.monotonic() < deadline:  # the worker
        time.sleep(0.05)
    time.sleep(0.5)  # the workers are cleaning
    process.send_signal(signal.SIGKILL)
    errors = process.communicate(timeout=60)[1].decode()  # read until the workers have ended
    assert "Traceback" not in errors and "Error" not in errors, errors


def test_file_names_with_line_breaks_and_escape_codes_are_shown_escaped(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    name = "a\nfake.txt:1:1: \x1b[2Jb.txt"
    (news / name).write_text(ARTICLE, encoding="utf-8")
    (news / "c\x1b]0;title\x07.txt").write_bytes(b"\0binary")
    shown = "news/a\\nfake.txt:1:1: \\x1b[2Jb.txt"
    for output in ("lint", "diff"):
        result = run("clean", "news", "-f", output, "--summary", cwd=tmp_path)
        assert result.code == 1
        assert "\x1b" not in result.out + result.err
        assert shown in result.out
        skipped = "news/c\\x1b]0;title\\x07.txt"
        assert f"mtfix: warning: {skipped}: skipped" in result.err
        assert f"skipped: {skipped}: binary" in result.err  # the summary's list
    lint = run("clean", "news", "-f", "lint", cwd=tmp_path).out
    assert all(line.startswith(shown + ":") for line in lint.splitlines())
    json_out = run("clean", "news", "-f", "json", cwd=tmp_path).out
    assert json.loads(json_out)[0]["path"] == f"news/{name}"  # JSON keeps the real name


def test_apply_refuses_a_file_listed_twice_with_changes(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    digest = hashlib.sha256(ARTICLE.encode()).hexdigest()
    start = ARTICLE.index("Scholtz")
    change = {"start": start, "end": start + 7, "original": "Scholtz", "replacement": "Scholz"}
    comma = {"start": 36, "end": 38, "original": " ,", "replacement": ","}
    files = [
        {"path": "a.txt", "sha256": digest, "changes": [change]},
        {"path": "./a.txt", "sha256": digest, "changes": [comma]},
    ]
    (tmp_path / "d.json").write_text(json.dumps({"mtfix_decisions": 1, "files": files}))
    assert_one_line_error(run("apply", "d.json", cwd=tmp_path), "listed twice")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == ARTICLE


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"start": "0", "end": 5, "original": "Olaf ", "replacement": "Olaf "}, "start"),
        ({"start": 0, "end": 5, "original": "Olaf "}, "0"),
        ({"start": -1, "end": 5, "original": "Olaf ", "replacement": ""}, "start"),
    ],
)
def test_apply_checks_a_decisions_file_against_its_schema_first(
    tmp_path: Path, change: dict, where: str
) -> None:
    """A value the published schema rejects (a number written as a string, a missing field, a
    negative offset) is refused in one line, naming where, before any file is touched."""
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    digest = hashlib.sha256(ARTICLE.encode()).hexdigest()
    entry = {"path": "a.txt", "sha256": digest, "changes": [change]}
    (tmp_path / "d.json").write_text(json.dumps({"mtfix_decisions": 1, "files": [entry]}))
    result = run("apply", "d.json", cwd=tmp_path)
    assert_one_line_error(result, "not a valid decisions file at files/0/changes/0")
    assert where in result.err
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == ARTICLE
