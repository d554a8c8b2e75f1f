"""The text before translation as evidence: read it, align it to the output, spell its names.

``prepare(hypothesis, source, lexicon)`` gives a :class:`SourceText`: the source split into one
segment per line of the hypothesis, its language, and every word of each segment in the forms an
English text may spell it:

- Latin script: as written, without diacritics (Şahin/Sahin), and with German umlauts written
  out (Müller/Mueller);
- Cyrillic: Russian by BGN/PCGN, ICAO Doc 9303 and Wikipedia's system (``iuliia``), Ukrainian by
  the national system of 2010 (Cabinet of Ministers resolution 55, written out below: ``iuliia``
  has Russian systems only);
- Chinese: Hanyu Pinyin (``pypinyin``), syllables joined as given names are (Xiaoming) and alone
  (Zhang);
- Japanese: Hepburn romaji by ``cutlet`` (MIT) when the optional ``japanese`` extra is
  installed (``pip install 'mtfix[japanese]'``: cutlet, fugashi and the MeCab dictionary
  ``unidic-lite``, about 250 MB, all in the wheels, nothing downloaded at run time; pykakasi,
  the lighter one, is GPL), only to confirm names: a kanji name's reading is a guess. Without
  it a Japanese source confirms only the Latin-script words and numbers it holds.

Alignment (:func:`align`), in this order:

1. the same number of non-empty lines: line by line (as in the WMT test sets);
2. else the same number of paragraphs (blocks between blank lines), more than one: paragraph by
   paragraph, each line of a hypothesis paragraph getting the whole source paragraph;
3. else sentences, aligned monotonically by length (Gale and Church's idea: one sentence to
   one, two or none, and two to one, the cost of a pair being how far its length ratio is from
   the two texts' overall ratio, or from the usual one for the script when theirs is far off:
   1.1 source characters per English one for alphabets, 0.33 for Chinese and Japanese), each
   hypothesis line getting the source sentences aligned to its own.

The transliteration libraries are imported on first use: runs without a source never load them.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from .lexicon import Lexicon
from .text import WORD_RE
from .words import NAME_PARTICLES

#: Sentence ends in a source: Western marks before a space, CJK marks anywhere.
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])\s+|(?<=[。！？])")
#: Digit groups (2 digits or more): the same in every language, so they anchor an alignment.
_NUMBER = re.compile(r"\d[\d.,]*\d")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_KANA = re.compile(r"[\u3040-\u30ff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_CJK_CLASS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_LATIN_CLASS = "A-Za-z\u00c0-\u024f"
#: Where Chinese or Japanese writing meets a Latin letter: words are cut there (Margrafです).
_SCRIPT_BREAK = re.compile(
    rf"(?<=[{_CJK_CLASS}])(?=[{_LATIN_CLASS}])|(?<=[{_LATIN_CLASS}])(?=[{_CJK_CLASS}])"
)
#: Costs of the sentence alignment's steps besides one sentence to one: two to one (either
#: way), and a sentence left without a partner.
MERGE_COST = 0.6
SKIP_COST = 1.5
#: How many sentences either side of the diagonal the alignment explores.
BAND = 25
#: A source "does not match" when fewer than this share of the hypothesis's anchors (numbers and
#: rare capitalised words) occur in it, out of at least ``MIN_ANCHORS``.
MIN_ANCHOR_SHARE = 0.1
MIN_ANCHORS = 3
#: How many of a source's most frequent words tell its language (function words mostly).
LANGUAGE_WORDS = 60
#: Languages told apart by their frequent words (``dictionaries/frequency/``).
LATIN_LANGUAGES = ("de", "fr", "es", "it", "nl", "pl", "cs", "en")
#: Pinyin syllables joined into one romanised name at most (Ouyang Xiaoming: 2 and 2).
MAX_SYLLABLES = 3
#: Case endings (accents aside) that languages declining names add to a name's stem: the stem
#: being the nominative without its last vowel, or the nominative ending in a consonant, with
#: or without its fleeting e (Fiala, Fialou; Babiš, Babišem; Ovčáček, Ovčáčka; Kowalski,
#: Kowalskiego; Шевчук, Шевчуком).
CASE_ENDINGS = {
    "cs": tuple(
        "a u e y i ou em ovi um ech ove ovou ych ym ymi iho imu im ich ach ami eho emu".split()
    ),
    "sk": tuple("a u e y i ou om ovi ov och ovej ovou ej eho".split()),
    "pl": tuple("a u e y i ie em owi ego emu iej ej ow ach iego iemu im".split()),
    "ru": tuple("a u e y i om ym ogo omu oy oi ovoy oj ov".split()),
    "uk": tuple("a u e y i om ym oho omu oiu oi ovi iv".split()),
}
#: Letters a nominative may end in that a case ending replaces (Fiala, Fialou).
STEM_VOWELS = frozenset("aeiouy")
#: Shortest word whose other cases are looked for.
MIN_DECLINED = 4


@dataclass(frozen=True)
class Alignment:
    """The source text cut into one segment per hypothesis line.

    Attributes:
        method: ``lines``, ``paragraphs`` or ``sentences`` (see the module's docstring).
        segments: for each hypothesis line (index = line number - 1), its source text ('' when
            nothing aligned to it).
        lines: hypothesis lines with text.
        aligned: those of them that got a source segment.
    """

    method: str
    segments: tuple[str, ...]
    lines: int
    aligned: int


def align(hypothesis_lines: Sequence[str], source: str) -> Alignment:
    """Align ``source`` to the lines of the hypothesis (see the module's docstring)."""
    source_lines = source.splitlines()
    content = [i for i, line in enumerate(hypothesis_lines) if line.strip()]
    source_content = [line for line in source_lines if line.strip()]
    segments = [""] * len(hypothesis_lines)
    if len(content) == len(source_content):
        for index, text in zip(content, source_content, strict=True):
            segments[index] = text
        return _alignment("lines", segments, content)
    ours, theirs = _paragraphs(hypothesis_lines), _paragraphs(source_lines)
    if len(ours) == len(theirs) > 1:
        for indexes, paragraph in zip(ours, theirs, strict=True):
            text = " ".join(source_lines[i].strip() for i in paragraph)
            for index in indexes:
                segments[index] = text
        return _alignment("paragraphs", segments, content)
    units = [(i, s) for i in content for s in split_sentences(hypothesis_lines[i])]
    sentences = [s for line in source_content for s in split_sentences(line)]
    pairs = align_sentences([s for _, s in units], sentences)
    for (index, _), partners in zip(units, pairs, strict=True):
        if partners:
            joined = " ".join(sentences[j] for j in partners)
            segments[index] = f"{segments[index]} {joined}".strip()
    return _alignment("sentences", segments, content)


def _alignment(method: str, segments: list[str], content: list[int]) -> Alignment:
    aligned = sum(1 for i in content if segments[i])
    return Alignment(method, tuple(segments), len(content), aligned)


def _paragraphs(lines: Sequence[str]) -> list[list[int]]:
    """The indexes of the non-empty lines, grouped into blocks between blank lines."""
    blocks: list[list[int]] = []
    current: list[int] = []
    for index, line in enumerate(lines):
        if line.strip():
            current.append(index)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def split_sentences(text: str) -> list[str]:
    """Cut a line into sentences at ``.!?…`` before a space and at ``。！？``.

    >>> split_sentences("Er kam. Sie ging! 他来了。她走了。")
    ['Er kam.', 'Sie ging!', '他来了。', '她走了。']
    """
    return [part.strip() for part in _SENTENCE_SPLIT.split(text) if part.strip()]


def align_sentences(ours: Sequence[str], theirs: Sequence[str]) -> list[tuple[int, ...]]:
    """For each of ``ours``, the indexes of ``theirs`` aligned to it (monotone, by length).

    Steps: 1-1, 1-2, 2-1 and 1-0 / 0-1; a step costs how far the pair's length ratio lies from
    the texts' overall ratio (absolute log), plus ``MERGE_COST`` or ``SKIP_COST``. Only cells
    within ``BAND`` sentences of the diagonal are explored, so long texts stay linear.

    >>> align_sentences(["One two three.", "Four five."], ["Eins zwei drei. Vier fünf."])
    [(0,), (0,)]
    """
    n, m = len(ours), len(theirs)
    if not n or not m:
        return [() for _ in ours]
    ratio = _length_ratio(ours, theirs)
    band = BAND + abs(n - m)
    infinity = float("inf")
    # Characters before each sentence: a run's length is a difference of two of them.
    ours_before = [0, *itertools.accumulate(map(len, ours))]
    theirs_before = [0, *itertools.accumulate(map(len, theirs))]
    cost: dict[tuple[int, int], float] = {(0, 0): 0.0}
    back: dict[tuple[int, int], tuple[int, int]] = {}
    steps: tuple[tuple[int, int, float], ...]
    steps = ((1, 1, 0.0), (1, 2, MERGE_COST), (2, 1, MERGE_COST), (1, 0, SKIP_COST))
    steps += ((0, 1, SKIP_COST),)
    for i in range(n + 1):
        centre = i * m // n
        for j in range(max(0, centre - band), min(m, centre + band) + 1):
            if (i, j) == (0, 0):
                continue
            best, came = infinity, None
            for di, dj, extra in steps:
                start = (i - di, j - dj)
                if start not in cost:
                    continue
                length_ours = ours_before[i] - ours_before[i - di]
                length_theirs = theirs_before[j] - theirs_before[j - dj]
                step = (
                    extra
                    if not (di and dj)
                    else extra + _mismatch(length_ours, length_theirs, ratio)
                )
                if cost[start] + step < best:
                    best, came = cost[start] + step, start
            if came is not None:
                cost[(i, j)], back[(i, j)] = best, came
    pairs: list[tuple[int, ...]] = [() for _ in ours]
    cell = (n, m)
    while cell in back:
        start = back[cell]
        if start[0] < cell[0] and start[1] < cell[1]:
            for i in range(start[0], cell[0]):
                pairs[i] = tuple(range(start[1], cell[1]))
        cell = start
    return pairs


def _length_ratio(ours: Sequence[str], theirs: Sequence[str]) -> float:
    """Characters of source per character of English: the texts' own ratio when it is a usual
    one for the source's script, else the usual one (a source with lines missing, or extra)."""
    total = sum(map(len, theirs)) / max(1, sum(map(len, ours)))
    dense = sum(len(_HAN.findall(s)) for s in theirs) > sum(map(len, theirs)) / 10
    usual, low, high = (0.33, 0.2, 0.5) if dense else (1.1, 0.8, 1.5)
    return total if low <= total <= high else usual


def _mismatch(length_ours: int, length_theirs: int, ratio: float) -> float:
    return abs(math.log((length_theirs + 1) / (ratio * length_ours + 1)))


# -- Language ------------------------------------------------------------------------------------


def detect_language(text: str, lexicon: Lexicon) -> str:
    """Guess the source's language: by script (zh, ja, ru or uk), else by frequent words.

    Cyrillic: Ukrainian when its own letters (і ї є ґ) outnumber Russian ones (ы э ъ ё). Latin:
    the language whose frequency list (``dictionaries/frequency/``) covers the text's
    ``LANGUAGE_WORDS`` most frequent words best, each weighing by its count and its Zipf
    frequency there.
    """
    sample = text[:20000]
    letters = "".join(filter(str.isalpha, sample))
    if not letters:
        return ""
    han = sum(map(len, _HAN.findall(letters)))
    kana = len(_KANA.findall(letters))
    cyrillic = len(_CYRILLIC.findall(letters))
    if han + kana > len(letters) / 3:
        return "ja" if kana > (han + kana) / 10 else "zh"
    if cyrillic > len(letters) / 3:
        lower = sample.lower()
        ukrainian = sum(lower.count(c) for c in "іїєґ")
        russian = sum(lower.count(c) for c in "ыэъё")
        return "uk" if ukrainian > russian else "ru"
    frequent = Counter(w.lower() for w in WORD_RE.findall(sample)).most_common(LANGUAGE_WORDS)
    scores = dict.fromkeys(LATIN_LANGUAGES, 0.0)
    for word, count in frequent:
        for lang, zipf in zip(LATIN_LANGUAGES, _language_zipfs(word, lexicon), strict=True):
            scores[lang] += count * zipf
    return max(scores, key=scores.__getitem__)


@lru_cache(maxsize=65536)
def _language_zipfs(word: str, lexicon: Lexicon) -> tuple[float, ...]:
    """The word's Zipf frequency in each of ``LATIN_LANGUAGES`` (memoised: the frequent words
    of one source are those of the next)."""
    return tuple(lexicon.zipf(word, lang) for lang in LATIN_LANGUAGES)


# -- Spelling a source word the English way ---------------------------------------------------

#: Letters that NFKD does not take apart, written the usual English way.
_FOLD = str.maketrans(
    {"ß": "ss", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "æ": "ae", "Æ": "Ae"}
    | {"œ": "oe", "Œ": "Oe", "ı": "i", "þ": "th"}
)
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """The word without diacritics.

    >>> fold("Şahin"), fold("Plößberg"), fold("Wałęsa")
    ('Sahin', 'Plossberg', 'Walesa')
    """
    decomposed = unicodedata.normalize("NFKD", word.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def umlauts(word: str) -> str:
    """The word with German umlauts written out.

    >>> umlauts("Müller")
    'Mueller'
    """
    return word.translate(_UMLAUTS)


#: Ukrainian national transliteration (2010): a letter's Latin at the start of a word, and
#: elsewhere when it differs.
_UKRAINIAN: dict[str, str | tuple[str, str]] = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": ("ye", "ie"),
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": ("yi", "i"), "й": ("y", "i"), "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": ("yu", "iu"),
    "я": ("ya", "ia"), "'": "", "’": "", "ʼ": "",
}  # fmt: skip


def ukrainian_latin(word: str) -> str:
    """Romanise a Ukrainian word by the national system of 2010 ("зг" is "zgh").

    >>> ukrainian_latin("Зеленський"), ukrainian_latin("Юлія"), ukrainian_latin("Згурський")
    ('Zelenskyi', 'Yuliia', 'Zghurskyi')
    """
    out = []
    lower = word.lower()
    for index, char in enumerate(lower):
        latin = _UKRAINIAN.get(char, char)
        if isinstance(latin, tuple):
            latin = latin[0] if index == 0 else latin[1]
        if char == "г" and index > 0 and lower[index - 1] == "з":
            latin = "gh"
        if word[index].isupper() and latin:
            latin = latin[0].upper() + latin[1:]
        out.append(latin)
    return "".join(out)


@lru_cache(maxsize=1)
def _russian_schemas() -> tuple:
    import iuliia  # imported on first use: only runs with a Russian source need it

    return (iuliia.BGN_PCGN, iuliia.ICAO_DOC_9303, iuliia.WIKIPEDIA)


def _russian_latin(word: str, schema: object) -> str:
    """Romanise a Russian word by one of iuliia's systems; a letter a system leaves in
    Cyrillic (ё in some) is read as its plain form (е)."""
    latin = schema.translate(word)  # type: ignore[attr-defined]
    if _CYRILLIC.search(latin):
        latin = schema.translate(word.replace("ё", "е").replace("Ё", "Е"))  # type: ignore[attr-defined]
    return latin


@lru_cache(maxsize=65536)
def latin_forms(word: str, language: str) -> tuple[str, ...]:
    """The ways English text may spell a source word, the word as written first (if Latin).

    >>> latin_forms("Müller", "de")
    ('Müller', 'Muller', 'Mueller')
    >>> latin_forms("Юлия", "ru")
    ('Yuliya', 'Iuliia')
    >>> latin_forms("Воробьёв", "ru")
    ('Vorob’yev', 'Vorobev', 'Vorobyov', 'Vorobyev')
    """
    if _CYRILLIC.search(word):
        if language == "uk":
            forms = [ukrainian_latin(word)]
        else:
            forms = [_russian_latin(word, schema) for schema in _russian_schemas()]
        forms += [fold(form).replace("’", "").replace("'", "") for form in forms]
    else:
        forms = [word, fold(word), fold(umlauts(word))]
    return tuple(dict.fromkeys(form for form in forms if form))


@lru_cache(maxsize=65536)
def _lower_forms(word: str, language: str) -> frozenset[str]:
    """:func:`latin_forms` in lower case."""
    return frozenset(form.lower() for form in latin_forms(word, language))


@lru_cache(maxsize=4096)
def _pinyin(run: str) -> tuple[str, ...]:
    from pypinyin import Style, lazy_pinyin  # imported on first use: Chinese sources only

    return tuple(lazy_pinyin(run, style=Style.NORMAL, errors="ignore"))


def pinyin_names(text: str) -> list[str]:
    """Capitalised pinyin of every 1 to ``MAX_SYLLABLES`` consecutive Chinese characters.

    >>> pinyin_names("张小明说")[:4]
    ['Zhang', 'Zhangxiao', 'Zhangxiaoming', 'Xiao']
    """
    return [name for run in _HAN.findall(text) for name in _run_names(run)]


@lru_cache(maxsize=4096)
def _run_names(run: str) -> tuple[str, ...]:
    """:func:`pinyin_names` of one run of Chinese characters (memoised: a line's runs are the
    document's runs too)."""
    syllables = [s for s in _pinyin(run) if s.isalpha()]
    return tuple(
        "".join(syllables[start:end]).capitalize()
        for start in range(len(syllables))
        for end in range(start + 1, min(len(syllables), start + MAX_SYLLABLES) + 1)
    )


@dataclass(frozen=True)
class SourceName:
    """A source word that may be a name, with the ways English may spell it (best first), and
    the other words of the multi-word names it is part of (Uğur in Uğur Şahin), lower case, in
    their English spellings."""

    word: str
    forms: tuple[str, ...]
    partners: frozenset[str] = frozenset()


#: Long vowels that Hepburn as English news writes it leaves short (Tarou, Yuuta: Taro, Yuta).
_LONG_VOWELS = (("ou", "o"), ("oo", "o"), ("uu", "u"), ("aa", "a"), ("ee", "e"))


@lru_cache(maxsize=1)
def _romaniser() -> object | None:
    """cutlet's Hepburn romaniser, when the ``japanese`` extra is installed (else None)."""
    try:
        import cutlet  # MIT; with fugashi and unidic-lite, a MeCab dictionary in the wheel
    except ImportError:
        return None
    return cutlet.Cutlet()


@lru_cache(maxsize=4096)
def romaji_names(text: str) -> tuple[SourceName, ...]:
    """The words of a Japanese text in Hepburn romaji (cutlet capitalises proper nouns and
    spells loanwords the English way), each also with its long vowels short; () without the
    ``japanese`` extra."""
    romaniser = _romaniser()
    if romaniser is None or not (_KANA.search(text) or _HAN.search(text)):
        return ()
    words = WORD_RE.findall(romaniser.romaji(text))  # type: ignore[attr-defined]
    names = []
    for word in dict.fromkeys(words):
        short = word
        for long, plain in _LONG_VOWELS:
            short = short.replace(long, plain)
        names.append(SourceName(word, tuple(dict.fromkeys((word, short)))))
    return tuple(names)


# -- The source of one text ----------------------------------------------------------------------


@dataclass
class SourceText:
    """A source text aligned to a hypothesis, with its words in English spellings per line.

    Attributes:
        text: the source.
        language: its language code (given or detected; '' when unknown).
        alignment: its segments per hypothesis line.
        problem: why it is not used ('' when it is).
    """

    text: str
    language: str
    alignment: Alignment
    problem: str = ""
    _forms: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    _names: dict[str, tuple[SourceName, ...]] = field(default_factory=dict, repr=False)

    def segment(self, line: int) -> str:
        """The source text aligned to hypothesis line ``line`` (1-based), the whole source when
        nothing aligned to it."""
        segments = self.alignment.segments
        if 0 < line <= len(segments) and segments[line - 1]:
            return segments[line - 1]
        return self.text

    def forms(self, line: int) -> frozenset[str]:
        """Every word of the line's segment, lower case, in each English spelling."""
        segment = self.segment(line)
        return self.document_forms if segment is self.text else self.forms_of(segment)

    @cached_property
    def document_forms(self) -> frozenset[str]:
        """Every word of the whole source, as :meth:`forms` gives them (a union over its lines:
        no word, number or run of Chinese spans a line break, and the lines' own forms are
        those of the segments they are aligned as)."""
        return frozenset().union(*map(self.forms_of, self.text.splitlines()))

    def forms_of(self, text: str) -> frozenset[str]:
        """The words of a piece of the source (a line, a segment), lower case, in each English
        spelling (memoised per piece)."""
        if text not in self._forms:
            self._forms[text] = self._spell(text)
        return self._forms[text]

    def _spell(self, text: str) -> frozenset[str]:
        words = _words(text)
        forms = {form for w in words for form in _lower_forms(w, self.language)}
        if self.language == "zh":
            forms |= {name.lower() for name in pinyin_names(text)}
        elif self.language == "ja":
            forms |= {form.lower() for name in romaji_names(text) for form in name.forms}
        forms |= set(_NUMBER.findall(unicodedata.normalize("NFKC", text)))
        return frozenset(forms)

    @cached_property
    def lower_case_words(self) -> frozenset[str]:
        """The words the source writes in lower case somewhere."""
        return frozenset(w for w in WORD_RE.findall(self.text) if w.islower())

    def confirms(self, word: str, line: int) -> bool:
        """Tell whether the source spells ``word`` in the line's segment (any case, accents
        aside, or romanised)."""
        forms = self.forms(line)
        return word.lower() in forms or fold(word).lower() in forms

    def spells_capitalised(self, word: str, line: int) -> bool:
        """Tell whether the line's segment has ``word`` as a capitalised word of its own
        (as written, accents aside, or romanised from Cyrillic; not a Chinese reading)."""
        if self.language in ("zh", "ja"):
            return False
        wanted = {word.lower(), fold(word).lower()}
        return any(
            form.lower() in wanted
            for name in self.names(line)
            if name.word[0].isupper()
            for form in name.forms
        )

    def names(self, line: int) -> tuple[SourceName, ...]:
        """The source words of the line's segment that may be names: capitalised words (for
        Chinese, the pinyin of 1-3 characters), each with its English spellings."""
        segment = self.segment(line)  # lines of one paragraph, or unaligned, share theirs
        if segment not in self._names:
            self._names[segment] = tuple(self._names_of(segment))
        return self._names[segment]

    def _names_of(self, text: str) -> Iterable[SourceName]:
        partners: dict[str, set[str]] = {}
        for word in _words(text):
            if word[0].isupper() and not word.isupper():
                partners.setdefault(word, set())
        for run in multi_word_names(_SCRIPT_BREAK.sub(" ", text)):
            for word in run:
                if word in partners:
                    partners[word] |= {
                        form.lower()
                        for other in run
                        if other != word
                        for form in latin_forms(other, self.language)
                    }
        for word, others in partners.items():
            yield SourceName(word, latin_forms(word, self.language), frozenset(others))
        if self.language == "zh":
            for name in dict.fromkeys(pinyin_names(text)):
                yield SourceName(name, (name,))
        # Japanese romaji only confirm: a reading of a name in kanji is a guess (MeCab reads
        # many names otherwise than their bearers), so it never replaces one.


@lru_cache(maxsize=4)
def other_spellings(lexicon: Lexicon) -> dict[str, frozenset[str]]:
    """A word of a known name -> the other spellings of the same name that a source may write:
    the words of its curated aliases (München for Munich) and the exonyms of a place (Moskau
    for Moscow, ``untranslated/exonyms*.tsv``)."""
    from .detectors.exonym import exonyms

    spellings: dict[str, set[str]] = {}
    for entity in lexicon.entities:
        alias_words = {word for alias in entity.aliases for word in WORD_RE.findall(alias)}
        for word in WORD_RE.findall(entity.name):
            spellings.setdefault(word, set()).update(alias_words)
    for exonym, (english, _languages) in exonyms(lexicon.root).items():
        for word in WORD_RE.findall(english):
            spellings.setdefault(word, set()).add(exonym)
    return {word: frozenset(others) for word, others in spellings.items()}


def name_match(source: SourceText, word: str, line: int) -> str:
    """How the source segment aligned to ``line`` has ``word`` (a feature for a scored
    decision, and what the pipeline's veto asks): ``"spelled"`` when it spells it (as written,
    accents aside, or romanised), ``"declined"`` when a name of it is the word in another case
    (:func:`declined`), ``""`` when neither.

    >>> from mtfix.lexicon import load_lexicon
    >>> czech = prepare(["Babis met Ovcacek."], "Babiš se sešel s Ovčáčkem.", load_lexicon())
    >>> [name_match(czech, word, 1) for word in ("Babis", "Ovčáček", "Ovčák", "Zeman")]
    ['spelled', 'declined', '', '']
    """
    if source.confirms(word, line):
        return "spelled"
    if source.language in CASE_ENDINGS and any(
        declined(word, form, source.language) for name in source.names(line) for form in name.forms
    ):
        return "declined"
    return ""


def declined(word: str, form: str, language: str) -> bool:
    """Tell whether a source word is ``word`` in another case of a language that declines
    names: its stem (see ``CASE_ENDINGS``) and a case ending of that language (accents aside).

    >>> declined("Ovčáček", "Ovčáčkem", "cs"), declined("Fiala", "Fialou", "cs")
    (True, True)
    >>> declined("Babisch", "Babišem", "cs"), declined("Prage", "Praze", "cs")
    (False, False)
    """
    a, b = fold(word).lower(), fold(form).lower()
    if a == b or len(a) < MIN_DECLINED:
        return False
    stems = {a[:-1]} if a[-1] in STEM_VOWELS else {a, a[:-2] + a[-1] if a[-2] == "e" else a}
    return any(
        b.startswith(stem) and b[len(stem) :] in CASE_ENDINGS.get(language, ()) for stem in stems
    )


def multi_word_names(text: str) -> list[list[str]]:
    """The runs of capitalised words one space apart in a text (name particles may stand
    between them and are left out).

    >>> multi_word_names("Laut Ursula von der Leyen und Uğur Şahin kam es.")
    [['Laut', 'Ursula', 'Leyen'], ['Uğur', 'Şahin']]
    """
    runs: list[list[str]] = []
    run: list[str] = []
    end = -1
    for match in WORD_RE.finditer(text):
        word = match.group()
        joined = match.start() == end + 1 and text[end] == " "
        if word[0].isupper() and (joined or not run):
            run.append(word)
        elif not (word in NAME_PARTICLES and run and joined):
            runs.append(run)
            run = [word] if word[0].isupper() else []
        end = match.end()
    runs.append(run)
    return [found for found in runs if len(found) > 1]


def _words(text: str) -> list[str]:
    """The words of a source text, and the parts of each hyphenated one (Düsseldorf-Garath is
    also Düsseldorf and Garath); a word is cut where Chinese or Japanese meets Latin."""
    words = WORD_RE.findall(_SCRIPT_BREAK.sub(" ", text))
    return words + [part for word in words if "-" in word for part in word.split("-") if part]


def prepare(
    hypothesis_lines: Sequence[str],
    source: str,
    lexicon: Lexicon,
    languages: Sequence[str] = (),
) -> SourceText:
    """Align ``source`` to the hypothesis and say whether it can be used (``problem``).

    ``languages`` are the ones the user named (``--source-lang``); with one, it is the
    source's language, else the language is detected among them (or all).
    """
    language = languages[0] if len(languages) == 1 else detect_language(source, lexicon)
    if not source.strip():
        return SourceText(source, language, align(hypothesis_lines, ""), "the source is empty")
    alignment = align(hypothesis_lines, source)
    result = SourceText(source, language, alignment)
    if source.split() == "\n".join(hypothesis_lines).split():
        result.problem = "the source is the text itself"
    elif not _matches(hypothesis_lines, result, lexicon):
        result.problem = "the source does not match the text (no shared names or numbers)"
    return result


def _matches(hypothesis_lines: Sequence[str], source: SourceText, lexicon: Lexicon) -> bool:
    """Tell whether the source shares enough anchors (numbers, rare capitalised words) with
    the hypothesis; too few anchors to tell counts as a match."""
    text = "\n".join(hypothesis_lines)
    anchors = set(_NUMBER.findall(text))
    if source.language != "ja":  # a Japanese source is not romanised: only numbers anchor it
        anchors |= {
            w
            for w in set(WORD_RE.findall(text))
            if w[0].isupper() and len(w) >= 4 and not w.isupper() and lexicon.zipf(w) < 3.0
        }
    if len(anchors) < MIN_ANCHORS:
        return True
    needed = MIN_ANCHOR_SHARE * len(anchors)
    spellings = {anchor: {anchor.lower(), fold(anchor).lower()} for anchor in anchors}
    found: set[str] = set()
    for piece in source.text.splitlines():  # line by line, until enough are found
        forms = source.forms_of(piece)
        found.update(a for a, spelled in spellings.items() if not spelled.isdisjoint(forms))
        if len(found) >= needed:
            return True
    return False
