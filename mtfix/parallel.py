"""Run one function over many items in worker processes, yielding results in input order.

Each worker runs an initializer once (to set up what every item needs, such as the loaded
dictionaries) and ignores Ctrl-C, so a file it is writing is always finished (a worker whose
parent was killed ends at once, quietly); the parent stops
handing out work on Ctrl-C and collects what was already handed out (``Pool.drain``). Where
processes fork (Linux), the parent runs the initializer and a ``preload`` first, so the workers
start with its loaded dictionaries (shared copy-on-write) instead of each loading them again; the
parent, set up like them, is then one of the ``jobs`` processes: it cleans a chunk itself whenever
every worker has work waiting, instead of idling while they clean (a process fewer to start, half
the results to send back).
"""

from __future__ import annotations

import gc
import itertools
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult

T = TypeVar("T")
R = TypeVar("R")

#: Chunks handed out per worker ahead of the results read, to keep every worker busy.
AHEAD_PER_WORKER = 3


def cpu_count() -> int:
    """Return the number of cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _call_each(function: Callable[[T], R], chunk: list[T]) -> list[R]:
    return [function(item) for item in chunk]


def _start_worker(parent: int, initializer: Callable[..., None] | None, initargs: tuple) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # Pool.terminate() ends a worker at once
    _end_with(parent)
    if initializer is not None:
        initializer(*initargs)


def _end_with(parent: int) -> None:
    """Have Linux kill this worker when its parent dies (killed, say), so it ends at once and
    quietly, like its parent, instead of finishing its work and failing with a traceback to send
    the result to nobody (or waiting for ever for a queue lock a dead sibling held). SIGKILL,
    since a Python handler can be cut short (an exception raised in a finalizer is ignored)."""
    import ctypes  # in the worker only

    try:
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
    except (AttributeError, OSError, TypeError):  # not Linux
        return
    if os.getppid() != parent:  # it died before that
        os._exit(0)


class Pool(Generic[T, R]):
    """``function`` over items, in ``jobs`` processes (in this process when ``jobs`` is 1).

    Use as a context manager; iterate ``map(items)`` for the results in order, and call
    ``taken()`` once a result is dealt with. After a ``KeyboardInterrupt`` in the loop,
    ``drain()`` yields the results of the items already handed out, in order, from the first
    one not taken. ``preload`` runs in this process before workers are forked from it; this
    process then counts as one of the ``jobs`` (``jobs - 1`` workers are forked).
    Items go to the workers ``chunk`` at a time (fewer messages for small items).

    ``first``, the first items of those ``map`` will get, are handled in this process before
    the workers are forked, which then start with what handling them taught it: the
    per-word answers the detectors remember (``mtfix.memo``), most of them about words every
    article uses, are then found once, not once in every process. ``map`` yields their
    results first.
    """

    def __init__(
        self,
        function: Callable[[T], R],
        jobs: int,
        initializer: Callable[..., None] | None = None,
        initargs: tuple = (),
        preload: Callable[[], None] | None = None,
        chunk: int = 1,
        first: Sequence[T] = (),
    ) -> None:
        self.function = function
        self.jobs = max(1, jobs)
        self.initializer = initializer
        self.initargs = initargs
        self.preload = preload
        self.chunk = max(1, chunk)
        self.first = first
        self.handled_first = 0  # how many of ``first`` are handled (their results ready)
        self.interrupted = False  # Ctrl-C while handling them: ``map`` raises it on
        self.first_seconds = 0.0  # the time they took, before ``map`` was called
        self.pending: deque[AsyncResult[list[R]] | _Done[R]] = deque()
        self.workers = 0  # processes forked or spawned beside this one
        self.ready: deque[R] = deque()
        self.processes: Any = None

    def __enter__(self) -> Pool[T, R]:
        if self.jobs == 1:
            if self.initializer is not None:
                self.initializer(*self.initargs)
            return self
        import multiprocessing  # only a pool of workers needs it: its import slows every start

        forks = "fork" in multiprocessing.get_all_start_methods()
        if self.initializer is not None and forks:
            self.initializer(*self.initargs)
        if self.preload is not None and forks:
            self.preload()
        if forks:
            self._handle_first()
            if self.interrupted:
                return self
        context = multiprocessing.get_context("fork" if forks else None)
        # A forked pool's parent is set up like its workers, so it cleans too, as one of them.
        self.workers = self.jobs - 1 if forks else self.jobs
        gc.freeze()  # keep the collector from touching (and so copying) shared objects
        self.processes = context.Pool(
            self.workers, _start_worker, (os.getpid(), self.initializer, self.initargs)
        )
        gc.unfreeze()
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.processes is None:
            return
        if self.pending:  # an error or a second Ctrl-C: stop at once
            self.processes.terminate()
        else:
            self.processes.close()
        self.processes.join()

    def _handle_first(self) -> None:
        """Handle the ``first`` items here, keeping their results; stop at a Ctrl-C."""
        started = time.perf_counter()
        try:
            for item in self.first:
                with deferred_interrupt():  # an item in hand is finished, as in ``map``
                    self.ready.append(self.function(item))
                    self.handled_first += 1
        except KeyboardInterrupt:
            self.interrupted = True
        self.first_seconds = time.perf_counter() - started

    def map(self, items: Iterable[T]) -> Iterator[R]:
        """Yield ``function(item)`` for each item, in order."""
        if self.interrupted:
            raise KeyboardInterrupt  # the caller then drains the results of ``first``
        items = itertools.islice(items, self.handled_first, None)  # their results are ready
        yield from self._hand_out()
        if self.processes is None:
            for item in items:
                # An item in hand is finished (its file written) and kept for drain(), as
                # the workers' items are: a Ctrl-C during it is raised only afterwards.
                with deferred_interrupt():
                    self.ready.append(self.function(item))
                yield from self._hand_out()
            return
        ahead = self.workers * AHEAD_PER_WORKER
        iterator = iter(items)
        sent: deque[AsyncResult[list[R]]] = deque()  # the chunks the workers have
        while chunk := list(itertools.islice(iterator, self.chunk)):
            while sent and sent[0].ready():
                sent.popleft()
            if len(sent) < ahead or self.workers == self.jobs:
                sent.append(self.processes.apply_async(_call_each, (self.function, chunk)))
                self.pending.append(sent[-1])
            else:  # every worker has work waiting: this process cleans a chunk meanwhile
                with deferred_interrupt():
                    self.pending.append(_Done(_call_each(self.function, chunk)))
            while self.pending and (self.ready or self.pending[0].ready()):
                yield from self._next_chunk()
            if len(self.pending) >= 2 * ahead + self.jobs:
                yield from self._next_chunk()
        yield from self.drain()

    def drain(self) -> Iterator[R]:
        """Yield the results of the items handed out but not yet taken (after an interrupt)."""
        while self.ready or self.pending:
            yield from self._next_chunk()

    def _next_chunk(self) -> Iterator[R]:
        if not self.ready:
            results = self.pending[0].get()  # Ctrl-C while waiting leaves the chunk pending
            with deferred_interrupt():  # moved whole, neither lost nor kept twice
                self.ready.extend(results)
                self.pending.popleft()
        yield from self._hand_out()

    def _hand_out(self) -> Iterator[R]:
        """Yield the ready results in order. Each stays first in line until ``taken()`` (or
        the next is asked for), so a result whose handling a Ctrl-C cut short is yielded
        again by ``drain()``, not lost."""
        while self.ready:
            result = self.ready[0]
            yield result
            if self.ready and self.ready[0] is result:
                self.ready.popleft()

    def taken(self) -> None:
        """Say that the result last yielded is dealt with: ``drain()`` will not yield it."""
        self.ready.popleft()


class _Done(Generic[R]):
    """The results of a chunk this process handled itself: ready at once, read like those of a
    chunk sent to a worker (``AsyncResult``)."""

    def __init__(self, results: list[R]) -> None:
        self.results = results

    def ready(self) -> bool:
        return True

    def get(self) -> list[R]:
        return self.results


@contextmanager
def deferred_interrupt() -> Iterator[None]:
    """Hold back Ctrl-C while the block runs (a file being written), then pass it on.

    It goes to the handler that was in place: Python's raises ``KeyboardInterrupt``; an
    enclosing ``deferred_interrupt`` holds it back in turn, so a nested block (a file written
    while an article is cleaned) never cuts the enclosing one short.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, _frame: caught.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if not caught:
        return
    if callable(previous):
        previous(signal.SIGINT, None)
    elif previous is not signal.SIG_IGN:
        raise KeyboardInterrupt
