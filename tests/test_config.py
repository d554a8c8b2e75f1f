"""Settings: mtfix.toml or [tool.mtfix] found upwards from the input, options over the file."""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import mtfix
from mtfix.config import DEFAULT_MIN_CONFIDENCE, Config
from mtfix.settings import DEFAULT, KEYS, SettingsError, find_file, resolve

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
FLAWED = (ROOT / "tests" / "fixtures" / "typography.mt.txt").read_text(encoding="utf-8")
QUOTES = (ROOT / "tests" / "fixtures" / "quotes.mt.txt").read_text(encoding="utf-8")
_SCRIPT = shutil.which("mtfix", path=str(Path(sys.executable).parent)) or shutil.which("mtfix")
MTFIX = [_SCRIPT] if _SCRIPT else [sys.executable, "-m", "mtfix"]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    return subprocess.run(
        [*MTFIX, *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=300
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A newsroom project: mtfix.toml at the top, articles two folders down."""
    (tmp_path / "mtfix.toml").write_text(
        'min-confidence = 0.8\nonly = ["quotes", "typography.spaced_hyphen"]\n'
        'dictionaries = ["names/people.tsv"]\nexclude = ["drafts"]\njobs = 1\n',
        encoding="utf-8",
    )
    (tmp_path / "names").mkdir()
    (tmp_path / "names" / "people.tsv").write_text(
        "# our people\nname\ttype\taliases\tcontext\nAda Quell\tperson\t\teditor\n",
        encoding="utf-8",
    )
    articles = tmp_path / "desk" / "world"
    (articles / "drafts").mkdir(parents=True)
    (articles / "quotes.txt").write_text(QUOTES, encoding="utf-8")
    (articles / "typography.txt").write_text(FLAWED, encoding="utf-8")
    (articles / "drafts" / "draft.txt").write_text(FLAWED, encoding="utf-8")
    return tmp_path


def test_the_config_stays_one_frozen_object_with_the_same_defaults() -> None:
    config = Config()
    assert config.min_confidence == DEFAULT_MIN_CONFIDENCE and config.only == ()
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.min_confidence = 0.9  # type: ignore[misc]


def test_mtfix_toml_is_found_upwards_and_each_value_knows_its_origin(project: Path) -> None:
    article = project / "desk" / "world" / "quotes.txt"
    settings = resolve(article, {})
    assert settings.file == project / "mtfix.toml"
    assert settings.config.min_confidence == 0.8
    assert settings.config.only == ("quotes", "typography.spaced_hyphen")
    assert settings.config.extra_dictionaries == (project / "names" / "people.tsv",)
    assert settings.exclude == ("drafts",) and settings.include == ("*.txt", "*.md")
    assert settings.origins["min-confidence"] == str(project / "mtfix.toml")
    assert settings.origins["include"] == DEFAULT and settings.origins["skip"] == DEFAULT


def test_options_override_the_file(project: Path) -> None:
    settings = resolve(project / "desk", {"min-confidence": 0.6, "only": None, "jobs": 2})
    assert settings.config.min_confidence == 0.6 and settings.jobs == 2
    assert settings.config.only == ("quotes", "typography.spaced_hyphen")
    assert settings.origins["min-confidence"] == "--min-confidence"


def test_pyproject_counts_only_with_a_tool_mtfix_table(tmp_path: Path) -> None:
    (tmp_path / "mtfix.toml").write_text("min-confidence = 0.9\n", encoding="utf-8")
    inner = tmp_path / "site"
    (inner / "news").mkdir(parents=True)
    (inner / "pyproject.toml").write_text('[project]\nname = "site"\n', encoding="utf-8")
    assert find_file(inner / "news") == tmp_path / "mtfix.toml"
    (inner / "pyproject.toml").write_text(
        '[project]\nname = "site"\n\n[tool.mtfix]\nskip = "sense,untranslated"\n',
        encoding="utf-8",
    )
    settings = resolve(inner / "news", {})
    assert settings.file == inner / "pyproject.toml"
    assert settings.config.skip == ("sense", "untranslated")
    assert settings.config.min_confidence == DEFAULT_MIN_CONFIDENCE


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("min-confidence = 1.5\n", "min-confidence: must be a number from 0 to 1"),
        ('only = ["spelling"]\n', "only: unknown kind 'spelling'"),
        ("threshold = 0.5\n", "unknown setting 'threshold'"),
        ("jobs = 0\n", "jobs: must be a whole number"),
        ("min-confidence = \n", "not valid TOML"),
    ],
)
def test_a_bad_file_is_named_in_a_one_line_usage_error(
    tmp_path: Path, text: str, fragment: str
) -> None:
    (tmp_path / "mtfix.toml").write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError, match=fragment):
        resolve(tmp_path, {})
    (tmp_path / "a.txt").write_text(FLAWED, encoding="utf-8")
    result = run("clean", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("mtfix: error: ") and len(result.stderr.splitlines()) == 1
    assert "mtfix.toml" in result.stderr and fragment in result.stderr


def test_clean_uses_the_file_found_from_its_input(project: Path) -> None:
    result = run("clean", "desk/world", "-f", "lint", cwd=project)
    lines = result.stdout.splitlines()
    assert lines and {line.split(":")[0] for line in lines} == {
        "desk/world/quotes.txt",
        "desk/world/typography.txt",
    }  # drafts excluded
    expected = Config(min_confidence=0.8, only=("quotes", "typography.spaced_hyphen"))
    counts = [len(mtfix.clean(text, expected).changes) for text in (QUOTES, FLAWED)]
    assert len(lines) == sum(counts) and all(counts)
    overridden = run("clean", "desk/world", "-f", "lint", "--only", "typography", cwd=project)
    assert {line.split(": ")[1] for line in overridden.stdout.splitlines()} == {"typography"}
    assert len(overridden.stdout.splitlines()) > len(
        [line for line in lines if ": typography: " in line]
    )


def test_mtfix_config_prints_toml_with_the_origin_of_each_value(project: Path) -> None:
    result = run("config", "desk/world", cwd=project)
    assert result.returncode == 0, result.stderr
    printed = tomllib.loads(result.stdout)
    assert list(printed) == list(KEYS)
    assert printed["min-confidence"] == 0.8
    assert printed["dictionaries"] == [str(project / "names" / "people.tsv")]
    lines = {line.split(" = ")[0]: line for line in result.stdout.splitlines()}
    assert lines["only"].endswith(f"# {project / 'mtfix.toml'}")
    assert lines["skip"].endswith("# default")
    assert result.stdout.startswith(f"# config file: {project / 'mtfix.toml'}")


def test_source_language_comes_from_the_file_or_the_option(tmp_path: Path) -> None:
    (tmp_path / "mtfix.toml").write_text('source-lang = "ru"\n', encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text("Russia refused to hire hostilities on Monday.\n", encoding="utf-8")
    from_file = resolve(tmp_path, {})
    assert from_file.config.source_languages == ("ru",)
    assert from_file.origins["source-lang"] == str(tmp_path / "mtfix.toml")
    assert run("clean", "article.txt", "--only", "sense", cwd=tmp_path).returncode == 0
    german = run("clean", "article.txt", "--only", "sense", "--source-lang", "de", cwd=tmp_path)
    assert german.returncode == 1 and "cease" in german.stdout
    wrong = run("clean", "article.txt", "--source-lang", "xx", cwd=tmp_path)
    assert wrong.returncode == 2 and wrong.stderr.count("\n") == 1 and "'xx'" in wrong.stderr
