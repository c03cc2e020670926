"""proper-noun-case: lowercase proper nouns, with the tricky things it must leave alone."""

from helpers import findings, located, snippet

from lint.findings import Severity

RULE = ("proper-noun-case",)


def test_lowercase_country_city_and_demonym_with_exact_positions():
    text = "# Talks\n\nEnvoys met in paris.\n\nThe talks with german and\u00a0spanish delegates ended.\n"
    found = findings(text, select=RULE)
    assert located(found) == [
        ("proper-noun-case", 3, 15, 3, 20),
        ("proper-noun-case", 5, 16, 5, 22),
        ("proper-noun-case", 5, 27, 5, 34),
    ]
    assert [snippet(text, f) for f in found] == ["paris", "german", "spanish"]
    assert [f.fix.replacement for f in found] == ["Paris", "German", "Spanish"]
    assert all(f.fix.safe and f.severity is Severity.ERROR for f in found)
    assert found[0].message == "\u201cparis\u201d should be \u201cParis\u201d"


def test_multi_word_names_are_reported_whole_with_the_canonical_fix():
    text = (
        "Aid from the united States and the Asian development bank rose.\n"
        "Ships left the South china sea.\n"
    )
    found = findings(text, select=RULE)
    assert [snippet(text, f) for f in found] == ["united States", "South china sea"]
    assert [f.fix.replacement for f in found] == ["United States", "South China Sea"]
    assert located(found)[0] == ("proper-noun-case", 1, 14, 1, 27)


def test_non_breaking_hyphen_compound_and_plural_demonym():
    text = "The ukraine\u2011Russia border worried europeans.\n"
    found = findings(text, name="article.txt", select=RULE)
    assert [snippet(text, f) for f in found] == ["ukraine", "europeans"]
    assert [f.fix.replacement for f in found] == ["Ukraine", "Europeans"]


def test_months_march_only_as_a_date_and_may_never():
    text = (
        "Protesters march on the capital. We may go.\n\n"
        "The vote is on march 3. Results come in august 2026.\n"
    )
    found = findings(text, select=RULE)
    assert [(f.line, snippet(text, f), f.severity) for f in found] == [
        (3, "march", Severity.WARNING),
        (3, "august", Severity.WARNING),
    ]


def test_ambiguous_country_needs_a_place_beside_it():
    text = (
        "We roasted a turkey and some china plates broke.\n\n"
        "Officials from Syria, turkey and Iraq met. Talks in Ankara, turkey, went on. The chad fell.\n"
    )
    found = findings(text, select=RULE)
    assert [(f.line, f.column, snippet(text, f)) for f in found] == [(3, 23, "turkey"), (3, 61, "turkey")]
    assert all(f.severity is Severity.WARNING and not f.fix.safe for f in found)


def test_ambiguous_nationality_before_a_word_about_the_state():
    text = "Please polish the silver.\n\nThe polish government objected, over french fries.\n"
    found = findings(text, select=RULE)
    assert [(f.line, snippet(text, f)) for f in found] == [(3, "polish")]


def test_generic_institution_flagged_only_when_partly_capitalised():
    text = "They painted a white house. Security council members met at the White house.\n"
    found = findings(text, select=RULE)
    # "Security council" opens the sentence: its capital proves nothing.
    assert [snippet(text, f) for f in found] == ["White house"]
    assert found[0].fix.replacement == "White House"


def test_direction_word_before_a_region_is_a_style_choice():
    text = "Bats live in central Asia and eastern Europe, not in north America.\n"
    assert [snippet(text, f) for f in findings(text, select=RULE)] == ["north America"]


def test_addresses_code_handles_and_all_caps_are_left_alone():
    text = (
        "---\ntitle: berlin notes\n---\n\n"
        "See https://berlin.de/paris or write to jo@berlin.example.org, follow @berlin and #paris.\n\n"
        "Run `london --fast` and open paris_data.csv or ./tokyo/files or berlin.gov today.\n\n"
        "BREAKING: PARIS AND BERLIN AGREE. Read [the report](https://example.com/london).\n\n"
        "```\nparis = 1\n```\n"
    )
    assert findings(text, select=RULE) == []


def test_tables_are_skipped_by_default_and_checked_on_request():
    text = "| city | note |\n|---|---|\n| madrid | ok |\n"
    assert findings(text, select=RULE) == []
    found = findings(text, select=RULE, settings={"checks": {"proper-noun-case": {"check_tables": True}}})
    assert [snippet(text, f) for f in found] == ["madrid"]


def test_glossary_names_use_the_outlet_spelling():
    settings = {"glossary": ["Kyiv Independent", "iPhone"]}
    text = "The kyiv Independent tested the Iphone. IPhone sales fell. iPhone buyers waited.\n"
    found = findings(text, select=RULE, settings=settings)
    assert [snippet(text, f) for f in found] == ["kyiv Independent", "Iphone"]
    assert [f.fix.replacement for f in found] == ["Kyiv Independent", "iPhone"]


def test_html_positions_survive_entities_and_tags():
    text = "<html><body><p>Caf&eacute; owners in <b>rome</b> met.</p></body></html>\n"
    found = findings(text, name="page.html", select=RULE)
    assert [(f.line, f.column, snippet(text, f)) for f in found] == [(1, 41, "rome")]


def test_lowercase_institution_or_place_when_the_article_names_it_properly_elsewhere():
    text = (
        "The White House and Turkey spoke.\n\n"
        "Later the white house said turkey would join. The state supreme court and the Supreme Court"
        " differ. Polish diplomats came to polish the text.\n"
    )
    found = findings(text, select=RULE)
    assert [(f.line, snippet(text, f), f.severity) for f in found] == [
        (3, "white house", Severity.WARNING),
        (3, "turkey", Severity.WARNING),
    ]
    assert [f.fix.replacement for f in found] == ["White House", "Turkey"]
    assert not any(f.fix.safe for f in found)


def test_names_with_digits_are_not_matched_by_their_letters_alone():
    text = "Read the article. It cites Article 5 of the treaty.\n"
    assert findings(text, select=RULE) == []


def test_language_names_are_flagged_but_standard_lowercase_phrases_are_not():
    text = "She speaks french and english. We ate french fries, an english muffin and swiss chard.\n"
    found = findings(text, select=RULE)
    assert [snippet(text, f) for f in found] == ["french", "english"]


def test_no_fix_when_markup_sits_inside_the_name():
    text = "Aid from the United **states** rose, and *paris* waited.\n"
    found = findings(text, select=RULE)
    assert [(snippet(text, f), f.fix) for f in found][0] == ("United **states", None)
    assert found[1].fix is not None and found[1].fix.replacement == "Paris"


def test_generated_places_and_curated_companies_leaders_and_events():
    text = (
        "Talks in lagos and new delhi went on. Fans in Long beach watched the super Bowl with joe biden.\n\n"
        "The long beach walk was nice. Crews worked in the eastern province. The youtube channel grew.\n"
    )
    found = findings(text, select=("proper-noun-case",))
    assert [(f.line, f.column, snippet(text, f), f.fix.replacement if f.fix else None) for f in found] == [
        (1, 10, "lagos", "Lagos"),
        (1, 20, "new delhi", "New Delhi"),
        (1, 47, "Long beach", "Long Beach"),
        (1, 70, "super Bowl", "Super Bowl"),
        (1, 86, "joe biden", "Joe Biden"),
        (3, 73, "youtube", "YouTube"),
    ]


def test_generated_places_are_quiet_in_foreign_passages_package_names_and_shortcodes():
    text = (
        "El alcalde dijo que como las obras de la ciudad siguen, los vecinos esperan en casa.\n\n"
        "Bump fog-google to 1.2 and read [youtube https://www.youtube.com/watch?v=1].\n\n"
        "They worked pro bono for the city.\n"
    )
    assert findings(text, select=("proper-noun-case",)) == []


def test_shipped_place_names_come_from_their_generator_rules():
    from lint.checks._names import load_lexicon
    from lint.datafiles import data_path
    from lint.words import entry

    lexicon = load_lexicon()
    places = [n for n in lexicon.names.values() if n.kind == "places"]
    assert len(places) > 1500
    header = data_path("names/places.txt").read_text(encoding="utf-8").splitlines()[0]
    assert "tools/make_place_names.py" in header
    # A one-word place that is also an ordinary lowercase word is never flagged on its own.
    for name in places:
        if len(name.tokens) == 1:
            reading = entry(name.tokens[0])
            assert name.rule or reading is None or not reading.lower, name.canonical


def test_a_name_with_a_word_lowercase_and_its_number_changed():
    text = "Speaking to Sky sport later, he left. Two Super bowls and two Champions Leagues were held.\n"
    found = findings(text, select=("proper-noun-case",))
    assert [(f.column, snippet(text, f), f.fix.replacement) for f in found] == [
        (13, "Sky sport", "Sky Sports"),
        (43, "Super bowls", "Super Bowl"),
    ]
    assert findings("The champion league and the premier leagues of old.\n", select=("proper-noun-case",)) == []
