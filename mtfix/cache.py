"""A pickle cache of built dictionaries, keyed by the files they were built from.

Building the lexicon from its text files takes over a second; unpickling it a small fraction of
that. The cache lives in the user's cache folder (``$MTFIX_CACHE_DIR``, else
``$XDG_CACHE_HOME/mtfix`` or ``~/.cache/mtfix``) and is rebuilt whenever a source file's size or
modification time changes. If the folder cannot be written, mtfix works without a cache.

A pickle can run code when it is loaded, so a cache file is read only when no one else could have
written it: the folder is created private (0700) and must belong to the user running mtfix, and
so must the file, with neither writable by group or others. Otherwise mtfix builds the
dictionaries in memory and leaves the folder alone.

A cache file is a pickle followed by the big buffers it hands over out of band (``dump``); the
file is mapped into memory, so the buffers cost nothing to load and are read from disk where a
lookup touches them (``load``).
"""

from __future__ import annotations

import gc
import hashlib
import mmap
import os
import pickle
import sys
import threading
from array import array
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TypeVar, cast

T = TypeVar("T")
#: The first bytes of a cache file (a file of an older format is rebuilt).
MAGIC = b"mtfix cache 2\n\0\0"


def cache_dir() -> Path:
    """Return the folder where built dictionaries are cached."""
    if "MTFIX_CACHE_DIR" in os.environ:
        return Path(os.environ["MTFIX_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "mtfix"


def fingerprint(files: list[Path]) -> str:
    """Return a key that changes when any of ``files`` (or mtfix's version) changes."""
    from . import __version__  # here, not at the top: mtfix/__init__ imports this module

    digest = hashlib.sha256(__version__.encode())
    for path in sorted(files):
        stat = path.stat()
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:24]


def load_cached(name: str, files: list[Path], build: Callable[[], T]) -> T:
    """Return the cached result of ``build`` for ``files``, building and caching it if stale.

    ``name`` names the cache entry; older entries of that name are removed.
    """
    path = cache_dir() / f"{name}-{fingerprint(files)}.pickle"
    if not _private_folder(path.parent):
        return build()
    try:
        if _own_and_private(path.stat()):
            with path.open("rb") as handle, _collector_paused():
                return cast(T, load(handle))
    except Exception:  # missing, unreadable, truncated or from other code: build it afresh
        pass
    value = build()
    import tempfile  # here: only a rebuilt cache is written, and its import slows every start

    try:
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as written:
            dump(value, written)
        os.replace(written.name, path)
        for stale in path.parent.glob(f"{name}-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:
        pass
    return value


def dump(value: object, handle: IO[bytes]) -> None:
    """Write ``value`` to a cache file: a pickle, then the big buffers it hands over out of
    band (``pickle.PickleBuffer``), each at a multiple of 8 bytes.

    The file starts with ``MAGIC``, the number of parts, and the length of each (the pickle's
    first), as 8-byte little-endian numbers.
    """
    buffers: list[pickle.PickleBuffer] = []
    data = pickle.dumps(value, protocol=5, buffer_callback=buffers.append)
    parts = [memoryview(data), *(buffer.raw() for buffer in buffers)]
    lengths = array("q", [len(parts), *(len(part) for part in parts)])
    if sys.byteorder != "little":
        lengths.byteswap()
    handle.write(MAGIC + lengths.tobytes())
    for part in parts:
        handle.write(part)
        handle.write(bytes(-len(part) % 8))


def load(handle: IO[bytes]) -> object:
    """Read a value written by ``dump``: the file is mapped, not read, and each buffer handed
    over out of band comes back as a view of its part of the file, read from disk only where
    it is looked at."""
    mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    view = memoryview(mapped)
    if view[: len(MAGIC)] != MAGIC:
        raise ValueError("not an mtfix cache file")
    at = len(MAGIC) + 8
    count = _number(view, len(MAGIC))
    lengths = [_number(view, at + 8 * k) for k in range(count)]
    at += 8 * count
    parts = []
    for length in lengths:
        if at + length > len(view):
            raise ValueError("a truncated cache file")
        parts.append(view[at : at + length])
        at += length + (-length % 8)
    return pickle.loads(parts[0], buffers=parts[1:])


def _number(view: memoryview, at: int) -> int:
    return int.from_bytes(view[at : at + 8], "little")


def _private_folder(folder: Path) -> bool:
    """Make sure the cache folder exists and only its owner, the current user, can write to it;
    tell whether it can be trusted. A folder of another user is never used; one of ours that
    others may write to is made private first."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        stat = folder.lstat()
        if not hasattr(os, "getuid"):  # no POSIX owners (Windows): the user's own profile
            return True
        if stat.st_uid != os.getuid() or not os.path.isdir(folder) or os.path.islink(folder):
            return False
        if stat.st_mode & 0o022:
            folder.chmod(0o700)
        return True
    except OSError:
        return False


def _own_and_private(stat: os.stat_result) -> bool:
    """Tell whether a cache file belongs to the current user and no one else can write it."""
    if not hasattr(os, "getuid"):
        return True
    return stat.st_uid == os.getuid() and not stat.st_mode & 0o022


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cycle collector: unpickling creates tens of thousands of tracked objects, and
    the collections they trigger midway find nothing (about 20 ms of a 110 ms lexicon load)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if _frozen_loads:
            gc.freeze()  # the loaded dictionaries live as long as the process
        if was_enabled:
            gc.enable()


#: Whether what is loaded from the cache is moved out of the collector's sight (``collect_less``).
_frozen_loads = False
#: How many new objects the cycle collector lets pass before a young-generation pass while a
#: text is cleaned (Python's default is 700).
CLEANING_THRESHOLD = 50_000
_relaxed = 0  # how many cleanings run with the raised threshold now (threads may overlap)
_saved_thresholds: tuple[int, int, int] = gc.get_threshold()
_relaxed_lock = threading.Lock()


def collect_less() -> None:
    """Make the cycle collector work less for the whole process, for a process that only
    cleans (the command line and the workers it forks): raise the young-generation threshold
    (between two articles, reading, rendering and writing would otherwise set off the passes
    ``fewer_collections`` saves), and freeze (``gc.freeze``) everything alive each time
    dictionaries are loaded, so no pass ever walks them: the first pass after a load used to
    walk the hundreds of thousands of objects just unpickled. Not for library use, where it
    would also freeze the caller's objects."""
    global _frozen_loads
    _frozen_loads = True
    gc.set_threshold(max(CLEANING_THRESHOLD, gc.get_threshold()[0]), *gc.get_threshold()[1:])


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Raise the cycle collector's young-generation threshold while a text is cleaned.

    The detectors make tokens, tuples and memo entries by the hundred thousand and almost no
    reference cycles; at the default threshold the passes that promote them end in full
    passes over the loaded dictionaries, a quarter of the time of a 300,000-word file and
    a sixth of a folder of articles, for nothing. Overlapping uses (threads, a nested call)
    share one raise; the last to leave restores the thresholds.
    """
    global _relaxed, _saved_thresholds
    with _relaxed_lock:
        if _relaxed == 0:
            _saved_thresholds = gc.get_threshold()
            gc.set_threshold(max(CLEANING_THRESHOLD, _saved_thresholds[0]), *_saved_thresholds[1:])
        _relaxed += 1
    try:
        yield
    finally:
        with _relaxed_lock:
            _relaxed -= 1
            if _relaxed == 0:
                gc.set_threshold(*_saved_thresholds)
