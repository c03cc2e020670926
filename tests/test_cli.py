"""The command line through click's runner: exit codes, formats, selection, init, explain."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from lint.cli import cli

ARTICLE = "# Budget Vote\n\nThe council added TK dollars.\n\nThe mayor said [INSERT QUOTE].\n"


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.md").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def invoke(*args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["check", "--no-cache", *args] if args and args[0] != "--raw" else list(args[1:]),
                              input=stdin, catch_exceptions=False)


def test_text_output_and_exit_code(workdir: Path) -> None:
    result = invoke("--select", "placeholder-text", "story.md")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith("story.md:3:19: error [placeholder-text] Placeholder “TK” left in the copy")
    assert lines[1].startswith("story.md:5:16: error [placeholder-text] Placeholder “[INSERT QUOTE]” left in the copy")
    assert lines[-1] == "Found 2 findings (2 errors) in 1 file."


def test_json_contract(workdir: Path) -> None:
    result = invoke("--format", "json", "--select", "placeholder", "story.md")
    report = json.loads(result.output)
    assert report["tool"]["name"] == "newslint"
    assert report["files"][0]["path"] == "story.md"
    assert report["files"][0]["format"] == "markdown"
    first = report["findings"][0]
    keys = ("path", "line", "column", "end_line", "end_column", "rule", "category", "severity")
    assert {k: first[k] for k in keys} == {
        "path": "story.md", "line": 3, "column": 19, "end_line": 3, "end_column": 21,
        "rule": "placeholder-text", "category": "placeholder", "severity": "error",
    }
    assert "fix" in first and "message" in first
    assert report["summary"]["findings"] == 2


def test_ignore_by_category_and_fail_on(workdir: Path) -> None:
    assert invoke("--ignore", "placeholder", "story.md").exit_code == 0
    (workdir / "clean.md").write_text("# Title\n\nAll good here.\n", encoding="utf-8")
    assert invoke("--fail-on", "info", "clean.md").exit_code in (0, 1)


def test_unknown_selector_is_a_usage_error(workdir: Path) -> None:
    result = invoke("--select", "placeholdr", "story.md")
    assert result.exit_code == 2
    assert "unknown check or category 'placeholdr'" in result.output


def test_stdin_with_filename(workdir: Path) -> None:
    result = invoke("--select", "placeholder-text", "-", "--stdin-filename", "piece.md", stdin="Add TK here.\n")
    assert result.output.splitlines()[0].startswith("piece.md:1:5: error [placeholder-text] Placeholder “TK”")


def test_missing_path_and_missing_config(workdir: Path) -> None:
    result = invoke("nowhere.md")
    assert result.exit_code == 2
    assert "nowhere.md: error: no such file or folder" in result.output
    result = invoke("--config", "none.yaml", "story.md")
    assert result.exit_code == 2
    assert "none.yaml: cannot read config" in result.output


def test_excluded_folders_are_skipped(workdir: Path) -> None:
    (workdir / ".newslint.yaml").write_text("files:\n  exclude: [drafts/]\n", encoding="utf-8")
    (workdir / "drafts").mkdir()
    (workdir / "drafts" / "d.md").write_text("TK\n", encoding="utf-8")
    result = invoke("--format", "json", ".")
    assert [f["path"] for f in json.loads(result.output)["files"]] == ["story.md"]


def test_rules_explain_init(workdir: Path) -> None:
    runner = CliRunner()
    rules = runner.invoke(cli, ["rules"])
    assert rules.exit_code == 0
    assert any(line.split()[:3] == ["placeholder-text", "placeholder", "error"] for line in rules.output.splitlines())
    explain = runner.invoke(cli, ["explain", "placeholder-text"])
    assert "Why it matters:" in explain.output and "Bad:" in explain.output and "Good:" in explain.output
    unknown = runner.invoke(cli, ["explain", "placeholder-txt"])
    assert unknown.exit_code == 2 and "did you mean 'placeholder-text'" in unknown.output
    init = runner.invoke(cli, ["init", "--outlet", "Harbor News", "--domain", "harbornews.com", "--preset", "uk"])
    assert init.exit_code == 0
    text = (workdir / ".newslint.yaml").read_text(encoding="utf-8")
    assert "extends: \"uk\"" in text and "name: \"Harbor News\"" in text and "harbornews.com" in text
    again = runner.invoke(cli, ["init"])
    assert again.exit_code == 2 and "already exists" in again.output
    # The starter config is valid: a check run with it works.
    assert invoke("--select", "placeholder-text", "story.md").exit_code == 1


def test_a_folder_without_articles_says_so(workdir: Path) -> None:
    (workdir / "empty").mkdir()
    (workdir / "empty" / "notes.py").write_text("x = 1\n", encoding="utf-8")
    result = invoke("empty")
    assert result.exit_code == 0
    assert "newslint: warning: no articles found in empty (files.include: *.md" in result.output


def test_broken_config_binary_and_non_utf8_files_give_one_line_each(workdir: Path) -> None:
    (workdir / "desk").mkdir()
    (workdir / "desk" / ".newslint.yaml").write_text("checks:\n  placeholder-txt: true\n", encoding="utf-8")
    (workdir / "desk" / "a.md").write_text("Fine text.\n", encoding="utf-8")
    (workdir / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (workdir / "latin1.txt").write_bytes("Caf\xe9 owners met.\n".encode("latin-1"))
    result = invoke("--select", "placeholder", ".")
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if ": error: " in line]
    assert len(errors) == 3, result.output
    assert any(line.endswith("desk/.newslint.yaml:2: error: unknown check 'placeholder-txt' "
                             "(did you mean 'placeholder-text'? valid: " + line.split("valid: ", 1)[-1])
               for line in errors)
    assert "photo.txt: error: binary file (contains NUL bytes), not an article" in errors
    assert any(line.startswith("latin1.txt: error: not valid UTF-8 (first bad byte at offset 3)") for line in errors)
    assert "Traceback" not in result.output
    # The good article beside them was still linted.
    assert "in 1 file" in result.output.splitlines()[-1]


def test_every_check_lives_in_the_module_named_after_its_id() -> None:
    from lint.checks.registry import load_registry

    misplaced = [
        (c.id, c.__module__) for c in load_registry(entry_points=False)
        if c.__module__ != "lint.checks." + c.id.replace("-", "_")
    ]
    assert misplaced == []
