from helpers import findings, snippet


def test_tk_in_markdown_paragraph_points_at_the_characters():
    text = "---\ntitle: A story\n---\n\nSales rose **TK** percent last year.\n"
    found = findings(text, select=("placeholder-text",))
    assert [(f.line, f.column, f.end_column) for f in found] == [(5, 14, 16)]
    assert snippet(text, found[0]) == "TK"


def test_code_and_front_matter_are_not_prose():
    text = "---\ntitle: TK\n---\n\nRun `TK` now.\n\n```\nlorem ipsum\n```\n"
    assert findings(text, select=("placeholder-text",)) == []
