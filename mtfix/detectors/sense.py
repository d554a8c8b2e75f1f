"""Detect sense artefacts (not yet written)."""

from __future__ import annotations

from collections.abc import Iterator

from ..change import Proposal
from ..lexicon import Lexicon
from ..text import Document


def detect(document: Document, lexicon: Lexicon) -> Iterator[Proposal]:
    """Yield nothing yet."""
    return iter(())
