"""sentence-start-case: lowercase starts, and the many places where lowercase is right."""

from helpers import findings, located, snippet

RULE = ("sentence-start-case",)


def test_sentence_paragraph_and_heading_starts_with_exact_positions():
    text = (
        "# Budget talks\n\n"
        "The council met on Monday. officials said a deal was near.\n\n"
        "## the next steps\n\n"
        "since the vote, spending has risen.\n"
    )
    found = findings(text, select=RULE)
    assert located(found) == [
        ("sentence-start-case", 3, 28, 3, 37),
        ("sentence-start-case", 5, 4, 5, 7),
        ("sentence-start-case", 7, 1, 7, 6),
    ]
    assert [snippet(text, f) for f in found] == ["officials", "the", "since"]
    assert [f.fix.replacement for f in found] == ["Officials", "The", "Since"]
    assert found[0].message == (
        "Sentence starts with a lowercase letter: write \u201cOfficials\u201d for \u201cofficials\u201d"
    )
    assert found[1].message.startswith("Heading starts")
    assert found[2].message.startswith("Paragraph starts")


def test_plain_text_article_lines():
    text = "Rates rose again\n\nThe bank acted on Tuesday. he said more was coming.\n"
    found = findings(text, name="article.txt", select=RULE)
    assert [(f.line, f.column, snippet(text, f)) for f in found] == [(3, 28, "he")]


def test_ellipsis_colon_abbreviation_and_numbers_continue_the_sentence():
    text = (
        "He paused... and went on. The plan: cut costs. Costs fell approx. ten percent.\n\n"
        "We count 1. what we do and 2. what we expect. She met Jo Smith, PhD. later that day.\n"
    )
    assert findings(text, select=RULE) == []


def test_brands_glossary_identifiers_and_names_no_dictionary_knows():
    text = (
        "iPhone sales rose. eBay fell. npm grew. x86 chips sold out.\n\n"
        "login.gov adds a feature. rustfmt formats code. pnkfelix reviewed it.\n\n"
        "acme widgets shipped late.\n"
    )
    assert findings(text, select=RULE, settings={"glossary": ["acme"]}) == []


def test_words_the_article_writes_as_code_and_quotes_that_open_mid_sentence():
    text = (
        "Install it with `cargo add`.\n\n"
        "cargo now removes packages too.\n\n"
        "He called it \u201cfine.\u201d reads the memo. Then \u201cwe agree\u201d was all he said.\n"
    )
    assert findings(text, select=RULE) == []


def test_paragraph_after_code_image_or_colon_continues():
    text = (
        "The command prints:\n\n"
        "```\nok\n```\n\n"
        "where ok means the build passed.\n\n"
        "Our logo was this one:\n\n"
        "![logo](logo.png)\n\n"
        "in use until 1975 across the agency.\n"
    )
    assert findings(text, select=RULE) == []


def test_fragment_lists_and_release_notes_stay_quiet():
    text = (
        "Bring these:\n\n- apples\n- bananas\n- cherries\n\n"
        "## Changes\n\n"
        "* Fixed a crash on start.\n* Added dark mode.\n* bump libfoo to 1.2\n* Improved the docs.\n"
    )
    assert findings(text, select=RULE) == []


def test_lowercase_sentence_item_in_a_capitalised_list():
    text = (
        "- The tool now starts faster.\n- The menu has moved.\n- the cache is cleared on exit.\n"
        "- Fonts are sharper.\n"
    )
    found = findings(text, select=RULE)
    assert [(f.line, f.column, snippet(text, f)) for f in found] == [(3, 3, "the")]
    assert found[0].message.startswith("List item starts lowercase")


def test_tables_and_emphatic_fragments_are_not_sentences():
    text = (
        "| name | note |\n|---|---|\n| foo | lowercase cell. another one |\n\n"
        "Test after every. single. change. It pays off.\n"
    )
    assert findings(text, select=RULE) == []


def test_many_lowercase_headings_are_the_house_style():
    text = "## setup\n\nText here.\n\n## running tests\n\nMore text.\n\n## deploying it\n\nEnd.\n"
    assert findings(text, select=RULE) == []


def test_html_paragraph_and_front_matter():
    html = "<html><body><h2>Update</h2><p>The vote passed. the mayor left.</p></body></html>\n"
    found = findings(html, name="page.html", select=RULE)
    assert [(f.line, f.column, snippet(html, f)) for f in found] == [(1, 48, "the")]
    md = "---\ntitle: lowercase title\nsummary: another one\n---\n\nThe text is fine.\n"
    assert findings(md, select=RULE) == []


def test_one_lowercase_heading_pasted_three_times_is_not_a_style():
    # Three copies are one decision: a real lowercase style needs several different headings.
    heading = "where the ferry goes next\n\n"
    text = heading + "The ferry left at noon.\n\n" + heading + "It came back late.\n\n" + heading
    found = findings(text, name="story.txt", select=RULE)
    assert located(found) == [
        ("sentence-start-case", 1, 1, 1, 6),
        ("sentence-start-case", 5, 1, 5, 6),
        ("sentence-start-case", 9, 1, 9, 6),
    ]
