"""Writing in place and into an output folder: only the file that was read, only inside the
folder asked for, never over a change someone else made meanwhile, never half a file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from test_cli import ARTICLE, BASE_ENV, MTFIX, ROOT, assert_one_line_error, run

#: A run of mtfix in which "someone else" edits the file after mtfix read it and before it
#: writes: the edit is made when the article is handed to the cleaner (with --jobs 1 that is in
#: this process, after the file was read).
EDIT_WHILE_CLEANING = """
import sys
from pathlib import Path

import mtfix.batch
from mtfix.cli import main

real_clean = mtfix.batch.clean


def clean_while_someone_edits(*args, **options):
    Path(sys.argv[1]).write_text("An edit made meanwhile.\\n", encoding="utf-8")
    return real_clean(*args, **options)


mtfix.batch.clean = clean_while_someone_edits
main(sys.argv[2:])
"""


def test_a_file_edited_after_it_was_read_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "ferry.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    importable = os.pathsep.join([str(ROOT), BASE_ENV.get("PYTHONPATH", "")])
    done = subprocess.run(
        [sys.executable, "-c", EDIT_WHILE_CLEANING, "ferry.txt",
         "clean", "ferry.txt", "--write", "--backup", "--jobs", "1"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
        env={**BASE_ENV, "PYTHONPATH": importable},
    )  # fmt: skip
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [
        "mtfix: error: ferry.txt: changed on disk since it was read; not written, run mtfix again"
    ]
    assert path.read_text(encoding="utf-8") == "An edit made meanwhile.\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ferry.txt"]  # no .bak, no temporary


def test_two_concurrent_runs_never_lose_a_change_and_back_up_what_they_read(
    tmp_path: Path,
) -> None:
    path = tmp_path / "ferry.txt"
    encoding_fixed = ARTICLE.replace("& amp;", "&")
    for _ in range(3):
        path.write_text(ARTICLE, encoding="utf-8")
        command = [*MTFIX, "clean", "ferry.txt", "--write", "--backup", "--only"]
        runs = [
            subprocess.Popen(
                [*command, only],
                cwd=tmp_path,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                env=BASE_ENV,
            )
            for only in ("encoding", "boilerplate")
        ]
        errors = [process.communicate(timeout=120)[1].decode() for process in runs]
        codes = [process.returncode for process in runs]
        final = path.read_text(encoding="utf-8")
        backup = (tmp_path / "ferry.txt.bak").read_text(encoding="utf-8")
        for code, error, mark in zip(codes, errors, ("& amp;", "Leave a Comment"), strict=True):
            assert "Traceback" not in error
            if code == 2:  # the other run wrote first: this one skipped the file and said so
                assert "changed on disk since it was read" in error
            else:  # its change is in the file
                assert code == 0 and mark not in final, (codes, errors)
        assert backup in (ARTICLE, encoding_fixed, final.replace("&", "& amp;"))
        assert backup != final


def test_write_refuses_a_read_only_file_also_for_root(tmp_path: Path) -> None:
    path = tmp_path / "ferry.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    path.chmod(0o444)
    result = run("clean", "ferry.txt", "--write", cwd=tmp_path)
    assert_one_line_error(result, "ferry.txt: read-only file; not written")
    assert path.read_text(encoding="utf-8") == ARTICLE


def test_write_on_a_symlink_writes_through_to_its_target(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "ferry.txt"
    target.write_text(ARTICLE, encoding="utf-8")
    link = tmp_path / "ferry.txt"
    link.symlink_to(target)
    result = run("clean", "ferry.txt", "--write", "--backup", "--only", "encoding", cwd=tmp_path)
    assert result.code == 0, result.err
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == ARTICLE.replace("& amp;", "&")
    assert (tmp_path / "ferry.txt.bak").read_text(encoding="utf-8") == ARTICLE


def test_output_dir_never_follows_a_symlinked_folder_out_of_it(tmp_path: Path) -> None:
    (tmp_path / "news" / "sport").mkdir(parents=True)
    (tmp_path / "news" / "sport" / "match.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "news" / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "sport").symlink_to(tmp_path / "elsewhere")
    result = run("clean", "news", "--output-dir", "out", cwd=tmp_path)
    assert_one_line_error(result, "out/sport: a symlink leads out of --output-dir; not written")
    assert list((tmp_path / "elsewhere").iterdir()) == []
    assert (tmp_path / "out" / "ferry.txt").exists()


#: A run of mtfix that gets SIGTERM in the middle of writing the file (after the bytes went to
#: the temporary file, before it replaces the original).
TERMINATED_WHILE_WRITING = """
import os
import signal
import sys

from mtfix.cli import main

real_fsync = os.fsync


def fsync_then_terminated(handle):
    real_fsync(handle)
    os.kill(os.getpid(), signal.SIGTERM)


os.fsync = fsync_then_terminated
main(sys.argv[1:])
"""


def test_sigterm_during_a_write_leaves_the_file_whole_and_no_temporary_file(
    tmp_path: Path,
) -> None:
    path = tmp_path / "ferry.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    importable = os.pathsep.join([str(ROOT), BASE_ENV.get("PYTHONPATH", "")])
    done = subprocess.run(
        [sys.executable, "-c", TERMINATED_WHILE_WRITING,
         "clean", "ferry.txt", "--write", "--jobs", "1"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
        env={**BASE_ENV, "PYTHONPATH": importable},
    )  # fmt: skip
    assert done.returncode == 128 + 15 and "Traceback" not in done.stderr
    assert path.read_text(encoding="utf-8") == ARTICLE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ferry.txt"]
