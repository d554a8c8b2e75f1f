"""The registry of detectors: each module exports ``detect(document, lexicon)``.

A detector yields ``Proposal``s whose ``rule`` is a dotted id such as
``typography.spaced_hyphen``; the first part is the Change kind, and ``--only`` / ``--skip``
match ids by prefix.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..change import Proposal
from ..lexicon import Lexicon
from ..text import Document
from . import (
    boilerplate,
    capitalisation,
    case_form,
    encoding,
    entity,
    exonym,
    guillemets,
    nonword,
    quotes,
    sense,
    source_names,
    transliteration,
    typography,
    untranslated,
    variant,
)

DetectFunction = Callable[[Document, Lexicon], Iterable[Proposal]]

#: Detector name -> detect function, in the order they run.
DETECTORS: dict[str, DetectFunction] = {
    "encoding": encoding.detect,
    "boilerplate": boilerplate.detect,
    "typography": typography.detect,
    "quotes": quotes.detect,
    "guillemets": guillemets.detect,
    "capitalisation": capitalisation.detect,
    "variant": variant.detect,
    "exonym": exonym.detect,
    "entity": entity.detect,
    "transliteration": transliteration.detect,
    "case_form": case_form.detect,
    "nonword": nonword.detect,
    "sense": sense.detect,
    "untranslated": untranslated.detect,
    "source": source_names.detect,  # yields nothing unless a source text is given
}

#: The kinds a detector's proposals have, when they are not its own name.
KINDS_OF: dict[str, tuple[str, ...]] = {
    "exonym": ("untranslated",),
    "transliteration": ("entity",),
    "case_form": ("entity",),
    "guillemets": ("quotes",),
    "source": ("entity", "untranslated"),
}
