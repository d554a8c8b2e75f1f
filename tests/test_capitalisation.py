"""The capitalisation detector on sentences we wrote, with the real dictionaries: a German-style
noun capital after a determiner is lowered; a capital that may open a sentence, a label, a list
item or a name keeps it."""

import pytest

import mtfix


def lowered(text: str, min_confidence: float = 0.5) -> list[tuple[str, str, float]]:
    """Return (original, replacement, confidence) of the capitalisation changes shown."""
    config = mtfix.Config(min_confidence=min_confidence)
    return [
        (c.original, c.replacement, c.confidence)
        for c in mtfix.clean(text, config).changes
        if c.kind == "capitalisation"
    ]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The ministers agreed a Compromise after long talks.", "Compromise"),
        ("Every adult should be offered a Booster dose before the spring.", "Booster"),
        ("The party must sharpen its Political judgement, the leader said.", "Political"),
        ("Vance said it takes two to Tango, and left.", "Tango"),
        ("From the first minute the team was simply not at the Height of its game.", "Height"),
        # a sentence's first word reached over "the" is no part of a name
        ("Normally the Review process lasts up to three weeks.", "Review"),
        # a month after "of" is capitalised by English, not as part of a name
        ("The final was played at the Beginning of September on the beach.", "Beginning"),
        # a name reached over a loose preposition is a name of its own, not the word's
        ("Nobody asked the Trainer at Leverkusen about the injury.", "Trainer"),
        ("It was her fifth win of the Season in Norway last year.", "Season"),
        ("The data came from an Investigation by Europol into the gangs.", "Investigation"),
        # a name before "the" is no part of the name after it
        ("Warm seas in the Caribbean the Probability of storms grows.", "Probability"),
        # a word ending in "s" that is no plural is no team's name
        ("The defeat was due to the Weakness of the defence.", "Weakness"),
        ("Doctors studied how the Virus spread through the ward.", "Virus"),
        # a plural whose singular the article writes in lower case is no team's name
        ("A vehicle was stolen. Later one of the Vehicles flew off the road.", "Vehicles"),
        # a word real text uses often that pyspellchecker counts rarely, inside a phrase
        ("The rescue team began the Resuscitation procedures at once.", "Resuscitation"),
        ("Traffic came to a Standstill after the crash.", "Standstill"),
        # a determiner and a lower-case modifier before it: still inside the phrase
        ("The ministers signed the new Agreement on Friday.", "Agreement"),
        ("The mayor played a key Role in the talks.", "Role"),
    ],
)
def test_a_noun_capitalised_after_a_determiner_is_lowered(text: str, word: str) -> None:
    assert [(original, new) for original, new, _ in lowered(text)] == [(word, word.lower())]


@pytest.mark.parametrize(
    "text",
    [
        # a bracket, a colon, a comma or a bullet before the word: a new sentence, label or item
        "The match kicks off on Saturday (18:30, Sky) in the old stadium.",
        "Her best-known song “Ohne dich” (Without you) was a hit in 1998.",
        "(Reuters) According to the ministry, the talks failed on Friday.",
        "[Photo] Just looking at the bridge makes visitors dizzy.",
        "Tokyo, May 3 (reporter Ken Ito) The council met on Monday.",
        "Riverside, June 2 (correspondent: Li Wen, Photographer: Ma Lin) The fair opened.",
        # a label glued to its colon before a name: a caption's credit
        "The verdict was read in the district court the Photo: Anna Berg. The judge left.",
        "● For a small fee, visitors can join the evening tour.",
        "■Steel bridge walk: the most popular ride of the park.",
        "The inspection may miss real defects ●For the broker, the seller is a client.",
        "A storm washed the bridge away   Residents stocked up on food for weeks.",
        "The road was closed　Traffic was diverted through the village.",
        # lists and titles of capitalised words
        "The Ministry of Land, Infrastructure, Transport and Tourism revised the law.",
        "The show has three parts: Memory as an Experiment, Walking to the Sea and Home.",
        # a noun that names stand before follows
        "Officials tracked the Beta variant across the region.",
        "She joined a Zoom call with the mayor on Monday.",
        "Both teams met in a Teams meeting on Friday.",
        "The army deployed the Patriot system near the border.",
        # an institution, newspaper or competition written with a capital
        "He has been a member of the Diet since 2012.",
        "The report first appeared in the Times, and she went on to win the Open.",
        # a name's own words after "for" or "in" are common ones; "of" joins a name
        "She worked at the Institute for Fiscal Studies for ten years.",
        "He was later named the Minister for Europe in the new cabinet.",
        "They visited the Museum of London on a rainy day.",
        # an epithet after a first name, and a title's words around "the"
        "The exhibition tells the life of Catherine the Great in ten rooms.",
        "The book has three essays: Crossing the River by Feeling the Stones and two more.",
        # a word capitalised more than once and never in lower case is meant so
        "The Windberg Festival was cancelled, and the Festival will return next year.",
        # a plural capitalised again and again is a team, whatever the lower-case word does
        "The Giants lost again on Sunday. Two giants of the league met, and the Giants lost.",
        # such a rarer word ending its phrase may be a name used alone, or a heading's
        "Investors who want to break into this Phalanx, he said, must pay.",
        "Was the island once a Peninsula?",
        # a short rarer word is often a weapon's or a product's name
        "The navy tested the Zircon hypersonic rocket on Friday.",
        # a preposition after a noun opens a sentence whose full stop was lost
        "Life will return once the epidemic Through careful work the town recovered.",
        "The singer plays the heroine Based on a novel, the film opens in May.",
        # names count their matches and events: "the second Test", "the final Round"
        "He was ruled out of the second Test in Perth with a sore back.",
    ],
)
def test_a_capital_that_may_open_a_sentence_or_a_name_is_kept(text: str) -> None:
    assert lowered(text) == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The ministers met on Zoom and agreed a plan.", "Zoom"),
        ("The amusement park in Rust drew a million visitors.", "Rust"),
        ("The club passed the Wolves with a late goal.", "Wolves"),
        ("Fried fish with shrimp Homemade sauce is on the menu.", "Homemade"),
        # an adverb may end the clause before it ("held earlier Monday")
        ("The talks were held only Tomorrow was free.", "Tomorrow"),
        # before a lower-case noun a capital after a modifier may be a name used as one
        ("Firemen used a special Cobra fire extinguisher.", "Cobra"),
        # a plural after a modifier may be a party's or a book's name
        ("The coalition needs the eurosceptic Farmers to pass the bill.", "Farmers"),
        ("In her latest novel Harvests, the author returns to the village.", "Harvests"),
    ],
)
def test_a_capital_where_a_name_or_a_sentence_may_stand_is_only_offered_for_review(
    text: str, word: str
) -> None:
    assert lowered(text) == []
    offered = lowered(text, min_confidence=0.0)
    assert [(original, new) for original, new, _ in offered] == [(word, word.lower())]
    assert offered[0][2] < 0.5


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("“We are ready,” Said the minister.", "Said"),
        ("“Are we ready?” Asked the minister on Monday.", "Asked"),
        ("“We won”, Added the coach after the match.", "Added"),
    ],
)
def test_a_speech_verb_attributing_a_quotation_is_lowered(text: str, word: str) -> None:
    assert [(original, new) for original, new, _ in lowered(text)] == [(word, word.lower())]


@pytest.mark.parametrize(
    "text",
    [
        "He said: “We won.” According to the police, the match was fixed.",
        "“We won.” Reports suggest that the match was fixed.",
        "“It is over.” States must now act, the envoy said.",
    ],
)
def test_a_speech_verb_opening_the_next_sentence_keeps_its_capital(text: str) -> None:
    assert lowered(text) == []


@pytest.mark.parametrize(
    ("languages", "lowered_words"),
    [((), ["Compromise"]), (("de",), ["Compromise"]), (("cs",), []), (("ja", "zh"), [])],
)
def test_only_a_language_that_capitalises_nouns_leaks_a_noun_capital(
    languages: tuple[str, ...], lowered_words: list[str]
) -> None:
    """From Czech or Japanese a capital mid-sentence is the source's own, a name's."""
    config = mtfix.Config(source_languages=languages)
    text = "The ministers agreed a Compromise after long talks."
    changes = mtfix.clean(text, config).changes
    assert [c.original for c in changes if c.kind == "capitalisation"] == lowered_words


def test_a_source_in_a_language_without_noun_capitals_keeps_the_capital() -> None:
    """The detected language of the source counts as a given one."""
    text = "The ministers agreed a Compromise after long talks.\n"
    czech = "Ministři se po dlouhých jednáních dohodli na kompromisu.\n"
    german = "Die Minister einigten sich nach langen Gesprächen auf einen Kompromiss.\n"
    with_czech = mtfix.clean(text, source=czech).changes
    with_german = mtfix.clean(text, source=german).changes
    assert not [c for c in with_czech if c.kind == "capitalisation"]
    assert [c.original for c in with_german if c.kind == "capitalisation"] == ["Compromise"]


@pytest.mark.parametrize(
    ("names", "lowered_words"),
    [
        ("Jiří Dvořák of Plzeň", []),  # Czech letters: a Czech source, whose capitals are names'
        ("Jiri Dvorak of Plzen", ["Castle"]),  # nothing says the source is not German
        ("Jiří Dvořák of Plzeň and Jürgen Müller", ["Castle"]),  # German letters: may be German
        ("Recep Tayyip Erdoğan", ["Castle"]),  # one famous name's letters: news keeps them
    ],
)
def test_names_in_letters_of_a_language_without_noun_capitals_keep_a_capital(
    names: str, lowered_words: list[str]
) -> None:
    """With no source language given, the letters of the names the text keeps tell it."""
    text = f"Officials said the Castle would not comment on the plan, according to {names}."
    assert [original for original, _, _ in lowered(text)] == lowered_words


def test_a_capital_repeated_where_the_article_writes_the_word_in_lower_case_is_lowered() -> None:
    """A word the article writes in lower case is an ordinary word, however often a leaked
    capital repeats it."""
    text = (
        "The festival drew crowds. Yet much of the Festival atmosphere was lost, and the "
        "Festival mood faded."
    )
    assert [(old, new) for old, new, _ in lowered(text)] == [("Festival", "festival")] * 2


@pytest.mark.parametrize(
    "text",
    [
        # a title: a short line that no sentence mark ends
        "Christmas and the Gifts\n\nThe shops were full on Saturday.",
        # before a bracketed acronym or name
        "Voters backed the Builders (SNK) in most towns.",
        "Members of the Pirates (Piráti) voted against the plan.",
        # the capitalised first word of an institution's name, as Czech or Polish writes one,
        # before its head noun
        "Judges of the Constitutional court ruled on Tuesday.",
        "Tickets for the National theatre sold out in an hour.",
    ],
)
def test_a_capital_its_setting_names_is_kept(text: str) -> None:
    assert lowered(text, min_confidence=0) == []


@pytest.mark.parametrize(
    "text",
    [
        "The ministers agreed a Compromise after long talks.\n",
        "After long talks the ministers agreed a Compromise on the budget.\n\nThey left.",
    ],
)
def test_a_noun_capital_in_a_sentence_is_still_lowered(text: str) -> None:
    assert [original for original, _, _ in lowered(text)] == ["Compromise"]


@pytest.mark.parametrize(
    "text",
    [
        "According to Censor.NET, the attack on the bridge was repelled by the army.",
        "Polls put the Alternative für Deutschland party ahead of every other party in the east.",
    ],
)
def test_a_site_name_or_foreign_party_name_keeps_its_capital(text: str) -> None:
    assert [c for c in mtfix.clean(text).changes if c.kind == "capitalisation"] == []


def test_a_party_named_for_its_country_keeps_its_capital() -> None:
    text = "Polls put the Alternative for Germany ahead in three eastern states this autumn."
    assert [c for c in mtfix.clean(text).changes if c.kind == "capitalisation"] == []


def test_a_ministry_named_by_its_field_is_still_lowered() -> None:
    """English writes "the agriculture ministry": a capital there may be German's."""
    text = "Farmers are older than ever, and the Agriculture ministry expects fewer of them.\n"
    assert [original for original, _, _ in lowered(text)] == ["Agriculture"]
