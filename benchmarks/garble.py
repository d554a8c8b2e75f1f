"""Corrupt clean news the way machine translation does, and record what an editor would restore.

The garbler knows nothing of mtfix's dictionaries: its names are taken from the text it garbles
(capitalised words that never occur in lower case in that text and are not sentence-initial),
and its nonwords are checked against an English word list only to make sure they are not words.

Artefacts and the mtfix kind each one is scored under:

- ``entity``: a name with a 1–2 character edit, a phonetic swap (ts/tz, y/i, kh/h, ...), a dropped
  ending ("Navalny" -> "Naval"), a changed final vowel ("Bucha" -> "Buchi"), a deleted, doubled
  or undoubled letter, or a first name swapped for another first name of the article with the
  same initial; a garbled name that happens to be an English word ("Biden" -> "Baden") is kept
  and scored apart as "became a real word" (in pyspellchecker's English list);
- ``nonword``: an ordinary lower-case word with a 1–2 character edit ("frank" -> "frnak");
- ``capitalisation``: a noun after an article capitalised the German way ("a Compromise");
- ``typography``: a space before a hyphen ("long -term"), a hyphen for a spaced dash
  ("agreed-and"), a space before a comma or full stop, a spaced colon in a time or score;
- ``quotes``: quotes written the German way, opening (``said:” Look``) or closing before the
  attribution (``serious “, Said Vance``).

A second stream of artefacts, drawn with its own random generator after the first (one per
``WORDS_PER_EXTRA`` words, never within ten characters of another artefact), adds the forms
an independent garbler would use, so the figures of the forms above stay as they were:

- ``encoding``: a word with a non-ASCII character (an apostrophe, a dash, an accent) written as
  its UTF-8 bytes read as Windows-1252 ("Russiaâ€™s"), a Latin word with one Cyrillic
  look-alike letter ("Ukrаine"), a curly mark or ampersand written as an HTML entity
  ("Russia&rsquo;s");
- ``boilerplate``: a web-page leftover line ("Share this article", "Read more:", a cookie
  notice) before the article or after it;
- ``variant``: a Ukrainian place spelled from Russian ("Kiev", "Kharkov", "Lugansk");
- ``untranslated``: a common word left in German ("Regierung") or Russian ("война");
- ``typography``: a space before the apostrophe of 's ("Putin ’s"), a dash that lost the
  space on one side ("agreed— but"), two spaces between words, no space after a comma;
- ``quotes``: a quotation in German marks („…“), its closing mark straight in curly text
  (“…"), spaces inside the marks (“ … ”);
- ``capitalisation``: a noun capitalised after a determiner and a modifier ("the new
  Agreement");
- ``nonword``: a space put inside a word ("gover nment"), a two-letter word glued to the next
  ("bybuses");
- ``typography`` also: a compound's hyphen spaced on both sides ("two - hour").

Usage: ``python benchmarks/garble.py ARTICLE.txt [--seed N]`` prints the garbled text and the
gold edits (for eyeballing); ``benchmarks/quality.py`` imports :func:`garble`.
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SEED = 20250519
#: At most one artefact per this many words, on average.
WORDS_PER_ARTEFACT = 25

#: Capitalised words that are not names even though they are rarely written in lower case.
NOT_NAMES = frozenset(
    """Mr Mrs Ms Dr Prof Sir Gen Capt Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    January February March April May June July August September October November December
    The A An In On At For And But Or If As It He She They We I His Her Their Its This That
    These Those When Where While After Before Under Over With From By To Of Not No""".split()
)
#: Sound-alike spellings machine translation and transliteration swap, both ways.
PHONETIC = (
    ("tz", "ts"),
    ("ts", "tz"),
    ("y", "i"),
    ("i", "y"),
    ("kh", "h"),
    ("ck", "k"),
    ("ph", "f"),
    ("w", "v"),
    ("v", "w"),
    ("ou", "u"),
    ("ei", "ie"),
    ("ie", "ei"),
    ("sch", "sh"),
    ("sh", "sch"),
    ("j", "y"),
    ("c", "k"),
    ("k", "c"),
    ("z", "s"),
)
VOWELS = "aeiou"
#: A capitalised word this frequent in English (Department, Journal) is not taken for a name;
#: rarer ones that are also names (Putin, Trump, Vance) are.
COMMON_WORD_COUNT = 3000
#: How often each kind of artefact is drawn, relative to the others.
KIND_WEIGHTS = {"entity": 4, "nonword": 2, "typography": 2, "capitalisation": 1, "quotes": 1}
#: At most one artefact of the second stream per this many words, on average.
WORDS_PER_EXTRA = 100
#: How often each kind of the second stream is drawn, relative to the others.
EXTRA_WEIGHTS = {
    "encoding": 2,
    "boilerplate": 1,
    "variant": 1,
    "untranslated": 1,
    "typography": 2,
    "quotes": 1,
    "capitalisation": 1,
    "nonword": 1,
}
#: Two-letter words the second stream glues to the word after them.
SHORT_WORDS = ("of", "to", "in", "on", "by", "at")
#: Ukrainian places and the Russian-based spellings English news has dropped.
RUSSIAN_SPELLINGS = {
    "Kyiv": "Kiev",
    "Kharkiv": "Kharkov",
    "Odesa": "Odessa",
    "Luhansk": "Lugansk",
    "Lviv": "Lvov",
    "Zaporizhzhia": "Zaporozhye",
    "Chernihiv": "Chernigov",
    "Donbas": "Donbass",
    "Rivne": "Rovno",
    "Vinnytsia": "Vinnitsa",
    "Zhytomyr": "Zhitomir",
    "Irpin": "Irpen",
    "Horlivka": "Gorlovka",
}
#: Common news words and the German word a translation may leave in their place.
GERMAN_WORDS = {
    "government": "Regierung",
    "war": "Krieg",
    "police": "Polizei",
    "election": "Wahl",
    "agreement": "Abkommen",
    "weapons": "Waffen",
    "soldiers": "Soldaten",
}
#: The same in Russian.
RUSSIAN_WORDS = {
    "government": "правительство",
    "war": "война",
    "city": "город",
    "police": "полиция",
    "elections": "выборы",
    "agreement": "соглашение",
    "weapons": "оружие",
    "soldiers": "солдаты",
}
#: Web-page leftover lines.
LEFTOVERS = (
    "Share this article",
    "Read more:",
    "Advertisement",
    "Comments",
    "Subscribe to our newsletter",
    "Follow us on Telegram",
    "We use cookies to improve your experience on our website.",
)
#: Latin letters and the Cyrillic letters drawn like them.
CYRILLIC_LOOK_ALIKES = dict(zip("aeopcxyAEOPCXBHKMT", "аеорсхуАЕОРСХВНКМТ", strict=True))
#: Characters and the HTML entities a page may leave for them.
HTML_ENTITIES = {"’": "&rsquo;", "“": "&ldquo;", "”": "&rdquo;", "&": "&amp;", "—": "&mdash;"}
#: A run of letters; a possessive or a hyphenated compound gives several runs.
WORD_RE = re.compile(r"[^\W\d_]+")
JOINERS = "'’-"
#: What may stand between the end of a sentence and its next word.
OPENERS = " \t\"'“”‘’("


@dataclass(frozen=True)
class Gold:
    """One artefact in the garbled text: its span there, and what the clean text had."""

    start: int
    end: int
    garbled: str
    wanted: str
    kind: str
    how: str


@dataclass(frozen=True)
class _Edit:
    start: int  # in the clean text
    end: int
    replacement: str
    kind: str
    how: str


@cache
def _english() -> dict[str, int]:
    """English word frequencies, used only to tell words from nonwords and common words."""
    from spellchecker import SpellChecker

    return dict(SpellChecker(language="en").word_frequency.dictionary)


def _is_english(word: str, min_count: int = 1) -> bool:
    return _english().get(word.lower(), 0) >= min_count


def _sentence_initial(text: str, start: int) -> bool:
    """Tell whether the word at ``start`` opens a sentence or a line."""
    before = text[max(0, start - 12) : start].rstrip(OPENERS)
    if not before:
        return start <= 12
    return before[-1] in ".!?…\n"


def names_in(text: str) -> frozenset[str]:
    """Capitalised words of ``text`` that are never written in lower case there (its names)."""
    lower = {w for w in WORD_RE.findall(text) if w[:1].islower()}
    names = set()
    for match in WORD_RE.finditer(text):
        word = match.group()
        if (
            len(word) >= 4
            and word[0].isupper()
            and not word.isupper()
            and word.lower() not in lower
            and word not in NOT_NAMES
            and not _is_english(word, COMMON_WORD_COUNT)
            and not _sentence_initial(text, match.start())
        ):
            names.add(word)
    return frozenset(names)


def _joined(text: str, match: re.Match[str]) -> bool:
    """Tell whether the letter run is part of a contraction or a hyphenated compound."""
    before = text[match.start() - 1 : match.start()]
    after = text[match.end() : match.end() + 1]
    return bool(before and before in JOINERS) or bool(after and after in JOINERS)


def char_edit(word: str, rng: random.Random, name: bool) -> tuple[str, str]:
    """Apply one MT-like spelling change to ``word``; return (new word, description)."""
    head, body = word[:1], word[1:]

    def phonetic() -> tuple[str, str] | None:
        pairs = [(a, b) for a, b in PHONETIC if a in body.lower()]
        if not pairs:
            return None
        a, b = rng.choice(pairs)
        index = body.lower().index(a)
        return head + body[:index] + b + body[index + len(a) :], f"phonetic swap ({a}->{b})"

    def drop_ending() -> tuple[str, str] | None:
        if len(word) < 6 or not name:
            return None
        cut = rng.choice((1, 2))
        return word[:-cut], "dropped ending"

    def change_ending() -> tuple[str, str] | None:
        ending = re.search(r"(?:ey|[aeiouy])$", word)
        if not ending or len(word) < 4 or not name:
            return None
        vowel = rng.choice([v for v in "aeio" if v != ending.group()])
        return word[: ending.start()] + vowel, "changed final vowel"

    def delete() -> tuple[str, str] | None:
        if len(word) < 5:
            return None
        i = rng.randrange(1, len(word) - 1)
        return word[:i] + word[i + 1 :], "deleted letter"

    def double() -> tuple[str, str] | None:
        doubled = [i for i in range(1, len(word) - 1) if word[i] == word[i + 1]]
        if doubled:
            i = rng.choice(doubled)
            return word[:i] + word[i + 1 :], "undoubled letter"
        i = rng.randrange(1, len(word))
        if not word[i].isalpha():
            return None
        return word[: i + 1] + word[i] + word[i + 1 :], "doubled letter"

    def substitute() -> tuple[str, str] | None:
        i = rng.randrange(1, len(word))
        pool = VOWELS if word[i].lower() in VOWELS else "bcdfghklmnprstvz"
        letter = rng.choice([c for c in pool if c != word[i].lower()])
        return word[:i] + letter + word[i + 1 :], "substituted letter"

    def transpose() -> tuple[str, str] | None:
        if len(word) < 4:
            return None
        i = rng.randrange(1, len(word) - 1)
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :], "transposed letters"

    options: list[Callable[[], tuple[str, str] | None]] = [
        phonetic,
        drop_ending,
        change_ending,
        delete,
        double,
        substitute,
        transpose,
    ]
    for _ in range(20):
        result = rng.choice(options)()
        if result and result[0] != word and result[0].isalpha():
            return result
    return word[:-1] + word[-1] * 2, "doubled letter"


def _name_edit(
    text: str, match: re.Match[str], names: frozenset[str], rng: random.Random
) -> _Edit | None:
    word = match.group()
    if rng.random() < 0.15:
        following = re.match(r"\s+([A-Z][^\W\d_]+)", text[match.end() :])
        same_initial = sorted(n for n in names if n[0] == word[0] and n != word)
        if following and following.group(1) in names and same_initial:
            other = rng.choice(same_initial)
            return _Edit(match.start(), match.end(), other, "entity", "first name swapped")
    garbled, how = char_edit(word, rng, name=True)
    if garbled in names:
        return None
    if _is_english(garbled):  # "Biden" -> "Baden": the hardest case, kept apart in the scores
        how = "became a real word"
    return _Edit(match.start(), match.end(), garbled, "entity", how)


def _nonword_edit(match: re.Match[str], rng: random.Random) -> _Edit | None:
    word = match.group()
    garbled, how = char_edit(word, rng, name=False)
    if _is_english(garbled):
        return None
    return _Edit(match.start(), match.end(), garbled, "nonword", how)


def _mechanical_edits(text: str) -> Iterable[_Edit]:
    """Every place where a mechanical artefact could be introduced."""
    for m in re.finditer(r"(?<=[^\W\d_])-(?=[^\W\d_])", text):
        yield _Edit(m.start(), m.end(), " -", "typography", "space before hyphen")
    for m in re.finditer(r"(?<=\w) [–—] (?=\w)|(?<=\w)—(?=\w)", text):
        yield _Edit(m.start(), m.end(), "-", "typography", "hyphen for dash")
    for m in re.finditer(r"(?<=[^\W\d_])([,.])(?= [a-z])", text):
        yield _Edit(m.start(), m.end(), " " + m.group(1), "typography", "space before punctuation")
    for m in re.finditer(r"(?<=\d):(?=\d\d)", text):
        yield _Edit(m.start(), m.end(), ": ", "typography", "spaced colon")
    for m in re.finditer(r"(?<=[:,]) ([“\"])(?=[A-Z])", text):
        mark = "”" if m.group(1) == "“" else '"'
        yield _Edit(m.start(), m.end(), mark + " ", "quotes", "German-style opening quote")
    for m in re.finditer(r",([”\"]) (said|says|added|told|asked)\b", text):
        mark = "“" if m.group(1) == "”" else '"'
        garbled = f" {mark}, {m.group(2).capitalize()}"
        yield _Edit(m.start(), m.end(), garbled, "quotes", "German-style closing quote")
    for m in re.finditer(r"\b(?:a|an|the) ([a-z]{5,})\b", text):
        noun = m.group(1)
        yield _Edit(m.start(1), m.end(1), noun.capitalize(), "capitalisation", "German noun")


def _mojibake(word: str) -> str:
    """``word`` as its UTF-8 bytes read as Windows-1252 (a byte it leaves undefined as the
    control character of that number, as web pages show it)."""
    return "".join(
        bytes([byte]).decode("cp1252", errors="ignore") or chr(byte)
        for byte in word.encode("utf-8")
    )


def _encoding_edits(text: str, rng: random.Random) -> Iterable[_Edit]:
    for m in re.finditer(r"[^\W\d_]*[^\x00-\x7f][^\W\d_]*", text):
        if _mojibake(m.group()) != m.group() and not m.group().isspace():
            yield _Edit(m.start(), m.end(), _mojibake(m.group()), "encoding", "mojibake")
    for m in WORD_RE.finditer(text):
        word = m.group()
        spots = [i for i, c in enumerate(word) if c in CYRILLIC_LOOK_ALIKES]
        if len(word) >= 4 and word.isascii() and spots:
            i = rng.choice(spots)
            garbled = word[:i] + CYRILLIC_LOOK_ALIKES[word[i]] + word[i + 1 :]
            yield _Edit(m.start(), m.end(), garbled, "encoding", "Cyrillic look-alike letter")
    for m in re.finditer("|".join(HTML_ENTITIES), text):
        yield _Edit(m.start(), m.end(), HTML_ENTITIES[m.group()], "encoding", "HTML entity")


def _word_edits(text: str, rng: random.Random) -> Iterable[_Edit]:
    """House-style variants and untranslated words, in place of the clean text's words."""
    for clean, variant in RUSSIAN_SPELLINGS.items():
        for m in re.finditer(rf"\b{clean}\b", text):
            yield _Edit(m.start(), m.end(), variant, "variant", "Russian-based spelling")
    for how, words in (("German word", GERMAN_WORDS), ("Russian word", RUSSIAN_WORDS)):
        for english, foreign in words.items():
            for m in re.finditer(rf"\b{english}\b", text):
                yield _Edit(m.start(), m.end(), foreign, "untranslated", how)
    if text.strip():
        line = rng.choice(LEFTOVERS)
        yield _Edit(0, 0, line + "\n", "boilerplate", "leftover line")
        end = len(text)
        leftover = line + "\n" if text.endswith("\n") else "\n" + line
        yield _Edit(end, end, leftover, "boilerplate", "leftover line")


def _layout_edits(text: str) -> Iterable[_Edit]:
    """Spacing, quotation marks and capitals in the second stream's forms."""
    for m in re.finditer(r"(?<=[^\W_])’s\b", text):
        yield _Edit(m.start(), m.start(), " ", "typography", "space before apostrophe")
    for m in re.finditer(r"(?<=[^\W_]) ([–—]) (?=[^\W_])", text):
        for garbled in (m.group(1) + " ", " " + m.group(1)):
            yield _Edit(m.start(), m.end(), garbled, "typography", "dash spaced on one side")
    for m in re.finditer(r"(?<=[a-z]) (?=[a-z])", text):
        yield _Edit(m.start(), m.end(), "  ", "typography", "double space")
    for m in re.finditer(r"(?<=[a-z]), (?=[a-z])", text):
        yield _Edit(m.start(), m.end(), ",", "typography", "no space after comma")
    for m in re.finditer(r"“([^“”\"\n]{1,200})”", text):
        inner = m.group(1)
        yield _Edit(m.start(), m.end(), f"„{inner}“", "quotes", "German marks")
        yield _Edit(m.end() - 1, m.end(), '"', "quotes", "straight closing mark")
        if inner == inner.strip():
            yield _Edit(m.start(), m.end(), f"“ {inner} ”", "quotes", "spaces inside marks")
    for m in re.finditer(r"\b(?:a|an|the) (?!\w+ly\b)[a-z]{4,} ([a-z]{5,})\b(?= [a-z])", text):
        noun = m.group(1)
        yield _Edit(m.start(1), m.end(1), noun.capitalize(), "capitalisation", "after modifier")


def _spacing_edits(text: str, rng: random.Random) -> Iterable[_Edit]:
    """Words split or glued, and compounds' hyphens spaced."""
    for m in re.finditer(r"\b[a-z]{8,}\b", text):
        word = m.group()
        cut = rng.randrange(3, len(word) - 2)
        if not _is_english(word[:cut]) and not _is_english(word[cut:]):
            split = f"{word[:cut]} {word[cut:]}"
            yield _Edit(m.start(), m.end(), split, "nonword", "space inside a word")
    for m in re.finditer(rf"\b({'|'.join(SHORT_WORDS)}) ([a-z]{{4,}})\b", text):
        glued = m.group(1) + m.group(2)
        if not _is_english(glued):
            yield _Edit(m.start(), m.end(), glued, "nonword", "two words glued")
    for m in re.finditer(r"(?<=[^\W_])-(?=[a-z])", text):
        yield _Edit(m.start(), m.end(), " - ", "typography", "spaced compound hyphen")


def _second_stream(text: str, chosen: list[_Edit], seed: int) -> list[_Edit]:
    """Draw the second stream's artefacts, away from those already ``chosen``."""
    rng = random.Random(f"{seed}:second stream")
    candidates = [
        *_encoding_edits(text, rng),
        *_word_edits(text, rng),
        *_layout_edits(text),
        *_spacing_edits(text, rng),
    ]
    rng.shuffle(candidates)
    pools: dict[tuple[str, str], list[_Edit]] = {}
    for edit in candidates:
        pools.setdefault((edit.kind, edit.how), []).append(edit)
    budget = max(1, len(text.split()) // WORDS_PER_EXTRA)
    return _draw(pools, EXTRA_WEIGHTS, budget, rng, chosen)


def _draw(
    pools: dict[tuple[str, str], list[_Edit]],
    kind_weights: dict[str, float],
    budget: int,
    rng: random.Random,
    taken: list[_Edit],
) -> list[_Edit]:
    """Draw up to ``budget`` edits from the pools, each kind as often as its weight says, none
    within 10 characters of another or of one already ``taken``."""
    drawn: list[_Edit] = []
    for _ in range(budget * 20):
        live = sorted(key for key, pool in pools.items() if pool)
        if len(drawn) >= budget or not live:
            break
        weights = [kind_weights[kind] / _share(pools, kind) for kind, _ in live]
        edit = pools[rng.choices(live, weights)[0]].pop()
        if all(edit.end + 10 < c.start or c.end + 10 < edit.start for c in taken + drawn):
            drawn.append(edit)
    return drawn


def garble(text: str, seed: int = SEED) -> tuple[str, list[Gold]]:
    """Return ``text`` with MT-like artefacts, and where each is with what it should be."""
    rng = random.Random(seed)
    names = names_in(text)
    candidates: list[_Edit] = []
    for match in WORD_RE.finditer(text):
        word = match.group()
        edit = None
        if word in names:
            edit = _name_edit(text, match, names, rng)
        elif word.islower() and len(word) >= 6 and not _joined(text, match):
            edit = _nonword_edit(match, rng) if rng.random() < 0.3 else None
        if edit:
            candidates.append(edit)
    candidates.extend(_mechanical_edits(text))
    budget = max(1, len(text.split()) // WORDS_PER_ARTEFACT)
    rng.shuffle(candidates)
    pools: dict[tuple[str, str], list[_Edit]] = {}
    for edit in candidates:
        pools.setdefault((edit.kind, edit.how if edit.kind == "typography" else ""), []).append(
            edit
        )
    chosen = _draw(pools, KIND_WEIGHTS, budget, rng, [])
    chosen.extend(_second_stream(text, chosen, seed))
    return _apply(text, sorted(chosen, key=lambda e: (e.start, e.end)))


def _share(pools: dict[tuple[str, str], list[_Edit]], kind: str) -> int:
    """How many live pools share ``kind`` (so a kind's weight is split among its forms)."""
    return sum(1 for (k, _), pool in pools.items() if k == kind and pool)


def _apply(text: str, edits: list[_Edit]) -> tuple[str, list[Gold]]:
    pieces: list[str] = []
    gold: list[Gold] = []
    position = 0
    length = 0
    for edit in edits:
        pieces.append(text[position : edit.start])
        length += edit.start - position
        start = length
        pieces.append(edit.replacement)
        length += len(edit.replacement)
        wanted = text[edit.start : edit.end]
        gold.append(Gold(start, length, edit.replacement, wanted, edit.kind, edit.how))
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces), gold


def main() -> None:
    """Print a garbled article and its gold edits."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", type=Path)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    garbled, gold = garble(args.article.read_text(encoding="utf-8"), args.seed)
    print(garbled)
    for g in gold:
        print(f"{g.kind:15} {g.garbled!r:28} -> {g.wanted!r:28} {g.how}")


if __name__ == "__main__":
    main()
