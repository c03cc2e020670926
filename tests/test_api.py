"""The Python API (lint.api): same findings as the CLI, fixes in memory, configs, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lint import api
from lint.cli import cli

STORY = (
    "# Harbor budget vote\n"
    "\n"
    "The council met in the united states embassy on Monday.\n"
    "\n"
    "Officials said the plan was TK and would be ready soon.\n"
)


def positions(result: api.FileResult) -> list[tuple[str, int, int, int, int]]:
    return [(f.rule, f.line, f.column, f.end_line, f.end_column) for f in result.findings]


def test_lint_text_finds_exact_positions_with_the_default_preset():
    result = api.lint_text(STORY, "story.md")
    assert result.error is None and result.format == "markdown"
    assert positions(result) == [
        ("proper-noun-case", 3, 24, 3, 37),
        ("placeholder-text", 5, 29, 5, 31),
    ]
    assert result.findings[0].message == "“united states” should be “United States”"
    assert result.findings[0].fix is not None and result.findings[0].fix.replacement == "United States"


def test_the_filename_picks_the_format():
    html = "<article><p>We flew to the united states on Monday.</p></article>"
    result = api.lint_text(html, "story.html", select=["proper-noun-case"])
    assert result.format == "html"
    assert positions(result) == [("proper-noun-case", 1, 28, 1, 41)]


def test_lint_file_gives_the_same_json_as_the_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    config_text = "checks:\n  placeholder-text: false\nscore:\n  weights: {error: 1}\n  min_words: 10\n"
    (tmp_path / ".newslint.yaml").write_text(config_text, encoding="utf-8")
    (tmp_path / "story.md").write_text(STORY, encoding="utf-8")
    cli_run = CliRunner().invoke(cli, ["check", "--no-cache", "--format", "json", "story.md"])
    assert cli_run.exit_code == 1, cli_run.output
    from_api = api.lint_file("story.md")  # the nearest config applies, as on the command line
    config = api.config_for("story.md")
    assert api.json_report([from_api], config) == cli_run.output.rstrip("\n")
    report = json.loads(cli_run.output)
    assert [f["rule"] for f in report["findings"]] == ["proper-noun-case"]
    # The config's score settings reach the report: one error of weight 1 in 24 words, 100 - 1000/24.
    assert report["files"][0]["words"] == 24 and report["files"][0]["score"] == 58
    assert json.loads(api.json_report([from_api]))["files"][0]["score"] != 58  # the default preset's weights
    assert api.exit_code([from_api]) == 1


def test_html_report_marks_the_findings_in_the_text():
    text = "# Notes\n\nWe met the united states team. <script>alert(1)</script>\n"
    result = api.lint_text(text, "notes.md")
    page = api.html_report([result], {"notes.md": text})
    assert page.startswith("<!doctype html>") or page.lower().startswith("<!doctype html>")
    assert 'data-rule="proper-noun-case"' in page
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_config_as_path_object_or_none(tmp_path: Path):
    config_file = tmp_path / "house.yaml"
    config_file.write_text("terminology:\n  replace: {Kiev: Kyiv}\n", encoding="utf-8")
    text = "# Visit\n\nThe delegation flew to Kiev on Monday.\n"
    by_path = api.lint_text(text, "a.md", config_file, select=["terminology"])
    by_object = api.lint_text(text, "a.md", api.load_config(str(config_file)), select=["terminology"])
    assert positions(by_path) == positions(by_object) == [("outlet-terminology", 3, 24, 3, 28)]
    assert api.lint_text(text, "a.md", None, select=["terminology"]).findings == []


def test_select_and_ignore_narrow_and_unknown_names_are_refused():
    assert positions(api.lint_text(STORY, "story.md", select=["placeholder"])) == [("placeholder-text", 5, 29, 5, 31)]
    assert positions(api.lint_text(STORY, "story.md", ignore=["casing", "placeholder-text"])) == []
    with pytest.raises(api.SelectionError, match="unknown check or category 'no-such-check'"):
        api.lint_text(STORY, "story.md", select=["no-such-check"])


def test_fix_text_returns_the_fixed_text_and_what_was_applied():
    fixed = api.fix_text(STORY, "story.md")
    assert fixed.changed
    assert fixed.text == STORY.replace("united states", "United States")
    assert [(a.pass_number, a.finding.rule, a.finding.line, a.finding.column) for a in fixed.applied] == [
        (1, "proper-noun-case", 3, 24),
    ]
    # What is left: the placeholder has no safe fix.
    assert positions(fixed.result) == [("placeholder-text", 5, 29, 5, 31)]


def test_fix_text_keeps_windows_line_endings():
    text = "# Notes\r\n\r\nWe met the united states team.\r\n"
    fixed = api.fix_text(text, "notes.md", select=["proper-noun-case"])
    assert fixed.text == "# Notes\r\n\r\nWe met the United States team.\r\n"


def test_nothing_to_fix_leaves_the_text_alone():
    clean = "# Notes\n\nThe United States team met on Monday.\n"
    fixed = api.fix_text(clean, "notes.md")
    assert not fixed.changed and fixed.applied == [] and fixed.text == clean


def test_a_broken_config_is_one_line_error(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("checks:\n  no-such-check: true\n", encoding="utf-8")
    with pytest.raises(api.ConfigError) as err:
        api.load_config(bad)
    assert str(err.value).startswith(f"{bad.resolve()}:2: unknown check 'no-such-check'")
    assert "\n" not in str(err.value)


def test_an_unreadable_file_is_a_result_with_an_error(tmp_path: Path):
    binary = tmp_path / "photo.md"
    binary.write_bytes(b"\x89PNG\x00\x00\x00")
    result = api.lint_file(binary)
    assert result.error == "binary file (contains NUL bytes), not an article"
    assert api.exit_code([result]) == 2


def test_checks_lists_what_the_config_turns_on(tmp_path: Path):
    config_file = tmp_path / "c.yaml"
    config_file.write_text("checks:\n  unused-suppression: true\n  sentence-length: false\n", encoding="utf-8")
    listed = {c.id: c for c in api.checks(config_file)}
    assert listed["unused-suppression"].enabled and not listed["unused-suppression"].enabled_by_default
    assert not listed["sentence-length"].enabled and listed["sentence-length"].enabled_by_default
    assert listed["proper-noun-case"].category == "casing"
    assert listed["proper-noun-case"].severity is api.Severity.ERROR


def test_exit_code_follows_fail_on():
    result = api.lint_text("We met  on Monday.\n", "notes.txt", select=["doubled-space"])
    assert [f.severity.value for f in result.findings] == ["warning"]
    assert api.exit_code([result]) == 0
    assert api.exit_code([result], "warning") == 1


def test_every_stable_name_exists():
    for name in api.__all__:
        assert hasattr(api, name), name
