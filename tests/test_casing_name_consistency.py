"""name-case-consistency: one name cased two ways in an article."""

from helpers import findings, located, snippet

RULE = ("name-case-consistency",)


def test_partly_lowercase_multi_word_name_points_at_the_usual_form():
    text = (
        "The Open Data Council met in May. A member of the Open Data Council spoke.\n\n"
        "Later the Open Data council published its report.\n"
    )
    found = findings(text, select=RULE)
    assert located(found) == [("name-case-consistency", 3, 11, 3, 28)]
    assert snippet(text, found[0]) == "Open Data council"
    assert found[0].message == (
        "\u201cOpen Data council\u201d is written \u201cOpen Data Council\u201d elsewhere in this article "
        "(2 times): use one form"
    )
    assert found[0].fix.replacement == "Open Data Council"


def test_inner_capital_variants_report_the_minority():
    text = "Code lives on GitHub. We moved to GitHub in May. Some teams still use Github.\n"
    found = findings(text, select=RULE)
    assert [(f.line, f.column, snippet(text, f)) for f in found] == [(1, 71, "Github")]
    assert found[0].fix.replacement == "GitHub"


def test_names_with_an_ordinary_word_beside_them_are_not_variants():
    text = (
        "The Rust Team said hello. The Rust Team met twice. The Rust team is small.\n\n"
        "Rustfmt formats code; run rustfmt to use it. The Internet is big; the internet is old.\n\n"
        "The DigitalGov Team wrote. The DigitalGov Team edited. The DigitalGov team posted.\n"
    )
    assert findings(text, select=RULE) == []


def test_sentence_starts_headings_and_ties_do_not_count():
    text = (
        "# The Open Data council\n\n"
        "Open data matters. The Open Data Council met.\n\n"
        "Teams use YouTube. Others use Youtube.\n"
    )
    assert findings(text, select=RULE) == []


def test_known_names_point_at_the_canonical_form_and_can_be_left_to_proper_noun_case():
    text = "The European Union met. Later the European union voted.\n"
    on = {"checks": {"name-case-consistency": {"include_known_names": True}}}
    found = findings(text, select=RULE, settings=on)
    assert located(found) == [("name-case-consistency", 1, 35, 1, 49)]
    assert snippet(text, found[0]) == "European union"
    assert found[0].fix.replacement == "European Union"
    # The default preset leaves known names to proper-noun-case: one slip, one finding.
    assert findings(text, select=RULE) == []


def test_known_name_inside_a_longer_capitalised_run_is_found():
    text = "Aid from the United States and the European Union grew. The European union then paused it.\n"
    found = findings(text, select=RULE, settings={"checks": {"name-case-consistency": {"include_known_names": True}}})
    assert [(f.line, f.column, snippet(text, f)) for f in found] == [(1, 61, "European union")]


SINGLE = ("name-case-consistency",)


def test_single_words_written_lowercase_where_they_are_names():
    text = (
        "The BBC said the BBC board met. A clip from the bbc archive was shown.\n\n"
        "Fans of the yankees filled the stands on a cold night in April.\n\n"
        "The firm named the tablet “Nimbus”. Critics said that Nimbus is late. "
        "It called the nimbus tablet its best.\n\n"
        "Nimbus tablet sales rose.\n"
    )
    found = findings(text, select=SINGLE)
    assert [(f.line, f.column, snippet(text, f), f.fix.replacement) for f in found] == [
        (1, 49, "bbc", "BBC"),
        (3, 13, "yankees", "Yankees"),
        (5, 85, "nimbus", "Nimbus"),
    ]
    assert found[0].message == "“bbc” is written “BBC” elsewhere in this article (2 times): write “BBC”."
    assert found[1].message == "“yankees” is a name: write “Yankees”."


def test_ordinary_words_jargon_dates_and_foreign_passages_are_left_alone():
    text = (
        "Anna Cook met the cook. Apple and the apple growers met. The lang team met.\n\n"
        "The meeting is on 15 jan 2021. Our html and HTML pages differ; the html one is old.\n\n"
        "El alcalde dijo que las obras de la ciudad siguen y que los vecinos esperan.\n\n"
        "Run `rustup` and the rustup tool; see github.com/rust-lang and the rust-lang site.\n"
    )
    assert findings(text, select=SINGLE) == []
