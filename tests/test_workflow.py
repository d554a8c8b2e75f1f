"""The edit workflow (issue 14): safe and review fixes, exit codes after fixing, the cleaned text
on stdout, diffs that ``patch`` and ``git apply`` take, through the console script."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from test_cli import ROOT, assert_one_line_error, run, texts_and_changes

import mtfix
from mtfix.cli import ExitCode
from mtfix.render import FileReport, diff

#: A safe fix (the house style's Kyiv), a review fix (a garbled chancellor) and a flag (German).
ARTICLE = (
    "Share this article\n"
    "\n"
    "German Chancellor Olaf Scholtz arrived in Kiev on Monday for a two -day visit.\n"
    "\n"
    "The minister said the Vereinbarung would be signed in the spring.\n"
)
SAFE_ONLY = (
    "German Chancellor Olaf Scholtz arrived in Kyiv on Monday for a two-day visit.\n"
    "\n"
    "The minister said the Vereinbarung would be signed in the spring.\n"
)
ALL_FIXES = SAFE_ONLY.replace("Scholtz", "Scholz")
FLAG = "Vereinbarung"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "visit.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_write_applies_safe_fixes_only_and_exits_1_for_what_is_left(article: Path) -> None:
    result = run("clean", article.name, "--write", "-f", "lint", cwd=article.parent)
    assert article.read_text(encoding="utf-8") == SAFE_ONLY
    assert result.code == ExitCode.CHANGES  # the review fix and the flag are left


def test_unsafe_fixes_apply_review_fixes_too(article: Path) -> None:
    result = run("clean", article.name, "--write", "--unsafe-fixes", cwd=article.parent)
    assert article.read_text(encoding="utf-8") == ALL_FIXES
    assert result.code == ExitCode.CHANGES  # the flag is left


def test_write_exits_0_when_nothing_is_left(tmp_path: Path) -> None:
    path = tmp_path / "visit.txt"
    path.write_text("The talks in Kiev lasted a two -day week.\n", encoding="utf-8")
    assert run("clean", "visit.txt", "--write", cwd=tmp_path).code == ExitCode.CLEAN
    assert path.read_text(encoding="utf-8") == "The talks in Kyiv lasted a two-day week.\n"
    assert run("clean", "visit.txt", cwd=tmp_path).code == ExitCode.CLEAN


def test_output_dir_writes_safe_fixes_unless_unsafe_fixes(article: Path) -> None:
    folder = article.parent
    run("clean", article.name, "--output-dir", "safe", cwd=folder)
    run("clean", article.name, "--output-dir", "all", "--unsafe-fixes", cwd=folder)
    assert (folder / "safe" / article.name).read_text(encoding="utf-8") == SAFE_ONLY
    assert (folder / "all" / article.name).read_text(encoding="utf-8") == ALL_FIXES
    assert article.read_text(encoding="utf-8") == ARTICLE


def test_every_output_marks_safe_and_review(article: Path) -> None:
    folder = article.parent
    lint = run("clean", article.name, "-f", "lint", cwd=folder).out.splitlines()
    assert any("Kiev" in line and "(0.90, safe)" in line for line in lint)
    assert any("Scholtz" in line and ", review)" in line for line in lint)
    changes = json.loads(run("clean", article.name, "-f", "json", cwd=folder).out)["changes"]
    assert {c["original"]: c["safety"] for c in changes}["Scholtz"] == "review"
    assert {c["original"]: c["safety"] for c in changes}["Kiev"] == "safe"
    headers = [line for line in run("clean", article.name, cwd=folder).out.splitlines()]
    assert any("entity · review · " in line and "variant · safe · " in line for line in headers)


def test_format_text_prints_the_cleaned_text_from_stdin(tmp_path: Path) -> None:
    piped = run("clean", "-", "--format", "text", cwd=tmp_path, stdin=ARTICLE.encode())
    assert piped.out == SAFE_ONLY
    assert piped.code == ExitCode.CHANGES
    left = piped.err.splitlines()  # what was not applied, as lint lines on stderr
    assert len(left) == 2 and left[0].startswith("<stdin>:3:") and FLAG in left[1]
    unsafe = run("clean", "-", "-f", "text", "--unsafe-fixes", cwd=tmp_path, stdin=ARTICLE.encode())
    assert unsafe.out == ALL_FIXES


def test_format_text_of_a_clean_file_is_the_file_and_exit_0(tmp_path: Path) -> None:
    text = "The talks went on until late in the evening.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    result = run("clean", "a.txt", "--format", "text", cwd=tmp_path)
    assert (result.code, result.out, result.err) == (0, text, "")


def test_format_text_takes_one_input(article: Path) -> None:
    result = run("clean", article.name, article.name + "x", "-f", "text", cwd=article.parent)
    (article.parent / (article.name + "x")).write_text("x", encoding="utf-8")
    result = run("clean", article.name, article.name + "x", "-f", "text", cwd=article.parent)
    assert_one_line_error(result, "--format text prints one cleaned file")


def test_stdin_with_write_points_to_format_text(tmp_path: Path) -> None:
    assert_one_line_error(
        run("clean", "-", "--write", cwd=tmp_path, stdin=b"text"), "use --format text"
    )


def test_flags_only_go_to_stderr_and_the_diff_is_empty(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"The minister said the {FLAG} was ready.\n", encoding="utf-8")
    result = run("clean", "a.txt", cwd=tmp_path)
    assert result.out == ""
    assert result.err.startswith("a.txt:1:23: untranslated:") and FLAG in result.err
    assert result.code == ExitCode.CHANGES


def _tools() -> list[str]:
    return [tool for tool in ("patch", "git") if shutil.which(tool)]


@pytest.mark.parametrize("tool", _tools() or [pytest.param("none", marks=pytest.mark.skip)])
def test_the_diff_with_flags_applies_with_patch_and_git_apply(tool: str, tmp_path: Path) -> None:
    """The diff of an article with a flag, edits at both ends and a CRLF line applies with the
    real tools, and gives exactly what ``--write --unsafe-fixes`` writes."""
    text = ARTICLE + "Leave a Comment\r\n"
    for name in ("patched.txt", "written.txt"):
        (tmp_path / name).write_bytes(text.encode("utf-8"))
    diff = run("clean", "patched.txt", cwd=tmp_path).out
    assert FLAG in diff and "\n-Share this article\n" in diff
    command = ["patch", "-p1", "--quiet"] if tool == "patch" else ["git", "apply", "-p1", "-"]
    subprocess.run(command, cwd=tmp_path, input=diff.encode("utf-8"), check=True)
    run("clean", "written.txt", "--write", "--unsafe-fixes", cwd=tmp_path)
    written = (tmp_path / "written.txt").read_bytes()
    assert (tmp_path / "patched.txt").read_bytes() == written
    assert written.decode("utf-8") == ALL_FIXES


# -- Suppression: the accept list -------------------------------------------------------------


def test_accept_list_in_mtfix_toml_and_accept_file_silence_words_and_names(article: Path) -> None:
    folder = article.parent
    (folder / "mtfix.toml").write_text('accept = ["Vereinbarung"]\n', encoding="utf-8")
    (folder / "ours.txt").write_text("# our spellings\nOlaf Scholtz  # as he signs\n", "utf-8")
    lint = run("clean", article.name, "-f", "lint", cwd=folder).out
    assert FLAG not in lint and "Scholtz" in lint
    both = run("clean", article.name, "-f", "lint", "--accept", "ours.txt", cwd=folder)
    assert FLAG not in both.out and "Scholtz" not in both.out and "Kiev" in both.out
    config = run("config", article.name, "--accept", "ours.txt", cwd=folder)
    assert config.code == ExitCode.ERROR  # mtfix config takes no --accept; clean does
    run("clean", article.name, "--write", "--accept", "ours.txt", cwd=folder)
    assert run("clean", article.name, "--accept", "ours.txt", cwd=folder).code == ExitCode.CLEAN


def test_a_missing_accept_file_is_a_usage_error(article: Path) -> None:
    result = run("clean", article.name, "--accept", "absent.txt", cwd=article.parent)
    assert_one_line_error(result, "--accept absent.txt: no such file")


def _interactive(folder: Path, keys: str, *args: str) -> subprocess.CompletedProcess[str]:
    from test_cli import BASE_ENV, MTFIX

    return subprocess.run(
        [*MTFIX, "clean", "--interactive", *args],
        input=keys,
        cwd=folder,
        capture_output=True,
        text=True,
        env=BASE_ENV,
        timeout=120,
    )


def test_n_in_the_review_adds_the_word_to_the_accept_file(article: Path) -> None:
    folder = article.parent
    # boilerplate: y; Scholtz: n, then y to "never again"; Kiev, the hyphen: y; the flag: n, y
    keys = "y\nn\ny\ny\ny\nn\ny\n"
    done = _interactive(folder, keys, article.name, "--accept", "words.txt")
    assert done.returncode == 0, done.stderr
    assert (folder / "words.txt").read_text(encoding="utf-8") == f"Scholtz\n{FLAG}\n"
    again = run("clean", article.name, "--accept", "words.txt", cwd=folder)
    assert again.code == ExitCode.CLEAN, again.out + again.err


SCHOLTZ = (
    "German Chancellor Olaf Scholtz opened the harbour festival on Sunday.\n"
    "The two -day festival drew large crowds, the organisers said.\n"
    "Scholtz said the city would hold it again next year.\n"
)


def test_accept_all_of_a_kind_reaches_later_mentions_after_skip(tmp_path: Path) -> None:
    (tmp_path / "festival.txt").write_text(SCHOLTZ, encoding="utf-8")
    done = _interactive(tmp_path, "a\ns\n", "festival.txt")  # a on Scholtz, s on the hyphen
    assert done.returncode == 0, done.stderr
    written = (tmp_path / "festival.txt").read_text(encoding="utf-8")
    assert written == SCHOLTZ.replace("Scholtz", "Scholz")


# -- A second run over mtfix's own output proposes nothing ------------------------------------


def test_a_second_run_after_write_unsafe_fixes_proposes_nothing_new(tmp_path: Path) -> None:
    """Over every fixture and example: after ``--write --unsafe-fixes`` a second run shows only
    the flags the first run showed (no fix is known for them), and once they are accepted,
    nothing at all."""
    news = tmp_path / "news"
    shutil.copytree(ROOT / "tests" / "fixtures", news / "fixtures")
    shutil.copytree(ROOT / "examples", news / "examples", ignore=shutil.ignore_patterns("*.tsv"))

    def changes() -> dict[str, list[tuple[str, str, str]]]:
        reports = json.loads(run("clean", "news", "-f", "json", cwd=tmp_path).out)
        return {
            report["path"]: [
                (c["original"], c["replacement"], c["source"]) for c in report["changes"]
            ]
            for report in reports
        }

    first = changes()
    assert sum(map(len, first.values())) > 50
    written = run("clean", "news", "--write", "--unsafe-fixes", "-f", "lint", cwd=tmp_path)
    assert written.code in (ExitCode.CLEAN, ExitCode.CHANGES), written.err
    flags = {path: [c for c in found if c[0] == c[1]] for path, found in first.items()}
    assert changes() == flags
    accept = tmp_path / "accept.txt"
    accept.write_text("".join(f"{c[0]}\n" for found in flags.values() for c in found), "utf-8")
    assert run("clean", "news", "--accept", str(accept), cwd=tmp_path).code == ExitCode.CLEAN


# -- mtfix apply: decisions files and json reports --------------------------------------------


def test_apply_takes_the_json_report_all_or_chosen_by_index(article: Path) -> None:
    folder = article.parent
    report = run("clean", article.name, "-f", "json", cwd=folder).out
    (folder / "report.json").write_text(report, encoding="utf-8")
    changes = json.loads(report)["changes"]
    scholtz = 1 + [c["original"] for c in changes].index("Scholtz")
    chosen = run("apply", "report.json", "--index", str(scholtz), cwd=folder)
    assert (chosen.code, chosen.out) == (0, "visit.txt: applied 1 change\n")
    assert article.read_text(encoding="utf-8") == ARTICLE.replace("Scholtz", "Scholz")
    again = run("apply", "report.json", cwd=folder)  # "Scholtz" is no longer there
    assert_one_line_error(again, "does not match the file")
    assert article.read_text(encoding="utf-8") == ARTICLE.replace("Scholtz", "Scholz")


def test_apply_takes_a_report_from_stdin_and_skips_flags(article: Path) -> None:
    folder = article.parent
    report = run("clean", article.name, "-f", "json", cwd=folder).out
    done = run("apply", "-", cwd=folder, stdin=report.encode())
    assert done.code == 0, done.err
    assert article.read_text(encoding="utf-8") == ALL_FIXES  # the flag stays as it is


def test_apply_refuses_a_flag_or_a_number_beyond_the_report(article: Path) -> None:
    folder = article.parent
    report = json.loads(run("clean", article.name, "-f", "json", cwd=folder).out)
    (folder / "report.json").write_text(json.dumps(report), encoding="utf-8")
    flag = 1 + [c["original"] == c["replacement"] for c in report["changes"]].index(True)
    assert_one_line_error(run("apply", "report.json", "--index", str(flag), cwd=folder), "a flag")
    assert_one_line_error(run("apply", "report.json", "--index", "1,99", cwd=folder), "--index 99")
    assert_one_line_error(run("apply", "report.json", "--index", "x", cwd=folder), "numbers")
    assert article.read_text(encoding="utf-8") == ARTICLE
    report["path"] = "../elsewhere.txt"
    (folder / "report.json").write_text(json.dumps(report), encoding="utf-8")
    assert_one_line_error(run("apply", "report.json", cwd=folder), "outside the folder")


def test_the_decisions_schema_describes_what_the_review_page_downloads(article: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from mtfix import Config
    from mtfix.decisions import VERSION, change_entry, review

    schema = json.loads((ROOT / "schema" / "mtfix-decisions.schema.json").read_text("utf-8"))
    reviewed = review([(article, article.name, False)], Config())[0][0]
    decisions = {
        "mtfix_decisions": VERSION,
        "generator": "mtfix",
        "files": [
            {
                "path": article.name,
                "sha256": reviewed.sha256,
                "changes": [change_entry(c) for c in reviewed.item.report.changes if not c.is_flag],
            }
        ],
    }
    jsonschema.validators.validator_for(schema)(schema).validate(decisions)
    (article.parent / "d.json").write_text(json.dumps(decisions), encoding="utf-8")
    assert run("apply", "d.json", cwd=article.parent).code == 0
    assert article.read_text(encoding="utf-8") == ALL_FIXES


@pytest.mark.skipif(len(_tools()) < 2, reason="needs patch and git")
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts_and_changes())
def test_any_diff_applies_with_the_real_tools(
    tmp_path: Path, case: tuple[str, list[mtfix.Change]]
) -> None:
    """Edits, flags, deletions of whole lines, CR LF and a missing last newline: ``patch`` and
    ``git apply`` both turn the text into exactly what applying the changes gives."""
    text, changes = case
    report = mtfix.Report(text=text, changes=tuple(changes))
    patch = diff.render(FileReport("f.txt", report)).encode("utf-8")
    if not patch:
        return
    for command in (["patch", "-p1", "--quiet"], ["git", "apply", "-p1", "-"]):
        (tmp_path / "f.txt").write_bytes(text.encode("utf-8"))
        subprocess.run(command, cwd=tmp_path, input=patch, check=True, capture_output=True)
        assert (tmp_path / "f.txt").read_bytes().decode("utf-8") == report.apply(), command


def test_accept_matches_whole_words_and_names_and_a_capital_at_a_sentence_start() -> None:
    from mtfix.accept import accepted_spans, unaccepted

    text = "Communiqué issued. The communiqué said Olaf Scholtz met Scholtz-Weber."
    assert [text[a:b] for a, b in accepted_spans(text, ("communiqué",))] == [
        "Communiqué",
        "communiqué",
    ]
    assert [text[a:b] for a, b in accepted_spans(text, ("Olaf Scholtz", "Scholtz"))] == [
        "Olaf Scholtz",
        "Scholtz",  # in "Scholtz-Weber": a hyphen is no letter
    ]
    start = text.index("Olaf")
    inside = mtfix.Change(start + 4, start + 4, "", " ", "typography", 0.9, "", "t")
    edge = mtfix.Change(start - 1, start, " ", "", "typography", 0.9, "", "t")
    kept = unaccepted(text, [inside, edge], ("Olaf Scholtz",))
    assert kept == [edge]  # an insertion inside the name is dropped, one beside it kept
