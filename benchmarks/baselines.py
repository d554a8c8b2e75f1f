"""What a user would run instead of mtfix, turned into mtfix-like changes for scoring.

Each baseline maps texts to lists of :class:`Proposed` changes (offsets into the text). A word a
spell-checker marks without a suggestion is a flag (``replacement == original``): it still counts
as an alarm on clean text.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

#: A run of letters; possessive "s" and contraction endings after an apostrophe are skipped.
LETTERS = re.compile(r"[^\W\d_]+")
APOSTROPHES = "'’"


@dataclass(frozen=True)
class Proposed:
    """A baseline's proposal, shaped like the parts of an mtfix Change the scorer needs."""

    start: int
    end: int
    original: str
    replacement: str
    kind: str = "spelling"

    @property
    def is_flag(self) -> bool:
        """True when the tool marks the word but suggests nothing."""
        return self.replacement == self.original


def _cased(suggestion: str, original: str) -> str:
    if original.isupper() and len(original) > 1:
        return suggestion.upper()
    if original[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def symspell() -> Callable[[Sequence[str]], list[list[Proposed]]] | None:
    """symspellpy with its bundled English frequency dictionary, or None if not installed."""
    try:
        from importlib.resources import files

        from symspellpy import SymSpell, Verbosity
    except ImportError:
        return None
    checker = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
    checker.load_dictionary(str(files("symspellpy") / "frequency_dictionary_en_82_765.txt"), 0, 1)

    def run(texts: Sequence[str]) -> list[list[Proposed]]:
        results = []
        for text in texts:
            found = []
            for match in LETTERS.finditer(text):
                word = match.group()
                if len(word) < 2 or text[match.start() - 1 : match.start()] in APOSTROPHES:
                    continue
                lower = word.lower()
                suggestions = checker.lookup(lower, Verbosity.CLOSEST, max_edit_distance=2)
                if suggestions and suggestions[0].term == lower:
                    continue
                fix = _cased(suggestions[0].term, word) if suggestions else word
                found.append(Proposed(match.start(), match.end(), word, fix))
            results.append(found)
        return results

    return run


_CODESPELL_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?P<word>.+?) ==> (?P<fix>.+)$")


def codespell() -> Callable[[Sequence[str]], list[list[Proposed]]] | None:
    """The codespell CLI over the texts written to a temporary folder, or None if missing."""
    program = shutil.which("codespell", path=str(Path(sys.executable).parent)) or shutil.which(
        "codespell"
    )
    if not program:
        return None

    def run(texts: Sequence[str]) -> list[list[Proposed]]:
        with tempfile.TemporaryDirectory(prefix="mtfix-baseline-") as tmp:
            paths = []
            for number, text in enumerate(texts):
                path = Path(tmp) / f"{number:05d}.txt"
                path.write_text(text, encoding="utf-8")
                paths.append(path)
            output = subprocess.run(
                [program, tmp], capture_output=True, text=True, check=False
            ).stdout
        results: list[list[Proposed]] = [[] for _ in texts]
        for line in output.splitlines():
            match = _CODESPELL_LINE.match(line)
            if not match:
                continue
            index = int(Path(match["path"]).stem)
            text = texts[index]
            starts = [0] + [m.end() for m in re.finditer("\n", text)]
            line_start = starts[int(match["line"]) - 1]
            line_end = text.find("\n", line_start)
            line_text = text[line_start : line_end if line_end >= 0 else len(text)]
            taken = {p.start for p in results[index]}
            for found in re.finditer(rf"\b{re.escape(match['word'])}\b", line_text, re.IGNORECASE):
                start = line_start + found.start()
                if start in taken:
                    continue
                word = found.group()
                fixes = [f.strip() for f in match["fix"].split(",") if f.strip()]
                fix = _cased(fixes[0], word) if len(fixes) == 1 else word
                results[index].append(Proposed(start, start + len(word), word, fix))
                break
        return results

    return run


BASELINES: dict[str, Callable[[], Callable[[Sequence[str]], list[list[Proposed]]] | None]] = {
    "codespell": codespell,
    "symspellpy": symspell,
}
