"""Detect garbled names ("Keir Starrer", "Khanson", "Joe Baden") and literal translations of
names ("European Truth"), and propose the curated entity they stand for.

A capitalised word is suspicious when no word list or dictionary knows it. Suspicious words,
and known words right after a well-known first name ("Joe Baden"), are matched against the
curated entities' spellings in the blocked index; candidates are ranked by spelling similarity,
the rest of the name, the entity's context words in the article and the slot (a title before a
person, "in" before a place). A correct name is never a target: known names are skipped early.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from math import exp, log1p
from pathlib import Path

from rapidfuzz.distance import JaroWinkler, Levenshtein

from ..change import Proposal
from ..lexicon import PLACE_TYPES, Entity, Lexicon, read_rows
from ..names import NameForm, fold, name_key, romanisation_key, similarity
from ..text import Document, Token
from ..words import NAME_PARTICLES, PERSON_TITLES, SPEECH_VERBS

#: Spelling similarity below which a name is not considered a garbling of another.
MIN_SIMILARITY = 0.76
#: Shorter capitalised words are too often abbreviations or foreign words to correct as names.
MIN_SUSPICIOUS_LENGTH = 4
#: Another mention of a garbled name word is corrected this much less confidently.
SAME_GARBLING_PENALTY = 0.05
#: Enough for a first name to be weighed when the surname is exact ("Jassend Ardern").
WEAK_SIMILARITY = 0.55
#: The fitted model, relative to the dictionaries folder.
MODEL = Path("models") / "entity.tsv"
#: Words before a place name.
PLACE_PREPOSITIONS = frozenset("in from near to at into across outside of around".split())
#: Endings that derive a word from a known name: "Bavarians", "Dortmunder", "Djiboutian".
DERIVED_ENDINGS = ("s", "er", "ers", "n", "an", "ian", "ns", "ans", "ians", "ese", "i")


@dataclass(frozen=True)
class Candidate:
    """A proposed reading of some tokens as an entity spelling."""

    start: int
    end: int
    original: str
    replacement: str
    entity: Entity
    confidence: float
    reason: str
    alternatives: tuple[str, ...]


@dataclass(frozen=True)
class _Match:
    """The words ``low``..``high`` of a run read as the name form ``name``."""

    low: int
    high: int
    name: NameForm
    spelling: float


@dataclass(frozen=True)
class _Query:
    """The word at ``i`` of a capitalised run, checked as a possibly garbled name."""

    run: list[Token]
    words: list[str]
    i: int
    suspicious: bool
    document: Document
    lexicon: Lexicon
    context: _Context


def detect(document: Document, lexicon: Lexicon) -> Iterator[Proposal]:
    """Yield a correction for each garbled or literally translated name, and for each later
    or earlier mention of a garbled word so corrected (``_same_garbling``)."""
    yield from _translated_names(document, lexicon)
    context = _Context(document)
    candidates = []
    for run in _capitalised_runs(document):
        for candidate in _check_run(run, document, lexicon, context):
            candidates.append(candidate)
            yield Proposal(
                start=candidate.start,
                end=candidate.end,
                replacement=candidate.replacement,
                confidence=candidate.confidence,
                reason=candidate.reason,
                rule=f"entity.{candidate.entity.type}",
                alternatives=candidate.alternatives,
            )
    yield from _same_garbling(document, lexicon, candidates)


def _same_garbling(
    document: Document, lexicon: Lexicon, candidates: list[Candidate]
) -> Iterator[Proposal]:
    """Correct the other mentions of a word corrected inside a person's full name.

    Machine translation garbles a name the same way throughout an article, and later mentions
    use the surname alone ("Joe Baden ... Baden said"), which is often a real word or too short
    to correct by itself. Once "Joe Baden" reads as Joe Biden, every "Baden" in the article is
    that person.
    """
    corrected: dict[str, tuple[str, Candidate]] = {}
    for candidate in candidates:
        wrong, right = candidate.original.split(), candidate.replacement.split()
        if candidate.entity.type == "person" and len(wrong) == len(right):
            for word, fixed in zip(wrong, right, strict=True):
                if word != fixed:
                    corrected.setdefault(word, (fixed, candidate))
    if not corrected:
        return
    covered = [(candidate.start, candidate.end) for candidate in candidates]
    for token in document.tokens:
        word, end = _base(token)
        if word not in corrected or any(a <= token.start < b for a, b in covered):
            continue
        if _may_be_something_else(document, token, lexicon):
            continue
        fixed, source = corrected[word]
        yield Proposal(
            start=token.start,
            end=end,
            replacement=fixed,
            confidence=max(0.05, source.confidence - SAME_GARBLING_PENALTY),
            reason=f"“{word}” is “{fixed}” ({source.entity.name}), as where the article names "
            "the person in full: machine translation garbles a name the same way throughout.",
            rule=f"entity.{source.entity.type}",
        )


def _may_be_something_else(document: Document, token: Token, lexicon: Lexicon) -> bool:
    """Tell whether a mention of a garbled word may not be the person: an English word opening
    a sentence ("Naval forces..."), or part of another name ("the Naval Academy"; a title
    before it, "Mr Naval", is no other name)."""
    tokens, text = document.tokens, document.text
    if token.sentence_initial and lexicon.is_english_word(token.text.lower()):
        return True
    after = tokens[token.index + 1] if token.index + 1 < len(tokens) else None
    if after and text[token.end : after.start] == " " and after.text[:1].isupper():
        return True
    before = tokens[token.index - 1] if token.index > 0 else None
    return bool(
        before
        and text[before.end : token.start] == " "
        and before.text[:1].isupper()
        and before.text.lower() not in PERSON_TITLES
        # a capital that only opens the sentence ("Yesterday Baden said") names nothing
        and not (before.sentence_initial and lexicon.is_english_word(before.text.lower()))
    )


class _Context:
    """What the article is about: its lower-cased words, for context-word lookups.

    A one-word context also matches a word sharing its stem (all but its last two letters, at
    least five), so "britain" matches "British" and "ukraine" matches "Ukrainian".
    """

    def __init__(self, document: Document) -> None:
        self.document = document

    @cached_property
    def text(self) -> str:
        """The article lower-cased, each run of non-word characters one space, spaces around."""
        return " " + re.sub(r"\W+", " ", self.document.text.lower()) + " "

    def matches(self, entity: Entity) -> int:
        """Count the entity's context words that occur in the article."""
        return sum(1 for word in entity.context if self._occurs(word))

    @cached_property
    def words(self) -> list[str]:
        """The article's distinct lower-case words, sorted (to find a stem by bisection)."""
        return sorted(set(self.text.split()))

    @cached_property
    def counts(self) -> Counter[str]:
        """How often each word (possessive cut off) occurs in the article."""
        return Counter(_base(token)[0] for token in self.document.tokens)

    @cached_property
    def word_set(self) -> frozenset[str]:
        return frozenset(self.words)

    def _occurs(self, word: str) -> bool:
        if " " in word:
            return f" {word} " in self.text
        if len(word) < 6:
            return word in self.word_set
        stem = word[: max(5, len(word) - 2)]
        index = bisect_left(self.words, stem)  # the first word not before the stem
        return index < len(self.words) and self.words[index].startswith(stem)


def _translated_names(document: Document, lexicon: Lexicon) -> Iterator[Proposal]:
    pattern, rows = _translated_name_pattern(lexicon)
    folded = document.text.casefold()
    if pattern is None or not any(wrong in folded for wrong in rows):
        return  # the common case, found with one substring search a row
    for match in pattern.finditer(document.text):
        right, note = rows[match.group().casefold()]
        yield Proposal(
            start=match.start(),
            end=match.end(),
            replacement=right,
            confidence=0.8,
            reason=f"“{match.group()}” is a word-for-word translation of {right} ({note}).",
            rule="entity.translated_name",
        )


@lru_cache(maxsize=4)
def _translated_name_pattern(
    lexicon: Lexicon,
) -> tuple[re.Pattern[str] | None, dict[str, tuple[str, str]]]:
    """One regular expression for every literal translation, longest first, and its rows."""
    rows = {wrong.casefold(): (right, note) for wrong, right, note in lexicon.translated_names}
    if not rows:
        return None, rows
    alternatives = "|".join(re.escape(wrong) for wrong in sorted(rows, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE), rows


def _capitalised_runs(document: Document) -> Iterator[list[Token]]:
    """Yield runs of capitalised words separated by single spaces ("Keir Starrer"), with the
    lower-case particles of names inside them ("Ursula von der Leyen")."""
    tokens = document.tokens
    run: list[Token] = []
    for token in tokens:
        particle = bool(run) and token.text in NAME_PARTICLES and _name_follows(tokens, token)
        if not token.text[:1].isupper() and not particle:
            if run:
                yield run
            run = []
            continue
        if run and document.text[run[-1].end : token.start] != " ":
            yield run
            run = []
        run.append(token)
    if run:
        yield run


def _name_follows(tokens: list[Token], token: Token) -> bool:
    """Tell whether a capitalised word follows the particles from ``token`` on."""
    for following in tokens[token.index + 1 : token.index + 4]:
        if following.text not in NAME_PARTICLES:
            return following.text[:1].isupper()
    return False


#: A possessive ending, left out of the name it follows ("Scholz’s").
POSSESSIVES = ("'s", "’s")


def _base(token: Token) -> tuple[str, int]:
    """Return the token without a possessive ending, and the end offset of that base."""
    if token.text.endswith(POSSESSIVES):
        return token.text[:-2], token.end - 2
    return token.text, token.end


def _is_known(word: str, lexicon: Lexicon, derived: bool = True) -> bool:
    """Tell whether a word is a known name or word, or derived from a known place name."""
    if word in lexicon.names.exact or lexicon.is_known_name(word) or lexicon.is_english_word(word):
        return True
    if derived and any(
        word.endswith(ending)
        and word[-len(ending) - 1] != ending[0]  # "Londonn" doubles a letter, derives nothing
        and _is_place_name(word[: -len(ending)], lexicon)
        for ending in DERIVED_ENDINGS
    ):
        return True
    parts = word.replace("’", "-").replace("'", "-").split("-")
    return len(parts) > 1 and all(_is_known(part, lexicon, False) for part in parts if part)


def _is_place_name(word: str, lexicon: Lexicon) -> bool:
    return word in lexicon.place_names


@lru_cache(maxsize=1 << 16)
def _is_suspicious(word: str, lexicon: Lexicon) -> bool:
    """Tell whether a capitalised word is unknown in every case form (memoised: a pure
    function of the word and the loaded dictionaries)."""
    if len(word) < MIN_SUSPICIOUS_LENGTH or word.isupper():
        return False
    other_cases = (word.upper(), word[:1].lower() + word[1:])  # "Nato", "Al-Sharaa"
    return not any(_is_known(form, lexicon) for form in (word, *other_cases))


def _check_run(
    run: list[Token], document: Document, lexicon: Lexicon, context: _Context
) -> Iterator[Candidate]:
    """Yield the likeliest reading of each suspicious word of the run, likeliest first, unless a
    likelier one already covers its words ("Jewgeni Prigoschin" read once, not twice)."""
    best = [
        candidate
        for query in _queries(run, document, lexicon, context)
        if (candidate := _best_candidate(query)) is not None
    ]
    taken: list[Candidate] = []
    for candidate in sorted(best, key=lambda c: -c.confidence):
        if all(candidate.end <= t.start or t.end <= candidate.start for t in taken):
            taken.append(candidate)
            yield candidate


def _queries(
    run: list[Token], document: Document, lexicon: Lexicon, context: _Context
) -> Iterator[_Query]:
    """Yield the words of a run that may be garbled names: unknown ones, and known words beside
    a well-known part of a person's name ("Joe Baden")."""
    words = [t.text[:-2] if t.text.endswith(POSSESSIVES) else t.text for t in run]  # bases
    for i, word in enumerate(words):
        suspicious = _is_suspicious(word, lexicon)  # cheapest test first: most words are known
        if not suspicious and not _beside_known_name_part(words, i, lexicon):
            continue
        if (
            document.is_fragment(run[i])
            or _beside_ampersand(document, run[i])
            or _inside_known_name(words, i, lexicon)
        ):
            continue
        yield _Query(run, words, i, suspicious, document, lexicon, context)


def _beside_ampersand(document: Document, token: Token) -> bool:
    """Tell whether the word is part of a firm's name such as "Simon & Schuster"."""
    before = document.text[max(0, token.start - 3) : token.start].strip()
    after = document.text[token.end : token.end + 3].strip()
    return before.endswith("&") or after.startswith("&")


def _inside_known_name(words: list[str], i: int, lexicon: Lexicon) -> bool:
    """Tell whether the word is part of a known name of several words ("Kim Jong Un")."""
    for size in range(2, 5):
        for low in range(max(0, i - size + 1), i + 1):
            form = " ".join(words[low : low + size])
            if low + size <= len(words) and (
                form in lexicon.names.exact or form in lexicon.gazetteer_forms
            ):
                return True
    return False


def _beside_known_name_part(words: list[str], i: int, lexicon: Lexicon) -> bool:
    """Tell whether a known word may be a garbled part of a person's name: it follows a
    well-known first name ("Joe Baden") or precedes a well-known surname ("Emanuel Macron"),
    and the pair is not itself a known name."""
    names = lexicon.names
    before = i - 1
    while before >= 0 and words[before] in NAME_PARTICLES:
        before -= 1
    after_first = before >= 0 and words[before] in names.first_names
    before_surname = i + 1 < len(words) and words[i + 1] in names.surnames
    if not (after_first or before_surname):
        return False
    pairs = [
        " ".join(words[low : low + 2]) for low in (i - 1, i) if low >= 0 and low + 2 <= len(words)
    ]
    return not any(p in names.exact for p in pairs)


def _best_candidate(query: _Query) -> Candidate | None:
    """Read the word (alone or with its neighbours) as each entity spelling it may stand for,
    and keep the reading the model finds likeliest."""
    scored = [(probability(features, query.lexicon), match) for match, features in _scored(query)]
    if not scored:
        return None
    scored.sort(key=lambda pair: -pair[0])
    confidence, best = scored[0]
    rivals = dict.fromkeys(
        match.name.entity.name for _, match in scored[1:] if match.name.entity != best.name.entity
    )
    return replace(_candidate(query, best, confidence), alternatives=tuple(list(rivals)[:3]))


def _scored(query: _Query) -> list[tuple[_Match, tuple[float, ...]]]:
    """Every reading of the query word as an entity spelling, with the model's features."""
    i, words = query.i, query.words
    windows = [
        (low, low + size)
        for size in range(1, 5)
        for low in range(i - size + 1, i + 1)
        if low >= 0 and low + size <= len(words)
    ]
    names = query.lexicon.names
    matches = [
        match
        for low, high in windows
        for name in names.candidates(" ".join(words[low:high]), high - low)
        if (match := _match(query, name, low, high)) is not None
    ]
    return [(match, _features(query, match, matches)) for match in matches]


def candidate_readings(
    document: Document, lexicon: Lexicon
) -> Iterator[tuple[int, Candidate, tuple[float, ...]]]:
    """Yield every reading the detector weighs (not only the best of each word): where the
    word read starts, the change the reading makes, and the model's features (what
    ``scripts/train_entity.py`` learns from)."""
    context = _Context(document)
    for run in _capitalised_runs(document):
        for query in _queries(run, document, lexicon, context):
            for match, features in _scored(query):
                yield run[query.i].start, _candidate(query, match, 0.0), features


def _match(query: _Query, name: NameForm, low: int, high: int) -> _Match | None:
    """Read the words ``low``..``high`` as ``name``; None when the spelling cannot be a garble
    of it.

    The other words of the span must be alike and one of them the same (the rest of the name);
    the word itself close enough, and not merely another accepted romanisation of the name
    (Sergey/Sergei: those are spellings, for the variant detector and house style to decide).
    """
    span, parts = query.words[low:high], name.form.split()
    others = [
        (a, b) for j, (a, b) in enumerate(zip(span, parts, strict=True)) if low + j != query.i
    ]
    if any(similarity(a, b) < MIN_SIMILARITY - 0.1 for a, b in others):
        return None
    if others and not any(name_key(a) == name_key(b) for a, b in others if a not in NAME_PARTICLES):
        return None
    word, target = query.words[query.i], parts[query.i - low]
    if word == target or (
        name.entity.type == "person" and romanisation_key(word) == romanisation_key(target)
    ):
        return None
    spelling = similarity(word, target)
    needed = MIN_SIMILARITY - 0.06 * bool(others)
    if others and fold(word)[:1] == fold(target)[:1]:
        needed = WEAK_SIMILARITY  # "Jassend Ardern": the surname agrees
    if spelling < needed:
        return None
    return _Match(low, high, name, spelling)


#: What the model weighs for each reading, in the order of its coefficients.
FEATURES = (
    "spelling",
    "jaro_winkler",
    "edits",
    "same_key",
    "same_initial",
    "observed_zipf",
    "observed_foreign_zipf",
    "observed_known",
    "target_zipf",
    "context_words",
    "slot",
    "rest_of_name",
    "rivals",
    "rival_gap",
    "length",
    "person",
    "place",
    "target_in_article",
    "observed_mentions",
    "unsupported",
    "loose_neighbours",
    "article_words",
    "consistent_unsupported",
    "distance_beside_rest_of_name",
)
#: Languages whose common words (wordfreq Zipf >= 3) mark an observed form as a real word.
FOREIGN_LANGUAGES = ("de", "fr", "es", "it", "nl", "pl")


def _features(query: _Query, match: _Match, matches: list[_Match]) -> tuple[float, ...]:
    """The evidence for reading the query word as ``match`` (see ``FEATURES``)."""
    lexicon, document = query.lexicon, query.document
    word = query.words[query.i]
    target = match.name.form.split()[query.i - match.low]
    entity = match.name.entity
    folded_word, folded_target = fold(word), fold(target)
    rival = max(
        (m.spelling for m in matches if m.name.entity != entity), default=match.spelling - 0.3
    )
    counts = query.context.counts
    context_words = min(query.context.matches(entity), 3)
    slot = _slot_fit(document, lexicon, query.run, match.low, entity)
    target_in_article = float(counts.get(target, 0) > 0)
    rest_of_name = float(match.high - match.low > 1)
    return (
        match.spelling,
        JaroWinkler.similarity(folded_word, folded_target),
        min(Levenshtein.distance(folded_word, folded_target), 4),
        float(name_key(word) == name_key(target)),
        float(folded_word[:1] == folded_target[:1]),
        lexicon.zipf(word),
        max(lexicon.zipf(word, language) for language in FOREIGN_LANGUAGES),
        float(not query.suspicious),
        lexicon.zipf(target),
        context_words,
        slot,
        rest_of_name,
        log1p(len({m.name.entity for m in matches} - {entity})),
        match.spelling - rival,
        min(len(word), 12),
        float(entity.type == "person"),
        float(entity.type in PLACE_TYPES),
        target_in_article,
        log1p(counts.get(word, 0)),
        float(not (context_words or slot or target_in_article or rest_of_name)),
        _loose_neighbours(query, match),
        log1p(len(document.tokens)),
        float(counts.get(word, 0) > 1 and not (context_words or target_in_article)),
        (1 - match.spelling) * rest_of_name,
    )


def _loose_neighbours(query: _Query, match: _Match) -> int:
    """Count the words right beside the reading, in its run, that look like more of a name (not
    an English word, a title or a word news capitalises): "Julius" in "Julius Thole" says Thole
    is someone's surname."""
    lexicon, words = query.lexicon, query.words
    return sum(
        1
        for j in (match.low - 1, match.high)
        if 0 <= j < len(words)
        and words[j][:1].isupper()
        and words[j].lower() not in lexicon.english_words
        and words[j].lower() not in PERSON_TITLES
        and words[j] not in lexicon.capitalised_words
        and not query.run[j].sentence_initial
    )


def probability(features: tuple[float, ...], lexicon: Lexicon) -> float:
    """The model's probability that a reading is right (``dictionaries/models/entity.tsv``)."""
    intercept, weights = _model(lexicon.root)
    z = intercept + sum(w * f for w, f in zip(weights, features, strict=True))
    return 1 / (1 + exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=4)
def _model(root: Path) -> tuple[float, tuple[float, ...]]:
    """The logistic regression fitted by ``scripts/train_entity.py``: its intercept and one
    weight per feature (zero for a feature the file lacks; no file: nothing is likely)."""
    path = root / MODEL
    if not path.exists():
        return -30.0, tuple(0.0 for _ in FEATURES)
    coefficients = {row[0]: float(row[1]) for row in read_rows(path)}
    return coefficients["intercept"], tuple(coefficients.get(f, 0.0) for f in FEATURES)


def _slot_fit(
    document: Document, lexicon: Lexicon, run: list[Token], low: int, entity: Entity
) -> int:
    """Return 1 when the words around the name suit the entity's type, else 0."""
    first = run[low]
    before = document.tokens[first.index - 1].text.lower() if first.index > 0 else ""
    last = run[-1].index + 1
    after = document.tokens[last].text.lower() if last < len(document.tokens) else ""
    if entity.type == "person":
        return int(before in PERSON_TITLES or after in SPEECH_VERBS)
    if entity.type in PLACE_TYPES:
        return int(before in PLACE_PREPOSITIONS or _listed_with_places(document, lexicon, run))
    return 0


def _listed_with_places(document: Document, lexicon: Lexicon, run: list[Token]) -> bool:
    """Tell whether the name stands in a list ("Donetsk, Luhansk, X and Zaporizhzhia")
    beside a word that is a known place."""
    text = document.text
    first, last = run[0], run[-1]
    neighbours = []
    if first.index > 0 and text[document.tokens[first.index - 1].end : first.start] == ", ":
        neighbours.append(document.tokens[first.index - 1])
    if last.index + 1 < len(document.tokens):
        following = document.tokens[last.index + 1]
        if text[last.end : following.start] == ", ":
            neighbours.append(following)
        elif following.text == "and" and following.index + 1 < len(document.tokens):
            neighbours.append(document.tokens[following.index + 1])
    return any(
        name.entity.type in PLACE_TYPES
        for token in neighbours
        for name in lexicon.names.exact.get(token.text, ())
    )


def _candidate(query: _Query, match: _Match, confidence: float) -> Candidate:
    """Turn a reading into a change of the words that differ from the name."""
    run, words, context = query.run, query.words, query.context
    low, high, name = match.low, match.high, match.name
    parts = name.form.split()
    changed = [j for j in range(low, high) if words[j] != parts[j - low]]
    canonical = name.entity.name.split()
    if len(changed) == high - low and len(canonical) == len(parts):
        parts = canonical  # every word was garbled: write the canonical spelling
        changed = [j for j in range(low, high) if words[j] != parts[j - low]]
    first, last = changed[0], changed[-1]
    start = run[first].start
    end = _base(run[last])[1]
    original = " ".join(words[first : last + 1])
    replacement = " ".join(parts[first - low : last - low + 1])
    context_hits = context.matches(name.entity)
    kind = "person" if name.entity.type == "person" else name.entity.type
    reason = f"“{original}” is close to “{replacement}” ({kind}: {name.entity.name})"
    reason += f"; {context_hits} context word(s) in the article." if context_hits else "."
    return Candidate(start, end, original, replacement, name.entity, confidence, reason, ())
