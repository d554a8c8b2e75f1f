"""Word counts of a big word list in a form that loads in a millisecond (see ``WordCounts``)."""

from __future__ import annotations

import bisect
import pickle
import zlib
from array import array
from itertools import accumulate
from typing import Any, SupportsIndex

#: What a table's parts may be: bytes, an array, or a view of a mapped cache file.
Buffer = bytes | bytearray | memoryview | array


class WordCounts:
    """Word -> count for a big word list, in a form that loads quickly: sorted blocks of bytes.

    Unpickling a dict of 340,000 words takes some 50 ms (each word is decoded, hashed and
    inserted), and most documents need only a few lookups. This keeps the sorted words, UTF-8
    encoded, in blocks of ``BLOCK`` words laid end to end in one bytes object, with the first
    word of each block and the counts in an array; a lookup bisects the first words, then
    searches one block (about 1 µs). UTF-8 bytes sort as their strings do.

    Most words asked about are not listed (a name, in nine languages' lists): one bit in
    ``BITS_PER_WORD`` per word, set at each listed word's CRC-32, tells most of them apart in a
    fraction of that (a word whose bit is clear is not listed; about one unlisted word in
    sixteen finds its bit set and is searched for).

    Pickled at protocol 5, the words, counts and bits travel as out-of-band buffers: the
    dictionary cache (``mtfix.cache``) maps them from its file instead of reading them, so a
    start that asks a 7 MB list about three words reads the few pages those words are on.
    """

    BLOCK = 64
    BITS_PER_WORD = 16

    def __init__(self, counts: dict[str, int]) -> None:
        words = sorted(counts)
        encoded = [word.encode() for word in words]
        if any(b"\n" in word for word in encoded):
            raise ValueError("a word list entry holds a line break")
        # Each block is "\nword\nword...\n", so "\nword\n" finds a whole word only.
        blocks = [
            b"\n" + b"\n".join(encoded[i : i + self.BLOCK]) + b"\n"
            for i in range(0, len(encoded), self.BLOCK)
        ]
        slots = max(8, self.BITS_PER_WORD * len(encoded))
        bits = bytearray((slots + 7) // 8)
        for word in encoded:
            slot = zlib.crc32(word) % slots
            bits[slot >> 3] |= 1 << (slot & 7)
        self._restore(
            sum(counts.values()),
            encoded[:: self.BLOCK],
            slots,
            b"".join(blocks),
            array("q", accumulate(map(len, blocks), initial=0)),
            _smallest_array([counts[word] for word in words]),
            bytes(bits),
        )

    def _restore(
        self,
        total: int,
        firsts: list[bytes],
        slots: int,
        text: Buffer,
        starts: Buffer,
        counts: Buffer,
        bits: Buffer,
        typecode: str = "",
    ) -> None:
        """Set the table from its parts (each buffer an array, bytes, or a mapped view)."""
        self.total = total
        self._firsts = firsts
        self._slots = slots
        self._text = text  # the blocks, end to end
        self._starts = memoryview(starts).cast("B").cast("q")  # block i: starts[i]:starts[i + 1]
        self._typecode = typecode or memoryview(counts).format
        self._counts = memoryview(counts).cast("B").cast(self._typecode)  # type: ignore[call-overload]
        self._bits = bits

    def __reduce_ex__(self, protocol: SupportsIndex) -> tuple[object, ...]:
        parts = (self._text, self._starts, self._counts, self._bits)
        wrap = pickle.PickleBuffer if int(protocol) >= 5 else bytes
        state = (self.total, self._firsts, self._slots, *map(wrap, parts), self._typecode)
        return _loaded, state

    def _index(self, key: bytes, crc: int) -> int | None:
        slot = crc % self._slots
        if not self._bits[slot >> 3] & (1 << (slot & 7)):
            return None  # the common case: no listed word sets this bit
        return self._find(key)

    def _find(self, key: bytes) -> int | None:
        """Return the index of the word UTF-8 encoded as ``key``, None when not listed."""
        block = bisect.bisect_right(self._firsts, key) - 1
        if block < 0:
            return None
        text = bytes(self._text[self._starts[block] : self._starts[block + 1]])
        at = text.find(b"\n" + key + b"\n")
        if at < 0:
            return None
        # The line breaks before it count the words before it in the block.
        return block * self.BLOCK + text.count(b"\n", 0, at)

    def __contains__(self, word: str) -> bool:
        key = word.encode()
        return self._index(key, zlib.crc32(key)) is not None

    def get(self, word: str) -> int:
        """Return the count of ``word``, 0 when the list does not have it (about 1 µs: for
        the few words a detector ranks, not for every token)."""
        key = word.encode()
        return self.get_encoded(key, zlib.crc32(key))

    def get_encoded(self, key: bytes, crc: int) -> int:
        """Return the count of the word UTF-8 encoded as ``key``, whose CRC-32 is ``crc`` (one
        word asked of several lists is encoded once)."""
        slot = crc % self._slots
        if not self._bits[slot >> 3] & (1 << (slot & 7)):
            return 0  # the common case, told here without a call to ``_index``
        index = self._find(key)
        return 0 if index is None else int(self._counts[index])


def _loaded(*state: Any) -> WordCounts:
    """Rebuild an unpickled table around its parts (the state ``__reduce_ex__`` gives, in
    ``_restore``'s order), without copying them."""
    table = WordCounts.__new__(WordCounts)
    table._restore(*state)
    return table


def _smallest_array(values: list[int]) -> array[int]:
    """Return ``values`` in an array of the smallest signed type that holds them all: Zipf
    hundredths fit in 2 bytes and pyspellchecker's counts in 4, and the less there is to
    unpickle, the sooner a start that reads several lists is done ("q", 8 bytes, holds any)."""
    low, high = min(values, default=0), max(values, default=0)
    for typecode in ("h", "i"):
        limit = 1 << (8 * array(typecode).itemsize - 1)
        if -limit <= low and high < limit:
            return array(typecode, values)
    return array("q", values)
