"""A big set of words that loads in a millisecond and becomes a frozenset once it is much asked."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Set
from itertools import chain
from typing import TypeVar

_T = TypeVar("_T")


class WordSet(Set[str]):
    """A read-only set of words in a form that unpickles at once: sorted, UTF-8 encoded, in
    blocks of ``BLOCK`` words, with the first word of each.

    Unpickling a frozenset of 120,000 words takes some 20 ms (each word is decoded, hashed and
    inserted), and an article asks a few thousand questions of it: a lookup here bisects the
    first words, then searches one block (one or two microseconds). Once asked more than
    ``len / ASKED_SHARE`` times (a long text, a folder of articles), it builds the frozenset,
    answers from it in C, and hands it to ``on_built``: the lexicon then keeps the frozenset
    in its place, so later questions go to it directly.

    Iteration is in sorted order. ``frozenset - WordSet`` and ``set & WordSet`` give what they
    give with a frozenset on the right, built in the same order.
    """

    BLOCK = 64
    #: Asked this share of its length, the set is built: about when the lookups have cost
    #: as much as building it.
    ASKED_SHARE = 8

    def __init__(self, words: Iterable[str]) -> None:
        encoded = sorted({word.encode() for word in words})  # UTF-8 sorts as the strings do
        if any(b"\n" in word for word in encoded):
            raise ValueError("a word of a WordSet holds a line break")
        self._setstate((len(encoded), encoded[:: self.BLOCK], _blocks(encoded, self.BLOCK)))

    def __getstate__(self) -> tuple[int, list[bytes], list[bytes]]:
        return self._size, self._firsts, self._blocks

    def __setstate__(self, state: tuple[int, list[bytes], list[bytes]]) -> None:
        self._setstate(state)

    def _setstate(self, state: tuple[int, list[bytes], list[bytes]]) -> None:
        self._size, self._firsts, self._blocks = state
        self._built: frozenset[str] | None = None
        self._asked = 0
        #: Called with the frozenset when it is built.
        self.on_built: Callable[[frozenset[str]], None] | None = None

    def __contains__(self, word: object) -> bool:
        if self._built is not None:
            return word in self._built
        if not isinstance(word, str) or "\n" in word:
            return False
        self._asked += 1
        if self._asked * self.ASKED_SHARE > self._size:
            return word in self.build()
        key = word.encode("utf-8", "surrogatepass")  # a lone surrogate matches no word
        block = bisect_right(self._firsts, key) - 1
        return block >= 0 and b"\n" + key + b"\n" in self._blocks[block]

    def __len__(self) -> int:
        return self._size

    def shared_beginning(self, word: str) -> int:
        """Return how many letters of ``word``'s beginning some word of the set begins with.

        The word sharing the longest beginning is a neighbour of ``word`` in sorted order: the
        last word up to it, or the first after it (one bisection, one block searched).
        """
        key = word.encode("utf-8", "surrogatepass")
        block = bisect_right(self._firsts, key) - 1
        if block < 0:
            neighbours = self._firsts[:1]
        else:  # the block's words, and the next block's first
            words = self._blocks[block][1:-1].split(b"\n") + self._firsts[block + 1 : block + 2]
            at = bisect_right(words, key)  # words[at - 1] <= key < words[at]
            neighbours = words[at - 1 : at + 1]
        shared = max((_shared_length(key, other) for other in neighbours), default=0)
        # In letters: a letter of which only some bytes are shared is not shared.
        return len(key[:shared].decode("utf-8", "ignore"))

    def starting_with(self, prefix: str) -> list[str]:
        """Return the words that begin with ``prefix``, in sorted order (they stand together:
        from the block where ``prefix`` would go, until a block ends past them)."""
        key = prefix.encode("utf-8", "surrogatepass")
        found: list[str] = []
        for block in self._blocks[max(0, bisect_right(self._firsts, key) - 1) :]:
            words = block[1:-1].split(b"\n")
            found.extend(word.decode() for word in words if word.startswith(key))
            if words[-1] > key and not words[-1].startswith(key):
                break
        return found

    def __iter__(self) -> Iterator[str]:
        return chain.from_iterable(map(_words_of, self._blocks))

    def __rsub__(self, other: object) -> frozenset[str] | set[str]:
        if not isinstance(other, set | frozenset):
            return NotImplemented
        if self._worth_building(other):
            return other - self.build()
        return _same_kind(other)(word for word in other if word not in self)

    def __rand__(self, other: object) -> frozenset[str] | set[str]:
        if not isinstance(other, set | frozenset):
            return NotImplemented
        if self._worth_building(other):
            return other & self.build()
        # What C does for a set smaller than the other: its words, in its order, kept or not.
        return _same_kind(other)(word for word in other if word in self)

    def _worth_building(self, other: set[str] | frozenset[str]) -> bool:
        """Tell whether to answer for every word of ``other`` from the frozenset (built or
        worth building for that many questions)."""
        return self._built is not None or len(other) * self.ASKED_SHARE > self._size

    @classmethod
    def _from_iterable(cls, iterable: Iterable[_T]) -> frozenset[_T]:
        return frozenset(iterable)  # what the other set operations give

    def build(self) -> frozenset[str]:
        """Return the words as a frozenset (built on the first call, then kept)."""
        if self._built is None:
            self._built = frozenset(self)
            if self.on_built is not None:
                self.on_built(self._built)
        return self._built


class WordEnds:
    """How long a beginning and how long an end of a word some word of a list shares.

    A word one edit from a listed word keeps all of it but the edited letter, so an edit at a
    place past the longest beginning, or before the longest end, that any listed word shares
    with the word makes no listed word: ``nonword`` makes only the other edits. Kept as two
    ``WordSet``s, the words and the words spelled backwards, which load at once.
    """

    def __init__(self, words: Iterable[str]) -> None:
        listed = set(words)
        self._forwards = WordSet(listed)
        self._backwards = WordSet(word[::-1] for word in listed)

    def shared_beginning(self, word: str) -> int:
        """Return how many letters of ``word``'s beginning some listed word begins with."""
        return self._forwards.shared_beginning(word)

    def shared_end(self, word: str) -> int:
        """Return how many letters of ``word``'s end some listed word ends with."""
        return self._backwards.shared_beginning(word[::-1])


def _blocks(encoded: list[bytes], size: int) -> list[bytes]:
    """Join the sorted words ``size`` at a time, each block as "\\nword\\nword...\\n" (so
    "\\nword\\n" finds a whole word only)."""
    return [b"\n" + b"\n".join(encoded[i : i + size]) + b"\n" for i in range(0, len(encoded), size)]


def _shared_length(one: bytes, other: bytes) -> int:
    """Return how many bytes ``one`` and ``other`` begin with alike."""
    for at, (mine, theirs) in enumerate(zip(one, other, strict=False)):
        if mine != theirs:
            return at
    return min(len(one), len(other))


def _same_kind(words: set[str] | frozenset[str]) -> type[set[str]] | type[frozenset[str]]:
    """The type a set operation on ``words`` gives: frozenset for a frozenset, else set."""
    return frozenset if isinstance(words, frozenset) else set


def _words_of(block: bytes) -> list[str]:
    return block[1:-1].decode().split("\n")
