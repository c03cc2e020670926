from helpers import findings, located

from lint.findings import Severity

RULE = ("empty-section",)


def test_heading_closed_by_a_higher_heading_and_at_the_end():
    text = (
        "# Title\n\nIntro text.\n\n## Budget\n\nText.\n\n### Details\n\n"
        "## Next steps\n\nMore.\n\n## Outlook\n"
    )
    found = findings(text, select=RULE)
    assert located(found) == [("empty-section", 9, 1, 9, 12), ("empty-section", 15, 1, 15, 11)]
    assert all(f.severity is Severity.WARNING for f in found)
    assert "Details" in found[0].message and "end of the article" in found[1].message


def test_heading_followed_by_a_heading_of_the_same_rank_is_a_hint():
    text = "## Background\n\n## What next\n\nTalks resume on Monday.\n"
    found = findings(text, select=RULE)
    assert [(f.line, f.severity) for f in found] == [(1, Severity.INFO)]


def test_sections_with_content_are_quiet():
    text = (
        "## Reactions\n\n### At home\n\nVoters cheered.\n\n"
        "## Photo {{< img src=\"a.jpg\" >}}\n\n## Gallery\n\n![A crowd](crowd.jpg)\n\n"
        "##### Filed in Berlin\n\n## Data\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    )
    assert findings(text, select=RULE) == []


def test_headings_named_in_the_contents_are_left_to_the_duplicate_checks():
    text = "Contents\n\n- Alpha\n- Beta\n\n## Alpha\n\n## Beta\n\nText.\n"
    assert findings(text, select=RULE) == []


def test_plain_text_short_lines_are_not_taken_for_empty_sections():
    text = "Budget passes\nBy Jane Doe\nBerlin\nThe council approved the budget.\nReporting by Ann Lee\n"
    assert findings(text, name="story.txt", select=RULE) == []
