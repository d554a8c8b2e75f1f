"""Process-wide memory of per-word answers, so that a document's words are narrowed in C.

Most questions the detectors ask of a word depend on the word and the loaded dictionaries
alone ("is it unknown to every list?"), and most words of an article were asked about in the
articles before it, with the same answer: no. ``WordFilter`` remembers the words a test
rejected, and one set difference (in C) drops them from the next article's distinct words
before any Python runs per word; the few words left are looked up among those it kept.
"""

from __future__ import annotations

from collections.abc import Callable

#: How many words a filter remembers before it starts afresh (memory stays flat on inputs with
#: millions of distinct words; a day's news has far fewer).
MEMO_SIZE = 1 << 17


class WordFilter:
    """The words of a set that pass a pure per-word test, with every answer remembered.

    ``test`` must depend on the word alone (and on data that never changes while the filter
    lives): ``select`` then returns exactly ``{word for word in words if test(word)}``.
    """

    def __init__(self, test: Callable[[str], bool], size: int = MEMO_SIZE) -> None:
        self._test = test
        self._size = size
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
        for word in words.difference(rejected):
            if word in kept:
                selected.add(word)
            elif test(word):
                kept.add(word)
                selected.add(word)
            else:
                rejected.add(word)
        return selected
