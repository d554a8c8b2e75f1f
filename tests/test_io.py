"""Reading and writing files byte for byte: decoding, encoding back, atomic replacement."""

from __future__ import annotations

import codecs
import os
import stat

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mtfix.io import (
    BinaryFileError,
    InputError,
    decode,
    encode,
    read_file,
    replace_file,
    write_atomic,
)

ARTICLE = "Sané & Co. won.\r\nThe club said “yes”.  \r\n\r\nNo final newline"


@pytest.mark.parametrize(
    ("data", "encoding", "bom"),
    [
        (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), "utf-8", codecs.BOM_UTF8),
        (codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), "utf-16-le", codecs.BOM_UTF16_LE),
        (codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), "utf-16-be", codecs.BOM_UTF16_BE),
        (ARTICLE.encode("utf-8"), "utf-8", b""),
        (ARTICLE.encode("cp1252"), "cp1252", b""),
    ],
)
def test_decode_then_encode_gives_the_same_bytes(data: bytes, encoding: str, bom: bytes) -> None:
    decoded = decode(data)
    assert (decoded.text, decoded.encoding, decoded.bom) == (ARTICLE, encoding, bom)
    assert encode(decoded.text, decoded) == data


@given(st.binary())
def test_any_bytes_decode_and_round_trip_or_are_called_binary(data: bytes) -> None:
    try:
        decoded = decode(data)
    except BinaryFileError:
        assert b"\0" in data
        return
    assert encode(decoded.text, decoded) == data


def test_cp1252_undefined_bytes_survive_a_round_trip() -> None:
    data = b"caf\xe9 \x81\x8d\x8f\x90\x9d end"
    decoded = decode(data)
    assert decoded.is_fallback
    assert encode(decoded.text.replace("end", "fin"), decoded) == data.replace(b"end", b"fin")


def test_nul_bytes_mean_binary() -> None:
    with pytest.raises(BinaryFileError):
        decode(b"GIF89a\0\0\x01")


def test_a_character_the_encoding_cannot_hold_is_an_error_not_a_silent_change() -> None:
    decoded = decode("café".encode("cp1252"))
    with pytest.raises(InputError, match="cp1252"):
        encode("Łódź café", decoded)


def test_read_file_reports_missing_and_folders(tmp_path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_file(tmp_path / "absent.txt")
    with pytest.raises(InputError, match="folder"):
        read_file(tmp_path)


def test_replace_file_keeps_permissions_and_leaves_no_temporary_file(tmp_path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(b"old\r\n")
    path.chmod(0o640)
    replace_file(path, b"new\r\n", read_file(path), backup=True)
    assert path.read_bytes() == b"new\r\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert (tmp_path / "article.txt.bak").read_bytes() == b"old\r\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt", "article.txt.bak"]


def test_write_atomic_gives_a_new_file_the_usual_mode(tmp_path) -> None:
    path = tmp_path / "new.txt"
    write_atomic(path, b"text")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask


def test_write_atomic_into_a_missing_folder_is_an_input_error(tmp_path) -> None:
    with pytest.raises(InputError, match="cannot write"):
        write_atomic(tmp_path / "absent" / "x.txt", b"text")


def test_replace_file_backs_up_the_bytes_read_and_skips_a_file_changed_since(tmp_path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(b"read\n")
    read = read_file(path)
    path.write_bytes(b"someone else's edit\n")
    with pytest.raises(InputError, match="changed on disk since it was read"):
        replace_file(path, b"cleaned\n", read, backup=True)
    assert path.read_bytes() == b"someone else's edit\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt"]
    read = read_file(path)
    os.utime(path, ns=(1, 1))  # the same bytes, touched: the modification time counts
    with pytest.raises(InputError, match="changed on disk"):
        replace_file(path, b"cleaned\n", read)


def test_replace_file_writes_through_a_symlink_and_refuses_a_read_only_file(tmp_path) -> None:
    target = tmp_path / "target.txt"
    target.write_bytes(b"old\n")
    link = tmp_path / "link.txt"
    link.symlink_to("target.txt")
    replace_file(link, b"new\n", read_file(link), backup=True)
    assert link.is_symlink() and target.read_bytes() == b"new\n"
    assert (tmp_path / "link.txt.bak").read_bytes() == b"old\n"
    target.chmod(0o444)
    with pytest.raises(InputError, match="read-only"):
        replace_file(target, b"newer\n", read_file(target))
    assert target.read_bytes() == b"new\n"
