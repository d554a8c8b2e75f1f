"""The rule registry: every rule's examples work, every reported id is registered, and
``mtfix rules`` / ``--only`` / ``--skip`` use the registry."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli import assert_one_line_error, run

import mtfix
from mtfix.detectors import DETECTORS, KINDS_OF
from mtfix.rules import KIND_SAFETY, RULES, Rule, find, safety_of

ROOT = Path(__file__).resolve().parent.parent


def _config(rule: Rule) -> mtfix.Config:
    return mtfix.Config(source_languages=rule.source_languages)


def _ids(text: str, rule: Rule) -> set[str]:
    changes = mtfix.clean(text, _config(rule), source=rule.source or None).changes
    return {change.source for change in changes}


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_the_wrong_example_gets_a_change_of_its_rule(rule: Rule) -> None:
    assert any(rule.covers(found) for found in _ids(rule.wrong, rule)), rule.wrong


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_the_right_example_gets_none(rule: Rule) -> None:
    assert not any(rule.covers(found) for found in _ids(rule.right, rule)), rule.right


def test_ids_are_ascii_dotted_and_unique_and_kinds_are_the_detectors() -> None:
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    for rule in RULES:
        assert rule.id.isascii() and rule.id.count(".") == 1, rule.id
        assert rule.summary and rule.explanation and rule.wrong != rule.right
    detected = {kind for name in DETECTORS for kind in KINDS_OF.get(name, (name,))}
    assert set(KIND_SAFETY) == set(mtfix.KINDS) == detected == {r.kind for r in RULES}


def test_safety_follows_the_kind() -> None:
    safe = {"typography", "quotes", "boilerplate", "encoding", "variant"}
    assert {kind for kind, safety in KIND_SAFETY.items() if safety == "safe"} == safe
    assert safety_of("sense.de.anhaenger") == "review"
    assert safety_of("typography.spaced_hyphen") == "safe"


def _texts() -> list[Path]:
    fixtures = sorted((ROOT / "tests" / "fixtures").rglob("*.txt"))
    return fixtures + sorted((ROOT / "examples").glob("*.txt"))


def test_every_id_a_detector_reports_is_registered() -> None:
    """Everything our fixtures, examples and rule examples make the detectors say, at any
    confidence and with every source language, names a registered rule."""
    config = mtfix.Config(min_confidence=0.0, source_languages=("de", "ru", "uk", "fr", "es"))
    texts = [path.read_text(encoding="utf-8") for path in _texts()]
    texts += [text for rule in RULES for text in (rule.wrong, rule.right)]
    reported = {change.source for text in texts for change in mtfix.clean(text, config).changes}
    assert len(reported) > 20
    assert {rule_id for rule_id in reported if find(rule_id) is None} == set()


def test_rules_lists_every_rule_and_explains_one(tmp_path: Path) -> None:
    listing = run("rules", cwd=tmp_path)
    assert listing.code == 0
    for rule in RULES:
        assert rule.id in listing.out
    line = next(line for line in listing.out.splitlines() if "typography.spaced_hyphen" in line)
    assert line.split()[1:3] == ["typography", "safe"]
    one = run("rules", "entity.person", cwd=tmp_path)
    assert one.code == 0
    assert "review" in one.out and "wrong: German Chancellor Olaf Scholtz" in one.out
    kind = run("rules", "quotes", cwd=tmp_path)
    assert kind.out.count("(quotes, safe)") == sum(rule.kind == "quotes" for rule in RULES)


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("rules", "typography.nosuchrule"), "typography.spaced_hyphen"),
        (("clean", "--skip", "typography.nosuchrule", "x.txt"), "unknown rule"),
        (("clean", "--only", "nosuchkind", "x.txt"), "kinds: entity, variant"),
    ],
)
def test_unknown_ids_and_kinds_are_refused_with_the_valid_ones(
    args: tuple[str, ...], fragment: str, tmp_path: Path
) -> None:
    (tmp_path / "x.txt").write_text("The talks went on.\n", encoding="utf-8")
    assert_one_line_error(run(*args, cwd=tmp_path), fragment)


def test_known_ids_kinds_and_words_below_a_family_are_taken(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("The talks went on.\n", encoding="utf-8")
    for selector in ("typography", "entity.person", "sense.de", "sense.de.einstellen"):
        assert run("clean", "--skip", selector, "x.txt", cwd=tmp_path).code == 0, selector


def test_an_entity_type_of_a_users_dictionary_can_be_selected(tmp_path: Path) -> None:
    """Entity types are data: a --dict may bring a type no shipped file has, and --only can
    name it; a type no dictionary has is a typo, refused with the types there are."""
    (tmp_path / "bands.tsv").write_text(
        "# our bands\nname\ttype\taliases\tcontext\nRadiohead\tband\t\tmusic|album\n",
        encoding="utf-8",
    )
    (tmp_path / "x.txt").write_text(
        "The new album by Radiohaed came out on Friday; music fans queued.\n", encoding="utf-8"
    )
    chosen = run("clean", "x.txt", "--dict", "bands.tsv", "--only", "entity.band", cwd=tmp_path)
    assert chosen.code == 1 and "Radiohead" in chosen.out
    other = run("clean", "x.txt", "--dict", "bands.tsv", "--only", "entity.person", cwd=tmp_path)
    assert other.code == 0 and "Radiohead" not in other.out
    typo = run("clean", "x.txt", "--dict", "bands.tsv", "--skip", "entity.bnad", cwd=tmp_path)
    assert_one_line_error(typo, "unknown entity type 'bnad'")
    assert "band, city" in typo.err


def test_a_config_file_with_an_unknown_rule_is_refused(tmp_path: Path) -> None:
    (tmp_path / "mtfix.toml").write_text('skip = ["quotes.nosuch"]\n', encoding="utf-8")
    (tmp_path / "x.txt").write_text("The talks went on.\n", encoding="utf-8")
    assert_one_line_error(run("clean", "x.txt", cwd=tmp_path), "quotes.direction")


def test_every_id_the_detectors_can_make_from_their_data_is_registered() -> None:
    """Ids built from data: an entity type of any shipped dictionary, a typography rule, a
    language of the untranslated and sense lists."""
    from mtfix.detectors import typography, untranslated
    from mtfix.lexicon import TRANSLATED_NAMES, read_entities

    data = ROOT / "dictionaries"
    files = [
        *sorted((data / "entities").glob("*.tsv")),
        *sorted((data / "generated").glob("*.tsv")),
    ]
    types = {e.type for path in files if path.name != TRANSLATED_NAMES for e in read_entities(path)}
    ids = {f"entity.{entity_type}" for entity_type in types} | {"entity.translated_name"}
    ids |= {f"typography.{rule.__name__}" for rule in typography.RULES}
    ids |= {f"untranslated.{language}" for language in untranslated.SOURCE_LANGUAGES}
    ids |= {f"sense.{path.stem}.word" for path in (data / "sense").glob("*.tsv")}
    assert {rule_id for rule_id in ids if find(rule_id) is None} == set()
