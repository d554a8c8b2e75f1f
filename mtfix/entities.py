"""The named entity: one record of the entity dictionaries, shared by the lexicon that loads
them and the name index that searches them (kept apart so neither imports the other)."""

from __future__ import annotations

from typing import NamedTuple


class Entity(NamedTuple):
    """A named entity: its canonical spelling, type, accepted aliases and context words (a
    named tuple: thousands are unpickled at every start, twice as fast as a dataclass)."""

    name: str
    type: str
    aliases: tuple[str, ...]
    context: tuple[str, ...]
    source: str = ""
