"""The rule registry: every rule a detector can report, with its safety and examples.

A detector yields proposals under a dotted rule id (``typography.spaced_hyphen``); its first
part is the kind. Each rule here has a stable ASCII id, a one-line summary, an explanation, a
*wrong* sentence the rule must change and a *right* one it must leave alone (a generic test runs
them all through ``mtfix.clean``), and a safety level:

* ``safe``: a mechanical fix that is right whenever the rule fires (spacing, quotation marks,
  boilerplate, mojibake, the house style's spellings); ``--write`` applies it.
* ``review``: a judgement about names, words, sense or capitals; shown, but applied only with
  ``--unsafe-fixes`` or after a review (``--interactive``, the html page and ``mtfix apply``).

A *family* rule stands for the ids below it: the sense detector reports ``sense.de.<word>``
under ``sense.de``. Adding a rule means adding its entry here; ``tests/test_rules.py`` fails
until it has examples that work and until every id a detector reports is registered.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

SAFE = "safe"
REVIEW = "review"

#: Every kind, and the safety of its rules: mechanical kinds are safe, judgements need review.
KIND_SAFETY = {
    "entity": REVIEW,
    "variant": SAFE,
    "nonword": REVIEW,
    "typography": SAFE,
    "quotes": SAFE,
    "capitalisation": REVIEW,
    "sense": REVIEW,
    "boilerplate": SAFE,
    "untranslated": REVIEW,
    "encoding": SAFE,
}


@dataclass(frozen=True)
class Rule:
    """One rule: what it finds, why, a sentence it changes and one it leaves alone.

    Attributes:
        id: the dotted id, ``kind.rule``, ASCII.
        summary: one line for ``mtfix rules``.
        explanation: a few sentences for ``mtfix rules ID``.
        wrong: a sentence with the artefact; the rule proposes a change in it.
        right: the sentence as an editor would write it; the rule proposes nothing in it.
        family: the rule stands for every id below it (``sense.de.anhaenger``) too.
        source_languages: the ``--source-lang`` its examples need (sense rules).
        source: the text its examples were translated from (``--source`` rules).
    """

    id: str
    summary: str
    explanation: str
    wrong: str
    right: str
    family: bool = False
    source_languages: tuple[str, ...] = ()
    source: str = ""

    @property
    def kind(self) -> str:
        """The first part of the id: the kind of artefact."""
        return self.id.split(".", 1)[0]

    @property
    def safety(self) -> str:
        """``safe`` or ``review``, by kind."""
        return KIND_SAFETY[self.kind]

    def covers(self, rule_id: str) -> bool:
        """Tell whether a reported id is this rule (or, for a family, below it)."""
        return rule_id == self.id or (self.family and rule_id.startswith(self.id + "."))


def _entity(entity_type: str, what: str, wrong: str, right: str) -> Rule:
    return Rule(
        f"entity.{entity_type}",
        f"A garbled {what}, corrected to the known spelling.",
        "A capitalised word that no word list knows, one or two letters away from a curated "
        f"{what} (or a known word right after a well-known first name), is matched against "
        "the curated entities; the best candidate wins on spelling, the rest of the name, "
        "the entity's context words in the article and the slot it stands in. Unknown names "
        "are left alone: a rare name is not an error.",
        wrong,
        right,
    )


#: The languages of the sense and untranslated rules, by code.
_LANGUAGES = {
    "de": "German",
    "ru": "Russian",
    "uk": "Ukrainian",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "nl": "Dutch",
    "pl": "Polish",
    "cs": "Czech",
}


def _sense(language: str, wrong: str, right: str) -> Rule:
    return Rule(
        f"sense.{language}",
        f"An English word in the wrong sense of a {_LANGUAGES[language]} word (--source-lang).",
        "Machine translation picks one sense of an ambiguous source word (German einstellen: "
        "to hire or to cease). A confusion set in dictionaries/sense/ names the wrong English "
        "form, the right one and the context words that decide. Reported as "
        f"sense.{language}.<source word>.",
        wrong,
        right,
        family=True,
        source_languages=(language,),
    )


def _untranslated(language: str, wrong: str, right: str) -> Rule:
    name = _LANGUAGES[language]
    return Rule(
        f"untranslated.{language}",
        f"A {name} word or sentence left untranslated.",
        f"A word {name} uses far more often than English does (from the bilingual lists or "
        "the frequency lists), or a run of them: translated when the bilingual list knows it, "
        "otherwise flagged for an editor. A lone common word of the language is flagged below "
        "the default threshold (news quotes such terms on purpose), and so is nothing the "
        "writer sets apart: brackets, italics-like markers, a web address, a name joined by "
        "its language's 'and'. Loanwords English writes as they are stay.",
        wrong,
        right,
    )


#: Every rule, grouped by kind in the order the detectors run.
RULES: tuple[Rule, ...] = (
    Rule(
        "encoding.mojibake",
        "UTF-8 text decoded as Latin-1 or cp1252 ('cafÃ©'), decoded again.",
        "ftfy recognises the byte patterns of text decoded with the wrong code page and "
        "restores the characters; quotes are not uncurled and widths not normalised.",
        "The cafÃ© on the square reopened on Monday.",
        "The café on the square reopened on Monday.",
    ),
    Rule(
        "encoding.html_entity",
        "A broken or leftover HTML entity ('& amp;'), written as its character.",
        "Web text escapes '&', '<' and quotation marks as entities; machine translation splits "
        "them ('& amp;') or leaves them. The entity becomes the character it stands for.",
        "Ferries & amp; buses ran as usual over the holiday.",
        "Ferries & buses ran as usual over the holiday.",
    ),
    Rule(
        "encoding.homoglyph",
        "A Latin word with a Cyrillic or Greek look-alike letter, spelled in Latin.",
        "A capital Н or О from another script inside a Latin word looks right but breaks "
        "search and spelling; each look-alike becomes its Latin letter.",
        "Health experts at the WНO warned of a new wave.",
        "Health experts at the WHO warned of a new wave.",
    ),
    Rule(
        "boilerplate.line",
        "A web-page leftover line ('Share this article', 'close'), deleted.",
        "A whole line that matches a pattern in dictionaries/boilerplate.tsv and stands apart "
        "from the prose (at the top or bottom of the article, or alone between blank lines) is "
        "deleted with its line break.",
        "Share this article\n\nThe council met on Tuesday to discuss the budget.\n",
        "The council met on Tuesday to discuss the budget.\n",
    ),
    Rule(
        "typography.spaced_colon",
        "A space inside a time or score ('10: 30'), closed up.",
        "Machine translation often puts a space after the colon of a time; the digits are "
        "joined again.",
        "The meeting began at 10: 30 in the town hall.",
        "The meeting began at 10:30 in the town hall.",
    ),
    Rule(
        "typography.spaced_letter",
        "A non-ASCII letter spaced out inside a word ('M ü nster'), joined.",
        "An accented letter standing alone between spaces inside a word is a tokenisation "
        "slip; the word is joined.",
        "The town of M ü nster held a vote on Sunday.",
        "The town of Münster held a vote on Sunday.",
    ),
    Rule(
        "typography.spaced_hyphen",
        "A space before the hyphen of a compound ('two -day'), removed.",
        "A lower-case word, a space and a hyphen glued to the next word is a compound split "
        "by translation; the space goes.",
        "The two -day summit ended without a deal.",
        "The two-day summit ended without a deal.",
    ),
    Rule(
        "typography.hyphen_space",
        "A space after the hyphen of a compound ('24- hour', 'pro- Russian'), removed.",
        "A hyphen glued to a number or prefix (or before a usual second part such as -hour, "
        "-old, -backed) and spaced from the next word is a compound split by translation; a "
        "suspended hyphen ('pre- and post-war') keeps its space.",
        "The 24- hour strike closed the port.",
        "The 24-hour strike closed the port.",
    ),
    Rule(
        "typography.name_hyphen",
        "A hyphen between a word and a name where a dash belongs ('progress-Xinhuanet').",
        "A lower-case English word joined by a hyphen to a capitalised word, the word no prefix "
        "('mid-May', 'pro-Kremlin', 'then-President'), is a headline and its source, or a "
        "sentence and a name, run together; the hyphen becomes the dash the article writes "
        "between words, spaced as it spaces it (a spaced en dash when it has none).",
        "Exports rose again this year-Xinhuanet",
        "Exports rose again this year – Xinhuanet",
    ),
    Rule(
        "typography.moved_space",
        "A space before a comma or full stop instead of after it ('said ,that'), moved.",
        "A space before a comma or semicolon glued to the next word, or before a full stop, "
        "question or exclamation mark glued to a word that usually opens a sentence, belongs "
        "after the mark.",
        "The talks ended .The next round is in May.",
        "The talks ended. The next round is in May.",
    ),
    Rule(
        "typography.clause_hyphen",
        "A hyphen used as a dash between clauses ('bridge-but'), made the article's dash.",
        "A hyphen joining a word to a clause word (and, but, which, a, he) stands for a dash; "
        "it becomes the dash the article writes between words, spaced as it spaces it (a "
        "spaced en dash when it has none).",
        "The mayor had promised a new bridge-but the money ran out.",
        "The mayor had promised a new bridge – but the money ran out.",
    ),
    Rule(
        "typography.space_before_punct",
        "A space before a comma, full stop or other closing mark, removed.",
        "English sets no space before , . ; : ? ! (French does, and translation copies it).",
        "The river rose again , and the roads were closed .",
        "The river rose again, and the roads were closed.",
    ),
    Rule(
        "typography.bracket_space",
        "A space inside brackets ('( which )'), removed.",
        "English sets no space after an opening or before a closing bracket.",
        "The agency ( which runs the ports ) raised its fees.",
        "The agency (which runs the ports) raised its fees.",
    ),
    Rule(
        "typography.missing_space",
        "A missing space after a full stop between sentences ('Monday.The'), added.",
        "A full stop glued to a capitalised word that begins a new sentence gets its space; "
        "web addresses, abbreviations and initials are left alone.",
        "The rain stopped on Monday.The roads opened again.",
        "The rain stopped on Monday. The roads opened again.",
    ),
    Rule(
        "typography.spaced_compound",
        "A compound's hyphen spaced on both sides ('two - hour', 'pro - Russian'), closed up.",
        "A hyphen with a space on each side is a dash as often as not, so it is closed up only "
        "where a compound must stand: a number before a measure ('three - day'), a prefix that "
        "is no word alone ('pro', 'anti', 'non'), or a compound the article hyphenates elsewhere.",
        "After a two - hour meeting the pro - Russian delegates left.",
        "After a two-hour meeting the pro-Russian delegates left.",
    ),
    Rule(
        "typography.lopsided_dash",
        "A dash between words spaced on one side only ('agreed— but'), spaced evenly.",
        "A dash between words has a space on both sides or on neither; one space lost or added "
        "when segments were joined leaves it lopsided. It takes the article's own style for "
        "that dash, and spaces on both sides when the article has no other.",
        "The sides agreed— but only for a month.",
        "The sides agreed — but only for a month.",
    ),
    Rule(
        "typography.spaced_apostrophe",
        "A space before the apostrophe of ’s ('Putin ’s'), removed.",
        "The apostrophe of a possessive or of a shortened 'is' follows its word directly; a "
        "space before it is a tokeniser's leftover.",
        "The council ’s budget was cut again.",
        "The council’s budget was cut again.",
    ),
    Rule(
        "typography.double_space",
        "Two or more spaces between words of a sentence, made one.",
        "Several spaces inside a sentence are a leftover of joined segments. Before a capital "
        "they may part a caption from the next sentence, so that case is offered below the "
        "default threshold.",
        "The farmers  blocked the road for a day.",
        "The farmers blocked the road for a day.",
    ),
    Rule(
        "quotes.direction",
        "German-style or wrongly turned quotation marks („…“), made English (“…”).",
        "German opens low („) and closes with the English opening mark (“); machine translation "
        "keeps them. Each mark is turned the English way by its role, opening or closing.",
        "The mayor said: „We will rebuild the school.“",
        "The mayor said: “We will rebuild the school.”",
    ),
    Rule(
        "quotes.mixed_shape",
        'A quotation opened with one shape of mark and closed with the other (“…"), matched.',
        "A writer uses curly or straight quotation marks, not both in one quotation; a pair of "
        "mixed shapes is the trace of joined segments. The odd mark takes the shape the article "
        "keeps to, when it has two whole quotations in that shape (twice as many as mixed ones) "
        "and none in the other.",
        '“We will not give up," the mayor said, “not now.” The crowd cheered “Hold on!”',
        "“We will not give up,” the mayor said, “not now.” The crowd cheered “Hold on!”",
    ),
    Rule(
        "quotes.guillemets",
        "Guillemets kept from the source («…», »…«, ‹…›), made English (“…”, ‘…’).",
        "French, Russian, Ukrainian and German quote with guillemets; English does not. A pair "
        "on one line gets English marks (straight where the article uses straight ones), "
        "without the spaces French sets inside; a pair around a word of another script stays.",
        "The minister said: « We will rebuild the bridge ».",
        "The minister said: “We will rebuild the bridge”.",
    ),
    Rule(
        "quotes.misplaced_open",
        "An opening mark put before the space instead of after it (':” We').",
        "After a colon, a mark followed by a space and a capital opens the quotation; it is "
        "moved after the space and turned.",
        "The coach said:” We played well today.”",
        "The coach said: “We played well today.”",
    ),
    Rule(
        "quotes.misplaced_close",
        "A closing mark put after the space instead of before it ('May, “said').",
        "Before an attribution (said the engineer) a mark glued to the next word closes the "
        "quotation; it is moved before the space.",
        "“The bridge will reopen in May, “said the engineer.",
        "“The bridge will reopen in May,” said the engineer.",
    ),
    Rule(
        "quotes.nested_open",
        "A quotation inside a quotation opened with a double mark, made single.",
        "German nests quotations with the same marks; an inner quotation opened after a colon "
        "gets single marks (‘…’).",
        "“She told me:” Wait for the train. “, said the driver.",
        "“She told me: ‘Wait for the train.’” said the driver.",
    ),
    Rule(
        "quotes.nested_close",
        "Both quotations closing at once, written as one spaced double mark.",
        "Where an inner and an outer quotation end together, the inner closes with a single "
        "mark and the outer with a double one, glued to the text.",
        "“She told me:” Wait for the train. “, said the driver.",
        "“She told me: ‘Wait for the train.’” said the driver.",
    ),
    Rule(
        "quotes.spaced_open",
        "An opening mark spaced from its quotation ('the \" red line\"'), glued to it.",
        "Outside a quotation, a mark with spaces on both sides and a word after it opens a "
        "quotation (unless an attribution such as 'he said' follows); the space after it goes.",
        'The so-called " red line" was crossed.',
        'The so-called "red line" was crossed.',
    ),
    Rule(
        "quotes.spaced_close",
        "A space before a closing quotation mark ('year. ”'), removed.",
        "A closing mark is glued to its quotation; a comma before the attribution moves inside. "
        "An article that spaces every curly closing mark keeps its habit (offered for review "
        "only).",
        "“The harvest was poor this year. ”",
        "“The harvest was poor this year.”",
    ),
    Rule(
        "capitalisation.mid_sentence",
        "A common noun capitalised inside a sentence, as German does ('a Compromise').",
        "German capitalises every noun; translation leaks capitals. A capitalised word inside "
        "a sentence that English writes in lower case is lowered after a determiner; after "
        "other words only for review. Names, titles and words the article capitalises "
        "elsewhere are left alone, and so is every capital when the source language is "
        "known and does not capitalise its nouns (Czech, Japanese...).",
        "The two sides finally reached a Compromise on the budget.",
        "The two sides finally reached a compromise on the budget.",
    ),
    Rule(
        "variant.house_style",
        "A non-preferred spelling or transliteration ('Kiev'), in the house style ('Kyiv').",
        "dictionaries/variants.tsv lists the forms news style prefers (current official "
        "spellings, established transliterations); any other listed form is replaced.",
        "The talks in Kiev lasted until the evening.",
        "The talks in Kyiv lasted until the evening.",
    ),
    _entity(
        "person",
        "person's name",
        "German Chancellor Olaf Scholtz travelled to Paris on Monday.",
        "German Chancellor Olaf Scholz travelled to Paris on Monday.",
    ),
    _entity(
        "country",
        "country name",
        "The president of Ukrane met the prime minister of Poland in Warsaw.",
        "The president of Ukraine met the prime minister of Poland in Warsaw.",
    ),
    _entity(
        "region",
        "region name",
        "Wildfires spread across Bavarria in southern Germany.",
        "Wildfires spread across Bavaria in southern Germany.",
    ),
    _entity(
        "city",
        "city name",
        "Thousands marched through the streets of Barcelonna on Saturday.",
        "Thousands marched through the streets of Barcelona on Saturday.",
    ),
    _entity(
        "place",
        "place name (a sea, a building, a landmark)",
        "Migrants crossed the Aegaen Sea from Turkey to Greece.",
        "Migrants crossed the Aegean Sea from Turkey to Greece.",
    ),
    _entity(
        "organisation",
        "organisation's name",
        "Human rights group Amnesty Intrenational criticised the verdict.",
        "Human rights group Amnesty International criticised the verdict.",
    ),
    _entity(
        "party",
        "party name",
        "The African National Congres lost its majority in South Africa.",
        "The African National Congress lost its majority in South Africa.",
    ),
    _entity(
        "company",
        "company name",
        "Europe's planemaker Airbuss delivered more aircraft this year.",
        "Europe's planemaker Airbus delivered more aircraft this year.",
    ),
    _entity(
        "media",
        "newspaper or broadcaster name",
        "The newspaper Frankfurter Allgemeine Zeitnug reported the talks.",
        "The newspaper Frankfurter Allgemeine Zeitung reported the talks.",
    ),
    _entity(
        "social_network",
        "social network name",
        "He wrote in a post on Facebok, the Meta platform.",
        "He wrote in a post on Facebook, the Meta platform.",
    ),
    _entity(
        "event",
        "event name",
        "Ukraine won the Eurovison Song Contest with a folk song.",
        "Ukraine won the Eurovision Song Contest with a folk song.",
    ),
    Rule(
        "entity.known_name",
        "A garbled name no curated list has, corrected to the one name it is a slip of.",
        "A capitalised word that no word list knows and no text uses, written once, one slip "
        "(a letter changed, added, dropped or doubled, two swapped, an ending cut) from "
        "exactly one name that real text uses often (the gazetteer's, SCOWL's and every "
        "known name's words, with wordfreq's frequency), and for which no curated entity "
        "fits as well. A German transliteration (Baschar), another romanisation, an accent "
        "the name lacks, a derived word and a word beside another name part are left alone.",
        "Fans filled the stadium in Porrtland on Sunday.",
        "Fans filled the stadium in Portland on Sunday.",
    ),
    Rule(
        "entity.pinyin",
        "A slip in a Chinese name ('Zhanng Ying', 'Xiu Lypeng') that pinyin rules out, undone.",
        "A capitalised word that no text uses and that is no whole pinyin syllables, in a name "
        "of two or three words whose other words are (none a common English word), becomes "
        "whole syllables when one of its doubled letters is written once or a 'y' is written "
        "'i', in exactly one way. A syllable with no initial consonant counts only at the start "
        "of a word (pinyin marks one inside with an apostrophe), so 'Huaang' is no 'Hua-ang'.",
        "The report was written by the journalist Zhanng Ying in Beijing.",
        "The report was written by the journalist Zhang Ying in Beijing.",
    ),
    Rule(
        "entity.title_word",
        "A common word's slip in a title-case name ('International Awiation Association').",
        "A capitalised word inside a sentence that no list knows and no text uses, beside a "
        "capitalised common English word, and exactly one slip (a letter changed, added, "
        "dropped, or two swapped) from one common English word real text uses often, becomes "
        "that word, capitalised. A word before a kind of place ('County', 'Shrine') is that "
        "place's own name and is left alone.",
        "Officials of the International Awiation Association met in Montreal.",
        "Officials of the International Aviation Association met in Montreal.",
    ),
    Rule(
        "entity.translated_name",
        "A name translated word by word ('European Truth'), in its own form.",
        "Machine translation translates the words of names of newspapers, parties and places. "
        "dictionaries/entities/translated_names.tsv lists such literal translations and the "
        "name they stand for.",
        "The European Truth newspaper reported the talks in Kyiv.",
        "The newspaper Yevropeiska Pravda reported the talks in Kyiv.",
    ),
    Rule(
        "nonword.split",
        "A word with a space put inside it ('gover nment'), joined.",
        "An unknown lower-case word and the lower-case word beside it that together make a "
        "common word of seven letters or more are one word split by a stray space. Two words "
        "that make one ('every one') are left alone: neither is unknown.",
        "The talks on the new gover nment ended on Monday.",
        "The talks on the new government ended on Monday.",
    ),
    Rule(
        "nonword.glued",
        "A common word and 'the' or 'and' written together, the space lost ('thetown').",
        "An unknown word that is a common word of four letters or more glued to 'the' or 'and' "
        "before or after it, in exactly one way, gets its space back (shorter words would split "
        "a slip of one word in two: 'alays' is no 'a lays').",
        "The fire spread to thehouse next door shortly after midnight.",
        "The fire spread to the house next door shortly after midnight.",
    ),
    Rule(
        "nonword.spelling",
        "An unknown lower-case word close to a common English word ('unemployement').",
        "A lower-case word that no word list knows and that is not built from known words is "
        "corrected to the most frequent English word one edit away, when that candidate is "
        "clearly better than the others.",
        "The government promised to reduce unemployement next year.",
        "The government promised to reduce unemployment next year.",
    ),
    Rule(
        "nonword.german_ending",
        "An English stem with a German adjective ending ('Optimistisch'), as English.",
        "A capitalised unknown word ending in -isch, -lich or -ig where an adjective stands "
        "(after 'too', 'very', 'was', or 'and' after a lower-case word), whose stem is a "
        "common English word, is half translated; the English stem is proposed for review.",
        "Critics said the budget was too Optimistisch.",
        "Critics said the budget was too optimistic.",
    ),
    _sense(
        "de",
        "The two armies agreed to hire hostilities at midnight.",
        "The two armies agreed to cease hostilities at midnight.",
    ),
    _sense(
        "ru",
        "Voters cast their bulletins in the capital on Sunday.",
        "Voters cast their ballots in the capital on Sunday.",
    ),
    _sense(
        "uk",
        "Air defence units knocked down two drones over the city.",
        "Air defence units shot down two drones over the city.",
    ),
    _sense(
        "fr",
        "The provisional balance rose to twelve dead after the flood.",
        "The provisional toll rose to twelve dead after the flood.",
    ),
    _sense(
        "es",
        "The terrorist attempt on the market killed three people.",
        "The terrorist attack on the market killed three people.",
    ),
    _untranslated(
        "de",
        "The minister said the Vereinbarung would be signed soon.",
        "The minister said the agreement would be signed soon.",
    ),
    _untranslated(
        "fr",
        "The minister said the négociations reprendront next week.",
        "The minister said the negotiations would continue next week.",
    ),
    _untranslated(
        "es",
        "The huelga at the port lasted a week.",
        "The strike at the port lasted a week.",
    ),
    _untranslated(
        "it",
        "The minister said the trattative saranno resumed next week.",
        "The minister said the negotiations would continue next week.",
    ),
    _untranslated(
        "nl",
        "The minister said the onderhandelingen zullen continue next week.",
        "The minister said the negotiations would continue next week.",
    ),
    _untranslated(
        "pl",
        "The strike, which the unions called a strajk generalny, lasted a week.",
        "The strike, which the unions called a walkout, lasted a week.",
    ),
    _untranslated(
        "cs",
        "The minister said the vyjednávání budou continue next week.",
        "The minister said the negotiations would continue next week.",
    ),
    _untranslated(
        "ru",
        "The minister said the переговоры would continue next week.",
        "The minister said the negotiations would continue next week.",
    ),
    _untranslated(
        "uk",
        "The міністр said the talks would continue next week.",
        "The minister said the talks would continue next week.",
    ),
    Rule(
        "untranslated.exonym",
        "A source language's name of a place kept ('Kiew'), where English writes its own.",
        "dictionaries/untranslated/exonyms.tsv (hand-listed) and exonyms-generated.tsv (from "
        "GeoNames and pycountry, kept when word frequencies show the name is a word of one "
        "source language and not of English) list other languages' names of big places and of "
        "countries; each is replaced by the English name, unless part of a longer name.",
        "The delegation flew from Warschau to Kiew on Tuesday.",
        "The delegation flew from Warsaw to Kyiv on Tuesday.",
    ),
    Rule(
        "entity.transliteration",
        "A name left in a source language's spelling ('Lawrow', 'Šojgu'), in the English one.",
        "German, Czech and Polish write names from Russian, Ukrainian, Hebrew or Arabic by their "
        "own rules (German w for v, sch for sh; Czech š, č, ž; Polish sz, cz, w); those spellings "
        "of every curated person's and place's name that English text never uses are replaced "
        "by the English.",
        "Defence Minister Schoigu visited the troops in the south.",
        "Defence Minister Shoigu visited the troops in the south.",
    ),
    Rule(
        "entity.case_form",
        "A Russian or Ukrainian surname left in a case form after a man's first name.",
        "Russian and Ukrainian inflect surnames (the genitive of Solopov is Solopova, as is the "
        "feminine), and machine translation copies the inflected form. After a man's first name "
        "of dictionaries/names/slavic_male_first_names.tsv, a surname in -ova, -eva, -ina or "
        "-yna that real text uses no more than the man's form loses its -a.",
        "The court extended the custody of the journalist Maxim Solopova by a month.",
        "The court extended the custody of the journalist Maxim Solopov by a month.",
    ),
    Rule(
        "entity.source",
        "A garbled name, corrected to the spelling of the text it was translated from.",
        "With --source: a capitalised word that English text does not use and the source does "
        "not spell, close to a name of the aligned source line that the translation lacks, is "
        "replaced by that name as the source writes it (romanised from Cyrillic or Chinese).",
        "Max Vertape won the race in Zandvoort on Sunday.",
        "Max Verstappen won the race in Zandvoort on Sunday.",
        source="Max Verstappen gewann am Sonntag das Rennen in Zandvoort.",
    ),
    Rule(
        "untranslated.source",
        "A common word of the source text kept as it is in the translation.",
        "With --source: a common word of the source language that the translation kept "
        "unchanged; flagged for a person to translate (a capitalised one only from German, "
        "where every noun has a capital).",
        "The Bundesregierung said on Monday that the talks would go on.",
        "The federal government said on Monday that the talks would go on.",
        source="Die Bundesregierung sagte am Montag, die Gespräche gingen weiter.",
    ),
)


@lru_cache(maxsize=1024)
def find(rule_id: str) -> Rule | None:
    """Return the registered rule a reported id belongs to (``None`` if none).

    >>> find("sense.de.einstellen").id
    'sense.de'
    """
    for rule in RULES:
        if rule.covers(rule_id):
            return rule
    return None


def safety_of(rule_id: str) -> str:
    """Return ``safe`` or ``review`` for a reported rule id (by its kind when unregistered).

    >>> safety_of("typography.double_space"), safety_of("entity.person")
    ('safe', 'review')
    """
    return KIND_SAFETY.get(rule_id.split(".", 1)[0], REVIEW)


def entity_type_of(selector: str) -> str:
    """Return the entity type an ``entity.<type>`` selector names when it is not a registered
    rule, else ''. Entity types are data (the type column of the entity files, a user's
    ``--dict`` among them), so such a selector is checked against the loaded dictionaries.

    >>> entity_type_of("entity.band"), entity_type_of("entity.person"), entity_type_of("entity")
    ('band', '', '')
    """
    kind, _, rest = selector.partition(".")
    if kind != "entity" or not rest.isidentifier() or find(selector) is not None:
        return ""
    return rest


def check_selector(selector: str) -> str:
    """Check an ``--only`` / ``--skip`` value: a kind, a rule id, or an id below a family.

    >>> check_selector("typography.double_space")
    'typography.double_space'

    Raises:
        ValueError: naming the valid kinds, or the valid rules of the kind given.
    """
    kind = selector.split(".", 1)[0]
    if kind not in KIND_SAFETY:
        raise ValueError(f"unknown kind {selector!r} (kinds: {', '.join(KIND_SAFETY)})")
    if selector == kind or find(selector) is not None or entity_type_of(selector):
        return selector
    ids = ", ".join(rule.id for rule in RULES if rule.kind == kind)
    raise ValueError(f"unknown rule {selector!r} ({kind} rules: {ids}; see mtfix rules)")
