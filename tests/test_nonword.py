"""The nonword detector on sentences we wrote, with the real dictionaries: an unknown word is a
rare one, changed only when the evidence for another reading is strong."""

import pytest

import mtfix
from mtfix.detectors import nonword
from mtfix.lexicon import load_lexicon


def nonword_fixes(text: str) -> list[tuple[str, str]]:
    """Return (original, replacement) of the nonword changes shown at the default threshold."""
    return [(c.original, c.replacement) for c in mtfix.clean(text).changes if c.kind == "nonword"]


@pytest.mark.parametrize(
    "text",
    [
        # Rare real words real text uses, one edit from a commoner word.
        "The station sells bento boxes and a broth made with dashi.",
        "The minister appeared like a deus ex machina to rescue the talks.",
        "He finished third at the grand prix in the rain.",
        "She wore a quilted gilet over her jumper.",
        # Short tokens real text uses, and words that differ at the first letter.
        "Fans of the show call the network the beeb.",
        "Teenagers copied the egirl look from the video app.",
        # Derivations and compounds of known words, not truncated to their first part.
        "The informatization of rural schools has been slow.",
        "Doctors treated a rare leucocythemia with new drugs.",
        "The children enjoyed the canistherapy sessions with the dogs.",
        "Astronauts trained for gravitylessness in a diving pool.",
        "Police raided a warehouse of illegal cryptominers on Tuesday.",
        "Artists should keep their individualities, the curator said.",
        "Patients with pre-existing conditions were vaccinated first.",
        # a prefix of three letters or more before a rarer English word
        "The two countries share a long nondemarcated border high in the mountains.",
        # Foreign words: accented, or common in a source language (the untranslated detector's).
        "The chef served lapés with the fish.",
        "She stood on the podest after the race.",
    ],
)
def test_rare_words_derivations_and_foreign_words_stay(text: str) -> None:
    assert nonword_fixes(text) == []


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("The player is back in isloation after the trip.", ("isloation", "isolation")),
        ("The team won furios after a slow start.", ("furios", "furious")),
        # A misspelling real text does use, hundreds of times rarer than the word.
        ("The goverment announced new measures on Monday.", ("goverment", "government")),
        ("He said he would demilitacicians the region.", ("demilitacicians", "demilitarise")),
    ],
)
def test_garbles_are_still_fixed(text: str, fixed: tuple[str, str]) -> None:
    assert nonword_fixes(text) == [fixed]


def test_confidence_falls_when_several_close_words_compete() -> None:
    """Several common words one edit away share the evidence: a guess, below the threshold."""
    changes = mtfix.clean("The plape was big.", mtfix.Config(min_confidence=0.0)).changes
    (change,) = [c for c in changes if c.kind == "nonword"]
    assert change.confidence < 0.5 and change.alternatives


@pytest.mark.parametrize(
    "text",
    [
        "The club signed Lustig and Koenig before the season.",  # surnames real text uses
        "Prosecutors questioned Kieslich on Monday.",  # where a name stands
        "Smith and Greulich wrote the report.",
    ],
)
def test_german_looking_surnames_stay(text: str) -> None:
    assert nonword_fixes(text) == []


def test_english_stem_with_german_ending_where_an_adjective_stands() -> None:
    assert nonword_fixes("The minister called the talks open and Franzig.") == [
        ("Franzig", "frank")
    ]


def test_a_very_long_token_is_no_garbled_word_and_costs_little() -> None:
    """The candidate search grows with the square of a word's length: a 20,000-letter token
    would take gigabytes, so tokens past ``MAX_WORD_LENGTH`` letters are never looked at."""
    text = f"The file held {'goverment' * 2_000} and nothing else.\n"
    assert mtfix.clean(text, mtfix.Config(min_confidence=0)).changes == ()


def test_edits_a_common_word_can_be_are_the_edits_that_are_common_words() -> None:
    """Only the edits at places a common word may differ are made (``WordEnds``), and they
    find every common word one edit away: garbles at the start, middle and end, a swap, a
    letter added and one dropped."""
    lexicon = load_lexicon(())
    for word in ("goverment", "aorund", "xeroes", "minstre", "parliamnet", "stationn", "ecnomy"):
        every = nonword.edits1(word) & lexicon.common_words
        assert every and nonword._common_among(word, lexicon) == every, word


@pytest.mark.parametrize(
    "text",
    [
        # A word typography sets apart as a term: alone in brackets, in italics-like markers,
        # in a web address (Slovak, Croatian, Romanian words: no shipped list has them).
        "The square (namesti) fills with stalls in December.",
        "Locals call the stew *gulasa* and eat it with bread.",
        "The report ran first on stiri.ro before the agencies had it.",
    ],
)
def test_terms_set_apart_stay(text: str) -> None:
    assert nonword_fixes(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # a word the writer translates beside it, or names "known as": another language's
        "Every spring the villagers drive their kravy (cows) up to the mountain pastures.",
        "The square fills for the autumn market, known as reljef, when farmers sell cheese.",
    ],
)
def test_a_term_glossed_or_known_as_is_only_a_guess(text: str) -> None:
    """A correction of a glossed term is shown below the default threshold only."""
    assert nonword_fixes(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # brackets with English words or a number in them, a long bracket: English prose
        "The plan (which the goverment drafted in secret last year) failed.\n",
        "He scored the winner (85th minnute) from a corner.\n",
        "Only people who are vaccinated (or recowered) may enter.\n",
        # a garbled English word named as a term or glossed is still a garble
        "The so-called goverment reshuffle came a week later.\n",
    ],
)
def test_a_garble_in_english_brackets_or_named_as_a_term_is_still_fixed(text: str) -> None:
    assert len(nonword_fixes(text)) == 1


@pytest.mark.parametrize("word", ["pre-emptive", "co-operation", "re-elected"])
def test_a_known_word_hyphenated_the_british_way_is_no_nonword(word: str) -> None:
    text = f"The minister said the {word} move was agreed by the cabinet on Monday."
    assert [c for c in mtfix.clean(text).changes if c.kind == "nonword"] == []


def test_the_lower_case_rest_of_a_foreign_name_stays() -> None:
    """Slovak writes a paper's name with one capital: the words after it are its name."""
    assert nonword_fixes("The weekly Regionálnej nedele ran the story first.") == []


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("The minister Anna Lewentzky presentad the plan on Monday.", ("presentad", "presented")),
        ("She spent Christmas in her Thuringian homland this year.", ("homland", "homeland")),
    ],
)
def test_a_garble_after_an_english_or_unknown_name_is_still_fixed(
    text: str, wanted: tuple[str, str]
) -> None:
    assert nonword_fixes(text) == [wanted]


def test_a_garble_after_a_possessive_name_is_still_fixed() -> None:
    text = "Talks failed, Ukraine’s fireign minister said on Monday."
    assert nonword_fixes(text) == [("fireign", "foreign")]


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("The ministry cited medical andeducational needs in its report.", "and educational"),
        ("Residents of thetown were told to stay indoors on Monday.", "the town"),
        # a two-letter word before a common one, with no common word one slip away
        ("Residents were taken away bybuses on Monday.", "by buses"),
        ("Prices rose sharply inglobal markets last year.", "in global"),
        # not the rarer "pinnation" with a letter lost
        ("Support for reform grew innation after nation.", "in nation"),
    ],
)
def test_a_word_glued_to_the_or_and_gets_its_space_back(text: str, wanted: str) -> None:
    assert [c.replacement for c in mtfix.clean(text).changes if c.kind == "nonword"] == [wanted]


@pytest.mark.parametrize("word", ["alays", "forrest", "withdawn", "inportant", "tobaco"])
def test_a_slip_is_not_split_at_a_short_word(word: str) -> None:
    text = f"The report said it was {word} a matter for the council."
    assert all(" " not in c.replacement for c in mtfix.clean(text).changes)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("The gover nment fell on Monday.", ("gover nment", "government")),
        ("They met the presi dent in May.", ("presi dent", "president")),
    ],
)
def test_a_word_with_a_space_put_inside_it_is_joined(text: str, wanted: tuple[str, str]) -> None:
    changes = [(c.original, c.replacement) for c in mtfix.clean(text).changes]
    assert changes == [wanted]


@pytest.mark.parametrize(
    "text",
    ["Every one of them came, any way they could.", "The talks may be over, some time later."],
)
def test_two_words_that_make_one_stay_apart(text: str) -> None:
    assert mtfix.clean(text).changes == ()


@pytest.mark.parametrize(
    ("once", "repeated"),
    [
        (
            "The akims of three districts met the governor.",
            "The akims of three districts met the governor. Two akims asked for more money.",
        ),
        (
            "The club chairman, anna derra, opened the meeting.",
            "The club chairman, anna derra, opened the meeting, and derra thanked the members.",
        ),
    ],
)
def test_a_lower_case_term_the_article_repeats_without_its_candidate_stays(
    once: str, repeated: str
) -> None:
    assert nonword_fixes(once)  # written once, it reads as a slip of a common word
    assert nonword_fixes(repeated) == []  # repeated, with that word nowhere: the article's own


def test_a_repeated_slip_is_still_fixed_where_the_article_writes_the_word_right() -> None:
    text = (
        "The goverment said on Monday that the goverment would act. "
        "A government spokesman denied it later."
    )
    assert nonword_fixes(text) == [("goverment", "government"), ("goverment", "government")]


def test_a_word_glued_to_by_or_of_after_it_gets_its_space_back() -> None:
    text = "The plan was approvedby the council, the capitalof the region."
    fixes = [c.replacement for c in mtfix.clean(text).changes if c.kind == "nonword"]
    assert fixes == ["approved by", "capital of"]


@pytest.mark.parametrize("word", ["reportedby", "usualby"])
def test_a_word_glued_to_by_or_one_slip_from_an_adverb_is_left(word: str) -> None:
    """ "was reportedby a firm": "reported by" or "reportedly"; neither reading is sure."""
    assert nonword_fixes(f"The plan was {word} a matter for the council.") == []


def test_a_space_lost_twice_the_same_way_is_restored_twice() -> None:
    """A repeated glued word is no term of the article's own: the lost space is restored."""
    text = "Medical andeducational needs came first; schools andeducational centres reopened."
    fixes = [c.replacement for c in mtfix.clean(text).changes if c.kind == "nonword"]
    assert fixes == ["and educational", "and educational"]


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        # a letter lost, the reading far commoner than those that replace or add one
        ("Crowds poured onto the sreets of the capital on Friday.", ("sreets", "streets")),
        ("He said the country would need a secnd round of talks.", ("secnd", "second")),
        # a letter of a double lost: the commonest misspelling
        ("The evacuation was caried out by buses overnight.", ("caried", "carried")),
        ("Prosecutors isued a warrant for the former mayor.", ("isued", "issued")),
    ],
)
def test_a_lost_letter_clearly_likelier_than_the_other_readings_is_fixed(
    text: str, fixed: tuple[str, str]
) -> None:
    """Several common words are one edit away, but the typical slip, a lost letter (of a
    double, likelier still), and the word's frequency single one out."""
    assert nonword_fixes(text) == [fixed]


@pytest.mark.parametrize(
    "text",
    [
        # two lost-letter readings close in frequency: expert or export
        "The firm hired an exprt to look at the books.",
        # the commoner reading replaces a letter, the lost-letter one is rarer: a guess
        "Farmers said the catle were moved before the storm.",
    ],
)
def test_a_slip_with_two_close_readings_stays_a_guess(text: str) -> None:
    changes = mtfix.clean(text, mtfix.Config(min_confidence=0.0)).changes
    (change,) = [c for c in changes if c.kind == "nonword"]
    assert change.confidence < 0.5 and change.alternatives


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        # "agree" keeps its "e" before "-ment", loses it only before a vowel
        ("The two sides signed an agrement on Monday.", ("agrement", "agreement")),
        # one-syllable "drop" doubles its last letter before "-ed"
        ("Helicopters droped leaflets over the city.", ("droped", "dropped")),
        # "close" and "-ed" share one "e"
        ("Police closeed the road after the crash.", ("closeed", "closed")),
        # nor is a derivation of one so misspelled: "groups" takes no second "s"
        ("Rebel groupss signed the deal on Monday.", ("groupss", "groups")),
        ("The ministry authorizeed the sale.", ("authorizeed", "authorized")),
    ],
)
def test_a_derivation_english_would_spell_otherwise_is_a_garble(
    text: str, fixed: tuple[str, str]
) -> None:
    """A word made of a known word and an ending is a word only when spelled as English spells
    such derivations; otherwise it is looked at, as any unknown word."""
    assert nonword_fixes(text) == [fixed]


def test_a_word_cut_off_at_the_end_of_an_excerpt_stays() -> None:
    """An excerpt cut in the middle of its last word lost letters to the cut, not a slip."""
    assert nonword_fixes("The court said the council refused to provid") == []
    assert nonword_fixes("The court said the council refused to provid.") == [("provid", "provide")]
    # a slip inside the last word is no cut
    assert nonword_fixes("Protesters marched against the goverment") == [
        ("goverment", "government")
    ]


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Aid groups want to rebuild livelihods in the north.", ("livelihods", "livelihoods")),
        ("The judge ordered a magiserial inquiry.", ("magiserial", "magisterial")),
    ],
)
def test_a_long_word_with_a_letter_lost_from_a_rarer_word_is_fixed(
    text: str, fixed: tuple[str, str]
) -> None:
    """No common word is one edit away, but one English word is, with the typical slip."""
    assert nonword_fixes(text) == [fixed]


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Staff left the regional ofice before noon.", ("ofice", "office")),
        ("Shelling kiled two people on Sunday.", ("kiled", "killed")),
    ],
)
def test_a_short_misspelling_real_text_uses_is_fixed_when_it_lost_a_doubled_letter(
    text: str, fixed: tuple[str, str]
) -> None:
    """A short token real text uses is left (an abbreviation, slang), unless it is a far
    commoner word with one letter of a double lost, clearly ahead of every other reading."""
    assert nonword_fixes(text) == [fixed]


@pytest.mark.parametrize(
    "text",
    [
        "Gardeners repot the plants in spring.",  # a rare word, one lost letter from "report"
        "The seral stage of the forest lasted decades.",  # and from "serial"
    ],
)
def test_a_short_rare_word_a_lost_letter_from_a_common_one_stays(text: str) -> None:
    assert nonword_fixes(text) == []


def test_a_slip_of_the_only_candidate_the_article_writes_twice_is_fixed() -> None:
    """Among close words of like frequency (place, plate, plane), the one the article writes
    elsewhere, twice and alone of them, is the word the writer meant; once is a coincidence."""
    twice = "The plane landed at noon. A second plane was delayed, and the plape was towed away."
    assert nonword_fixes(twice) == [("plape", "plane")]
    assert nonword_fixes("The plane landed at noon, and the plape was towed away.") == []


@pytest.mark.parametrize(
    "text",
    [
        # "political" with a letter added, or "politically" with one of a double lost
        "He called the case politicaly motivated.",
        # "fiscal" with a letter added, or the rarer "fiscally" with one of a double lost
        "The fiscaly conservative party won.",
        # "late" with a letter added, or the rarer "locate" with one lost
        "Rescuers worked through the night to loate the survivors.",
    ],
)
def test_a_commoner_reading_that_adds_a_letter_is_a_guess_beside_a_lost_letter_one(
    text: str,
) -> None:
    """The likeliest common word needs an added letter; another word, rarer, needs only the
    typical slip, a lost letter: neither is sure, and no wrong word is written in."""
    assert nonword_fixes(text) == []
