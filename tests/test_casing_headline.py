"""headline-case: house headline style (title, sentence) and headings that mix both."""

from helpers import findings, located, snippet

RULE = ("headline-case",)
TITLE = {"style": {"headline_case": "title"}}
SENTENCE = {"style": {"headline_case": "sentence"}}


def test_mixed_heading_is_flagged_with_any_style_and_both_fixes_offered():
    text = (
        "# Talks resume\n\n"
        "## ongoing Negotiations & Future outlook\n\n"
        "The negotiations go on and the future is open.\n"
    )
    found = findings(text, select=RULE)
    assert located(found) == [("headline-case", 3, 4, 3, 41)]
    assert snippet(text, found[0]) == "ongoing Negotiations & Future outlook"
    assert "\u201cOngoing negotiations & future outlook\u201d (sentence case)" in found[0].message
    assert "\u201cOngoing Negotiations & Future Outlook\u201d (title case)" in found[0].message
    assert found[0].fix.replacement == "Ongoing negotiations & future outlook"
    assert not found[0].fix.safe


def test_consistent_headings_with_names_pass_with_any_style():
    text = (
        "# Why we chose React for the new site\n\n"
        "## Getting started with Login.gov\n\n"
        "## How the European Union Votes on Trade\n\n"
        "## Lessons From the Field: What We Learned\n\n"
        "## Change Log - Goodbye 2023, looking forward to the New Year\n\n"
        "We use React because the team knew it. Getting started took a week, and we learned a lot.\n"
    )
    assert findings(text, select=RULE) == []


def test_title_style_names_the_words_to_change():
    text = (
        "# How the council Spent Its Budget in 2024\n\n## The Vote Of The Year\n\n"
        "## A Plan for the Future of Work\n"
    )
    found = findings(text, select=RULE, settings=TITLE)
    assert [(f.line, f.column) for f in found] == [(1, 3), (3, 4)]
    assert found[0].fix.replacement == "How the Council Spent Its Budget in 2024"
    assert "\u201ccouncil\u201d" in found[0].message
    assert found[1].fix.replacement == "The Vote of the Year"


def test_title_style_leaves_acronyms_brands_and_small_words_alone():
    text = "# NASA and iPhone Makers Look to the Sky\n\n## What It Is and Why It Matters\n"
    assert findings(text, select=RULE, settings=TITLE) == []


def test_sentence_style_lowercases_common_words_but_keeps_names():
    text = (
        "# How The Council Spent Its Budget\n\n"
        "## Why we chose Django in Germany\n\n"
        "The council spent its budget on the budget office. We met Django users in Berlin.\n"
    )
    found = findings(text, select=RULE, settings=SENTENCE)
    assert [(f.line, f.column) for f in found] == [(1, 3)]
    assert found[0].fix.replacement == "How the council spent its budget"


def test_options_can_override_the_house_style():
    text = "# How the council Spent Its Budget\n\nThe council spent its budget.\n"
    settings = {"checks": {"headline-case": {"style": "title"}}}
    assert len(findings(text, select=RULE, settings=settings)) == 1
    assert findings(text, select=RULE) == []


def test_capitalised_heading_ending_in_a_lowercase_word_is_mixed():
    text = "## Rising Prices & Weak outlook\n\nThe prices are rising and the outlook is weak.\n"
    found = findings(text, select=RULE)
    assert [(f.line, f.column, snippet(text, f)) for f in found] == [(1, 4, "Rising Prices & Weak outlook")]
    assert found[0].fix.replacement == "Rising prices & weak outlook"


def test_heading_with_a_template_tag_gets_no_rewrite_fix():
    text = "## ongoing Negotiations {{< icon >}} & Future outlook\n\nThe negotiations and the future.\n"
    found = findings(text, select=RULE)
    assert len(found) == 1 and found[0].fix is None
    assert "\ufffc" not in found[0].message and "negotiations \u2026 &" in found[0].message
