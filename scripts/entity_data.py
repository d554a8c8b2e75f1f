"""Generate labelled examples for the entity model from the project's own texts.

Every example is one reading the entity detector considers (``entity.candidate_readings``: the
best reading of each possibly garbled name, whatever the rules or the model make of it) with
its evidence and a label, 1 right and 0 wrong, found without a human:

- **garbled news**: clean text with names garbled as machine translation garbles them
  (``hard_garble``): one or two letter slips, transliteration and sound-alike swaps
  (Kh/Ch, sch/sh, zh/j, w/v ...), cut or changed endings, in one mention or the same way in
  every mention. A reading of a garbled name is right when it restores the name exactly; a
  garble that happens to be a real word stays in (it is what makes the task hard);
- **clean news**: every reading of a clean text is wrong, unless another human translation of
  the same line spells it the reading's way (the reference's own slip): those are left out;
- **real machine translation**: a reading of an MT output is right when the aligned human
  reference line has the replacement and not the original, wrong when it has the original.

Each text is also read line by line, as a sentence with no article around it. The split into
training and held-out documents is by a hash of the document's name, so a document's
references, garbled copies and MT outputs fall on one side. ``wmt22-cs-en`` is never read.
"""

from __future__ import annotations

import hashlib
import random
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from garble import WORD_RE, char_edit, names_in  # noqa: E402

from mtfix.detectors.entity import Candidate, candidate_readings  # noqa: E402
from mtfix.lexicon import Lexicon  # noqa: E402
from mtfix.text import WORD_RE as WORD  # noqa: E402  (words as mtfix tokenises them)
from mtfix.text import Document  # noqa: E402

#: The shared sets tuned on (``wmt22-cs-en`` is held out of all tuning and never read here).
TUNING_SETS = ("wmt21-de-en", "wmt22-de-en", "wmt22-ja-en", "wmt22-zh-en")
#: The share of documents kept out of the fit, for the calibration report.
HELD_OUT_SHARE = 0.25
#: How likely each distinct name of an article is to be garbled in one garbled copy.
GARBLE_RATE = 0.3
#: How likely a garbled name is garbled the same way in every mention (else in one).
CONSISTENT_RATE = 0.5
#: How often a garbled name is one real text uses (when some garbling gives one), and how
#: many garblings are tried to find one.
REAL_WORD_RATE = 0.3
REAL_WORD_TRIES = 30
#: A garbling real text uses this often (wordfreq Zipf) is a word or name of its own.
IN_USE_ZIPF = 1.5
#: Spellings transliteration and machine translation swap, both ways where both are real:
#: Russian, Ukrainian, Arabic and Chinese names through English, German and French habits.
SWAPS = (
    ("kh", "ch"),
    ("ch", "kh"),
    ("kh", "h"),
    ("sch", "sh"),
    ("sh", "sch"),
    ("sh", "ch"),
    ("zh", "sh"),
    ("zh", "j"),
    ("j", "y"),
    ("y", "j"),
    ("ts", "z"),
    ("tz", "ts"),
    ("ck", "k"),
    ("ph", "f"),
    ("w", "v"),
    ("v", "w"),
    ("ou", "u"),
    ("u", "ou"),
    ("ei", "ie"),
    ("ie", "ei"),
    ("ii", "y"),
    ("iy", "y"),
    ("y", "i"),
    ("i", "y"),
    ("c", "k"),
    ("k", "c"),
    ("x", "ks"),
    ("q", "k"),
)
VOWELS = "aeiou"


@dataclass(frozen=True)
class Planted:
    """A garbled mention: its span in the garbled text and the name it stands for."""

    start: int
    end: int
    wanted: str


@dataclass(frozen=True)
class Example:
    """One reading: its evidence, whether it is right, its document and where it comes from
    (``garbled``, ``clean`` or ``mt``); ``rules`` tells whether the rules alone propose it."""

    features: tuple[float, ...]
    label: int
    document: str
    origin: str
    reading: str
    rules: bool
    #: How much the example counts in the fit (the garbled copies of a text together count
    #: as much as the text, so that more copies add variety, not weight).
    weight: float = 1.0


#: Labels a reading by its span in the whole text: 1 right, 0 wrong, None no example.
Judge = Callable[[int, int, Candidate], "int | None"]


def held_out(document: str) -> bool:
    """Tell whether a document is kept out of the fit (stable across runs and machines)."""
    return _hash_byte(document) < 256 * HELD_OUT_SHARE


def fold_of(document: str, folds: int = 4) -> int:
    """The cross-validation fold of a document, out of ``folds`` (stable across runs)."""
    return _hash_byte(document) * folds // 256


def _hash_byte(document: str) -> int:
    return hashlib.sha256(document.encode()).digest()[0]


def swap(word: str, rng: random.Random) -> str:
    """Swap one spelling of ``word`` for one transliteration may give it ("Kharkiv" ->
    "Charkiv", "Prigozhin" -> "Prigojin"), keeping the capital; ``word`` when none applies."""
    folded = word.lower()
    options = [(a, b, m.start()) for a, b in SWAPS for m in re.finditer(a, folded)]
    if not options:
        return word
    a, b, at = rng.choice(options)
    changed = folded[:at] + b + folded[at + len(a) :]
    return changed[:1].upper() + changed[1:] if word[:1].isupper() else changed


def cut_ending(word: str, rng: random.Random) -> str:
    """Cut one to three letters off the end, keeping four at least ("Zaporizhzhia" ->
    "Zaporizhzh")."""
    cut = rng.randint(1, 3)
    return word[:-cut] if len(word) - cut >= 4 else word


def changed_ending(word: str, rng: random.Random) -> str:
    """Change a final vowel, or add one after a final consonant ("Bucha" -> "Bucho",
    "Kyiv" -> "Kyivo")."""
    if word[-1:].lower() in VOWELS:
        return word[:-1] + rng.choice([v for v in VOWELS if v != word[-1].lower()])
    return word + rng.choice(VOWELS)


def garble_name(word: str, rng: random.Random) -> str:
    """One garbling of a name as machine translation may write it: a slip, two slips, a
    transliteration swap (alone or with a slip), a cut or a changed ending."""
    how = rng.choice(("slip", "two slips", "swap", "swap and slip", "cut", "ending"))
    if how == "slip":
        return char_edit(word, rng, name=True)[0]
    if how == "two slips":
        return char_edit(char_edit(word, rng, name=True)[0], rng, name=True)[0]
    if how == "swap":
        return swap(word, rng)
    if how == "swap and slip":
        return char_edit(swap(word, rng), rng, name=True)[0]
    if how == "cut":
        return cut_ending(word, rng)
    return changed_ending(word, rng)


def real_word_garble(word: str, rng: random.Random, in_use: Callable[[str], bool]) -> str:
    """A garbling of a name that real text uses as a word or name of its own ("Truss" ->
    "Tras", "Biden" -> "Baden"), when one of some tries gives one; else ``word``."""
    for _ in range(REAL_WORD_TRIES):
        garbled = garble_name(word, rng)
        if garbled != word and in_use(garbled):
            return garbled
    return word


def hard_garble(
    text: str, seed: int, in_use: Callable[[str], bool] = lambda word: False
) -> tuple[str, list[Planted]]:
    """Garble some of the names of ``text`` (``garble_name``; now and then one that real text
    uses, as ``in_use`` tells), each in one mention or the same way in every mention; return
    the garbled text and where each garbled mention is."""
    rng = random.Random(seed)
    names = names_in(text)
    mentions: dict[str, list[re.Match[str]]] = {}
    for match in WORD_RE.finditer(text):
        if match.group() in names and _whole_word(text, match):
            mentions.setdefault(match.group(), []).append(match)
    chosen: dict[int, str] = {}  # start of a mention in the clean text -> its garbling
    for name in sorted(mentions):
        if rng.random() >= GARBLE_RATE:
            continue
        if rng.random() < REAL_WORD_RATE:
            garbled = real_word_garble(name, rng, in_use)
        else:
            garbled = garble_name(name, rng)
        if garbled == name or garbled in names or len(garbled) < 3:
            continue
        spots = mentions[name]
        if rng.random() >= CONSISTENT_RATE:
            spots = [rng.choice(spots)]
        chosen.update((match.start(), garbled) for match in spots)
    return _apply(text, chosen)


def _whole_word(text: str, match: re.Match[str]) -> bool:
    """Tell whether a match is a whole word, not part of a hyphenated or joined one."""
    before = text[match.start() - 1 : match.start()]
    after = text[match.end() : match.end() + 1]
    return not (before and (before.isalnum() or before in "-")) and not (
        after and (after.isalnum() or after in "-")
    )


def _apply(text: str, chosen: dict[int, str]) -> tuple[str, list[Planted]]:
    """Write each chosen garbling over the word at its start; record the planted spans."""
    parts, planted, last, shift = [], [], 0, 0
    for start in sorted(chosen):
        end = WORD_RE.match(text, start).end()  # type: ignore[union-attr]
        garbled = chosen[start]
        parts += [text[last:start], garbled]
        planted.append(Planted(start + shift, start + shift + len(garbled), text[start:end]))
        shift += len(garbled) - (end - start)
        last = end
    parts.append(text[last:])
    return "".join(parts), planted


def pieces(
    document: str, origin: str, text: str, judge: Judge, lexicon: Lexicon, weight: float = 1.0
) -> Iterator[Example]:
    """Examples from ``text`` read whole and each of its lines read as a text of its own."""
    parts = [(text, 0)]
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            parts.append((line, offset))
        offset += len(line) + 1
    for part, offset in parts:
        for candidate in candidate_readings(Document(part), lexicon):
            label = judge(offset + candidate.start, offset + candidate.end, candidate)
            if label is not None:
                yield Example(
                    candidate.features,
                    label,
                    document,
                    origin,
                    f"{candidate.original} -> {candidate.replacement}",
                    candidate.rules,
                    weight,
                )


def judge_planted(planted: list[Planted]) -> Judge:
    """Right when a reading restores a garbled mention exactly; no example when it reads a
    word the garbling left alone (the clean text gives that reading already)."""

    def judge(start: int, end: int, candidate: Candidate) -> int | None:
        touched = [p for p in planted if p.start < end and start < p.end]
        if not touched:
            return None
        return int(
            any(
                p.start == start and p.end == end and p.wanted == candidate.replacement
                for p in touched
            )
        )

    return judge


def disputed(text: str, others: list[str], lexicon: Lexicon) -> set[str]:
    """Words of a clean text that another human translation of the same line spells as the
    detector's reading would (the reference's own slip)."""
    if not others:
        return set()
    other_lines = [other.split("\n") for other in others]
    starts = [m.start() for m in re.finditer(r"^", text, re.MULTILINE)]
    found = set()
    for candidate in candidate_readings(Document(text), lexicon):
        number = sum(1 for start in starts if start <= candidate.start) - 1
        words = {
            w for lines in other_lines if number < len(lines) for w in WORD.findall(lines[number])
        }
        if all(w in words for w in WORD.findall(candidate.replacement)):
            found.add(candidate.original)
    return found


def synthetic(
    document: str, text: str, others: list[str], seeds: Iterable[int], lexicon: Lexicon
) -> Iterator[Example]:
    """Readings of a clean text (all wrong but the disputed) and of its garbled copies."""
    slips = disputed(text, others, lexicon)
    yield from pieces(
        document, "clean", text, lambda s, e, c: None if c.original in slips else 0, lexicon
    )
    seeds = list(seeds)
    for seed in seeds:
        garbled, planted = hard_garble(text, seed, lambda word: lexicon.zipf(word) >= IN_USE_ZIPF)
        if planted:
            yield from pieces(
                document, "garbled", garbled, judge_planted(planted), lexicon, 1 / len(seeds)
            )


def real_mt(shared: Path, lexicon: Lexicon) -> Iterator[Example]:
    """Readings of the tuning sets' MT outputs, judged by the aligned reference lines."""
    corpus = shared / "corpus"
    for set_name in TUNING_SETS:
        references = sorted(p for p in (corpus / set_name).iterdir() if p.name.startswith("ref"))
        for system in sorted((corpus / set_name / "mt").iterdir()):
            for path in sorted(system.glob("*.txt")):
                text = path.read_text(encoding="utf-8")
                lines = [
                    (r / path.name).read_text(encoding="utf-8").split("\n") for r in references
                ]
                yield from _judged_mt(f"{set_name}/{path.stem}", text, lines, lexicon)


def _judged_mt(
    document: str, text: str, references: list[list[str]], lexicon: Lexicon
) -> Iterator[Example]:
    starts = [m.start() for m in re.finditer(r"^", text, re.MULTILINE)]
    for candidate in candidate_readings(Document(text), lexicon):
        number = sum(1 for start in starts if start <= candidate.start) - 1
        words = {w for ref in references if number < len(ref) for w in WORD.findall(ref[number])}
        if all(w in words for w in WORD.findall(candidate.replacement)):
            label = 1
        elif all(w in words for w in WORD.findall(candidate.original)):
            label = 0
        else:
            continue
        reading = f"{candidate.original} -> {candidate.replacement}"
        yield Example(candidate.features, label, document, "mt", reading, candidate.rules)


def clean_texts(shared: Path, fixtures: Path) -> Iterator[tuple[str, str, list[str]]]:
    """(document, text, the document's other human translations) of our clean fixtures and
    the tuning sets' references (a document's references share its name, so one side of the
    split)."""
    for path in sorted(fixtures.glob("*.txt")):
        yield f"fixtures/{path.stem}", path.read_text(encoding="utf-8"), []
    for set_name in TUNING_SETS:
        folder = shared / "corpus" / set_name
        references = sorted(p for p in folder.iterdir() if p.name.startswith("ref"))
        for reference in references:
            for path in sorted(reference.glob("*.txt")):
                others = [
                    (r / path.name).read_text(encoding="utf-8")
                    for r in references
                    if r != reference
                ]
                yield f"{set_name}/{path.stem}", path.read_text(encoding="utf-8"), others
