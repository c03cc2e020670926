from helpers import findings, snippet

RULE = ("markup-debris",)


def test_markup_showing_as_text_in_plain_text():
    text = (
        "### Council approves budget\n\n"
        "The council met on Monday and **approved the budget** after a long debate.\n\n"
        "Watch: <iframe src=\"x\" width=\"100%\" title=\"player\"> here.\n\n"
        "The mayor&amp;nbsp;spoke, then nbsp; the clerk&#8217;s report followed.\n\n"
        "• • Turnout was high.\n"
        "• • Results came late.\n\n"
        "Read the full report >\n"
    )
    found = findings(text, name="story.txt", select=RULE)
    assert [(f.line, f.column, snippet(text, f)) for f in found] == [
        (1, 1, "### "),
        (3, 31, "**approved the budget**"),
        (5, 8, '<iframe src="x" width="100%" title="player">'),
        (7, 10, "&amp;nbsp;"),
        (7, 32, "nbsp;"),
        (7, 47, "&#8217;"),
        (9, 3, "•"),
        (10, 3, "•"),
        (12, 22, ">"),
    ]
    assert found[1].message.startswith("Markdown bold marks “**” show as text around “approved the budget”")
    assert found[1].fix.replacement == "approved the budget"


def test_markdown_and_decoded_entities_are_fine_where_they_belong():
    text = (
        "## Council approves budget\n\n"
        "The council **approved the budget** &amp; the plan, said A&amp;E staff.\n\n"
        "> A quotation from the minutes.\n\n"
        "Compare 3 > 2 and a/b; the <b>tag</b> is HTML in Markdown.\n\n"
        "- first item\n- second item\n"
    )
    assert findings(text, select=RULE) == []
    html = "<html><body><p>The council &amp; the mayor &nbsp; met.</p><p><b>Bold</b> text.</p></body></html>"
    assert findings(html, name="story.html", select=RULE) == []


def test_markdown_debris_in_html_prose():
    html = "<html><body><p>The council **approved the budget** on Monday.</p></body></html>"
    found = findings(html, name="story.html", select=RULE)
    assert [snippet(html, f) for f in found] == ["**approved the budget**"]


def test_escape_sequences_and_markdown_links_outside_markdown():
    text = 'He said \\"no\\" and it\\u2019s over.\\r\\nSee [the report](https://example.com/r) here.\n'
    found = findings(text, name="story.txt", select=RULE)
    assert [(f.column, snippet(text, f)) for f in found] == [
        (9, '\\"'),
        (13, '\\"'),
        (22, "\\u2019"),
        (35, "\\r\\n"),
        (43, "[the report](https://example.com/r)"),
    ]
    assert found[-1].fix.replacement == "the report"
    # In Markdown the link is a link and a backslash before a quote is an escape.
    assert findings('He said \\"no\\". See [the report](https://example.com/r).\n', select=RULE) == []


def test_a_tag_that_lost_its_opening_bracket_or_had_its_quotes_curled():
    text = "Storm hits the coast\n\np class=”story-time updated-time”>\n\nThe p class of ships is old.\n"
    found = findings(text, name="story.txt", select=("markup-debris",))
    assert [(f.line, f.column, snippet(text, f)) for f in found] == [(3, 1, "p class=”story-time updated-time”>")]
