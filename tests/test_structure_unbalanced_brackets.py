from helpers import findings, located

RULE = ("unbalanced-brackets",)


def test_unclosed_and_unopened_parentheses():
    text = "The ministers (who met in Berlin agreed to talk.\n\nThey met on Monday) and left.\n"
    found = findings(text, select=RULE)
    assert located(found) == [("unbalanced-brackets", 1, 15, 1, 16), ("unbalanced-brackets", 3, 19, 3, 20)]
    assert "never closed" in found[0].message and "never opened" in found[1].message


def test_crossed_brackets_report_the_inner_one():
    found = findings("See the report (and [the annex) for details.\n", select=RULE)
    assert [(f.column, f.message[:3]) for f in found] == [(21, "“[”")]


def test_enumerations_smileys_ranges_links_and_code_are_quiet():
    text = (
        "Pick 1) a plan, 2) a date or b) neither. Great news :) and sad news :-(\n\n"
        "Values lie in [0, 1) here. Items (a) and (b) stay. It uses MSVC (Microsoft Visual C) now.\n\n"
        "See [the page](https://example.org/a_(b)) and `f(x` in code.\n"
    )
    assert findings(text, select=RULE) == []


def test_positions_in_an_html_page_point_at_the_source():
    text = "<html><body><article>\n<p>Ministers &amp; aides (who met agreed.</p>\n</article></body></html>\n"
    found = findings(text, name="page.html", select=RULE)
    assert located(found) == [("unbalanced-brackets", 2, 26, 2, 27)]
