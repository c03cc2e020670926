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
