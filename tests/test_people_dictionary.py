"""The curated dictionary of people in the news is well-formed and spells known people right."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtfix.lexicon import Lexicon, dictionary_root, read_rows

PATH = dictionary_root() / "entities" / "people.tsv"


@pytest.fixture(scope="module")
def rows() -> list[list[str]]:
    return list(read_rows(PATH))


@pytest.fixture(scope="module")
def names(rows: list[list[str]]) -> set[str]:
    return {row[0] for row in rows}


def test_header_comment_and_column_line() -> None:
    lines = Path(PATH).read_text(encoding="utf-8").splitlines()
    comments = [line for line in lines if line.startswith("#")]
    assert comments[0].startswith("# mtfix entity dictionary: people")
    assert lines[len(comments)] == "name\ttype\taliases\tcontext"


def test_is_large(rows: list[list[str]]) -> None:
    assert len(rows) >= 1500


def test_every_row_is_a_clean_person(rows: list[list[str]]) -> None:
    for row in rows:
        assert len(row) == 4, row
        assert row[1] == "person", row
        assert row[0], row
        for cell in row:
            assert cell == cell.strip(), row
            assert "||" not in cell and not cell.startswith("|") and not cell.endswith("|"), row
        assert row[3] == row[3].lower(), row
        assert 2 <= len(row[3].split("|")) <= 6, row


def test_sorted_case_insensitively_without_duplicates(rows: list[list[str]]) -> None:
    keys = [row[0].casefold() for row in rows]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)


def test_no_alias_is_another_entry_or_its_own_name(rows: list[list[str]], names: set[str]) -> None:
    for row in rows:
        aliases = [alias for alias in row[2].split("|") if alias]
        assert row[0] not in aliases, row
        assert not set(aliases) & (names - {row[0]}), row
        assert len(set(aliases)) == len(aliases), row


@pytest.mark.parametrize(
    "name",
    [
        "Keir Starmer",
        "Joe Biden",
        "Liz Truss",
        "Alexei Navalny",
        "Sergei Sobyanin",
        "Mark Milley",
        "Jacinda Ardern",
        "Volodymyr Zelenskyy",
        "Yuri Ushakov",
        "Friedrich Merz",
        "JD Vance",
        "Dmitry Peskov",
        "Maria Zakharova",
        "Narendra Modi",
        "Xi Jinping",
        "Luiz Inácio Lula da Silva",
        "Cyril Ramaphosa",
    ],
)
def test_well_known_people_present(names: set[str], name: str) -> None:
    assert name in names


def test_loaded_by_the_lexicon() -> None:
    people = {e.name: e for e in Lexicon().entities if e.type == "person"}
    zelenskyy = people["Volodymyr Zelenskyy"]
    assert "Zelensky" in zelenskyy.aliases
    assert "ukraine" in zelenskyy.context
    assert "Elizabeth Truss" in people["Liz Truss"].aliases
