"""The json and jsonl outputs of the installed ``mtfix`` match schema/mtfix-report.schema.json."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "schema" / "mtfix-report.schema.json").read_text(encoding="utf-8"))
FIXTURES = ROOT / "tests" / "fixtures"
_SCRIPT = shutil.which("mtfix", path=str(Path(sys.executable).parent)) or shutil.which("mtfix")
MTFIX = [_SCRIPT] if _SCRIPT else [sys.executable, "-m", "mtfix"]


def mtfix(*args: str, cwd: Path) -> str:
    done = subprocess.run(
        [*MTFIX, *args, "--exit-zero", "--no-summary"],
        cwd=cwd,
        capture_output=True,
        timeout=300,
        check=True,
    )
    return done.stdout.decode("utf-8")


def validator(definition: str | None = None) -> jsonschema.protocols.Validator:
    schema = SCHEMA if definition is None else {**SCHEMA, "$ref": f"#/$defs/{definition}"}
    if definition is not None:
        schema = {key: value for key, value in schema.items() if key != "oneOf"}
    cls = jsonschema.validators.validator_for(SCHEMA)
    cls.check_schema(SCHEMA)
    return cls(schema)


@pytest.fixture(scope="module")
def news(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two artefact-laden fixture articles and a clean one, in a folder."""
    folder = tmp_path_factory.mktemp("schema") / "news"
    folder.mkdir()
    for name in ("typography.mt.txt", "quotes.mt.txt"):
        shutil.copy(FIXTURES / name, folder / name.replace(".mt", ""))
    shutil.copy(FIXTURES / "clean" / "uk-budget-reeves.txt", folder / "clean.txt")
    return folder


def test_json_for_one_file_and_for_a_folder_matches_the_schema(news: Path) -> None:
    one = json.loads(mtfix("clean", "typography.txt", "-f", "json", cwd=news))
    several = json.loads(mtfix("clean", ".", "-f", "json", cwd=news))
    assert isinstance(one, dict) and one["changes"]
    assert len(several) == 3
    validator().validate(one)
    validator().validate(several)
    for report in several:
        validator("fileReport").validate(report)


def test_every_jsonl_line_matches_the_schema(news: Path) -> None:
    lines = mtfix("clean", ".", "-f", "jsonl", cwd=news).splitlines()
    assert len(lines) == 3
    for line in lines:
        validator("fileReport").validate(json.loads(line))


def test_jsonl_records_keep_their_fields_and_match_the_schema(news: Path) -> None:
    corpus = news.parent / "corpus.jsonl"
    texts = [(news / name).read_text(encoding="utf-8") for name in sorted(Path(news).iterdir())]
    corpus.write_text(
        "".join(
            json.dumps({"id": number, "text": text, "meta": {"lang": "de"}}) + "\n"
            for number, text in enumerate(texts)
        ),
        encoding="utf-8",
    )
    lines = mtfix("clean", "corpus.jsonl", "--jsonl-field", "text", "-f", "jsonl", cwd=news.parent)
    records = [json.loads(line) for line in lines.splitlines()]
    assert [record["id"] for record in records] == [0, 1, 2]
    assert all(record["meta"] == {"lang": "de"} for record in records)
    assert any(record["changes"] for record in records)
    for record in records:
        validator("recordReport").validate(record)
        validator().validate(record)


def test_the_schema_rejects_a_change_without_its_kind() -> None:
    report = {"path": "a.txt", "changes": [{"start": 0}], "summary": {}}
    with pytest.raises(jsonschema.ValidationError):
        validator("fileReport").validate(report)


def test_a_report_with_a_source_matches_the_schema(tmp_path: Path) -> None:
    (tmp_path / "race.txt").write_text(
        "Max Vertape won the 2022 race in Zandvoort ahead of Charles Leclerc.\n", encoding="utf-8"
    )
    (tmp_path / "race.de.txt").write_text(
        "Max Verstappen gewann 2022 in Zandvoort vor Charles Leclerc.\n", encoding="utf-8"
    )
    (tmp_path / "other.txt").write_text("Heike Ostermann lobte 112 Helfer.\n", encoding="utf-8")
    used = json.loads(
        mtfix("clean", "race.txt", "--source", "race.de.txt", "-f", "json", cwd=tmp_path)
    )
    unused = json.loads(
        mtfix("clean", "race.txt", "--source", "other.txt", "-f", "json", cwd=tmp_path)
    )
    assert used["summary"]["source"]["used"] and "problem" in unused["summary"]["source"]
    validator().validate(used)
    validator().validate(unused)
