"""Detect source-language capitals leaking into English: "they agreed a Compromise".

German capitalises every noun, and machine translation sometimes keeps the capital. A word is
flagged only when every sign says it is an ordinary word, not a name: its lower-case form is a
common English word, the English word list does not know it capitalised, no dictionary lists it
as a name, it is not in a headline, its neighbours are lower case, and the article never
capitalises it elsewhere mid-sentence.

The positive evidence is the slot: the word follows a lower-case word across one plain space.
After an article, determiner, possessive or infinitive "to" ("agreed a Compromise", "our
Political will", "two to Tango") a phrase goes on, so no sentence can start there and the
capital is the German one, unless a noun that names stand before follows ("the Delta
variant"). After a preposition a name is as likely ("talks on Zoom", "a park in Rust"); after
any other word the capital may open a sentence whose full stop the translation lost (a
headline run into its story: "fried shrimp Homemade sauce"). Those changes are offered below
the default threshold. Anything else before the word (a line start, a bracket, a bullet, a
colon, a comma, several spaces) may start a sentence, a label or a name: it is left alone.

Only a language that capitalises its nouns can leak a noun capital. When the source language is
known (``--source-lang``, or detected from ``--source``) and is not one of those, a capital
mid-sentence came from the source's own capitals, a name's, and is left alone; so it is when
the source is unknown but the text keeps several names spelled with letters of such a language
(Czech "ř", Polish "ł") and none with German's.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from ..change import Proposal
from ..lexicon import Lexicon
from ..memo import WordFilter
from ..text import Document, Token
from ..words import CALENDAR_NAMES, NAME_PARTICLES, SPEECH_VERBS

#: Languages that capitalise every noun, so a translation from them can leak a noun capital.
NOUN_CAPITALISING_LANGUAGES = frozenset({"de", "lb"})
#: The lower-case form must be at least this frequent in pyspellchecker's English list.
COMMON_FREQUENCY = 1000
#: Small words inside multi-word names ("Ministry of Culture", "Tour de France").
#: Name connectors of other languages, kept in names English writes untranslated
#: ("Alternative für Deutschland", "Institut für Weltwirtschaft").
FOREIGN_CONNECTORS = frozenset("für und zur zum des et".split())
NAME_CONNECTORS = (
    frozenset("of and the a an as for from in on at to with by into over".split())
    | NAME_PARTICLES
    | FOREIGN_CONNECTORS
)
#: Articles, determiners, possessives and the "to" of an infinitive: a phrase goes on after one,
#: and no sentence starts there, so a capital right after one is mid-phrase ("agreed a
#: Compromise", "two to Tango").
DETERMINERS = frozenset(
    "the a an this these those each every some any no another such both either neither my your "
    "his her its our their whose to".split()
)
#: Prepositions: mid-phrase too, but a name often follows one ("on Zoom", "in Rust").
PREPOSITIONS = frozenset(
    "of in on at for with from by into onto about over under after before between against "
    "during without within through across per via near towards".split()
)
#: Nouns that a name stands before: "the Beta variant", "a Teams meeting", "the Patriot system".
NAMED_HEADS = frozenset(
    """app apps award brand call calls campaign channel chat class drone jet label magazine
    meeting meetings missile missiles mission model movement network newspaper operation party
    platform poll prize program programme project rocket satellite series service show software
    spyware storm strain subvariant system systems tank tanks variant vessel yacht""".split()
)
#: Sentence-initial words that say nothing about the capital of the word after them.
FUNCTION_WORDS = frozenset(
    "the a an in on at by to of for from with after before as if when while but and or so "
    "this that these those it he she we they i there here his her its their our my your "
    "no not all some many most".split()
)
#: After a determiner.
AFTER_DETERMINER_CONFIDENCE = 0.7
#: For capitalised plurals (often team names: "the Wolves") and words after a preposition,
#: where a name may stand ("the village of Steam", "talks on Zoom"): below the default threshold.
WEAK_CONFIDENCE = 0.45
#: After a determiner and a lower-case modifier ("the new Agreement"): mid-phrase, though the
#: modifier may be a noun that a name follows ("the party Chairman" is rarer than "the new").
AFTER_MODIFIER_CONFIDENCE = 0.6
#: After a lower-case word that may end a sentence: the capital may open one, shown for review.
AFTER_WORD_CONFIDENCE = 0.35
#: Words that open the speaker's name after a speech verb ("said the mayor", "asked she").
SPEAKER_STARTS = frozenset("the a an he she they we i his her their its our".split())
QUOTE_MARKS = "\"'“”‘’«»„"


def detect(document: Document, lexicon: Lexicon) -> Iterator[Proposal]:
    """Yield a lower-casing change for each leaked capital."""
    # Only title-case words of three letters or more can be flagged; the cheapest test goes first.
    # A token is made only for the few that pass the tests of its word and sentence flag.
    tokens = document.tokens
    words, initial = tokens.words, tokens.initial
    candidates = [
        index
        for index in document.capitalised
        if len(words[index]) >= 3 and words[index][1:].islower()
    ]
    capitalised_mid_sentence = Counter(words[index] for index in candidates if not initial[index])
    # a word capitalised mid-sentence more than once is meant so: look the others up, once each
    ordinary = _ordinary_filter(lexicon).select(
        _capitals_to_check(capitalised_mid_sentence, document)
    )
    headlines: dict[int, bool] = {}
    nouns_may_leak = bool(ordinary) and _nouns_may_leak(document)  # its letter test costs a scan
    for index in candidates:
        word = words[index]
        if word.lower() in SPEECH_VERBS:
            token = tokens[index]
            ending = _quotation_ends_before(document.text, token.start)
            # after a full stop, "?" or "!" a new sentence may start: "Reports suggest..."
            if ending == "," or (ending and _subject_follows(document, token)):
                yield _proposal(token, 0.85, f"“{word}” reports speech after a quotation.")
                continue
        # the tests that follow only rule a word out, so the cheapest run first
        if initial[index] or word not in ordinary or not nouns_may_leak:
            continue
        token = tokens[index]
        previous = _previous_word(document, token)
        if previous is None or not previous.text[0].islower():
            continue
        if _in_headline(document, token, headlines) or _named_by_its_setting(document, token):
            continue
        if _before_number_or_particle(document, token) or _in_short_quotation(document, token):
            continue
        if _label_before_capital(document, token):
            continue
        if _glued_to_domain(document, token):
            continue
        if _near_capitalised(document, token, lexicon) or _before_named_head(document, token):
            continue
        # a plural may be a team or a party ("the Wolves", "the eurosceptic Motorists") or a
        # title, unless the article writes it in lower case
        plural_name = _plural(word) and not _written_in_lower_case(word, document)
        if previous.text in DETERMINERS:
            alone = _rarer(word, lexicon) and not _phrase_goes_on(document, token)
            weak = plural_name or alone
            confidence = WEAK_CONFIDENCE if weak else AFTER_DETERMINER_CONFIDENCE
        elif previous.text in PREPOSITIONS:
            confidence = WEAK_CONFIDENCE
        elif _after_determiner_and_modifier(document, previous) and _ends_noun_phrase(
            document, token
        ):
            confidence = WEAK_CONFIDENCE if plural_name else AFTER_MODIFIER_CONFIDENCE
        else:
            confidence = AFTER_WORD_CONFIDENCE
        yield _proposal(
            token,
            confidence,
            f"“{word}” is an ordinary word capitalised mid-sentence, as German writes nouns.",
        )


#: Endings of English words that end in "s" and are no plural: "Weakness", "Virus", "Previous",
#: "Analysis".
SINGULAR_S_ENDINGS = ("ss", "us", "is")


def _plural(word: str) -> bool:
    """Tell whether the word may be a plural, as a team's name is ("the Wolves"): it ends in
    "s", but not as "Weakness", "Virus" or "Analysis" do."""
    return word.endswith("s") and not word.endswith(SINGULAR_S_ENDINGS)


def _written_in_lower_case(plural: str, document: Document) -> bool:
    """Tell whether the article writes the plural, or its singular, in lower case ("the
    Vehicles" beside "a vehicle"): an ordinary noun, not a team's name ("the Wolves")."""
    lower = plural.lower()
    singulars = (lower, lower[:-1], lower[:-2], lower[:-3] + "y" if lower.endswith("ies") else "")
    return any(form and form in document.distinct_words for form in singulars)


def _capitals_to_check(counts: Counter[str], document: Document) -> set[str]:
    """The words capitalised mid-sentence that may be leaked noun capitals: those capitalised
    once, and those capitalised more often that the article also writes in lower case ("the
    Festival atmosphere" beside "the festival"). A word only ever capitalised, more than once,
    is meant so (a name: "the Windberg Festival ... the Festival"), and so is a plural, a
    team's name as often ("the Giants lost" beside "two giants of the league")."""
    lower = document.distinct_words
    return {
        word
        for word, count in counts.items()
        if count == 1 or (word.lower() in lower and not _plural(word))
    }


def _nouns_may_leak(document: Document) -> bool:
    """Tell whether the text may come from a language that capitalises its nouns: its source
    language is one of ``NOUN_CAPITALISING_LANGUAGES``, or it is unknown and the text's own
    letters do not say otherwise (``_letters_of_another_source``)."""
    known = set(document.source_languages)
    if document.source is not None and document.source.language:
        known.add(document.source.language)
    if not known:
        return not _letters_of_another_source(document)
    return not known.isdisjoint(NOUN_CAPITALISING_LANGUAGES)


#: Letters of Latin alphabets whose languages write their nouns in lower case (Czech, Slovak,
#: Polish, Croatian, Slovene, Hungarian, Romanian, Turkish, the Baltic languages), and German
#: never uses: names a translation keeps from its source spell them ("Vršecká", "Łódź").
OTHER_SOURCE_LETTERS = frozenset("čćřěůňťďśźżłąęńőűşğıășțėųūāēīķļņ")
#: Letters German spells with: a text that has them may come from German after all.
GERMAN_LETTERS = frozenset("äöüß")


#: Distinct words spelled so that make a text's source likely such a language: news in any
#: language keeps the letters of a famous name or two ("Erdoğan", "Kaczyński"); a
#: translation from Czech keeps those of many ("Vršecká", "Strančice", "Plzeň").
OTHER_SOURCE_WORDS = 3


def _letters_of_another_source(document: Document) -> bool:
    """Tell whether a text of unknown source spells ``OTHER_SOURCE_WORDS`` words or more with
    letters of a language that does not capitalise its nouns (``OTHER_SOURCE_LETTERS``) and
    none with German's: its source is likelier that language, and a capital mid-sentence is
    likelier a name's than a German noun's ("the Castle", the Czech president's office). A
    text with German letters too may be German about such a country: it says nothing."""
    words = document.distinct_words
    if not GERMAN_LETTERS.isdisjoint("".join(words).lower()):
        return False
    spelled = {word.lower() for word in words if not OTHER_SOURCE_LETTERS.isdisjoint(word.lower())}
    return len(spelled) >= OTHER_SOURCE_WORDS


def _proposal(token: Token, confidence: float, reason: str) -> Proposal:
    return Proposal(
        start=token.start,
        end=token.end,
        replacement=token.text.lower(),
        confidence=confidence,
        reason=reason,
        rule="capitalisation.mid_sentence",
    )


@lru_cache(maxsize=4)
def _ordinary_filter(lexicon: Lexicon) -> WordFilter:
    """``_ordinary`` for ``lexicon``, remembering the words it rejects."""
    return WordFilter(lambda word: _ordinary(word, lexicon))


def _ordinary(word: str, lexicon: Lexicon) -> bool:
    """Tell whether the word's lower-case form is a common English word and no list knows the
    word capitalised (as a name or otherwise)."""
    lower = word.lower()
    return (
        lower in lexicon.english_words
        and _common(lower, lexicon)
        and word not in lexicon.proper_nouns
        and word not in lexicon.single_word_names
        and word not in lexicon.names.surnames
        and word not in lexicon.capitalised_words
    )


#: A word real text uses this often (wordfreq Zipf) is common enough, though pyspellchecker
#: counts it fewer than ``COMMON_FREQUENCY`` times: its counts are thin on long words
#: ("resuscitation", "standstill"). The word must be one it counts at all.
COMMON_ZIPF = 2.5
#: Such a rarer word is this long at least: a short one is often a weapon's, a product's or
#: a ship's name ("the Zircon hypersonic rocket", "the Javelin anti-tank missile"), a long
#: derived noun seldom ("resuscitation", "standstill", "immunization").
MIN_RARER_LENGTH = 8


def _common(lower: str, lexicon: Lexicon) -> bool:
    """Tell whether the lower-case word is common in English: pyspellchecker counts it
    ``COMMON_FREQUENCY`` times, or counts it and real text uses it ``COMMON_ZIPF`` often, and
    it is long (``MIN_RARER_LENGTH``)."""
    count = lexicon.word_counts.get(lower)
    if count >= COMMON_FREQUENCY:
        return True
    return count > 0 and len(lower) >= MIN_RARER_LENGTH and lexicon.zipf(lower) >= COMMON_ZIPF


def _rarer(word: str, lexicon: Lexicon) -> bool:
    """Tell whether the word is common by real text's use only (``COMMON_ZIPF``), not by
    pyspellchecker's count."""
    return lexicon.word_counts.get(word.lower()) < COMMON_FREQUENCY


def _phrase_goes_on(document: Document, token: Token) -> bool:
    """Tell whether a lower-case word follows the word across spaces ("the Retention period",
    "a Standstill without"): the phrase goes on. A rarer word that ends its phrase ("this
    Phalanx,", "a Peninsula?") may be a name used alone, or a heading's word."""
    following = _adjacent(document, token, 1)
    return following is not None and following.text[:1].islower()


def _near_capitalised(document: Document, token: Token, lexicon: Lexicon) -> bool:
    """Tell whether the word is part of a capitalised run ("Ministry of Culture", "Tour de France").

    Neighbours count only when nothing but spaces separates them; name connectors such as
    "of", "and", "de" are stepped over.
    """
    for step in (-1, 1):
        current = token
        passed: list[str] = []
        while True:
            neighbour = _adjacent(document, current, step)
            if neighbour is None:
                break
            if neighbour.text in NAME_CONNECTORS:
                current = neighbour
                passed.append(neighbour.text)
                continue
            if _separate_name(neighbour.text, passed, step, lexicon):
                break  # "the Season in Australia", "in the Caribbean the Probability"
            if neighbour.sentence_initial and (
                neighbour.text.lower() in FUNCTION_WORDS or current is not token
            ):
                break  # a sentence's first word, reached over "the" ("Normally the Review")
            if current is not token and neighbour.text in CALENDAR_NAMES:
                break  # English capitalises months and days: "the Beginning of September"
            if any(character.isupper() for character in neighbour.text):
                return True
            break
    return False


#: Prepositions that join a noun to a name it is about ("an investigation by NRW", "the
#: Season in Australia"), not the words of one name; "of" does ("the Bank of England"), and so
#: does "for" as often ("the Alternative for Germany", "the Commissioner for Ukraine").
LOOSE_PREPOSITIONS = frozenset("by in at to with from on into over".split())
#: Words that open a noun phrase: a name does not go on over one ("the Caribbean the").
ARTICLES = frozenset("the a an".split())


def _separate_name(neighbour: str, passed: list[str], step: int, lexicon: Lexicon) -> bool:
    """Tell whether a capitalised ``neighbour`` reached over the connectors ``passed`` is a
    name of its own, no sign that the word belongs to a longer name. After the word, over a
    loose preposition, a name that is no common word ("the Coach with Eintracht", "the Season
    in Australia"): a name's own words after "for" or "in" are common ones ("the Institute for
    Fiscal Studies"). Before the word, over an article alone, a name that is no first name
    ("in the Caribbean the Probability"): only an epithet follows a name so ("Catherine the
    Great"). A common word capitalised there is a title's ("Feeling the Stones")."""
    if not passed or neighbour.lower() in lexicon.common_words:
        return False  # a common word capitalised is a title's ("Feeling the Stones")
    if step > 0:
        return not LOOSE_PREPOSITIONS.isdisjoint(passed)
    return all(word in ARTICLES for word in passed) and neighbour not in lexicon.names.first_names


def _glued_to_domain(document: Document, token: Token) -> bool:
    """Tell whether a dot and a letter follow the word with no space, as in a site's or
    brand's name ("Censor.NET", "Paralel.Az")."""
    after = document.text[token.end : token.end + 2]
    return len(after) == 2 and after[0] == "." and after[1].isalpha()


def _before_named_head(document: Document, token: Token) -> bool:
    """Tell whether a noun that names follow comes next ("the Delta variant")."""
    following = _adjacent(document, token, 1)
    return following is not None and following.text.lower() in NAMED_HEADS


#: Ordinals and numbers, which count the matches, rounds and events that names number
#: ("the second Test", "the third Reich", "the two Koreas"): no modifier of a common noun.
COUNTING_WORDS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth last next final "
    "one two three four five six seven eight nine ten".split()
)


def _after_determiner_and_modifier(document: Document, previous: Token) -> bool:
    """Tell whether the lower-case word before the capital follows a determiner ("the new
    Agreement", "a key Role"): inside such a phrase no sentence can start. An "-ly" adverb
    may end a clause ("a meeting held earlier Monday" is no phrase), and is not counted;
    nor is an ordinal or number, which names count by ("the second Test")."""
    before = _previous_word(document, previous)
    return (
        before is not None
        and before.text in DETERMINERS
        and before.text != "to"
        and previous.text.isalpha()
        and previous.text.islower()
        and previous.text not in PREPOSITIONS | DETERMINERS | FUNCTION_WORDS | COUNTING_WORDS
        and not previous.text.endswith("ly")
    )


#: Closed-class words that may follow the noun a phrase ends with ("the new Agreement on",
#: "a key Role was"): words of no name.
PHRASE_FOLLOWERS = (
    PREPOSITIONS
    | FUNCTION_WORDS
    | frozenset("is was are were has had have will would could can may must said says".split())
)


def _ends_noun_phrase(document: Document, token: Token) -> bool:
    """Tell whether the capitalised word is an ordinary noun, not a preposition, article or
    participle (those open a sentence whose full stop was lost: "the epidemic Through"), ending its
    phrase: what follows is no lower-case content word, before which it would be a name used
    as a modifier ("a special Cobra fire extinguisher")."""
    lower = token.text.lower()
    participle = len(lower) >= 5 and lower.endswith("ed") and not lower.endswith("eed")
    if lower in PHRASE_FOLLOWERS or participle:
        return False  # "the heroine Based on": a participle opening a sentence, no noun
    following = _adjacent(document, token, 1)
    return following is None or not following.text.islower() or following.text in PHRASE_FOLLOWERS


def _previous_word(document: Document, token: Token) -> Token | None:
    """Return the word before ``token`` if one plain space separates them (no punctuation,
    bracket, bullet, line break or run of spaces that could end a sentence or open a label)."""
    if token.index == 0:
        return None
    previous = document.tokens[token.index - 1]
    return previous if document.text[previous.end : token.start] == " " else None


def _adjacent(document: Document, token: Token, step: int) -> Token | None:
    """Return the next word in direction ``step`` if only spaces stand between them."""
    index = token.index + step
    if not 0 <= index < len(document.tokens):
        return None
    other = document.tokens[index]
    gap = (
        document.text[other.end : token.start]
        if step < 0
        else document.text[token.end : other.start]
    )
    return other if gap.strip(" ") == "" and "\n" not in gap else None


def _before_number_or_particle(document: Document, token: Token) -> bool:
    """Tell whether a number follows the word ("the Level 1 alert"), an ampersand ("Sane & Co.")
    or a foreign name particle ("Tour de France")."""
    after = document.text[token.end : token.end + 3].lstrip()
    if after and (after[0].isdigit() or after[0] == "&"):
        return True
    following = _adjacent(document, token, 1)
    return following is not None and following.text.lower() in NAME_PARTICLES


def _label_before_capital(document: Document, token: Token) -> bool:
    """Tell whether a colon glued to the word is followed by a capital: a caption's or a
    credit's label ("the Photo: Ivan Petrov"), which keeps its capital; a noun before a colon
    and a lower-case clause ("the Agreement: it was final") is still checked."""
    text, end = document.text, token.end
    after = text[end + 1 : end + 3].lstrip(" ")
    return text[end : end + 1] == ":" and after[:1].isupper()


def _in_short_quotation(document: Document, token: Token) -> bool:
    """Tell whether the word is inside a short quoted title such as "Lullaby for a Corpse"."""
    text = document.text
    line = document.line_at(token.start)
    opening = max(text.rfind(mark, line.start, token.start) for mark in '“"«')
    if opening < 0:
        return False
    closing = [text.find(mark, token.end, line.end) for mark in '”"»']
    closing = [position for position in closing if position >= 0]
    if not closing:
        return False
    quoted = text[opening + 1 : min(closing)]
    return len(quoted.split()) <= 8 and quoted.strip()[:1].isupper()


def _quotation_ends_before(text: str, start: int) -> str:
    """Tell how a quotation that closes right before the word, on the same line, ended: ","
    ("here,” Said", "here “, Said"), "." for a full stop, "?", "!" or "…" ("ready?” Asked"),
    or "" when none closes there (one opening: "“According to", or a new paragraph)."""
    before = text[max(0, start - 5) : start].rstrip(" ")
    comma = before.endswith(",")
    before = before.rstrip(",").rstrip(" ")
    if len(before) < 2 or before[-1] not in QUOTE_MARKS:
        return ""
    if comma or before[-2] == ",":
        return ","
    return "." if before[-2] in ".?!…" else ""


def _subject_follows(document: Document, token: Token) -> bool:
    """Tell whether the speaker follows the verb ("Asked the minister", "Said Vance"), as in an
    attribution, rather than the rest of a new sentence ("Reports suggest", "States must")."""
    following = _adjacent(document, token, 1)
    return following is not None and (
        following.text in SPEAKER_STARTS or following.text[0].isupper()
    )


def _in_headline(document: Document, token: Token, verdicts: dict[int, bool]) -> bool:
    """Tell whether the word's line is written in title case (most words capitalised);
    ``verdicts`` keeps the answer per line number."""
    line = document.line_at(token.start)
    if line.number not in verdicts:
        starts = document.tokens.starts
        first = bisect_left(starts, line.start)
        words = document.tokens.words[first : bisect_left(starts, line.end, lo=first)]
        upper = sum(1 for word in words if word[:1].isupper())
        verdicts[line.number] = len(words) >= 3 and upper * 2 > len(words)
    return verdicts[line.number]


#: Nouns that follow the first word of an institution's name, which Czech, Polish, Russian and
#: other languages capitalise alone ("the Constitutional court", "the National theatre"), so a
#: translation keeps that capital: no sign of a German noun capital. Heads of German compounds
#: that leak a capital ("the Youth team", "the Tax office"), and "ministry", which English
#: news writes both ways ("the agriculture ministry"), are left out.
INSTITUTION_HEADS = frozenset(
    """alliance assembly cathedral chamber coalition committee council court museum theater
    theatre university""".split()
)
#: A line of at most this many words, without a sentence's closing mark, may be a title.
TITLE_WORDS = 10
#: What ends a sentence's line (a title's line ends without one).
SENTENCE_END = tuple('.!?…:;,"”’)')


def _title_case_title(line: str) -> bool:
    """Tell whether a line is a title in title case: short, no sentence mark at its end, every
    word but the small ones that join a name's words capitalised ("Christmas and the Gifts";
    not "Actors hire an Entire beauty army", a title in sentence case).

    >>> _title_case_title("Christmas and the Gifts"), _title_case_title("Actors hire an Entire")
    (True, False)
    """
    words = line.split()
    if not words or len(words) > TITLE_WORDS or line.endswith(SENTENCE_END):
        return False
    return all(word[:1].isupper() for word in words if word.lower() not in NAME_CONNECTORS)


def _named_by_its_setting(document: Document, token: Token) -> bool:
    """Tell whether the word's setting says its capital is meant: it stands in a title (a
    short line in title case: "Christmas and the Gifts"), before a bracketed
    acronym or name ("the Mayors (STAN)"), or before a noun that follows the capitalised first
    word of an institution's name ("the Constitutional court")."""
    text = document.text
    line = document.line_at(token.start)
    content = text[line.start : line.end].rstrip()
    if _title_case_title(content):
        return True
    after = text[token.end : token.end + 3]
    if after.startswith(" (") and after[2:3].isupper():
        return True
    following = _adjacent(document, token, 1)
    return following is not None and following.text.lower() in INSTITUTION_HEADS
