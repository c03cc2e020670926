"""GitLab Code Quality: the report's fields, and fingerprints that do not depend on line numbers."""

from __future__ import annotations

import json

from helpers import lint

from lint.report import RunReport, renderer

TEXT = "Sales rose TK percent.\n\nCosts rose TK percent.\n\nSales rose TK percent.\n"


def issues(text: str) -> list[dict]:
    result = lint(text, name="news/budget.md", select=("placeholder-text",))
    return json.loads(renderer("gitlab")(RunReport([result], "1.0")))


def test_issue_fields_and_position():
    first = issues(TEXT)[0]
    assert first["check_name"] == "placeholder-text"
    assert first["severity"] == "major"
    assert "TK" in first["description"] and first["description"].endswith(" [placeholder-text]")
    assert first["location"] == {
        "path": "news/budget.md",
        "positions": {"begin": {"line": 1, "column": 12}, "end": {"line": 1, "column": 14}},
    }


def test_fingerprints_are_unique_and_do_not_move_with_the_lines():
    before = issues(TEXT)
    after = issues("# A headline\n\nA new first paragraph.\n\n" + TEXT)
    assert len({i["fingerprint"] for i in before}) == 3  # identical messages still get their own
    assert [i["fingerprint"] for i in before] == [i["fingerprint"] for i in after]
    assert [i["location"]["positions"]["begin"]["line"] for i in after] == [5, 7, 9]
