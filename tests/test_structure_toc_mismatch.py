from helpers import findings, located

from lint.findings import Severity

RULE = ("toc-mismatch",)


def test_entry_without_heading_and_heading_missing_from_contents():
    text = (
        "## Contents\n\n- Background\n- What happens next\n\n"
        "## Background\n\nText.\n\n## Next steps\n\nText.\n"
    )
    found = findings(text, select=RULE)
    assert located(found) == [("toc-mismatch", 4, 1, 4, 20), ("toc-mismatch", 10, 1, 10, 14)]
    assert [f.severity for f in found] == [Severity.WARNING, Severity.INFO]
    assert "names no heading" in found[0].message and "missing from the table" in found[1].message


def test_entry_worded_differently_from_its_heading():
    text = "Contents\n\n- Background\n- Key timelines\n\n## Background\n\nText.\n\n## Key timeline\n\nText.\n"
    found = findings(text, select=RULE)
    assert [(f.line, f.column) for f in found] == [(4, 1)]
    assert "“Key timeline”" in found[0].message


def test_matching_contents_and_video_chapters_are_quiet():
    text = (
        "Table of contents\n\n1. [Key Timeline and Data](#data)\n2. Background\n\n"
        "## Key timeline & data\n\nText.\n\n## Background\n\nText.\n"
    )
    assert findings(text, select=RULE) == []
    chapters = "Contents\n\n- 0:00 Introduction\n- 2:34 How it works\n\n## Recording\n\nText.\n"
    assert findings(chapters, select=RULE) == []
