"""The dictionary cache never loads a file someone else could have written (a pickle runs code)."""

from __future__ import annotations

import gc
import os
import stat
from pathlib import Path

import pytest

import mtfix
from mtfix.cache import CLEANING_THRESHOLD, dump, fewer_collections, fingerprint, load_cached
from mtfix.counts import WordCounts


class _Planted:
    """What an attacker would plant: unpickling it creates ``marker``."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (Path.touch, (self.marker,))


@pytest.fixture()
def source(tmp_path: Path) -> Path:
    path = tmp_path / "words.txt"
    path.write_text("word\n", encoding="utf-8")
    return path


def _plant(folder: Path, source: Path, marker: Path, mode: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    planted = folder / f"demo-{fingerprint([source])}.pickle"
    with planted.open("wb") as handle:
        dump(_Planted(marker), handle)  # in the cache's own format: loading it would run code
    planted.chmod(mode)
    return planted


def test_the_folder_is_created_private_and_a_fresh_cache_is_used(
    tmp_path: Path, source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(folder))
    assert load_cached("demo", [source], lambda: {"built": 1}) == {"built": 1}
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert load_cached("demo", [source], lambda: {"built": 2}) == {"built": 1}  # from the cache


def test_a_file_others_could_write_is_never_loaded(
    tmp_path: Path, source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, marker = tmp_path / "cache", tmp_path / "code-ran"
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(folder))
    _plant(folder, source, marker, 0o666)
    assert load_cached("demo", [source], lambda: "built") == "built"
    assert not marker.exists()
    assert load_cached("demo", [source], lambda: "again") == "built"  # rewritten, private


def test_a_folder_others_could_write_is_made_private_before_use(
    tmp_path: Path, source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o777)
    folder.chmod(0o777)
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(folder))
    assert load_cached("demo", [source], lambda: "built") == "built"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to chown")
def test_another_users_folder_and_files_are_never_used(
    tmp_path: Path, source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, marker = tmp_path / "shared-cache", tmp_path / "code-ran"
    planted = _plant(folder, source, marker, 0o644)
    written = planted.read_bytes()
    os.chown(folder, 65534, 65534)
    os.chown(planted, 65534, 65534)
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(folder))
    assert load_cached("demo", [source], lambda: "built") == "built"
    assert not marker.exists()
    assert planted.read_bytes() == written  # left alone


def test_cleaning_raises_the_collector_threshold_and_restores_it() -> None:
    before = gc.get_threshold()
    mtfix.clean("Mr Biden met Mr Zelensky in Kyiv on Tuesday.")
    assert gc.get_threshold() == before
    with fewer_collections():
        with fewer_collections():  # an overlapping cleaning (another thread) shares the raise
            assert gc.get_threshold()[0] >= CLEANING_THRESHOLD
        assert gc.get_threshold()[0] >= CLEANING_THRESHOLD  # the other one is still running
    assert gc.get_threshold() == before


def test_a_word_table_comes_back_from_its_cache_file_answering_as_before(
    tmp_path: Path, source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(tmp_path / "cache"))
    counts = {f"word{n}": n * 1000 for n in range(1, 500)} | {"Kyjiw": 7, "Straße": 70_000}
    built = load_cached("demo", [source], lambda: WordCounts(counts))
    loaded = load_cached("demo", [source], lambda: WordCounts({}))  # mapped from the file
    for table in (built, loaded):
        assert table.total == sum(counts.values())
        assert all(table.get(word) == count for word, count in counts.items())
        assert table.get("word0") == 0 and "Kyiv" not in table


def test_a_truncated_cache_file_is_rebuilt(
    tmp_path: Path, source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(folder))
    load_cached("demo", [source], lambda: WordCounts({"word": 3}))
    (cached,) = folder.glob("demo-*.pickle")
    cached.write_bytes(cached.read_bytes()[:-40])
    assert load_cached("demo", [source], lambda: WordCounts({"word": 4})).get("word") == 4
