"""Process-wide memory of per-word answers, so that a document's words are narrowed in C.

Most questions the detectors ask of a word depend on the word and the loaded dictionaries
alone ("is it unknown to every list?"), and most words of an article were asked about in the
articles before it, with the same answer: no. ``WordFilter`` remembers the words a test
rejected, and one set difference (in C) drops them from the next article's distinct words
before any Python runs per word; the few words left are looked up among those it kept. Words
of a set known to fail the test (``failing``: the English words, for a test that looks for
unknown ones) are rejected in C too, the first time they are seen, with no call per word.
"""

from __future__ import annotations

from collections.abc import Callable, Set

#: How many words a filter remembers before it starts afresh (memory stays flat on inputs with
#: millions of distinct words; a day's news has far fewer).
MEMO_SIZE = 1 << 17


class WordFilter:
    """The words of a set that pass a pure per-word test, with every answer remembered.

    ``test`` must depend on the word alone (and on data that never changes while the filter
    lives): ``select`` then returns exactly ``{word for word in words if test(word)}``.
    ``failing``, if given, returns a set of words every one of which fails the test (asked
    each time: the lexicon may have replaced a word list by its frozenset meanwhile).
    """

    def __init__(
        self,
        test: Callable[[str], bool],
        size: int = MEMO_SIZE,
        failing: Callable[[], Set[str]] | None = None,
    ) -> None:
        self._test = test
        self._size = size
        self._failing = failing
        self._kept: set[str] = set()
        self._rejected: set[str] = set()

    def select(self, words: frozenset[str] | set[str]) -> set[str]:
        """Return the words that pass the test."""
        kept, rejected = self._kept, self._rejected
        if len(kept) + len(rejected) > self._size:
            kept.clear()
            rejected.clear()
        selected = set()
        test = self._test
        # One difference, with one argument: CPython then walks the (small) set of words.
        new = words.difference(rejected)
        if self._failing is not None and new:
            failed = new & self._failing()
            rejected |= failed
            new -= failed
        for word in new:
            if word in kept:
                selected.add(word)
            elif test(word):
                kept.add(word)
                selected.add(word)
            else:
                rejected.add(word)
        return selected
