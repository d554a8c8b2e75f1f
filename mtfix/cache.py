"""A pickle cache of built dictionaries, keyed by the files they were built from.

Building the lexicon from its text files takes over a second; unpickling it a small fraction of
that. The cache lives in the user's cache folder (``$MTFIX_CACHE_DIR``, else
``$XDG_CACHE_HOME/mtfix`` or ``~/.cache/mtfix``) and is rebuilt whenever a source file's size or
modification time changes. If the folder cannot be written, mtfix works without a cache.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from . import __version__

T = TypeVar("T")


def cache_dir() -> Path:
    """Return the folder where built dictionaries are cached."""
    if "MTFIX_CACHE_DIR" in os.environ:
        return Path(os.environ["MTFIX_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "mtfix"


def fingerprint(files: list[Path]) -> str:
    """Return a key that changes when any of ``files`` (or mtfix's version) changes."""
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
    try:
        with path.open("rb") as handle, _collector_paused():
            return pickle.load(handle)
    except Exception:  # unreadable, truncated or from other code: build it afresh
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
        for stale in path.parent.glob(f"{name}-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:
        pass
    return value


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cycle collector: unpickling creates tens of thousands of tracked objects, and
    the collections they trigger midway find nothing (about 20 ms of a 110 ms lexicon load)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
