"""Detect words left in the source language (German, French, Spanish, Italian, Dutch, Polish,
Czech, Russian, Ukrainian).

Cyrillic words in an English text are flagged unless the writer quotes or sets them apart
(brackets, a short quotation). A Latin-script word is flagged only when
it is unknown to the English word lists, not part of a known name or title, long enough, and the
frequencies of real text say it belongs to a source language: a source language uses it at least
``SOURCE_MARGIN`` Zipf points (1,000 times) more often than English ("aber", "foule"), or English
text never uses it and pyspellchecker's list of a source language has it ("Elfmeters"). A
loanword English text does use ("biennale", "gilets", "roadmap") is silent. A capitalised one
mid-sentence must also look like a German noun (an ending such as *-ung* or *-schaft*).

An unknown word is not an error, it is a rare one, and news quotes the common words of a story's
language on purpose (a term, a party's or a paper's name). So a flag needs positive evidence:
a word of the bilingual list, a function word (``FUNCTION_WORD_ZIPF``), a word next to another
source-language word (a phrase left untranslated), a rare word English text never uses (what
machine translation cannot translate and leaves), a German word in lower case (German
capitalises the nouns a writer would quote), or a German noun ending. A lone common content
word of a source language is flagged at ``LONE_TERM_CONFIDENCE``, below the default threshold.
Nothing the writer sets apart is flagged: a term named or glossed ("so-called hromada",
"hejtman (governor)"), in brackets of a few words ("governor (hejtman)"), between italics-like
markers, in a web address or hashtag, in a short quotation, or in a name whose words its
language's "and" joins ("Starostové a nezávislí"). A translation is proposed only where the
small bilingual list in
``dictionaries/untranslated/<lang>-en.tsv`` has one; otherwise the change is a flag
(``replacement == original``).
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from functools import cache, cached_property, lru_cache
from itertools import compress, count
from pathlib import Path
from typing import NamedTuple

from ..cache import load_cached
from ..change import Proposal
from ..counts import WordCounts
from ..lexicon import LATIN_FREQUENCY_LANGUAGES, Lexicon, read_rows, spellchecker_file
from ..memo import WordFilter
from ..quoted import QuotedForeignPhrases, set_apart
from ..text import Document, Token
from ..words import MAX_WORD_LENGTH, NAME_PARTICLES

#: Latin-script source languages with a pyspellchecker word list, and their names.
LATIN_LANGUAGES = {"de": "German", "fr": "French", "es": "Spanish"}
#: Latin-script source languages known only by their frequency files.
FREQUENCY_ONLY_LANGUAGES = {"it": "Italian", "nl": "Dutch", "pl": "Polish", "cs": "Czech"}
#: Names of the Cyrillic-script source languages.
CYRILLIC_LANGUAGES = {"ru": "Russian", "uk": "Ukrainian"}
SOURCE_LANGUAGES = {**LATIN_LANGUAGES, **FREQUENCY_ONLY_LANGUAGES, **CYRILLIC_LANGUAGES}
#: A word English text uses this often (Zipf, see ``Lexicon.zipf``) is English ("roadmap").
ENGLISH_ZIPF = 3.0
#: A source language must use a word this many Zipf points more often than English (1,000
#: times): "foule" (French 4.5, English 1.2), not a loanword ("gilets": 3.4 and 1.5).
SOURCE_MARGIN = 3.0
#: Lower-case words that join the words of a name or title ("Wissenschaft und Politik",
#: "Starostové a nezávislí"): prepositions and the word for "and" of the source languages and
#: their neighbours (Czech and Slovak "a", Polish "i", Hungarian "és", Turkish "ve", Romanian
#: "și", Lithuanian "ir", Finnish "ja", Swedish "och", Dutch "en").
NAME_JOINERS = NAME_PARTICLES | frozenset(
    "und für zu zur zum am im et e y a i és ve și ir ja och en oraz".split()
)
#: Shortest lower-case word flagged without a bilingual-list entry.
MIN_LENGTH = 5
#: Endings of German nouns that English does not share.
GERMAN_NOUN_ENDINGS = ("ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
UKRAINIAN_LETTERS = frozenset("іїєґІЇЄҐ")
RUSSIAN_LETTERS = frozenset("ыэъёЫЭЪЁ")
#: Confidence of a flag, and of a translation from a bilingual list.
FLAG_CONFIDENCE = 0.55
#: Confidence of a flag of a lone content word that a source language uses commonly: news
#: quotes such words as terms on purpose ("the hejtman", "a hospoda"), as often as machine
#: translation leaves one, so the flag is shown only below the default threshold. A function
#: word (``FUNCTION_WORD_ZIPF``), a word next to another source-language word, a German one
#: (``NOUN_CAPITALISING``) or a word of the bilingual list keeps ``FLAG_CONFIDENCE``: nobody
#: quotes "aber" or "und" as a term.
LONE_TERM_CONFIDENCE = 0.45
#: Languages that capitalise every noun: a word of theirs in lower case is no noun, so no term
#: a writer quotes (terms are nouns: "Energiewende"), but a verb, an adjective or a function
#: word, or a noun machine translation wrote in lower case ("feier").
NOUN_CAPITALISING = frozenset({"de"})
#: A word this common in its language (wordfreq Zipf: once in 100,000 words) is a function word
#: or one of the few hundred commonest ("aber", "nicht", "jsou"), not a term.
FUNCTION_WORD_ZIPF = 5.0
#: A sentence with this many source-language words, making this share of it, is flagged whole.
SENTENCE_MIN_WORDS = 3
SENTENCE_SHARE = 0.3
#: The evidence named for a word found in a bilingual list.
IN_LIST = "a common word in the bilingual list"
TRANSLATION_CONFIDENCE = 0.6


@lru_cache(maxsize=4)
def bilingual(root: Path) -> dict[str, dict[str, str]]:
    """Return language -> lower-case source word or phrase -> English, from ``untranslated/``."""
    tables: dict[str, dict[str, str]] = {}
    for path in sorted((root / "untranslated").glob("*-en.tsv")):
        language = path.stem.split("-")[0]
        table = tables.setdefault(language, {})
        for row in read_rows(path):
            if len(row) >= 2 and row[0].strip() and row[1].strip():
                table[row[0].strip().lower()] = row[1].strip()
    return tables


@cache
def source_frequency(language: str) -> WordCounts:
    """Return pyspellchecker's word counts for ``language`` (loaded lazily, from a pickle cache
    after the first time: a millisecond instead of 0.15 s for its JSON)."""
    bundled = spellchecker_file(f"{language}.json.gz")

    def build() -> WordCounts:
        return WordCounts(json.loads(gzip.decompress(bundled.read_bytes())))

    code = [Path(__file__), Path(__file__).parent.parent / "counts.py"]
    return load_cached(f"words-{language}", [bundled, *code], build)


def likeliest_language(word: str, languages: Sequence[str] = tuple(LATIN_LANGUAGES)) -> str | None:
    """Return the language whose word list gives ``word`` the highest relative frequency."""
    best, best_share = None, 0.0
    for language in languages:
        counts = source_frequency(language)
        share = counts.get(word) / counts.total
        if share > best_share:
            best, best_share = language, share
    return best


def _cyrillic_runs(document: Document) -> Iterator[list[Token]]:
    """Yield runs of Cyrillic words separated only by spaces or hyphens."""
    tokens, text = document.tokens, document.text
    run: list[Token] = []
    for index in compress(count(), map(_mostly_cyrillic, tokens.words)):
        token = tokens[index]
        # the run goes on when the word before is in it, only spaces or hyphens between
        if run and run[-1].index == index - 1 and text[run[-1].end : token.start].strip(" -") == "":
            run.append(token)
            continue
        if run:
            yield run
        run = [token]
    if run:
        yield run


def _mostly_cyrillic(word: str) -> bool:
    """Tell whether most letters of ``word`` are Cyrillic: a Latin word with a Cyrillic look-alike
    letter ("WНO") is a homoglyph garble, not a word left in Russian.

    >>> _mostly_cyrillic("Кремль"), _mostly_cyrillic("WНO"), _mostly_cyrillic("Кremlin")
    (True, False, False)
    """
    cyrillic = len(CYRILLIC.findall(word))
    return cyrillic > 0 and 2 * cyrillic > sum(map(str.isalpha, word))


def _cyrillic_language(phrase: str, tables: dict[str, dict[str, str]]) -> str:
    if UKRAINIAN_LETTERS & set(phrase):
        return "uk"
    if not RUSSIAN_LETTERS & set(phrase) and phrase.lower() in tables.get("uk", {}):
        return "uk"
    return "ru"


class Finding(NamedTuple):
    """Why a word looks like a source language's: the language, the evidence in words, and
    whether the evidence holds for the word alone (``sure``) or only with more around it (a
    common content word of the language, which news also quotes as a term)."""

    language: str
    why: str
    sure: bool = True


def _propose(
    token: Token,
    end: int,
    original: str,
    language: str,
    translation: str | None,
    why: str,
    confidence: float = FLAG_CONFIDENCE,
) -> Proposal:
    """Return a translation when one is known, else a flag of ``confidence``; ``token`` is the
    first word."""
    name = SOURCE_LANGUAGES[language]
    rule = f"untranslated.{language}"
    if translation:
        if token.sentence_initial and translation[:1].islower():
            translation = translation[:1].upper() + translation[1:]
        reason = f"‘{original}’ is {name} left untranslated ({why}); it means ‘{translation}’."
        return Proposal(token.start, end, translation, TRANSLATION_CONFIDENCE, reason, rule)
    reason = f"‘{original}’ looks like {name} left untranslated ({why}); no translation is known."
    return Proposal(token.start, end, original, confidence, reason, rule)


@lru_cache(maxsize=4)
def loanwords(root: Path) -> frozenset[str]:
    """Return foreign words English has borrowed (``untranslated/loanwords.txt``), lower case."""
    path = root / "untranslated" / "loanwords.txt"
    if not path.exists():
        return frozenset()
    return frozenset(word.lower() for row in read_rows(path) for word in row[0].split())


def _english_compound(word: str, lexicon: Lexicon) -> bool:
    """Tell whether ``word`` is two common English words written together ("motorsport")."""
    common = lexicon.word_counts
    return any(word[:cut] in common and word[cut:] in common for cut in range(4, len(word) - 3))


def in_name_or_broken(document: Document, token: Token) -> bool:
    """Tell whether a neighbour joined by a space is capitalised (a name), maybe behind a word
    that joins names ("Stiftung Wissenschaft und Politik"), or a lone letter."""
    before = _neighbour(document, token.index, -1)
    if before and len(before.text) == 1 and before.text not in "aAI":
        return True
    if before and before.text in NAME_JOINERS:
        before = _neighbour(document, before.index, -1)
    after = _neighbour(document, token.index, 1)
    if after and after.text in NAME_JOINERS:
        after = _neighbour(document, after.index, 1)
    if before and before.text[:1].isupper() and not before.sentence_initial:
        return True
    return bool(after and after.text[:1].isupper())


def _in_sentence_case_name(
    document: Document, token: Token, language: str, lexicon: Lexicon
) -> bool:
    """Tell whether the word ends or continues a name written as its language writes names,
    with a capital on the first word only ("the Česká pirátská strana", "the Národní centrála
    proti organizovanému zločinu"): back over words English does not know, and the words that
    join a name's words, a capitalised word that "the" introduces opens it. After a person's
    name, lower-case words of the language are a clause left untranslated ("Babiš řekl"), and a
    language that capitalises its nouns writes names otherwise ("die Regierung hat").
    """
    if language in NOUN_CAPITALISING:
        return False
    current = _neighbour(document, token.index, -1)
    while current is not None:
        word = current.text
        if word[:1].isupper():
            return _introduced_by_the(document, current) and not lexicon.is_english_word(
                word.lower()
            )
        if lexicon.is_english_word(word) and word not in NAME_JOINERS:
            return False
        current = _neighbour(document, current.index, -1)
    return False


def _introduced_by_the(document: Document, token: Token) -> bool:
    """Tell whether "the" stands right before the word, or before an English word that names
    what it is ("the Česká ...", "the party Svoboda ...", "the daily Hospodářské ...")."""
    before = _neighbour(document, token.index, -1)
    if before is not None and before.text.islower() and before.text not in ("the", "The"):
        before = _neighbour(document, before.index, -1)
    return before is not None and before.text in ("the", "The")


def beside_source_word(
    document: Document, token: Token, flagged: dict[str, Finding], lexicon: Lexicon
) -> bool:
    """Tell whether a word next to ``token`` (one space between) is a source language's too:
    flagged itself, or common in a source language and unknown to English ("und") or
    ``SOURCE_MARGIN`` rarer there ("aus"). Two such words in a row are a phrase of that
    language, not a term quoted alone."""
    for step in (-1, 1):
        other = _neighbour(document, token.index, step)
        if other is None or not other.text.islower():
            continue
        if other.text in flagged or _source_word(other.text, lexicon):
            return True
    return False


@lru_cache(maxsize=1 << 14)
def _source_word(word: str, lexicon: Lexicon) -> bool:
    """Tell whether a lower-case word is common in a Latin-script source language and unknown
    to English, or ``SOURCE_MARGIN`` Zipf points rarer there (memoised)."""
    foreign = lexicon.foreign_zipf(word, LATIN_FREQUENCY_LANGUAGES)[1]
    if foreign < ENGLISH_ZIPF:
        return False
    return not lexicon.is_english_word(word) or foreign - lexicon.zipf(word) >= SOURCE_MARGIN


class _Surnames:
    """Tell whether a capitalised token is a word the article also writes as the last part
    of a name, right after another capitalised word inside a sentence ("Christian Sieg ...
    said Sieg"): a surname there, and the same person here, not a German noun left over."""

    def __init__(self, document: Document) -> None:
        self.document = document

    @cached_property
    def _words(self) -> frozenset[str]:
        tokens, text = self.document.tokens, self.document.text
        return frozenset(
            tokens[index + 1].text
            for index in self.document.capitalised
            if index + 1 < len(tokens)
            and not tokens[index].sentence_initial
            and tokens[index + 1].text[:1].isupper()
            and text[tokens[index].end : tokens[index + 1].start] == " "
        )

    def __call__(self, token: Token) -> bool:
        return token.text[:1].isupper() and token.text in self._words


def _neighbour(document: Document, index: int, step: int) -> Token | None:
    """Return the token next to ``tokens[index]`` on the side ``step`` when only a space
    separates them."""
    tokens, text = document.tokens, document.text
    other = index + step
    if not 0 <= other < len(tokens):
        return None
    first, second = (tokens[index], tokens[other]) if step > 0 else (tokens[other], tokens[index])
    return tokens[other] if text[first.end : second.start] == " " else None


@lru_cache(maxsize=1 << 16)
def _latin_language(word: str, lexicon: Lexicon) -> Finding | None:
    """Return (language, evidence) when ``word`` looks like an untranslated Latin-script word
    (memoised: it depends on the word and the dictionaries alone)."""
    tables = bilingual(lexicon.root)
    lower = word.lower()
    if "'" in word or "’" in word or word.isupper() or any(map(str.isupper, word[1:])):
        return None  # capitals inside a word make a brand or a name: "iDNES", "eBay"
    if lexicon.is_english_word(word) or (word[:1].isupper() and word in lexicon.name_words):
        return None
    if not word.isascii() and lexicon.is_english_word(_latin_letters(word)):
        return None  # an English word in its own language's letters: "złoty" is the zloty
    if lower in loanwords(lexicon.root):
        return None
    capitalised = word[:1].isupper()
    for language in LATIN_LANGUAGES:
        # only German capitalises its nouns: elsewhere a capital marks a name ("Guerra")
        if lower in tables.get(language, {}) and (language == "de" or not capitalised):
            return Finding(language, IN_LIST)
    if capitalised and not lower.endswith(GERMAN_NOUN_ENDINGS):
        return None  # a capitalised word mid-sentence without German noun evidence is a name
    if len(lower) < MIN_LENGTH or "-" in word or _english_compound(lower, lexicon):
        return None
    found = _by_frequency(lower, lexicon)
    if word[:1].isupper() and found and found.language != "de":
        return None
    if found and capitalised:
        return found._replace(sure=True)  # a German noun ending, capitalised as German writes
    return found


#: An English possessive ending glued to a word of another script ("правительство’s").
_POSSESSIVE = re.compile(r"(.+?)(['’]s)")


def _translation(table: dict[str, str], phrase: str) -> str | None:
    """The bilingual list's translation of ``phrase``; a word that English gave a possessive
    ending ("правительство’s") is translated with the ending kept ("government’s")."""
    translation = table.get(phrase.lower())
    possessive = _POSSESSIVE.fullmatch(phrase)
    if translation is None and possessive:
        stem = table.get(possessive.group(1).lower())
        translation = stem + possessive.group(2) if stem else None
    return translation


def _by_frequency(word: str, lexicon: Lexicon) -> Finding | None:
    """Return the finding when real text's frequencies put the lower-case ``word`` in a source
    language rather than in English: common there (sure only for a function word), or a
    word of a source language's spelling list that English text never uses (a rare word,
    the kind machine translation cannot translate and leaves)."""
    english = lexicon.zipf(word)
    if english >= ENGLISH_ZIPF:
        return None
    language, zipf = lexicon.foreign_zipf(word, LATIN_FREQUENCY_LANGUAGES)
    if zipf - english >= SOURCE_MARGIN:
        name = SOURCE_LANGUAGES[language]
        sure = zipf >= FUNCTION_WORD_ZIPF or language in NOUN_CAPITALISING
        return Finding(language, f"common in {name}, rare in English", sure)
    if english > 0:
        return None  # English text uses it: a loanword, a name, a rare English word
    listed = likeliest_language(word)
    if listed is None:
        return None
    return Finding(listed, f"a {LATIN_LANGUAGES[listed]} word English text never uses")


def detect(document: Document, lexicon: Lexicon) -> Iterator[Proposal]:
    """Yield a flag or a translation for each word left in a source language."""
    tables = bilingual(lexicon.root)
    text = document.text
    if CYRILLIC.search(text):  # one scan of the whole text: most have no Cyrillic
        quoted_here = QuotedForeignPhrases(document, lexicon)
        for run in _cyrillic_runs(document):
            start, end = run[0].start, run[-1].end
            if quoted_here.covers(start, end) or set_apart(document, run[0]):
                continue  # quoted or glossed on purpose: "(Верховна Рада)", “Слава Україні”
            phrase = text[start:end]
            language = _cyrillic_language(phrase, tables)
            translation = _translation(tables.get(language, {}), phrase)
            yield _propose(run[0], end, phrase, language, translation, "Cyrillic script")
    unknown = _unknown_latin_words(document, lexicon)
    found_for = {word: _latin_language(word, lexicon) for word in unknown}
    flagged: dict[str, Finding] = {w: found for w, found in found_for.items() if found}
    # A sentence left whole in a source language has lower-case unknown words, not names.
    name_words = lexicon.data.name_words
    sentence_clues = {word for word in unknown if word.islower() and word not in name_words}
    worth_a_look = flagged.keys() | sentence_clues
    if not worth_a_look:
        return
    quoted = QuotedForeignPhrases(document, lexicon)
    surnames = _Surnames(document)
    tokens = document.tokens
    for first, end in _sentences_with(document, worth_a_look):
        words = tokens.words[first:end]
        # a sentence with fewer lower-case clues than a foreign one has is English (the test
        # of ``_foreign_sentence``, made in C), and a foreign quotation inside an English
        # sentence does not make the sentence foreign
        whole = (
            _foreign_sentence(quoted.words_outside(first, end), unknown, lexicon)
            if sum(map(sentence_clues.__contains__, words)) >= SENTENCE_MIN_WORDS
            else None
        )
        if whole:
            start, stop = tokens.starts[first], tokens.end(end - 1)
            why = f"{whole[1]} of its {len(words)} words are {SOURCE_LANGUAGES[whole[0]]}"
            yield _propose(tokens[first], stop, text[start:stop], whole[0], None, why)
            continue
        for index in compress(count(first), map(flagged.__contains__, words)):
            token = tokens[index]
            if not (
                in_name_or_broken(document, token)
                or _in_sentence_case_name(document, token, flagged[token.text].language, lexicon)
                or quoted(token)
                or surnames(token)
                or set_apart(document, token)
            ):
                found = flagged[token.text]
                translation = tables.get(language := found.language, {}).get(token.text.lower())
                sure = not _after_an_amount(document, token) and (
                    found.sure or beside_source_word(document, token, flagged, lexicon)
                )
                confidence = FLAG_CONFIDENCE if sure else LONE_TERM_CONFIDENCE
                yield _propose(
                    token, token.end, token.text, language, translation, found.why, confidence
                )


#: A number, maybe with "million" or the like, and the space before the word that follows.
_AMOUNT_BEFORE = re.compile(r"\d(?:[\d,.]*\d)?\s(?:(?:thousand|million|billion|bn|m)\s)?$")


def _after_an_amount(document: Document, token: Token) -> bool:
    """Tell whether the word follows a number ("5,000 korun", "2 million złotych"): the
    amount's unit, a currency or measure that news names as its country does, on purpose; a
    common word of the language there is no sign of a phrase left untranslated.

    >>> from mtfix.text import Document
    >>> document = Document("The fine was 5,000 korun in korun.")
    >>> [_after_an_amount(document, token) for token in document.tokens if token.text == "korun"]
    [True, False]
    """
    text, end = document.text, token.start
    start = max(text.rfind("\n", 0, end) + 1, end - 40)
    return _AMOUNT_BEFORE.search(text, start, end) is not None


#: Letters that carry their mark inside (no combining accent to strip), spelled in ASCII.
_LATIN_LETTERS = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss"}
)


def _latin_letters(word: str) -> str:
    """Spell ``word`` in plain ASCII letters, its diacritics dropped.

    >>> _latin_letters("złoty"), _latin_letters("Ørsted"), _latin_letters("déjà")
    ('zloty', 'Orsted', 'deja')
    """
    decomposed = unicodedata.normalize("NFKD", word.translate(_LATIN_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _sentences_with(document: Document, words: set[str]) -> list[tuple[int, int]]:
    """The sentences holding one of ``words``, in text order, each as the index of its first
    token and of the token after its last (the tokens found in C)."""
    starts = document.sentence_starts
    ends = [*starts[1:], len(document.tokens)]
    numbers = {
        bisect_right(starts, index) - 1
        for index in compress(count(), map(words.__contains__, document.tokens.words))
    }
    return [(starts[number], ends[number]) for number in sorted(numbers)]


def _unknown_latin_words(document: Document, lexicon: Lexicon) -> set[str]:
    """Return the document's words that English does not know, Cyrillic ones left out.

    Most words are known, and were asked about before: set operations (in C) answer for them
    before any per-word test.
    """
    return _unknown_latin_filter(lexicon).select(document.distinct_words)


@lru_cache(maxsize=4)
def _unknown_latin_filter(lexicon: Lexicon) -> WordFilter:
    """Tells the words English does not know, Cyrillic ones left out, remembering the
    others (English words are rejected at once)."""
    return WordFilter(
        lambda word: (
            len(word) <= MAX_WORD_LENGTH
            and not lexicon.is_english_word(word)
            and not CYRILLIC.search(word)
        ),
        failing=lambda: lexicon.english_words,
    )


def _foreign_sentence(
    sentence: Sequence[str], unknown: set[str], lexicon: Lexicon
) -> tuple[str, int] | None:
    """Return (language, count) when a whole sentence (its words) was left in one Latin-script
    language.

    Counted are the words unknown to English (``unknown``: Cyrillic ones left out) that the
    language's word list has, whatever their length or case, names left out; at least
    ``SENTENCE_MIN_WORDS`` of them and ``SENTENCE_SHARE`` of the words.
    """
    name_words = lexicon.data.name_words
    candidates = [word for word in sentence if word in unknown and word not in name_words]
    if sum(1 for word in candidates if word.islower()) < SENTENCE_MIN_WORDS:
        return None  # a foreign sentence has lower-case words; names alone do not make one
    best: tuple[str, int] | None = None
    for language in LATIN_LANGUAGES:
        counts = source_frequency(language)
        count = sum(1 for word in candidates if word.lower() in counts)
        if best is None or count > best[1]:
            best = (language, count)
    if best and best[1] >= SENTENCE_MIN_WORDS and best[1] >= SENTENCE_SHARE * len(sentence):
        return best
    return None
