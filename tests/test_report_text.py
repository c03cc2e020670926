"""Text output for people: file headers, --sort, --group-by, --statistics, --show-source, fix words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lint.cli import cli

STORY = (
    "# Harbor council approves budget\n"
    "\n"
    "The council met near the united states border,and voted.Then it left.\n"
    "\n"
    "Pro Tip: read the fine print before the vote.\n"
    "\n"
    "The mayor said TK dollars would go to schools.\n"
)
NOTE = "# Short note\n\nThe mayor said TK.\n"

E1 = ("a.md:3:26: error [proper-noun-case] “united states” should be “United States” "
      "(safe fix: capitalise “united states”)")
W1 = ("a.md:3:40: warning [missing-space] No space after the comma in “border,and”: write “border, and”. "
      "(safe fix: insert a space after a comma)")
W2 = ("a.md:3:51: warning [missing-space] No space after the “.” in “voted.Then”: write “voted. Then”. "
      "(safe fix: insert a space after a full stop)")
W3 = ("a.md:5:1: warning [template-callout] “Pro Tip:” is a template call-out: work the point into the story or "
      "delete the label (suggested fix: delete “Pro Tip:” and capitalise the next word)")
E2 = "a.md:7:16: error [placeholder-text] Placeholder “TK” left in the copy: put in the real text before publishing."
E3 = "b.md:3:16: error [placeholder-text] Placeholder “TK” left in the copy: put in the real text before publishing."
HINT = "3 findings can be fixed with --fix (1 more with --fix --unsafe-fixes)."
SUMMARY = "Found 6 findings (3 errors, 3 warnings) in 2 files."


@pytest.fixture(autouse=True)
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.md").write_text(NOTE, encoding="utf-8")
    return tmp_path


def lines(*args: str, exit_code: int = 1) -> list[str]:
    result = CliRunner().invoke(cli, ["check", "--no-cache", *args, "a.md", "b.md"], catch_exceptions=False)
    assert result.exit_code == exit_code, result.output
    return result.stdout.splitlines()


def test_a_file_with_more_than_a_few_findings_gets_a_header_with_its_score():
    assert lines() == [
        "── a.md · score 3/100 · 34 words · 5 findings (2 errors, 3 warnings)",
        E1, W1, W2, W3, E2,
        E3,  # b.md has one finding: no header
        HINT, SUMMARY,
    ]


def test_sort_severity_puts_errors_first_within_each_file():
    assert lines("--sort", "severity")[1:] == [E1, E2, W1, W2, W3, E3, HINT, SUMMARY]


def test_group_by_category_worst_first():
    assert lines("--group-by", "category") == [
        "── placeholder: 2 findings (2 errors)", E2, E3, "",
        "── casing: 1 finding (1 error)", E1, "",
        "── typography: 2 findings (2 warnings)", W1, W2, "",
        "── boilerplate: 1 finding (1 warning)", W3,
        HINT, SUMMARY,
    ]


def test_group_by_severity_and_quiet_prints_findings_only():
    assert lines("--group-by", "severity") == ["── 3 errors", E1, E2, E3, "",
                                               "── 3 warnings", W1, W2, W3, HINT, SUMMARY]
    assert lines("--group-by", "severity", "--quiet") == [E1, E2, E3, W1, W2, W3]


def test_statistics_counts_each_check():
    assert lines("--statistics") == [
        "2  missing-space     warning  typography   2 safe fixes",
        "2  placeholder-text  error    placeholder",
        "1  proper-noun-case  error    casing       1 safe fix",
        "1  template-callout  warning  boilerplate  1 suggested",
        HINT, SUMMARY,
    ]


def test_show_source_puts_a_caret_under_the_span():
    out = lines("--show-source", "--select", "missing-space,template-callout", exit_code=0)
    assert out == [
        W1,
        "     3 | The council met near the united states border,and voted.Then it left.",
        "       |                                        ^^^^^^^^^^",
        W2,
        "     3 | The council met near the united states border,and voted.Then it left.",
        "       |                                                   ^^^^^^^^^^",
        W3,
        "     5 | Pro Tip: read the fine print before the vote.",
        "       | ^^^^^^^^",
        "2 findings can be fixed with --fix (1 more with --fix --unsafe-fixes).",
        "Found 3 findings (3 warnings) in 2 files.",
    ]


def test_show_source_cuts_a_long_line_around_the_span(workdir: Path):
    long_line = "Word " * 60 + "the united states " + "more " * 60
    (workdir / "a.md").write_text(long_line + "\n", encoding="utf-8")
    (workdir / "b.md").write_text("# A\n\nThe mayor said TK.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--no-cache", "--show-source", "--select", "proper-noun-case", "a.md"])
    out = result.stdout.splitlines()
    assert out[0].startswith("a.md:1:305: error [proper-noun-case]")
    assert out[1].startswith("     1 | …") and out[1].endswith("…") and len(out[1]) == 9 + 100 + 2
    assert "Word the united states more" in out[1]
    assert out[2] == "       | " + " " * (out[1].index("united states") - 9) + "^" * 13


def test_show_source_marks_invisible_and_wide_characters_so_the_caret_stays_under(workdir: Path):
    (workdir / "a.txt").write_text("会議 met\u200b in the united states.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--no-cache", "--show-source", "--select", "proper-noun-case", "a.txt"])
    out = result.stdout.splitlines()
    assert out[1] == "     1 | 会議 met· in the united states."
    assert out[2] == "       | " + " " * 17 + "^" * 13  # 会議 takes four columns, the hidden space one


def test_unsafe_fixes_apply_the_suggested_ones_too(workdir: Path):
    runner = CliRunner()
    safe = runner.invoke(cli, ["check", "--no-cache", "--diff", "--select", "template-callout", "a.md"])
    assert safe.exit_code == 0 and safe.stdout == ""
    unsafe = runner.invoke(cli, ["check", "--no-cache", "--diff", "--unsafe-fixes", "--select", "template-callout",
                                 "a.md"])
    assert unsafe.exit_code == 1
    assert "-Pro Tip: read the fine print before the vote.\n+Read the fine print before the vote.\n" in unsafe.stdout


def test_the_header_shows_reading_ease_when_the_article_was_scored(workdir: Path):
    (workdir / ".newslint.yaml").write_text("checks:\n  readability-score: {min_words: 10}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--no-cache", "a.md"])
    header = result.stdout.splitlines()[0]
    assert header.startswith("── a.md · score 3/100 · 34 words · reading ease ")
    ease = float(header.split("reading ease ")[1].split(" ")[0])
    report = json.loads(CliRunner().invoke(cli, ["check", "--no-cache", "--format", "json", "a.md"]).stdout)
    assert ease == round(report["files"][0]["metrics"]["flesch_reading_ease"])
