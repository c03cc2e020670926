from helpers import findings, located, snippet

RULE = ("missing-space",)


def test_comma_and_period_without_space_are_found_with_a_fix():
    text = "Talks on membership,as planned.\n\nIn 2009,Georgia asked for help.Then it waited.\n"
    found = findings(text, select=RULE)
    assert located(found) == [
        ("missing-space", 1, 10, 1, 23),
        ("missing-space", 3, 4, 3, 16),
        ("missing-space", 3, 27, 3, 36),
    ]
    assert [snippet(text, f) for f in found] == ["membership,as", "2009,Georgia", "help.Then"]
    assert [f.fix.replacement for f in found] == [", ", ", ", ". "]
    assert all(f.fix.safe for f in found)
    assert "write “help. Then”" in found[2].message


def test_exclamation_mark_after_a_word_ending_in_e():
    text = "What a game!Then it rained on E!News.\n"
    found = findings(text, select=RULE)
    assert [snippet(text, f) for f in found] == ["game!Then"]


def test_question_mark_and_closing_quote():
    text = "Was it worth it?According to him, “it was.”Nobody agreed.\n"
    found = findings(text, select=RULE)
    assert [snippet(text, f) for f in found] == ["it?According", "was.”Nobody"]
    assert found[1].fix.replacement == "” "


def test_numbers_abbreviations_addresses_and_code_are_left_alone():
    text = (
        "The U.S. paid 1,000 dollars, or 3.7 percent, at 9:30 a.m. on Jan. 5.\n\n"
        "See archyde.com, Login.gov, USA.Gov, Node.js and the file report.pdf or notes.Docx.\n\n"
        "Version 1.2.3 fixed it. Write to press.office@example.org.\n\n"
        "Visit https://example.com/a,b.Page now.\n\n"
        "Call net.Error.Temporary() or use the `x.Foo` helper and the {e,ob} glob, x,y pairs.\n\n"
        "She earned a Ph.D. in 2001. Wait...Then it rained. We ate at Yahoo!News.\n"
    )
    assert findings(text, select=RULE) == []


def test_front_matter_and_code_blocks_are_not_prose():
    text = "---\ntitle: Hello,world.Again\n---\n\n```\na,b = c.Do()\nend.The\n```\n\nFine text.\n"
    assert findings(text, select=RULE) == []


def test_table_cells_are_checked():
    text = "| Name | Use |\n|---|---|\n| CMS | publishing,editing |\n"
    found = findings(text, select=RULE)
    assert located(found) == [("missing-space", 3, 9, 3, 27)]


def test_glued_across_emphasis_is_info_and_html_line_breaks_are_fine():
    text = "A walk in the park._**Jo Smith** writes for us._\n\nIt helps me.<br><br>When it works.\n"
    found = findings(text, select=RULE)
    assert [(f.line, f.severity.value) for f in found] == [(1, "info")]


def test_a_run_of_glued_commas_is_reported_at_each_comma():
    text = "They met in Paris,Berlin,Rome and Madrid.\n"
    found = findings(text, select=RULE)
    assert [snippet(text, f) for f in found] == ["Paris,Berlin", "Berlin,Rome"]


def test_html_prose_with_inline_tags_and_entities():
    text = (
        "<html><body><p>It rose in <b>2014</b>,Ukraine said&nbsp;it.Then "
        "<code>a.Do()</code> ran.</p></body></html>"
    )
    found = findings(text, name="page.html", select=RULE)
    assert [snippet(text, f) for f in found] == ["2014</b>,Ukraine", "it.Then"]
    assert [f.severity.value for f in found] == ["warning", "warning"]


def test_comma_glued_to_an_opening_quote_or_a_year():
    text = 'The broker stated,"Prices slid." The memo is dated 9 March,2024 in the file.\n'
    found = findings(text, select=("missing-space",))
    assert [(f.column, snippet(text, f), f.fix.replacement) for f in found] == [
        (12, 'stated,"Prices', ", "),
        (54, "March,2024", ", "),
    ]
    assert findings("Totals were 1,2023 and x,2020; the 3,1999 tally.\n", select=("missing-space",)) == []


def test_colon_semicolon_and_a_year_before_a_full_stop():
    text = "Sales rose in 2019.The firm grew. Updated:Monday. Prices rose;The index fell.\n"
    found = findings(text, select=("missing-space",))
    assert [(f.column, snippet(text, f)) for f in found] == [
        (15, "2019.The"),
        (35, "Updated:Monday"),
        (58, "rose;The"),
    ]
    quiet = "See https://x.org/a:B, the 10:30 train, John 3:16 and version 2019.1 today.\n"
    assert findings(quiet, select=("missing-space",)) == []


def test_closing_bracket_or_quote_glued_to_the_next_word():
    text = "WASHINGTON (AP)The vote was close. “We won,”he said. Officials (OSS)is the team.\n"
    found = findings(text, select=("missing-space",))
    assert [(f.column, snippet(text, f), f.fix.replacement) for f in found] == [
        (12, "(AP)The", ") "),
        (40, "won,”he", "” "),
        (64, "(OSS)is", ") "),
    ]
    quiet = "We (re)wrote it in f(x)y form; 1)first item; the Marshal”s car.\n"
    assert findings(quiet, select=("missing-space",)) == []


def test_a_full_stop_after_a_bracket_glued_to_the_next_sentence():
    text = "She had Addison's disease (AD).As a result she took steroids. Call init().Then stop.\n"
    found = findings(text, select=("missing-space",))
    assert [(f.column, snippet(text, f), f.fix.replacement) for f in found] == [(27, "(AD).As", ". ")]


def test_a_semicolon_glued_to_a_lowercase_word():
    text = "The board met on Monday;it voted on Tuesday. Note:this stays.\n"
    found = findings(text, select=("missing-space",))
    assert [(f.column, snippet(text, f), f.fix.replacement) for f in found] == [(18, "Monday;it", "; ")]
