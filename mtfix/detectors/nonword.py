"""Detect garbled or half-translated ordinary words ("demilitacicians", "Franzig").

An unknown word is not an error, it is a rare one. Only lower-case words that no word list knows
and that real English text uses rarely (wordfreq's Zipf frequency, ``Lexicon.zipf``) are
corrected, to a common English word one edit away; a word real text does use ("bento", "machina")
is corrected only to a word hundreds of times more frequent ("goverment"). The confidence is the
share of the likeliest candidate among the close ones, weighed by how often each is used, lower
for a word a source language uses often (it may be left untranslated). A long word with no
candidate is matched by its longest known beginning, unless it begins with that word's stem (a
derivation or a compound, "informatization", not a garble). A word built from known parts
(prefix, suffixes, compound) or with accented letters is no English garble. A capitalised unknown
word is taken for a name and left alone, except an English stem carrying a German adjective ending
("Franzig": frank + -ig). A word that typography sets apart as a term (italics-like markers, a
web address, brackets holding no English word: ``quoted.marked_off``), or that follows the
capitalised first word of a name in another language ("Regionálnej nedele"), is another
language's, not a garble.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from itertools import compress, count

from ..change import Proposal
from ..lexicon import LATIN_FREQUENCY_LANGUAGES, Lexicon
from ..memo import WordFilter
from ..quoted import QuotedForeignPhrases, glossed, marked_off
from ..text import Document, Token
from ..words import MAX_WORD_LENGTH

#: German adjective endings that machine translation leaves on an English stem.
GERMAN_ADJECTIVE_ENDINGS = ("isch", "lich", "ig")
#: Words before an adjective: a capitalised word after one (or after "and" that follows a
#: lower-case word, "useful and Franzig") stands where an adjective does, not a name.
ADJECTIVE_CUES = frozenset(
    "very so too quite rather more most less is was are were be been being seems seemed "
    "remains remained became become looks looked".split()
)
COORDINATORS = frozenset({"and", "or", "but"})
#: Confidence of a German-ending reading where a name may stand (below the threshold).
NAME_SLOT_CONFIDENCE = 0.4
#: A word this long with no close candidate is matched by its longest known beginning.
MIN_PREFIX_WORD = 12
#: Productive English endings: a word made of a known word and these is a word too
#: ("gravitylessness": gravity + less + ness; "leucocythemia": leucocyte + hemia).
SUFFIXES: tuple[str, ...] = (
    "ation",
    "ization",
    "isation",
    "ship",
    "ness",
    "ment",
    "ly",
    "er",
    "ers",
    "s",
)
SUFFIXES += ("ing", "ed", "ize", "ise", "ities", "ity", "less", "ism", "ist", "ists", "ies")
SUFFIXES += ("able", "ful", "hemia", "haemia", "emia", "aemia")
#: Greek combining forms among them, which take the place of a word's final vowel as the
#: endings that begin with a vowel do ("leucocyt-hemia").
COMBINING_FORMS = ("hemia", "haemia")
#: How many productive endings a derived word may stack.
MAX_SUFFIXES = 2
#: Endings cut from a candidate to find its stem: a word that begins with the stem of the word
#: its beginning matched derives from it ("informatization" from "informat-ics").
STEM_ENDINGS = ("ics", "ic", "ism", "ity", "y", "ise", "ize", "er", "e", "s", "al")
#: Productive English prefixes: "interpartner", "counteroffensive" are words too.
PREFIXES = (
    "anti",
    "co",
    "counter",
    "cyber",
    "eco",
    "ex",
    "geo",
    "inter",
    "mega",
    "micro",
    "multi",
    "non",
    "over",
    "post",
    "pre",
    "pro",
    "re",
    "self",
    "semi",
    "sub",
    "super",
    "trans",
    "ultra",
    "un",
    "under",
)
#: A word real English text uses this often (Zipf, see ``Lexicon.zipf``) is never corrected.
REAL_WORD_ZIPF = 3.0
#: A word real text uses, more rarely, is corrected only to a word this many Zipf points more
#: frequent (300 times): a common misspelling ("goverment"), not a rare word ("bento" / "bent").
#: Below ``SURE_LISTED_MARGIN`` (1,000 times) the correction is ``LISTED_PENALTY`` less sure
#: again: of 3,000 rare words real text uses, two in three corrected with a margin between the
#: two were real words, names or foreign words ("signee", "quartier"), not misspellings.
LISTED_MARGIN = 2.5
SURE_LISTED_MARGIN = 3.0
#: A word real text uses is corrected only when it is this long, and never at its first letter.
MIN_LISTED_LENGTH = 6
#: A word a source language uses this often may be left untranslated rather than garbled
#: ("podest"), or quoted on purpose ("obec", a Czech municipality): its correction is
#: ``FOREIGN_PENALTY`` less sure, below the default threshold even when it is the clear
#: candidate, and the untranslated detector's flag wins the overlap.
SOURCE_WORD_ZIPF = 3.0
FOREIGN_PENALTY = 0.2
#: Confidence of a correction whose candidate carries ``CLEAR_SHARE`` of the close candidates'
#: frequency, and of one that does not (a guess among several: below the default threshold).
CLEAR_CONFIDENCE = 0.6
CLEAR_SHARE = 0.9
AMBIGUOUS_CONFIDENCE = 0.45
#: How much less sure a correction of a word real text uses is.
LISTED_PENALTY = 0.05
#: A long word that is a word real text uses this often and a common word is a compound.
COMPOUND_HEAD_ZIPF = 1.0
#: Confidence of a correction by the longest known beginning.
BEGINNING_CONFIDENCE = 0.5
_WEB_CHUNK = re.compile(r"://|www\.|@|\.(?:com|org|net|de|uk|html?)\b", re.IGNORECASE)


def detect(document: Document, lexicon: Lexicon) -> Iterator[Proposal]:
    """Yield a correction for each unknown ordinary word that has a convincing candidate."""
    unknown = _unknown_words(document, lexicon)
    if not unknown:
        return
    tokens = document.tokens
    quoted = QuotedForeignPhrases(document, lexicon)
    for index in compress(count(), map(unknown.__contains__, tokens.words)):
        token = tokens[index]
        if (
            _in_web_address(document, token)
            or _attached_to_digit(document, token)
            or document.is_fragment(token)
            or _inside_name(document, token)
            or _after_foreign_name_word(document, token, lexicon)
            or quoted(token)
            or marked_off(document, token, lexicon)
        ):
            continue
        word = token.text
        if word[0].isupper():
            proposal = _german_ending(token, lexicon)
            if proposal is not None and not _adjective_slot(document, token):
                proposal = replace(proposal, confidence=NAME_SLOT_CONFIDENCE)
        elif word.islower():
            proposal = _split(document, token, lexicon) or _spelling(
                token, document, lexicon, _foreign(word, document, lexicon)
            )
            if (
                proposal is not None
                and proposal.rule == "nonword.spelling"  # a lost space is no term of its own
                and _articles_own_term(word, document, lexicon)
            ):
                proposal = None
            if proposal is not None and glossed(document, token):
                # translated beside it ("kravy (cows)") or named "known as": likelier a word
                # of another language than a slip, so the correction is only a guess
                proposal = replace(
                    proposal, confidence=min(proposal.confidence, AMBIGUOUS_CONFIDENCE)
                )
        else:
            proposal = None
        if proposal is not None and not _cut_off(document, token, proposal.replacement):
            yield proposal


def _unknown_words(document: Document, lexicon: Lexicon) -> set[str]:
    """Return the words of the document worth a closer look: four to forty letters, no
    apostrophe, of a shape the detector corrects (lower case, or capitalised with a German
    adjective ending), known to no list, not built from known words and used rarely by real
    English text.

    Most words are known, and were asked about before: set operations (in C) answer for them
    before any per-word test.
    """
    return _unknown_filter(lexicon).select(document.distinct_words)


@lru_cache(maxsize=4)
def _unknown_filter(lexicon: Lexicon) -> WordFilter:
    """``_worth_a_look`` for ``lexicon``, remembering the words it rejects (most of them);
    English words are rejected at once."""
    return WordFilter(
        lambda word: _worth_a_look(word, lexicon), failing=lambda: lexicon.english_words
    )


def _worth_a_look(word: str, lexicon: Lexicon) -> bool:
    """Tell whether a word is one ``_unknown_words`` keeps (a pure function of the word)."""
    return (
        4 <= len(word) <= MAX_WORD_LENGTH
        and "'" not in word
        and "’" not in word
        and _correctable_shape(word)
        and not lexicon.is_english_word(word)
        and not lexicon.is_known_name(word)
        and lexicon.zipf(word) < REAL_WORD_ZIPF
        and not _known_parts(word, lexicon)
    )


def _correctable_shape(word: str) -> bool:
    """Tell whether ``detect`` has a rule for a word of this case: spelling for a lower-case
    word, the German ending for a capitalised one (most unknown capitalised words are names);
    none for a word with accented letters, which English words do not have."""
    if not word.isascii():  # English spells its words without accents: "lapés" is foreign
        return False
    if word[0].isupper():
        return word.lower().endswith(GERMAN_ADJECTIVE_ENDINGS)
    return word.islower()


def _known_parts(word: str, lexicon: Lexicon) -> bool:
    """Tell whether the word is built from known words: hyphenated, compounded or derived, or
    a known word hyphenated as British spelling may (pre-emptive, co-operate)."""
    parts = word.split("-")
    if len(parts) > 1:
        return lexicon.is_english_word("".join(parts).lower()) or all(
            lexicon.is_english_word(part) or lexicon.is_known_name(part) or part in PREFIXES
            for part in parts
        )
    lower = word.lower()
    for prefix in PREFIXES:
        if (
            lower.startswith(prefix)
            and len(lower) - len(prefix) >= 4
            and _prefixed_word(prefix, lower[len(prefix) :], lexicon)
        ):
            return True
    return _derived(lower, lexicon, MAX_SUFFIXES) or _compound(lower, lexicon)


#: A prefix this long may stand before a rarer word too: a slip rarely makes a prefix of
#: three letters and a word ("non-demarcated"), often one of two ("re-cowered" for recovered).
MIN_RARE_PREFIX = 3


def _prefixed_word(prefix: str, rest: str, lexicon: Lexicon) -> bool:
    """Tell whether what follows a productive prefix is an English word: a common one, or,
    after a prefix of ``MIN_RARE_PREFIX`` letters or more, a rarer one the word list has,
    maybe with a productive ending ("nondemarcated": non- and demarcate-d)."""
    if _common(rest, lexicon):
        return True
    return len(prefix) >= MIN_RARE_PREFIX and (
        lexicon.is_english_word(rest) or _derived(rest, lexicon, MAX_SUFFIXES)
    )


def _derived(word: str, lexicon: Lexicon, depth: int) -> bool:
    """Tell whether ``word`` is a known word (or one derived from it) with up to ``depth``
    productive endings ("gravity-less-ness")."""
    for suffix in SUFFIXES:
        stem = word[: -len(suffix)]
        if not word.endswith(suffix) or len(stem) < 4:
            continue
        endings = _lost_endings(stem, suffix)
        if any(lexicon.is_english_word(stem + ending) for ending in endings):
            return True
        if depth > 1 and "" in endings and _derived(stem, lexicon, depth - 1):
            return True  # a derived stem, as spelled before this ending ("groupss": no)
    return False


#: A stem of one syllable ending in one vowel and one consonant doubles it before an ending
#: that begins with a vowel ("drop", "dropped"; "plot", "plotting").
_DOUBLING_STEM = re.compile(r"[^aeiou]*[aeiou][^aeiouwxy]")


def _lost_endings(stem: str, suffix: str) -> tuple[str, ...]:
    """Return what may follow ``stem`` in the word a derivation with ``suffix`` is made of, as
    English spells derivations: nothing (the stem is the word) unless English would have
    spelled it otherwise ("closeed": one "e"; "losss": plural "-es"; "droped": a doubled
    consonant), and a silent "e" or a "y" lost only before an ending that begins with a vowel
    or a combining form ("closing", "studies"; "agreement" keeps its "e").

    >>> _lost_endings("hop", "ed"), _lost_endings("agre", "ment"), _lost_endings("close", "ed")
    (('e', 'y'), ('',), ('e', 'y'))
    """
    vowel_ending = suffix[0] in "aeiou" or suffix in COMBINING_FORMS
    own = not (
        (suffix[0] == "e" and stem.endswith("e"))
        or (suffix == "s" and stem.endswith("s"))
        or (vowel_ending and _DOUBLING_STEM.fullmatch(stem) is not None)
    )
    return (("",) if own else ()) + (("e", "y") if vowel_ending else ())


def _compound(word: str, lexicon: Lexicon) -> bool:
    """Tell whether ``word`` is two common words written together ("ceasefire")."""
    english = lexicon.data.english_words
    return any(
        word[:cut] in english  # the cheap test first: most beginnings are no word
        and _common(word[:cut], lexicon)
        and _common(word[cut:], lexicon)
        and word[:cut] not in GLUED_WORDS  # "thetown", "reportedfor": a lost space
        and word[cut:] not in GLUED_WORDS
        for cut in range(3, len(word) - 2)
    )


def edits1(word: str, start: int | None = None, end: int | None = None) -> set[str]:
    """Return every string one deletion, transposition, substitution or insertion away.

    An edit keeps the letters before the place it edits, and those after. With ``start`` and
    ``end``, only the edits that keep at most ``start`` letters of the beginning and at most
    ``end`` of the end are made: the others cannot be a word of a list none of whose words
    shares more of the word than that (``WordEnds``).

    >>> "frank" in edits1("franz")
    True
    """
    size = len(word)
    start = size if start is None else min(start, size)
    end = size if end is None else end
    letters = "abcdefghijklmnopqrstuvwxyz"
    edits: set[str] = set()
    for place in range(max(0, size - end - 2), start + 1):
        before, after = word[:place], word[place:]
        # Insertions and substitutions, the bulk (26 each per place): one f-string builds
        # each (a + c + b builds two), and the rest after a substituted letter is cut once.
        if len(after) <= end:
            edits.update([f"{before}{letter}{after}" for letter in letters])
        rest = after[1:]
        if after and len(rest) <= end:
            edits.add(before + rest)  # deletion
            edits.update([f"{before}{letter}{rest}" for letter in letters])
        if rest and len(rest) - 1 <= end:  # it keeps rest[1:]
            edits.add(before + rest[0] + after[0] + rest[1:])  # transposition
    return edits


def _common(word: str, lexicon: Lexicon) -> bool:
    """Tell whether a correction may be ``word``: a common English word (``COMMON_FREQUENCY``
    in mtfix.lexicon)."""
    return word in lexicon.common_words


def _common_among(word: str, lexicon: Lexicon) -> set[str]:
    """Return the common English words one edit from ``word``: a set intersection (in C) with
    the edits that may make one (``WordEnds``)."""
    ends = lexicon.common_word_ends
    return edits1(word, ends.shared_beginning(word), ends.shared_end(word)) & lexicon.common_words


def _attached_to_digit(document: Document, token: Token) -> bool:
    text = document.text
    before = text[token.start - 1] if token.start > 0 else ""
    after = text[token.end] if token.end < len(text) else ""
    return before.isdigit() or after.isdigit()


def _inside_name(document: Document, token: Token) -> bool:
    """Tell whether a lower-case word stands between capitalised ones ("Corriere dello Sport")."""
    tokens = document.tokens
    before = tokens[token.index - 1].text if token.index > 0 else ""
    after = tokens[token.index + 1].text if token.index + 1 < len(tokens) else ""
    return before[:1].isupper() and after[:1].isupper()


#: Shortest word taken for the first word of a foreign name: shorter ones are often a given
#: name that some language also uses as a word ("Ouyang Yu").
MIN_NAME_WORD = 4


def _after_foreign_name_word(document: Document, token: Token, lexicon: Lexicon) -> bool:
    """Tell whether the word follows, one space after, a capitalised word inside a sentence
    that is another language's: spelled with letters English does not use, or common in a
    source language, and unknown to the English and name lists. It begins a name in that
    language, whose later words it writes in lower case ("Lidové noviny"). An English surname
    or adjective before a garble is no such word ("Lewentz presentad", "Thuringian homland")."""
    if token.index == 0:
        return False
    before = document.tokens[token.index - 1]
    word = before.text
    return (
        document.text[before.end : token.start] == " "
        and word[:1].isupper()
        and word.isalpha()  # "Ukraine’s fireign minister": a possessive is no foreign letter
        and len(word) >= MIN_NAME_WORD
        and not before.sentence_initial
        and (not word.isascii() or lexicon.foreign_zipf(word)[1] >= SOURCE_WORD_ZIPF)
        and not lexicon.is_english_word(word)
        and not lexicon.is_known_name(word)
    )


#: Nothing but white space up to the end of the text (matched from a word's end: it stops at
#: the first other character, so asking it for every word costs no pass over the text).
_ONLY_SPACE_TO_THE_END = re.compile(r"\s*\Z")


def _cut_off(document: Document, token: Token, replacement: str) -> bool:
    """Tell whether the word ends the text with no mark after it and its correction differs
    from it only at the end: an excerpt cut off in the middle of a word ("refused to provid",
    "you couldn"), which lost an unknown number of its last letters to the cut, not to a
    slip. A slip elsewhere in the word ("goverment") is still one."""
    word = token.text
    return _ONLY_SPACE_TO_THE_END.match(document.text, token.end) is not None and (
        replacement.startswith(word) or word.startswith(replacement)
    )


def _in_web_address(document: Document, token: Token) -> bool:
    text = document.text
    start = text.rfind(" ", 0, token.start) + 1
    end = text.find(" ", token.end)
    return bool(_WEB_CHUNK.search(text[start : end if end >= 0 else len(text)]))


def _german_ending(token: Token, lexicon: Lexicon) -> Proposal | None:
    """Read a capitalised unknown word as an English stem with a German adjective ending
    ("Franzig": frank + -ig): never one real text uses (a name: "Lustig", "Koenig"), and only
    to a stem with the same first letter (a first-letter edit makes another word)."""
    word = token.text.lower()
    if lexicon.zipf(word):
        return None
    for ending in GERMAN_ADJECTIVE_ENDINGS:
        stem = word[: -len(ending)]
        if not word.endswith(ending) or len(stem) < 4:
            continue
        common = _common_among(stem, lexicon)
        # No edit at all is likelier than any; sorted: max() keeps the first of equal ones.
        candidates = [stem] if stem in common else sorted(c for c in common if c[0] == stem[0])
        if not candidates:
            continue
        best = max(candidates, key=lexicon.word_counts.get)
        replacement = best.capitalize() if token.sentence_initial else best
        return Proposal(
            start=token.start,
            end=token.end,
            replacement=replacement,
            confidence=0.55,
            reason=f"“{token.text}” reads as English “{best}” with the German ending “-{ending}”.",
            rule="nonword.german_ending",
            alternatives=tuple(c for c in candidates if c != best),
        )
    return None


def _adjective_slot(document: Document, token: Token) -> bool:
    """Tell whether ``token`` stands where an adjective does: after a degree word or a copula,
    or after "and" / "or" / "but" that follows a lower-case word ("useful and Franzig"; in
    "Smith and Greulich" it is a name)."""
    tokens = document.tokens
    before = tokens[token.index - 1].text.lower() if token.index > 0 else ""
    if before in ADJECTIVE_CUES:
        return True
    if before in COORDINATORS and token.index > 1:
        return tokens[token.index - 2].text.islower()
    return False


def _foreign(word: str, document: Document, lexicon: Lexicon) -> bool:
    """Tell whether a source language of the document (any, when unknown) uses ``word`` often."""
    languages: tuple[str, ...] = LATIN_FREQUENCY_LANGUAGES
    if document.source_languages:
        languages = tuple(lang for lang in languages if lang in document.source_languages)
    return lexicon.foreign_zipf(word, languages)[1] >= SOURCE_WORD_ZIPF


#: Short words that lose their space to a neighbour when text is scraped or converted
#: ("andeducational", "thetown"). Shorter ones, and those that begin many words (for, with,
#: at), would split a slip of one word in two ("alays", "forrest", "withdawn").
GLUED_WORDS = frozenset({"the", "and"})
#: Two-letter words found glued after a word ("capitalof"): few English words end in them, so
#: the split is likely; before a word they would split slips. Where a slip of a common word is
#: as likely ("reportedby", "reportedly"), neither is made (``_spelling``).
GLUED_AFTER = frozenset({"by", "of"})
GLUED_AFTER_ENDINGS = tuple(f" {word}" for word in sorted(GLUED_AFTER))
#: A word found glued to one of ``GLUED_WORDS`` is a common word this long at least.
MIN_GLUED_PARTNER = 4
GLUED_CONFIDENCE = 0.7


#: Two-letter words that lose their space to the word after them ("bybuses", "totake"). They
#: begin many words too, so one is split off only when no common word is one edit away
#: ("inportant" is "important", not "in portant").
GLUED_BEFORE = frozenset({"of", "to", "in", "on", "by", "at", "is", "be", "as"})


def _glued(token: Token, lexicon: Lexicon) -> Proposal | None:
    """Split an unknown word that is a common word and "the" or "and" written together, or a
    common word and "by" or "of" after it, the space lost ("andeducational" -> "and
    educational", "thetown" -> "the town", "reportedby" -> "reported by"), or a two-letter
    word and the common word after it, when no common word is one slip away ("bybuses" ->
    "by buses")."""
    word = token.text
    splits = {
        f"{word[:cut]} {word[cut:]}"
        for cut in range(1, len(word))
        if (word[:cut] in GLUED_WORDS and _partner(word[cut:], lexicon))
        or (word[cut:] in GLUED_WORDS | GLUED_AFTER and _partner(word[:cut], lexicon))
    }
    if not splits and _glued_after_short_word(word, lexicon):
        splits.add(f"{word[:2]} {word[2:]}")
    if len(splits) != 1:
        return None  # none, or two ways to read it
    (split,) = splits
    return Proposal(
        start=token.start,
        end=token.end,
        replacement=split,
        confidence=GLUED_CONFIDENCE,
        reason=f"“{word}” is “{split}” with the space between the words lost.",
        rule="nonword.glued",
    )


#: A word split in two is joined back only into a common word this long at least.
MIN_SPLIT_WORD = 7
SPLIT_CONFIDENCE = 0.75


def _split(document: Document, token: Token, lexicon: Lexicon) -> Proposal | None:
    """Join an unknown word to the lower-case word before or after it when the two make a
    common word ("gover nment" -> "government", "negotiat ions" -> "negotiations"): a space
    put inside a word. Two words that make one ("every one") are no such case, since neither
    is unknown."""
    tokens, text = document.tokens, document.text
    for other_index in (token.index - 1, token.index + 1):
        if not 0 <= other_index < len(tokens):
            continue
        other = tokens[other_index]
        first, second = (other, token) if other_index < token.index else (token, other)
        if text[first.end : second.start] != " " or not other.text.isalpha():
            continue
        joined = first.text + second.text
        if other.text.islower() and len(joined) >= MIN_SPLIT_WORD and _common(joined, lexicon):
            return Proposal(
                start=first.start,
                end=second.end,
                replacement=joined,
                confidence=SPLIT_CONFIDENCE,
                reason=f"“{first.text} {second.text}” is the word “{joined}” with a space put"
                " inside it.",
                rule="nonword.split",
            )
    return None


def _glued_after_short_word(word: str, lexicon: Lexicon) -> bool:
    """Tell whether ``word`` is one of ``GLUED_BEFORE`` and a common word written together:
    no real text uses it, and no common word is one slip from it."""
    return (
        word[:2] in GLUED_BEFORE
        and _partner(word[2:], lexicon)
        and not lexicon.zipf(word)
        and not _ranked_corrections(word, lexicon)[0]
    )


def _partner(word: str, lexicon: Lexicon) -> bool:
    """Tell whether ``word`` may be the common word a short one was glued to."""
    return len(word) >= MIN_GLUED_PARTNER and _common(word, lexicon)


#: A lower-case word the article writes this often, and none of its close candidates ever, is
#: the article's own term: a local title ("akims"), a name written in lower case ("derra").
ARTICLE_TERM_MENTIONS = 2


def _articles_own_term(word: str, document: Document, lexicon: Lexicon) -> bool:
    """Tell whether the article repeats an unknown lower-case word (``ARTICLE_TERM_MENTIONS``)
    and never writes the words it would be corrected to: a writer who slips on a common word
    writes it right elsewhere (a slip repeated the same way is rare), while a term of the
    article's own (a local title, a name in lower case) recurs with no English word near it.
    Each text is its own evidence: in a corpus in one file another article's use of the
    candidate keeps the correction, as before."""
    counts = document.word_counts
    if counts[word] < ARTICLE_TERM_MENTIONS:
        return False
    candidates = _ranked_corrections(word, lexicon)[0]
    return not any(counts[c] or counts[c.capitalize()] for c in candidates)


def _spelling(token: Token, document: Document, lexicon: Lexicon, foreign: bool) -> Proposal | None:
    """Correct an unknown lower-case word: split it where a space was lost (``_glued``), else
    to the likeliest common word close to it (``_ranked_corrections``). A word that is both
    a word glued to "by" or "of" and one slip from a common word ("reportedby": "reported by"
    or "reportedly"; "usualby": "usually") is left: either reading may be the right one; so is
    one that is a common word with a letter doubled ("themess": "the mess" or "themes")."""
    word = token.text
    glued = _glued(token, lexicon)
    if glued is not None and not foreign:
        ranked = _ranked_corrections(word, lexicon)[0]
        if (glued.replacement.endswith(GLUED_AFTER_ENDINGS) and ranked) or any(
            _slip_bonus(candidate, word) == UNDOUBLED_BONUS for candidate in ranked
        ):
            return None
        return glued
    ranked, confidence = _ranked_corrections(word, lexicon)
    if not ranked:
        return None
    reordered = (
        _clear_by_slip(word, ranked, lexicon) or _written_reading(ranked, document)
        if confidence <= AMBIGUOUS_CONFIDENCE
        else ()
    )
    if reordered:  # an ambiguous guess the typical slip makes clear
        ranked, confidence = reordered, confidence + CLEAR_CONFIDENCE - AMBIGUOUS_CONFIDENCE
        confidence = round(confidence, 3)
    elif confidence > AMBIGUOUS_CONFIDENCE and _doubted_by_slip(word, ranked, lexicon):
        confidence = round(confidence - CLEAR_CONFIDENCE + AMBIGUOUS_CONFIDENCE, 3)
    best = ranked[0]
    return Proposal(
        start=token.start,
        end=token.end,
        replacement=best,
        confidence=round(confidence - FOREIGN_PENALTY, 3) if foreign else confidence,
        reason=f"“{word}” is not an English word; “{best}” is the likeliest one close to it.",
        rule="nonword.spelling",
        alternatives=tuple(ranked[1:4]),
    )


@lru_cache(maxsize=1 << 14)
def _ranked_corrections(word: str, lexicon: Lexicon) -> tuple[tuple[str, ...], float]:
    """The corrections of an unknown lower-case word, likeliest first, and the confidence in
    the first (memoised: a garbled word often recurs, and its edits cost ~0.1 ms).

    The close candidates are the common words one edit away, ranked by how often real text
    uses them; a word real text uses itself needs ``MIN_LISTED_LENGTH`` letters and a candidate
    ``LISTED_MARGIN`` more frequent with the same first letter.
    """
    observed = lexicon.zipf(word)
    if observed and len(word) < MIN_LISTED_LENGTH:
        return _undoubled_short_word(word, observed, lexicon)
    floor = observed + LISTED_MARGIN if observed else 0.0
    scored = {c: lexicon.zipf(c) for c in _common_among(word, lexicon)}
    candidates = [
        c
        for c, zipf in scored.items()
        if zipf >= floor and not (observed and c[0] != word[0])  # "egirl" is no "girl"
    ]
    if not candidates:
        rare = () if observed else _rare_lost_letter_reading(word, lexicon)
        if rare:
            return rare, RARE_SLIP_CONFIDENCE
        if observed or len(word) < MIN_PREFIX_WORD or _loose_compound(word, lexicon):
            return (), 0.0
        return tuple(_by_beginning(word, lexicon)), BEGINNING_CONFIDENCE
    ranked = sorted(candidates, key=lambda c: (-scored[c], -lexicon.word_counts.get(c), c))
    weights = [10 ** scored[c] for c in scored]  # every close word, however rare, competes
    share = 10 ** scored[ranked[0]] / sum(weights)
    confidence = CLEAR_CONFIDENCE if share >= CLEAR_SHARE else AMBIGUOUS_CONFIDENCE
    if observed:
        confidence -= LISTED_PENALTY
        if scored[ranked[0]] - observed < SURE_LISTED_MARGIN:
            confidence -= LISTED_PENALTY
    return tuple(ranked), round(confidence, 3)


#: A word no real text uses, this long, is read as the rarer English word it is with a letter
#: lost when that is the only English word one edit away ("livelihods", "magiserial"), with
#: this confidence.
MIN_RARE_SLIP_WORD = 8
RARE_SLIP_CONFIDENCE = 0.55


def _rare_lost_letter_reading(word: str, lexicon: Lexicon) -> tuple[str, ...]:
    """Return the English word, common or not, that ``word`` is with one letter lost, when it
    is the only English word one edit away and ``word`` is ``MIN_RARE_SLIP_WORD`` letters long
    at least; else nothing. Long words have few neighbours: one with the typical slip is
    rarely a coincidence."""
    if len(word) < MIN_RARE_SLIP_WORD:
        return ()
    if word[:2] in GLUED_BEFORE and _partner(word[2:], lexicon):
        return ()  # "innation": "in nation" glued (``_glued``), likelier than "pinnation"
    close = edits1(word) & lexicon.english_words
    if len(close) != 1:
        return ()
    (reading,) = close
    return (reading,) if _slip_bonus(word, reading) else ()


#: A short token real text uses is corrected only when it is this long at least.
MIN_SHORT_SLIP_WORD = 5


def _undoubled_short_word(
    word: str, observed: float, lexicon: Lexicon
) -> tuple[tuple[str, ...], float]:
    """Correct a short token real text uses (an abbreviation, a brand, slang: left alone) only
    where it is a common word with one letter of a double lost, ``SURE_LISTED_MARGIN`` more
    frequent and clearly ahead of every other close word (``_clear_by_slip``): "ofice",
    "caled", "atack" are misspellings, written by few."""
    if len(word) < MIN_SHORT_SLIP_WORD:
        return (), 0.0
    close = tuple(sorted(_common_among(word, lexicon), key=lambda c: (-lexicon.zipf(c), c)))
    order = _clear_by_slip(word, close, lexicon) if close else ()
    if (
        not order
        or _slip_bonus(word, order[0]) != UNDOUBLED_BONUS
        or lexicon.zipf(order[0]) - observed < SURE_LISTED_MARGIN
    ):
        return (), 0.0
    return order, round(CLEAR_CONFIDENCE - LISTED_PENALTY, 3)


def _loose_compound(word: str, lexicon: Lexicon) -> bool:
    """Tell whether ``word`` is a word real text uses (four letters or more) followed by a
    common one of five or more ("crypto-miners", "canis-therapy"): a compound, however rare.

    Weaker evidence than ``_compound``'s (garbles split so too: "respons-ability"), it only
    stops a match by the word's beginning, never a close correction.
    """
    return any(
        _common(word[cut:], lexicon) and lexicon.zipf(word[:cut]) >= COMPOUND_HEAD_ZIPF
        for cut in range(4, len(word) - 4)
    )


def _by_beginning(word: str, lexicon: Lexicon) -> list[str]:
    """Return the base form of the words sharing the longest beginning (half or more) with it,
    unless the word begins with that form's stem: it derives from it, it is no garble of it."""
    for length in range(len(word) - 1, max(5, len(word) // 2) - 1, -1):
        matches = lexicon.english_words_starting_with(word[:length])
        if matches:
            shortest = min(len(m) for m in matches)
            base = [m for m in matches if len(m) == shortest]
            best = sorted(base, key=lambda m: (not m.endswith("ise"), m))[0]
            return [] if word.startswith(_stem(best)) else [best]
    return []


def _stem(word: str) -> str:
    """Return ``word`` without its productive ending ("informatics" -> "informat").

    >>> _stem("informatics"), _stem("demilitarise"), _stem("leucocyte")
    ('informat', 'demilitar', 'leucocyt')
    """
    for ending in STEM_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


#: How much likelier a reading is, in Zipf points, when the word lost one of its letters (a
#: slip of typing or conversion: "sreets" for "streets"), and when the letter lost is one of a
#: double ("caried" for "carried", the commonest misspelling), than a reading that adds or
#: replaces a letter: a slip that loses a letter has one way to happen at each place, one
#: that replaces it twenty-five.
LOST_LETTER_BONUS = 0.5
UNDOUBLED_BONUS = 1.0
#: A lost-letter reading this many points (so weighed) ahead of every other is clearly right.
CLEAR_SLIP_MARGIN = 0.4


def _clear_by_slip(word: str, ranked: tuple[str, ...], lexicon: Lexicon) -> tuple[str, ...]:
    """Return the candidates reordered with the lost-letter reading first when the slip and its
    frequency put it ``CLEAR_SLIP_MARGIN`` ahead of every other ("sreets": streets, not sheets
    or sweets; "caried": carried, not cried or varied); empty when none is so far ahead."""
    score = {c: lexicon.zipf(c) + _slip_bonus(word, c) for c in ranked}
    order = sorted(ranked, key=lambda c: -score[c])
    best = order[0]
    if not _slip_bonus(word, best):
        return ()
    if len(order) > 1 and score[best] - score[order[1]] < CLEAR_SLIP_MARGIN:
        return ()
    return tuple(order)


def _doubted_by_slip(word: str, ranked: tuple[str, ...], lexicon: Lexicon) -> bool:
    """Tell whether a rarer candidate, read with the typical slip (a lost letter), comes within
    ``CLEAR_SLIP_MARGIN`` of the likeliest one, which needs another edit: "politicaly" is
    "political" with a letter added or "politically" with one of a double lost, a guess."""
    best = ranked[0]
    ahead = lexicon.zipf(best) + _slip_bonus(word, best) - CLEAR_SLIP_MARGIN
    return any(
        _slip_bonus(word, other) and lexicon.zipf(other) + _slip_bonus(word, other) > ahead
        for other in ranked[1:]
    ) or (
        not _slip_bonus(word, best)
        and _slip_bonus(best, word) != UNDOUBLED_BONUS  # nor a letter doubled ("stationn")
        and bool(_lost_letter_words(word, lexicon) - {best})
    )


@lru_cache(maxsize=1 << 14)
def _lost_letter_words(word: str, lexicon: Lexicon) -> frozenset[str]:
    """Return the English words, common or not, that ``word`` is with one letter lost
    (memoised)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    made = {word[:i] + letter + word[i:] for i in range(len(word) + 1) for letter in letters}
    return frozenset(made & lexicon.english_words)


#: A candidate the article writes this often, and no other candidate at all, is the word
#: the writer meant.
WRITTEN_READING_MENTIONS = 2


def _written_reading(ranked: tuple[str, ...], document: Document) -> tuple[str, ...]:
    """Return the candidates with the one the article writes elsewhere first, when it writes
    it ``WRITTEN_READING_MENTIONS`` times and none of the others: a writer who slips on a word
    writes it right elsewhere ("sreets" in an article about the streets); else nothing."""
    counts = document.word_counts
    written = [c for c in ranked if counts[c] + counts[c.capitalize()]]
    if len(written) != 1:
        return ()
    (reading,) = written
    if counts[reading] + counts[reading.capitalize()] < WRITTEN_READING_MENTIONS:
        return ()
    return (reading, *(c for c in ranked if c != reading))


def _slip_bonus(word: str, candidate: str) -> float:
    """Return how much likelier ``candidate`` is for the slip that makes ``word`` of it:
    ``UNDOUBLED_BONUS`` for a lost letter of a double, ``LOST_LETTER_BONUS`` for another lost
    letter, 0 for any other edit.

    >>> _slip_bonus("caried", "carried"), _slip_bonus("sreets", "streets")
    (1.0, 0.5)
    >>> _slip_bonus("caried", "cried")
    0.0
    """
    if len(candidate) != len(word) + 1:
        return 0.0
    # The first place they differ: the lost letter, or the last of a run of it.
    place = next((i for i in range(len(word)) if word[i] != candidate[i]), len(word))
    if candidate[place + 1 :] != word[place:] or place == 0:
        return 0.0  # a writer rarely loses a word's first letter ("rders": riders, orders?)
    return (
        UNDOUBLED_BONUS if candidate[place - 1 : place] == candidate[place] else LOST_LETTER_BONUS
    )
