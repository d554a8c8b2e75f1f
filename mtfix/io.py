"""Read and write article files without touching a byte that no change asked for.

Files are read as bytes and decoded here (no universal-newline translation), so line endings, a
byte-order mark, trailing whitespace and a missing final newline all survive a round trip.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

#: Byte-order marks, longest first, with the codec that reads the text after them.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: The fallback codec for text that is not UTF-8.
FALLBACK = "cp1252"

#: The five bytes cp1252 leaves undefined; they are read and written back as C1 characters.
_CP1252_HOLES = frozenset(b"\x81\x8d\x8f\x90\x9d")


class InputError(Exception):
    """A file that cannot be read or written; the message is one line for the user."""


class BinaryFileError(InputError):
    """Not text: the bytes hold NUL bytes and no UTF-16 byte-order mark (a folder walk skips such
    a file with a warning)."""


class SpecialFileError(BinaryFileError):
    """Not a regular file (a pipe, socket or device): refused without being read, and skipped
    with a warning in a folder walk, as a binary file is."""


@dataclass(frozen=True)
class Stamp:
    """A file as it was read: size, modification time (ns) and the SHA-256 of its bytes."""

    size: int
    mtime_ns: int
    sha256: str


@dataclass(frozen=True)
class Decoded:
    """Decoded text and what is needed to encode it back to the same bytes.

    Attributes:
        text: the text, without the byte-order mark.
        encoding: the codec that reads it (``utf-8``, ``utf-16-le``, ``utf-16-be`` or ``cp1252``).
        bom: the byte-order mark the file started with (``b""`` if none).
        stamp: the file as it was read (``None`` for standard input), checked before it is
            replaced.
    """

    text: str
    encoding: str
    bom: bytes = b""
    stamp: Stamp | None = field(default=None, repr=False, compare=False)

    @property
    def is_fallback(self) -> bool:
        """True when the bytes were not UTF-8 and were read as cp1252."""
        return self.encoding == FALLBACK


def _decode_hole(error: UnicodeError) -> tuple[str, int]:
    if isinstance(error, UnicodeDecodeError):
        hole = error.object[error.start : error.end]
        if all(byte in _CP1252_HOLES for byte in hole):
            return hole.decode("latin-1"), error.end
    if isinstance(error, UnicodeEncodeError):
        chars = error.object[error.start : error.end]
        if all(ord(char) in _CP1252_HOLES for char in chars):
            return chars.encode("latin-1"), error.end  # type: ignore[return-value]
    raise error


codecs.register_error("mtfix.cp1252_holes", _decode_hole)


def decode(data: bytes) -> Decoded:
    """Decode file bytes: UTF-8 or UTF-16 with a BOM, then UTF-8, else cp1252.

    >>> decode(b"\\xef\\xbb\\xbfa\\r\\n")
    Decoded(text='a\\r\\n', encoding='utf-8', bom=b'\\xef\\xbb\\xbf')
    >>> decode(b"caf\\xe9").encoding
    'cp1252'

    Raises:
        BinaryFileError: the bytes hold a NUL and are not UTF-16 with a byte-order mark.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(encoding), encoding, bom)
            except UnicodeDecodeError:
                break  # not really a byte-order mark: read the bytes as if it were absent
    if b"\0" in data:
        raise BinaryFileError("binary file (it contains NUL bytes)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        return Decoded(data.decode(FALLBACK, errors="mtfix.cp1252_holes"), FALLBACK)


def encode(text: str, like: Decoded) -> bytes:
    """Encode ``text`` the way ``like`` was read: same codec, same byte-order mark.

    Raises:
        InputError: ``text`` holds a character the original encoding cannot represent.
    """
    errors = "mtfix.cp1252_holes" if like.is_fallback else "strict"
    try:
        return like.bom + text.encode(like.encoding, errors=errors)
    except UnicodeEncodeError as error:
        bad = error.object[error.start : error.end]
        raise InputError(
            f"the cleaned text has {bad!r}, which {like.encoding} cannot hold"
        ) from error


def read_file(path: Path) -> Decoded:
    """Read and decode one file, stamped with its size, modification time and hash.

    A pipe, socket or device is refused before it is opened (a pipe would wait for ever), and
    opened without waiting, so one put in its place meanwhile is refused too.

    Raises:
        InputError: the file is missing, a folder, unreadable, binary or undecodable;
            ``SpecialFileError`` for a pipe, socket or device.
    """
    try:
        before = path.stat()
        if stat.S_ISDIR(before.st_mode):
            raise IsADirectoryError
        _check_regular(before)
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(handle, "rb") as stream:
            info = os.fstat(handle)
            _check_regular(info)
            data = stream.read()
    except FileNotFoundError as error:
        raise InputError("no such file") from error
    except IsADirectoryError as error:
        raise InputError("is a folder") from error
    except PermissionError as error:
        raise InputError("permission denied") from error
    except OSError as error:
        raise InputError(error.strerror or str(error)) from error
    stamp = Stamp(info.st_size, info.st_mtime_ns, hashlib.sha256(data).hexdigest())
    return replace(decode(data), stamp=stamp)


def _check_regular(info: os.stat_result) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise SpecialFileError("not a regular file (a pipe, device or socket): not read")


def read_stdin() -> Decoded:
    """Read and decode standard input as bytes.

    Raises:
        InputError: standard input is closed.
    """
    if sys.stdin is None:
        raise InputError("standard input is closed")
    return decode(sys.stdin.buffer.read())


def parse_record(line: str) -> dict:
    """Parse one line of a JSON-lines corpus into its record (a JSON object).

    >>> parse_record('{"text": "Kiev"}')
    {'text': 'Kiev'}

    Raises:
        ValueError: why the line is no record, in a few words ("not JSON (...)", "not a JSON
            object", "not usable JSON (nested too deeply)").
    """
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON ({error.msg})") from None
    except RecursionError:
        raise ValueError("not usable JSON (nested too deeply)") from None
    if not isinstance(record, dict):
        raise ValueError("not a JSON object")
    return record


def replace_file(path: Path, data: bytes, read: Decoded, backup: bool = False) -> None:
    """Write ``data`` over the file ``read`` came from, if it is still as it was read.

    A symlink is written through: its target gets the new bytes and the link stays a link. A
    read-only file is refused, not rewritten. With ``backup``, ``path.bak`` gets the bytes that
    were read (not what is on disk now), atomically. Two mtfix runs never check and replace one
    file at the same time (an exclusive lock, where the system has ``flock``).

    Raises:
        InputError: the file changed since it was read (also when another mtfix run wrote it
            first), is read-only, or cannot be written; nothing was written then.
    """
    target = Path(os.path.realpath(path))
    try:
        with _locked(target):
            if read.stamp is not None and not _unchanged(target, read.stamp):
                raise InputError("changed on disk since it was read; not written, run mtfix again")
            if not os.access(target, os.W_OK) or not target.stat().st_mode & 0o222:
                raise InputError("read-only file; not written")
            if backup:
                write_atomic(path.with_name(path.name + ".bak"), encode(read.text, read))
            write_atomic(target, data)
    except OSError as error:
        raise InputError(f"cannot write: {error.strerror or error}") from error


def _unchanged(path: Path, stamp: Stamp) -> bool:
    """Tell whether ``path`` still has the size, modification time and bytes it was read with."""
    info = path.stat()
    if (info.st_size, info.st_mtime_ns) != (stamp.size, stamp.mtime_ns):
        return False
    return hashlib.sha256(path.read_bytes()).hexdigest() == stamp.sha256


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive ``flock`` on ``path`` (where the system has it) while the block runs."""
    try:
        import fcntl
    except ImportError:  # Windows: no lock
        yield
        return
    handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically, keeping its permission bits.

    The bytes go to a temporary file (``.NAME.XXXX.tmp``) in the same folder, which then
    replaces ``path`` with ``os.replace``; a reader never sees half a file. The temporary file is
    removed when the write fails or is interrupted (Ctrl-C, SIGTERM); only a kill -9 can leave
    it. A new file gets the usual mode (0o666 less the umask). A symlink at ``path`` is replaced,
    not followed.

    Raises:
        InputError: the folder is not writable, or the disk is full.
    """
    import tempfile  # here: only writes need it, and its import slows every start

    try:
        mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else _default_mode()
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(temporary, mode)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except PermissionError as error:
        raise InputError(f"cannot write: permission denied ({error.filename})") from error
    except OSError as error:
        raise InputError(f"cannot write: {error.strerror or error}") from error


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
