"""The untranslated detector: source-language words in English text, flagged or translated."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mtfix import Config, clean
from mtfix.detectors import untranslated
from mtfix.lexicon import dictionary_root, load_lexicon, read_rows
from mtfix.text import Document

ONLY = Config(only=("untranslated",))


def _found(text: str) -> list[tuple[str, str, str]]:
    return [(c.original, c.replacement, c.source) for c in clean(text, ONLY).changes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A word of the bilingual list: translated, capitalised like the original.
        ("The Bürgermeister opened the new bridge on Friday.", ("Bürgermeister", "mayor")),
        # English words that join names do not make a source word part of one.
        ("The Bürgermeister of Berlin opened the bridge.", ("Bürgermeister", "mayor")),
        ("Bürgermeister and councillors met on Monday.", ("Bürgermeister", "Mayor")),
        ("Police closed the road und diverted traffic.", ("und", "and")),
        ("The strike was called by the grève committee.", ("grève", "strike")),
        ("The fiscalía opened a case on Monday.", ("fiscalía", "prosecutor's office")),
        # A source-language word with no known translation, beside another: a flag.
        ("The whole foule heureuse cheered when the gates opened.", ("foule", "foule")),
        # A German word in lower case: German writes the nouns a writer quotes capitalised.
        ("Visitors missed the big feier in the old town this year.", ("feier", "feier")),
        # A rare word of a source language's spelling list that English text never uses.
        ("The striker missed two elfmeters in the final.", ("elfmeters", "elfmeters")),
        # A capitalised word with a German noun ending where English has a lower-case word.
        ("Officials met in the Verwaltung before the vote.", ("Verwaltung", "Verwaltung")),
    ],
)
def test_latin_script_words_left_untranslated(text: str, expected: tuple[str, str]) -> None:
    found = [(original, replacement) for original, replacement, _rule in _found(text)]
    assert found[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The whole foule cheered when the gates opened.",
        "Every starosta in the district answers to the council.",
    ],
)
def test_a_lone_common_word_of_a_source_language_is_flagged_below_the_threshold(
    text: str,
) -> None:
    """News quotes a source language's common words as terms as often as machine translation
    leaves one: alone, such a word is no evidence enough to be shown by default."""
    assert _found(text) == []
    ((change),) = clean(text, Config(only=("untranslated",), min_confidence=0)).changes
    assert change.replacement == change.original
    assert change.confidence == untranslated.LONE_TERM_CONFIDENCE


@pytest.mark.parametrize(
    "text",
    [
        # A term glossed in brackets, or given in brackets after its English name.
        "The regional governor (hejtman) resigned on Monday.",
        "She ran the local pub (hospoda u nádraží) for twenty years.",
        # Italics-like markers around a term.
        "Locals call it a *hospoda* and meet there after work.",
        "The word _samorząd_ covers every level of local government.",
        # A web address, a hashtag, a handle.
        "The story ran first on novinky.cz and was picked up abroad.",
        "Protesters gathered under the hashtag #wolnesady on Sunday.",
        # A name whose words are joined by its language's "and".
        "The party Starostové a nezávislí won the most seats.",
        "The movement Hnutí a občané split last year.",
        "The daily Gazeta i kurier covered the vote.",
    ],
)
def test_terms_the_writer_sets_apart_are_left_alone(text: str) -> None:
    assert clean(text, Config(only=("untranslated",), min_confidence=0)).changes == ()


@pytest.mark.parametrize(
    "text",
    [
        # names as Czech writes them, a capital on the first word only, after "the"
        "The Česká pirátská strana won four seats in the Senate race.",
        "Members of the Občanská demokratická strana met in Prague on Saturday.",
        "Police from the Národní centrála proti organizovanému zločinu arrested the suspect.",
        "Voters backed the Svoboda a přímá demokracie of Tomio Okamura.",
        # "the" and a word saying what the name names
        "He leads the party Česká strana sociálně demokratická in the Senate.",
    ],
)
def test_a_name_in_its_languages_sentence_case_is_left_alone(text: str) -> None:
    assert _found(text) == []


def test_a_clause_after_a_persons_name_is_still_flagged() -> None:
    """Lower-case words after a name that no "the" introduces are a clause left over."""
    found = [c.original for c in clean("Premier Babiš řekl, že vláda podpoří the plan.").changes]
    assert "vláda" in found


def test_a_currency_after_an_amount_is_a_unit_not_a_phrase_left_over() -> None:
    """A source language's common word right after a number is the amount's unit ("5,000
    korun"), named as its country does: flagged below the default threshold only."""
    text = "The fine was 5,000 korun, the regional office said on Monday."
    assert _found(text) == []
    ((change),) = clean(text, Config(only=("untranslated",), min_confidence=0)).changes
    assert change.confidence == untranslated.LONE_TERM_CONFIDENCE


def test_the_rule_names_the_likeliest_language() -> None:
    every = Config(only=("untranslated",), min_confidence=0)
    rules = {c.source for c in clean("Pupils sat the prüfungen on Tuesday.", every).changes}
    assert rules == {"untranslated.de"}
    rules = {c.source for c in clean("Residents joined the manifestación.", every).changes}
    assert rules == {"untranslated.es"}


def test_cyrillic_runs_are_always_flagged_with_the_script_language() -> None:
    text = "Crowds chanted Слава Україні outside, and one sign read гласность forever."
    found = _found(text)
    assert found == [
        ("Слава Україні", "Glory to Ukraine", "untranslated.uk"),
        ("гласность", "гласность", "untranslated.ru"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Deputies of the parliament (Верховна Рада) voted on Tuesday.",
        "The crowd sang “Слава Україні” before the speech.",
    ],
)
def test_cyrillic_the_writer_quotes_or_glosses_is_left_alone(text: str) -> None:
    assert clean(text, Config(only=("untranslated",), min_confidence=0)).changes == ()


def test_flags_are_never_applied() -> None:
    text = "Visitors missed the big feier in the old town this year."
    assert clean(text, ONLY).apply() == text


@pytest.mark.parametrize(
    "text",
    [
        # English words, loanwords and compounds of English words.
        "The ruling presented Brussels with a fait accompli.",
        "The Zeitgeist of the decade was anxious.",
        "He has raced in motorsport since he was twelve.",
        # Names: capitalised words next to other capitalised words, known names.
        "The Deutsche Flugsicherung oversees German airspace.",
        "The paper Corriere dello Sport praised the referee.",
        "Angela Merkel spoke in the Bundestag.",
        # A capitalised word mid-sentence without German noun evidence is a name.
        "The report was written by Kaltenbrunner and colleagues.",
        # Short words.
        "She ordered a latte and the tapas.",
        # Loanwords English text uses: their English frequency is real.
        "The biennale opened with works by forty artists.",
        "Sleeveless gilets are back in fashion this winter.",
        "The dancer rose onto her pointes and held the pose.",
        "The government published a roadmap for hydrogen.",
        "Shops near the station sell bentos at lunchtime.",
        "He was awarded a doctorate honoris causa last year.",
        # A source word inside a name or title, joined by a word that joins names.
        "A researcher at the Stiftung Wissenschaft und Politik said so.",
        "The Institut für Sozialforschung published the study.",
        "The Frankfurter Allgemeine Zeitung and Die Zeit reported it first.",
        "She teaches at the Hochschule für Musik und Theater.",
    ],
)
def test_english_and_names_are_left_alone(text: str) -> None:
    assert _found(text) == []


BILINGUAL = sorted((dictionary_root() / "untranslated").glob("*-en.tsv"))


@pytest.mark.parametrize("path", BILINGUAL, ids=lambda p: p.stem)
def test_bilingual_lists_hold_words_not_english_or_names(path: Path) -> None:
    lexicon = load_lexicon()
    sources = [row[0] for row in read_rows(path)]
    assert sources == sorted(sources, key=str.lower)
    assert len(set(map(str.lower, sources))) == len(sources)
    if path.stem.startswith(("ru", "uk")):
        assert all(untranslated.CYRILLIC.search(word) for word in sources)
        return
    for word in sources:
        assert not lexicon.is_english_word(word), word
        assert word not in lexicon.name_words or word.islower(), word


def test_loanwords_are_unknown_to_the_english_lists() -> None:
    lexicon = load_lexicon()
    for row in read_rows(dictionary_root() / "untranslated" / "loanwords.txt"):
        assert not all(lexicon.is_english_word(word) for word in row[0].split()), row[0]


def test_a_sentence_left_whole_in_the_source_language_is_one_flag() -> None:
    text = "The show was a success. Die Stadt hat den Plan gestern abgelehnt, sagte er.\n"
    ((original, replacement, rule),) = _found(text)
    assert original == replacement == "Die Stadt hat den Plan gestern abgelehnt, sagte er"
    assert rule == "untranslated.de"


def test_a_few_source_words_in_an_english_sentence_stay_word_flags() -> None:
    text = "The mayor, known locally as the Bürgermeister, opened the bridge on Friday."
    assert _found(text) == [("Bürgermeister", "mayor", "untranslated.de")]


WORDS = [
    "und",
    "the",
    "Bürgermeister",
    "feier",
    "Stadt",
    "hat",
    "мир",
    "Україні",
    "Слава",
    "-",
    ".",
    "\n",
    "Deutsche",
    "said",
    "manifestación",
    "Verwaltung",
    "ö",
    "fait",
    "accompli",
    " ",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30))
def test_proposals_are_well_formed_on_any_mix_of_words(words: list[str]) -> None:
    text = " ".join(words)
    for proposal in untranslated.detect(Document(text), load_lexicon()):
        assert 0 <= proposal.start < proposal.end <= len(text)
        assert proposal.rule.split(".")[1] in untranslated.SOURCE_LANGUAGES
        assert proposal.confidence in (
            untranslated.FLAG_CONFIDENCE,
            untranslated.LONE_TERM_CONFIDENCE,
            untranslated.TRANSLATION_CONFIDENCE,
        )


def test_foreign_zipf_names_the_language_that_uses_a_word_most() -> None:
    lexicon = load_lexicon()
    language, zipf = lexicon.foreign_zipf("aber")
    assert language == "de" and zipf > lexicon.zipf("aber") + untranslated.SOURCE_MARGIN
    assert lexicon.foreign_zipf("aber", ("fr", "es")) == ("", 0.0)
    assert lexicon.foreign_zipf("zzqxv") == ("", 0.0)


@pytest.mark.parametrize("text", ["The WНO said so.", "The Кremlin said so."])
def test_a_latin_word_with_a_cyrillic_look_alike_is_no_russian_word(text: str) -> None:
    assert _found(text) == []


def test_a_very_long_token_is_no_foreign_word_and_costs_little() -> None:
    """Every split point of a word is tried for an English compound: a 1 MB token took minutes,
    so tokens past ``MAX_WORD_LENGTH`` letters are never looked at."""
    text = f"The file held {'rathaus' * 5_000} and nothing else.\n"
    assert clean(text, Config(min_confidence=0)).changes == ()


def test_a_cyrillic_word_with_an_english_possessive_is_translated_with_it() -> None:
    """English glued its possessive to the word left in Cyrillic: the translation keeps it."""
    changes = clean("The правительство’s plan failed.", ONLY).changes
    assert [(c.original, c.replacement) for c in changes] == [("правительство’s", "government’s")]
