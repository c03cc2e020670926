from helpers import findings, located, snippet

RULE = ("doubled-space",)


def test_plain_text_doubled_spaces_between_words():
    text = "The council met on Tuesday.  It voted  to close the library.\n"
    found = findings(text, name="story.txt", select=RULE)
    assert located(found) == [("doubled-space", 1, 28, 1, 30), ("doubled-space", 1, 38, 1, 40)]
    assert all(f.fix.replacement == " " and f.fix.safe for f in found)


def test_plain_text_indentation_alignment_and_line_ends_are_fine():
    text = (
        "    Indented first line of prose here.\n"
        "Name        Value of the thing here.\n"
        "Line ends with spaces  \nnext.\n"
    )
    assert findings(text, name="story.txt", select=RULE) == []


def test_markdown_and_html_collapse_plain_spaces():
    md = "The council met.  It voted  to close it.\n\n| a  | b   |\n|----|-----|\n"
    html = "<html><body><p>The council met.  It voted   to close it.</p></body></html>"
    assert findings(md, select=RULE) == []
    assert findings(html, name="page.html", select=RULE) == []


def test_no_break_space_beside_a_space_is_visible_everywhere():
    text = "The risk was low.\u00a0 We went ahead.\n\nAn &nbsp; entity too.\n"
    found = findings(text, select=RULE)
    assert [snippet(text, f) for f in found] == ["\u00a0 ", " &nbsp; "]
    assert [(f.line, f.column, f.severity.value) for f in found] == [(1, 18, "info"), (3, 3, "info")]


def test_markdown_plain_spaces_can_be_switched_on():
    found = findings(
        "One  two.\n", select=RULE, settings={"checks": {"doubled-space": {"markup_plain_spaces": True}}}
    )
    assert located(found) == [("doubled-space", 1, 4, 1, 6)]
