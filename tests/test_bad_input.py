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
    assert_one_line_error(run("apply", "d.json", cwd=tmp_path), "malformed change")
