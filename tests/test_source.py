"""Source-aware cleaning: the text before translation repairs names and protects the ones it
spells. Every sentence and name here is ours, written for these tests."""

from __future__ import annotations

import doctest
import json
from pathlib import Path

import pytest
from test_cli import run

import mtfix
import mtfix.detectors.source_names
import mtfix.source
from mtfix.lexicon import load_lexicon
from mtfix.source import align, detect_language, latin_forms, prepare, ukrainian_latin

GERMAN_SOURCE = (
    "Max Verstappen gewann am Sonntag das Rennen in Zandvoort.\n"
    "Er dankte seinem Teamchef Hannes Grünwalder für die Hilfe.\n"
)
GARBLED = (
    "Max Vertape won the race in Zandvoort on Sunday.\n"
    "He thanked his team boss Hannes Grünwalter for the help.\n"
)


def changes(text: str, source: str | None = None) -> list[tuple[str, str, str]]:
    report = mtfix.clean(text, source=source)
    return [(c.original, c.replacement, c.source) for c in report.changes]


def test_doctests() -> None:
    assert doctest.testmod(mtfix.source).failed == 0
    assert doctest.testmod(mtfix.detectors.source_names).failed == 0


# -- Alignment ---------------------------------------------------------------------------------


def test_equal_line_counts_align_line_by_line() -> None:
    alignment = align(["One.", "", "Two."], "Eins.\nZwei.\n")
    assert alignment.method == "lines"
    assert alignment.segments == ("Eins.", "", "Zwei.")
    assert (alignment.aligned, alignment.lines) == (2, 2)


def test_paragraphs_align_when_their_counts_agree() -> None:
    ours = ["First line.", "Second line.", "", "Third line."]
    alignment = align(ours, "Erste Zeile. Zweite Zeile.\n\nDritte Zeile.\n")
    assert alignment.method == "paragraphs"
    assert alignment.segments[0] == alignment.segments[1] == "Erste Zeile. Zweite Zeile."
    assert alignment.segments[3] == "Dritte Zeile."


def test_a_merged_source_sentence_goes_to_both_lines() -> None:
    ours = [
        "The council met on Monday morning in the old town hall.",
        "It approved the new budget for the harbour.",
        "The mayor thanked everyone who came.",
    ]
    source = (
        "Der Rat tagte am Montagmorgen im alten Rathaus und billigte den neuen Hafenhaushalt.\n"
        "Der Bürgermeister dankte allen, die gekommen waren.\n"
    )
    alignment = align(ours, source)
    assert alignment.method == "sentences"
    assert alignment.segments[0] == alignment.segments[1]
    assert alignment.segments[0].startswith("Der Rat tagte")
    assert alignment.segments[2].startswith("Der Bürgermeister")


def test_a_split_source_sentence_joins_on_one_line() -> None:
    ours = [
        "The council met on Monday in the old town hall and approved the harbour budget.",
        "The mayor thanked everyone.",
    ]
    source = (
        "Der Rat tagte am Montag im alten Rathaus.\nEr billigte den Hafenhaushalt.\n"
        "Der Bürgermeister dankte allen.\n"
    )
    alignment = align(ours, source)
    assert alignment.segments[0] == (
        "Der Rat tagte am Montag im alten Rathaus. Er billigte den Hafenhaushalt."
    )
    assert alignment.segments[1] == "Der Bürgermeister dankte allen."


def test_missing_source_lines_leave_lines_unaligned_and_say_so() -> None:
    ours = [
        "The council met on Monday in the old town hall.",
        "It approved the new budget for the harbour and the two bridges.",
        "The mayor thanked everyone who came to the long meeting.",
    ]
    source = "Der Rat tagte am Montag im alten Rathaus.\n"
    alignment = align(ours, source)
    assert alignment.method == "sentences"
    assert alignment.aligned < alignment.lines == 3
    assert alignment.segments[0] == "Der Rat tagte am Montag im alten Rathaus."
    report = mtfix.clean("\n".join(ours) + "\n", source=source)
    assert report.summary["source"]["aligned"] == alignment.aligned


# -- Scripts -----------------------------------------------------------------------------------


def test_latin_names_fold_their_diacritics() -> None:
    assert latin_forms("Grünwalder", "de") == ("Grünwalder", "Grunwalder", "Gruenwalder")
    assert changes(
        "Professor Ugur Sahim presented the data.\n",
        "Professor Uğur Şahin stellte die Daten vor.\n",
    ) == [("Sahim", "Şahin", "entity.source")]
    # The folded spelling of a source name is that name: left alone.
    assert (
        changes(
            "Professor Ugur Sahin presented the data.\n",
            "Professor Uğur Şahin stellte die Daten vor.\n",
        )
        == []
    )


def test_german_source_repairs_a_garbled_name_it_spells() -> None:
    found = changes(GARBLED, GERMAN_SOURCE)
    assert ("Vertape", "Verstappen", "entity.source") in found
    assert ("Grünwalter", "Grünwalder", "entity.source") in found
    report = mtfix.clean(GARBLED, source=GERMAN_SOURCE)
    reasons = [c.reason for c in report.changes if c.original == "Vertape"]
    assert reasons and "(source: Verstappen)" in reasons[0]


def test_ukrainian_is_romanised_by_the_national_system() -> None:
    assert ukrainian_latin("Олександр") == "Oleksandr"
    assert ukrainian_latin("Їжакевич") == "Yizhakevych"
    assert changes(
        "Mayor Oleksandr Shevchik opened the bridge in Lutsk.\n",
        "Мер Олександр Шевчук відкрив міст у Луцьку.\n",
    ) == [("Shevchik", "Shevchuk", "entity.source")]


def test_russian_is_romanised_by_several_standard_systems() -> None:
    forms = latin_forms("Воробьёв", "ru")
    assert "Vorobyov" in forms and "Vorobev" in forms  # Wikipedia's, ICAO's
    assert changes(
        "Sergei Voropyov, the director, resigned on Monday.\n",
        "Директор Сергей Воробьёв ушёл в отставку в понедельник.\n",
    ) == [("Voropyov", "Vorobyov", "entity.source")]


def test_chinese_names_through_pinyin() -> None:
    assert changes(
        "Mayor Zhang Xiaomin visited Kaisian on Friday.\n", "张晓明市长周五访问了开县。\n"
    ) == [("Kaisian", "Kaixian", "entity.source")]
    # The pinyin of the source confirms a name spelled its way.
    assert changes("Mayor Zhang Xiaoming visited Kaixian.\n", "张晓明市长访问了开县。\n") == []


def test_the_language_is_detected_from_the_source() -> None:
    lexicon = load_lexicon()
    assert detect_language("Der Rat tagte am Montag und die Stadt war froh.", lexicon) == "de"
    assert detect_language("Rada se sešla v pondělí a město bylo rádo.", lexicon) == "cs"
    assert detect_language("Рада зібралася в понеділок, і місто було раде.", lexicon) == "uk"
    assert detect_language("Совет собрался в понедельник, и город был рад.", lexicon) == "ru"
    assert detect_language("市议会周一开会。", lexicon) == "zh"
    assert detect_language("市議会は月曜日に開かれた。", lexicon) == "ja"
    assert prepare(["x"], "Der Rat tagte.", lexicon, ("ru",)).language == "ru"


# -- What the source changes and protects ------------------------------------------------------

#: A sentence in which mtfix, without a source, takes "Scholtz" for a garble of a famous name.
SCHOLTZ = (
    "The Chancellor said in Berlin that Olaf Scholtz will meet the SPD leaders in the Bundestag.\n"
)


def test_a_source_that_spells_a_rare_name_vetoes_its_change() -> None:
    assert ("Scholtz", "Scholz", "entity.person") in changes(SCHOLTZ)
    source = (
        "Der Kanzler sagte in Berlin, Olaf Scholtz werde die SPD-Spitze im Bundestag treffen.\n"
    )
    report = mtfix.clean(SCHOLTZ, source=source)
    assert report.changes == ()
    assert report.summary["source"]["vetoed"] == 1


#: An article whose names a German source spells (or spells in German: Moskau), but for one.
WEIGHED = (
    "Talks in Moscov ended on 12 March after 14 hours.\n"
    "Keir Starrer met Olaf Scholz and Emmanuel Macron in Berlin on Tuesday.\n"
    "The 27 ministers agreed on a plan worth 300 billion euros.\n"
)
WEIGHED_SOURCE = (
    "Die Gespräche in Moskau endeten am 12. März nach 14 Stunden.\n"
    "Der britische Premier traf Olaf Scholz und Emmanuel Macron am Dienstag in Berlin.\n"
    "Die 27 Minister einigten sich auf einen Plan über 300 Milliarden Euro.\n"
)


def test_a_name_a_latin_source_spells_nowhere_is_doubted() -> None:
    """The source is one more piece of evidence for a list's correction: Moscow stays sure,
    since the source writes Moskau; Starmer, which it spells nowhere, drops below the default
    threshold, and says why at a lower one."""
    without = {c.replacement: c.confidence for c in mtfix.clean(WEIGHED).changes}
    assert {"Moscow", "Starmer"} <= without.keys()
    report = mtfix.clean(WEIGHED, mtfix.Config(min_confidence=0), source=WEIGHED_SOURCE)
    weighed = {c.replacement: c for c in report.changes}
    assert weighed["Moscow"].confidence == without["Moscow"]
    assert weighed["Starmer"].confidence < 0.5 <= without["Starmer"]
    assert "The source spells no “Starmer”." in weighed["Starmer"].reason
    assert "Starmer" not in {
        c.replacement for c in mtfix.clean(WEIGHED, source=WEIGHED_SOURCE).changes
    }


def test_a_german_noun_capital_does_not_protect_an_english_capital() -> None:
    text = "The two teams will Tango in the final on Sunday.\n"
    source = "Die beiden Teams tanzen am Sonntag im Finale Tango.\n"
    assert changes(text, source) == changes(text)


def test_a_source_word_left_in_the_output_is_flagged() -> None:
    found = changes(
        "The Bundesregierung said the plan was ready.\n",
        "Die Bundesregierung sagte, der Plan sei fertig.\n",
    )
    assert found == [("Bundesregierung", "Bundesregierung", "untranslated.source")]


def test_a_translated_half_of_a_compound_is_no_garble() -> None:
    assert changes(
        "The club signed the Doublewinner last week.\n",
        "Der Verein verpflichtete den Doublesieger letzte Woche.\n",
    ) == changes("The club signed the Doublewinner last week.\n")


def test_without_a_source_nothing_changes() -> None:
    for path in sorted(Path(__file__).parent.glob("fixtures/**/*.txt"))[:20]:
        text = path.read_text(encoding="utf-8")
        plain = mtfix.clean(text)
        assert mtfix.clean(text, source=None) == plain
        assert "source" not in plain.summary


# -- Bad sources -------------------------------------------------------------------------------


def test_an_empty_source_is_not_used() -> None:
    report = mtfix.clean(GARBLED, source=" \n")
    assert report.changes == mtfix.clean(GARBLED).changes
    assert report.summary["source"] == {
        "used": False,
        "language": "",
        "alignment": "sentences",
        "lines": 2,
        "aligned": 0,
        "problem": "the source is empty",
    }


def test_a_source_of_another_text_is_not_used() -> None:
    other = (
        "Die Feuerwehr löschte am Morgen einen Brand in Kassel und Fulda. "
        "Heike Ostermann lobte 112 Helfer.\n"
    )
    report = mtfix.clean(GARBLED, source=other)
    assert report.changes == mtfix.clean(GARBLED).changes
    assert "does not match" in report.summary["source"]["problem"]


# -- The command line --------------------------------------------------------------------------


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "mt" / "sport").mkdir(parents=True)
    (tmp_path / "de" / "sport").mkdir(parents=True)
    (tmp_path / "mt" / "sport" / "race.txt").write_text(GARBLED, encoding="utf-8")
    (tmp_path / "de" / "sport" / "race.txt").write_text(GERMAN_SOURCE, encoding="utf-8")
    return tmp_path


def test_cli_source_file(corpus: Path) -> None:
    result = run(
        "clean", "mt/sport/race.txt", "--source", "de/sport/race.txt", "-f", "lint", cwd=corpus
    )
    assert result.code == 1, result.err
    assert '"Vertape" -> "Verstappen"' in result.out and "(source: Verstappen)" in result.out
    assert result.err == ""


def test_cli_source_dir_mirrors_the_folder_named(corpus: Path) -> None:
    result = run("clean", "mt", "--source-dir", "de", "-f", "json", "--summary", cwd=corpus)
    assert result.code == 1, result.err
    [report] = json.loads(result.out)
    assert report["summary"]["source"]["aligned"] == 2
    assert {c["source"] for c in report["changes"]} == {"entity.source"}
    assert "with a source" in result.err and "2 of 2 lines aligned" in result.err


def test_cli_source_dir_for_a_file_named_directly_uses_its_name(corpus: Path) -> None:
    (corpus / "flat").mkdir()
    (corpus / "flat" / "race.txt").write_text(GERMAN_SOURCE, encoding="utf-8")
    result = run("clean", "mt/sport/race.txt", "--source-dir", "flat", "-f", "lint", cwd=corpus)
    assert '"Vertape" -> "Verstappen"' in result.out


def test_cli_source_field_of_json_lines(corpus: Path) -> None:
    record = {"id": 1, "text": GARBLED, "de": GERMAN_SOURCE}
    (corpus / "c.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = run(
        "clean", "c.jsonl", "--jsonl-field", "text", "--source-field", "de", "-f", "jsonl",
        cwd=corpus,
    )  # fmt: skip
    assert result.code == 1, result.err
    out = json.loads(result.out)
    assert out["id"] == 1 and out["summary"]["source"]["used"] is True
    assert any(c["replacement"] == "Verstappen" for c in out["changes"])


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_bytes(b"\x00\x01\x02binary"), "binary file"),
        (lambda p: p.write_text("", encoding="utf-8"), "empty"),
        (lambda p: None, "no such file"),
        (
            lambda p: p.write_text(
                "Die Feuerwehr löschte einen Brand in Kassel. Heike Ostermann lobte 112 Helfer.\n",
                encoding="utf-8",
            ),
            "does not match",
        ),
    ],
    ids=["binary", "empty", "missing", "wrong file"],
)
def test_cli_bad_source_warns_once_and_cleans_without_it(corpus: Path, make, message) -> None:
    make(corpus / "bad.txt")
    plain = run("clean", "mt/sport/race.txt", "-f", "lint", cwd=corpus)
    result = run("clean", "mt/sport/race.txt", "--source", "bad.txt", "-f", "lint", cwd=corpus)
    assert (result.code, result.out) == (plain.code, plain.out)
    warnings = result.err.splitlines()
    assert len(warnings) == 1 and warnings[0].startswith("mtfix: warning: ")
    assert message in warnings[0] and "without" in warnings[0]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["mt", "--source", "de/sport/race.txt"], "--source is the source of one input"),
        (["mt", "--source-dir", "nowhere"], "not a folder"),
        (["mt", "--source-field", "de"], "--jsonl-field"),
        (["mt", "--source", "x", "--source-dir", "de"], "one of --source"),
    ],
)
def test_cli_source_usage_errors(corpus: Path, args: list[str], message: str) -> None:
    (corpus / "mt" / "second.txt").write_text(GARBLED, encoding="utf-8")
    result = run("clean", *args, cwd=corpus)
    assert result.code == 2 and message in result.err and "Traceback" not in result.err


def test_dask_takes_each_record_source_from_a_field() -> None:
    db = pytest.importorskip("dask.bag")
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    from mtfix.dask import clean_bag, clean_dataframe

    records = [{"text": GARBLED, "de": GERMAN_SOURCE}, {"text": GARBLED}]
    [with_source, without] = clean_bag(
        db.from_sequence(records, npartitions=1), "text", source_field="de"
    ).compute(scheduler="sync")
    assert "Max Verstappen won" in with_source["text"]
    assert without["changes"] == [c.to_dict() for c in mtfix.clean(GARBLED).changes]
    frame = dd.from_pandas(pd.DataFrame({"text": [GARBLED], "de": [GERMAN_SOURCE]}), 1)
    cleaned = clean_dataframe(frame, "text", source_column="de").compute(scheduler="sync")
    assert "Max Verstappen won" in cleaned["text"].iloc[0]


def test_a_japanese_source_confirms_names_in_romaji_but_never_replaces_one() -> None:
    pytest.importorskip("cutlet")
    text = "Mayor Yamada visited Shibuya on Monday with Yamata.\n"
    source = "山田市長は月曜日に渋谷を訪れた。\n"
    report = mtfix.clean(text, source=source)
    assert report.summary["source"]["language"] == "ja"
    assert not [c for c in report.changes if c.source == "entity.source"]
    aligned = prepare(text.splitlines(), source, load_lexicon())
    assert aligned.confirms("Yamada", 1) and aligned.confirms("Shibuya", 1)


def test_cli_review_page_takes_the_source_too(corpus: Path) -> None:
    result = run(
        "clean", "mt/sport/race.txt", "--source", "de/sport/race.txt", "--format", "html",
        "-o", "review.html", cwd=corpus,
    )  # fmt: skip
    assert result.code == 1, result.err
    assert "Verstappen" in (corpus / "review.html").read_text(encoding="utf-8")


def test_a_part_of_a_hyphenated_source_name_is_confirmed() -> None:
    text = "The fire broke out in Garath late on Friday night.\n"
    source = "Das Feuer brach am späten Freitagabend in Düsseldorf-Garath aus.\n"
    assert changes(text, source) == changes(text)
    assert prepare([text], source, load_lexicon()).confirms("Garath", 1)


def test_an_inflected_source_word_is_no_garble_of_the_translation() -> None:
    text = "The Öffentliche service was praised in Pforzheim.\n"
    source = "Der Oeffentlichen Dienst wurde von Pforzheimer Bürgern gelobt.\n"
    assert not [c for c in mtfix.clean(text, source=source).changes if "source" in c.source]


def test_a_foreign_name_read_back_from_chinese_is_left_alone() -> None:
    # Pinyin of a foreign name is no English spelling of it: "Kunbizze" is not pinyin.
    text = "The envoy Kunbizze arrived on Monday.\n"
    assert changes(text, "特使昆比泽周一抵达。\n") == changes(text)


#: Our own Czech news: names declined in the source, nominative in the translation.
CZECH_SOURCE = (
    "Podle mluvčího Jiřího Ovčáčka prezident přijede do Dětmarovic.\n"
    "Povodně zasáhly Uherské Hradiště a Kroměříž, uvedl hydrolog Radek Čekal.\n"
    "Útočník Tomáš Verstappek skóroval za Slavii.\n"
)
CZECH_TRANSLATION = (
    "According to spokesman Jiří Ovčáček, the president will come to Dětmarovice.\n"
    "Floods hit Uherské Hradiště and Kroměříž, said hydrologist Radek Čekal.\n"
    "The striker Tomáš Vertapek scored for Slavia.\n"
)


def test_a_name_declined_in_the_source_is_no_garble_and_no_untranslated_word() -> None:
    assert changes(CZECH_TRANSLATION, CZECH_SOURCE) == [("Vertapek", "Verstappek", "entity.source")]


def test_a_house_style_variant_is_vetoed_only_by_the_same_spelling() -> None:
    text = "Russian troops left the area around Kiev in spring.\n"
    variant = ("Kiev", "Kyiv")
    assert any(c[:2] == variant for c in changes(text))
    # A Russian source romanises to Kiev (ICAO), one spelling among several: the house style stays.
    assert any(
        c[:2] == variant for c in changes(text, "Российские войска весной ушли из-под Киева.\n")
    )
    # A Latin-script source that writes Kiev itself vetoes it.
    assert not any(c[:2] == variant for c in changes(text, "Vojska opustila okolí Kiev na jaře.\n"))


def test_the_text_itself_is_no_source() -> None:
    report = mtfix.clean(SCHOLTZ, source=SCHOLTZ)
    assert report.summary["source"]["problem"] == "the source is the text itself"
    assert report.changes == mtfix.clean(SCHOLTZ).changes


def test_the_rest_of_a_multi_word_name_lets_a_weaker_likeness_count() -> None:
    source = "Trainer Christian Lochner lobte am Samstag die Mannschaft.\n"
    assert changes("Coach Christian Holner praised the team on Saturday.\n", source) == [
        ("Holner", "Lochner", "entity.source")
    ]
    # Alone, "Holner" is not close enough to "Lochner" to be taken for it.
    assert changes("Coach Holner praised the team on Saturday.\n", source) == []


# -- Harm: what the source must not make of a word ---------------------------------------------


def test_a_german_compound_of_common_words_is_no_name_to_repair_with() -> None:
    source = "Die Kurdirektorin lobte am Montag die neue Brunnenhalle.\n"
    half = "The Kurdirector praised the new well hall on Monday.\n"
    assert changes(half, source) == []


def test_a_compound_of_a_word_and_a_place_name_is_still_a_name() -> None:
    source = "Der Bürgermeister von Abtsgmünd eröffnete das Fest.\n"
    garbled = "The mayor of Absagmünd opened the festival.\n"
    assert ("Absagmünd", "Abtsgmünd", "entity.source") in changes(garbled, source)


def test_only_the_beginning_of_a_source_word_is_no_garble_of_it() -> None:
    source = "Im Nationalpark leben viele Panzernashörner.\n"
    assert changes("Many Panzeros live in the national park.\n", source) == []


def test_a_name_cut_short_is_repaired() -> None:
    source = "Stürmer Jonas Kimmich traf zweimal.\n"
    assert ("Kimme", "Kimmich", "entity.source") in changes(
        "Striker Jonas Kimme scored twice.\n", source
    )


def test_a_source_name_english_spells_otherwise_is_never_written() -> None:
    source = "Die Ausstellung in München endet am Sonntag.\n"
    found = changes("The exhibition in Munchn ends on Sunday.\n", source)
    assert not any(replacement == "München" for _, replacement, _ in found)


def test_a_source_name_the_line_already_spells_is_no_repair_for_another_word() -> None:
    source = "Uğur Şahin sprach gestern in Mainz.\n"
    only_source = mtfix.Config(only=("entity.source",))
    report = mtfix.clean("Ugur Sahin spoke in Sahim yesterday.\n", only_source, source=source)
    assert report.changes == ()


def test_a_name_the_source_declines_is_protected() -> None:
    source = "Podle českého poslance Petra Fialky premiér o rozpočtu nejednal.\n"
    text = "According to Czech MP Petr Fialka, the prime minister did not negotiate the budget.\n"
    assert ("Fialka", "Fiala", "entity.person") in changes(text)
    report = mtfix.clean(text, source=source)
    assert report.changes == ()
    assert report.summary["source"]["vetoed"] == 1


def test_a_declined_source_name_that_fits_the_fix_as_well_does_not_veto_it() -> None:
    source = "Premiér Petr Fiala jednal se senátorem Fialou.\n"
    text = "Prime Minister Petr Fiala met senator Fialo.\n"
    assert ("Fialo", "Fiala", "entity.person") in changes(text, source)


@pytest.mark.parametrize(
    ("word", "form", "language", "expected"),
    [
        ("Ovčáček", "Ovčáčkem", "cs", True),
        ("Fiala", "Fialou", "cs", True),
        ("Dětmarovice", "Dětmarovicích", "cs", True),
        ("Kowalski", "Kowalskiego", "pl", True),
        ("Babisch", "Babišem", "cs", False),
        ("Prage", "Praze", "cs", False),
        ("Fiala", "Fialou", "de", False),
    ],
)
def test_declined_forms(word: str, form: str, language: str, expected: bool) -> None:
    assert mtfix.source.declined(word, form, language) is expected


def test_name_match_tells_spelled_declined_and_absent() -> None:
    source = prepare(["Novak met Fialka."], "Novák se sešel s Fialkou.", load_lexicon())
    assert source.language == "cs"
    found = {w: mtfix.source.name_match(source, w, 1) for w in ("Novak", "Fialka", "Fiala")}
    assert found == {"Novak": "spelled", "Fialka": "declined", "Fiala": ""}


# -- The detected language picks the language's own rules ---------------------------------------


def test_a_detected_source_language_picks_its_sense_sets() -> None:
    text = "The two armies agreed to hire hostilities at midnight.\n"
    german = "Die beiden Armeen vereinbarten, die Kämpfe um Mitternacht einzustellen.\n"
    without = mtfix.clean(text).changes
    with_source = mtfix.clean(text, source=german).changes
    assert [c.source for c in with_source] == [c.source for c in without] == ["sense.de.einstellen"]
    as_told = mtfix.clean(text, mtfix.Config(source_languages=("de",))).changes
    assert with_source[0].confidence == as_told[0].confidence > without[0].confidence


def test_another_language_s_sense_set_is_not_tried_with_a_detected_source() -> None:
    text = "Voters cast their bulletins in the capital on Sunday.\n"
    assert [c.source for c in mtfix.clean(text).changes] == ["sense.ru.byulleten"]
    german = "Die Wähler gaben am Sonntag in der Hauptstadt ihre Stimmzettel ab.\n"
    assert mtfix.clean(text, source=german).changes == ()
    russian = "Избиратели опустили свои бюллетени в столице в воскресенье.\n"
    assert [c.source for c in mtfix.clean(text, source=russian).changes] == ["sense.ru.byulleten"]


def test_a_source_language_without_sense_sets_keeps_every_set() -> None:
    text = "Voters cast their bulletins in the capital on Sunday.\n"
    chinese = "选民们星期天在首都投下了选票。\n"
    assert mtfix.clean(text, source=chinese).changes == mtfix.clean(text).changes


def test_source_lang_given_wins_over_the_detected_language() -> None:
    text = "Voters cast their bulletins in the capital on Sunday.\n"
    german = "Die Wähler gaben am Sonntag in der Hauptstadt ihre Stimmzettel ab.\n"
    told = mtfix.Config(source_languages=("ru",))
    assert [c.source for c in mtfix.clean(text, told, source=german).changes] == [
        "sense.ru.byulleten"
    ]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a lone lower-case term of a language that writes its nouns in lower case
        (
            "Every starosta in the district met the governor.\n",
            "Každý starosta v okrese se setkal s hejtmanem.\n",
        ),
        # a term the translation glosses in brackets
        (
            "The mayor (starosta) met the regional governor.\n",
            "Starosta se setkal s hejtmanem.\n",
        ),
    ],
)
def test_a_source_term_the_translation_keeps_as_a_term_is_not_shown(text: str, source: str) -> None:
    assert [c for c in changes(text, source) if c[2].startswith("untranslated")] == []


def test_a_source_word_kept_in_brackets_is_no_flag_at_any_confidence() -> None:
    text = "The mayor (starosta) met the regional governor.\n"
    source = "Starosta se setkal s hejtmanem.\n"
    report = mtfix.clean(text, mtfix.Config(min_confidence=0), source=source)
    assert [c for c in report.changes if c.kind == "untranslated"] == []
