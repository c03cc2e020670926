"""Suppression comments, front matter and the two suppression checks."""

from __future__ import annotations

from pathlib import Path

from helpers import findings, located, make_config, snippet

from lint.document import parse
from lint.engine import lint_text
from lint.results import Selection

PH = ("placeholder-text", "unknown-suppression", "unused-suppression")


def run(text: str, name: str = "article.md", **kw: object):
    return findings(text, name=name, select=PH, **kw)


def test_disable_then_enable_hides_only_the_stretch_between():
    text = (
        "Sales rose TK percent.\n\n"
        "<!-- newslint-disable placeholder-text -->\n"
        "Costs rose TK percent.\n\n"
        "<!-- newslint-enable placeholder-text -->\n"
        "Jobs rose TK percent.\n"
    )
    assert located(run(text)) == [
        ("placeholder-text", 1, 12, 1, 14),
        ("placeholder-text", 7, 11, 7, 13),
    ]


def test_disable_without_enable_reaches_the_end_of_the_file():
    text = "Sales rose TK.\n\n<!-- newslint-disable placeholder-text -->\n\nCosts rose TK.\n\nJobs rose TK.\n"
    assert [f.line for f in run(text)] == [1]


def test_disable_next_line_skips_blank_lines_and_covers_one_line_only():
    text = "<!-- newslint-disable-next-line placeholder-text -->\n\nSales rose TK.\nCosts rose TK.\n"
    assert located(run(text)) == [("placeholder-text", 4, 12, 4, 14)]


def test_disable_line_covers_the_comments_own_line():
    text = "Sales rose TK. <!-- newslint-disable-line placeholder-text -->\n\nCosts rose TK.\n"
    assert [f.line for f in run(text)] == [3]


def test_a_category_and_no_rule_at_all_both_work():
    by_category = "<!-- newslint-disable-next-line placeholder -->\nSales rose TK.\n"
    every_rule = "<!-- newslint-disable-next-line -->\nSales rose TK.\n"
    keyword_all = "<!-- newslint-disable-next-line all -->\nSales rose TK.\n"
    assert run(by_category) == run(every_rule) == run(keyword_all) == []


def test_a_reason_after_two_dashes_is_not_a_rule_name():
    text = "<!-- newslint-disable-next-line placeholder-text -- the quote is verbatim -->\nSales rose TK.\n"
    assert run(text) == []


def test_enabling_one_rule_keeps_the_other_disabled():
    text = (
        "<!-- newslint-disable placeholder-text, demo-fix -->\n\nA TK teh.\n\n"
        "<!-- newslint-enable placeholder-text -->\n\nB TK teh.\n"
    )
    plugin = str(Path(__file__).parent / "plugins" / "demo_fix.py")
    found = findings(text, settings={"plugins": [plugin]}, select=(*PH, "demo-fix"))
    assert located(found) == [("placeholder-text", 7, 3, 7, 5)]


def test_front_matter_disables_rules_for_the_whole_article():
    text = (
        "---\ntitle: A story\nnewslint:\n  disable: [placeholder-text]\n---\n\nSales rose TK.\n\nTK again.\n"
    )
    assert run(text) == []
    all_rules = "---\nnewslint:\n  disable: all\n---\n\nSales rose TK.\n"
    assert run(all_rules) == []


def test_html_comments_work_in_html_pages():
    text = (
        "<html><body><article>\n<p>Sales rose TK.</p>\n"
        "<!-- newslint-disable-next-line placeholder-text -->\n<p>Costs rose TK.</p>\n"
        "</article></body></html>\n"
    )
    assert [(f.line, f.column) for f in run(text, name="page.html")] == [(2, 15)]


def test_plain_text_hash_and_bracket_forms():
    text = (
        "Budget vote\n\n"
        "# newslint-disable-next-line placeholder-text\n"
        "Sales rose TK percent.\n"
        "[newslint-disable-next-line placeholder-text]\n"
        "Costs rose TK percent.\n"
        "Jobs rose TK percent.\n"
    )
    assert located(run(text, name="story.txt")) == [("placeholder-text", 7, 11, 7, 13)]


def test_plain_text_directive_lines_are_not_prose():
    text = "[newslint-disable-next-line placeholder-text]\nSales rose TK percent in the second quarter.\n"
    doc = parse("story.txt", text)
    assert all("newslint" not in b.text.text for b in doc.blocks)
    assert doc.blocks[0].text.text.startswith("Sales")
    # In Markdown a line starting with # is a heading, not a directive: it stays prose.
    assert any("newslint" in b.text.text for b in parse("a.md", "# newslint-disable x\n").blocks)


def test_a_directive_shown_in_a_code_block_is_an_example_not_a_suppression():
    text = "```\n<!-- newslint-disable placeholder-text -->\n```\n\nSales rose TK.\n"
    assert [f.line for f in run(text)] == [5]


def test_unknown_rule_is_reported_at_its_name_with_a_suggestion():
    text = "<!-- newslint-disable-next-line placeholder-txt -->\nSales rose TK.\n"
    found = run(text)
    assert located(found) == [
        ("unknown-suppression", 1, 33, 1, 48),
        ("placeholder-text", 2, 12, 2, 14),
    ]
    assert snippet(text, found[0]) == "placeholder-txt"
    assert "did you mean “placeholder-text”" in found[0].message


def test_unknown_rule_in_front_matter_points_into_the_front_matter():
    text = "---\nnewslint:\n  disable: [placeholdr-text]\n---\n\nText.\n"
    found = run(text)
    assert located(found) == [("unknown-suppression", 3, 13, 3, 28)]


def test_unknown_suppression_can_be_switched_off():
    text = "<!-- newslint-disable-next-line nonsense -->\nSales rose TK.\n"
    found = run(text, settings={"checks": {"unknown-suppression": False}})
    assert [f.rule for f in found] == ["placeholder-text"]


def _lint(text: str, report_unused: bool, select: tuple[str, ...] = PH):
    config = make_config()
    selection = Selection(select=select, report_unused_suppressions=report_unused)
    return lint_text("article.md", text, config.for_file(Path("article.md")), selection).findings


def test_unused_suppressions_are_reported_only_when_asked():
    text = (
        "<!-- newslint-disable-next-line placeholder-text -->\nSales rose TK.\n\n"
        "<!-- newslint-disable-next-line placeholder-text -->\nSales rose 4 percent.\n"
    )
    assert _lint(text, report_unused=False) == []
    found = _lint(text, report_unused=True)
    assert located(found) == [("unused-suppression", 4, 33, 4, 49)]
    assert "hides no finding" in found[0].message
    # The flag is enough: unused-suppression need not be selected too.
    assert located(_lint(text, report_unused=True, select=("placeholder-text",))) == [
        ("unused-suppression", 4, 33, 4, 49)
    ]


def test_unused_is_not_claimed_for_checks_that_did_not_run():
    # placeholder-text did not run (not selected), so its suppression cannot be judged.
    text = "<!-- newslint-disable-next-line placeholder-text -->\nSales rose 4 percent.\n"
    assert _lint(text, report_unused=True, select=("unused-suppression",)) == []


def test_unused_suppression_on_in_the_config():
    text = "<!-- newslint-disable placeholder-text -->\nSales rose 4 percent.\n"
    found = run(text, settings={"checks": {"unused-suppression": "info"}})
    assert [(f.rule, f.severity.value) for f in found] == [("unused-suppression", "info")]
