"""--changed, --base and --changed-lines against real temporary git repositories."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from lint.cli import cli
from lint.git import parse_unified_diff


def git(*args: str) -> str:
    return subprocess.run(["git", *args], check=True, capture_output=True, text=True).stdout


def check(*args: str) -> tuple[int, list[tuple[str, int]], str]:
    result = CliRunner().invoke(
        cli, ["check", "--no-cache", "--select", "placeholder-text", "--format", "json", *args]
    )
    findings = json.loads(result.stdout)["findings"] if result.stdout.startswith("{") else []
    return result.exit_code, sorted((f["path"], f["line"]) for f in findings), result.output


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for key in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{key}_NAME", "Test Desk")
        monkeypatch.setenv(f"GIT_{key}_EMAIL", "desk@example.com")
    monkeypatch.chdir(tmp_path)
    git("init", "-q", "-b", "main")
    Path("news").mkdir()
    Path("news/a.md").write_text("Old TK one.\n\nA quiet line.\n\nOld TK two.\n", encoding="utf-8")
    Path("news/b.md").write_text("B has TK.\n", encoding="utf-8")
    Path("notes.txt").write_text("Internal TK notes.\n", encoding="utf-8")
    git("add", ".")
    git("commit", "-q", "-m", "archive")
    return tmp_path


def test_changed_lints_modified_and_new_articles_only(repo: Path):
    Path("news/a.md").write_text("Old TK one.\n\nA new TK line.\n\nOld TK two.\n", encoding="utf-8")
    Path("news/c.md").write_text("C is new with TK.\n", encoding="utf-8")
    Path("script.py").write_text("print('TK')\n", encoding="utf-8")  # changed, but not an article
    code, found, _ = check("--changed", ".")
    assert code == 1
    assert found == [("news/a.md", 1), ("news/a.md", 3), ("news/a.md", 5), ("news/c.md", 1)]


def test_changed_lines_reports_only_findings_on_changed_lines(repo: Path):
    Path("news/a.md").write_text("Old TK one.\n\nA new TK line.\n\nOld TK two.\n", encoding="utf-8")
    Path("news/c.md").write_text("C is new with TK.\n", encoding="utf-8")
    code, found, _ = check("--changed-lines", ".")
    assert found == [("news/a.md", 3), ("news/c.md", 1)]


def test_paths_limit_the_changed_files(repo: Path):
    Path("news/c.md").write_text("C is new with TK.\n", encoding="utf-8")
    Path("notes.txt").write_text("More TK notes.\n", encoding="utf-8")
    assert check("--changed", "news")[1] == [("news/c.md", 1)]


def test_nothing_changed_is_all_clear(repo: Path):
    code, found, _ = check("--changed", ".")
    assert (code, found) == (0, [])


def test_base_compares_with_where_the_branch_left_it(repo: Path):
    git("checkout", "-q", "-b", "feature")
    Path("news/b.md").write_text("B has TK.\n\nAnd a second TK.\n", encoding="utf-8")
    git("commit", "-q", "-am", "edit b")
    git("checkout", "-q", "main")
    Path("news/a.md").write_text("Changed on main with TK.\n", encoding="utf-8")
    git("commit", "-q", "-am", "edit a on main")
    git("checkout", "-q", "feature")
    # a.md changed on main after the branch point: not this branch's change.
    assert check("--changed", "--base", "main", ".")[1] == [("news/b.md", 1), ("news/b.md", 3)]
    assert check("--changed-lines", "--base", "main", ".")[1] == [("news/b.md", 3)]


def test_a_repository_without_commits_has_everything_new(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    git("init", "-q")
    Path("a.md").write_text("TK here.\n", encoding="utf-8")
    assert check("--changed-lines", ".")[1] == [("a.md", 1)]


def test_an_unknown_base_is_an_error(repo: Path):
    code, _, output = check("--changed", "--base", "origin/nowhere", ".")
    assert code == 2 and "--base origin/nowhere: no such branch" in output


def test_outside_a_repository_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    code, _, output = check("--changed", ".")
    assert code == 2 and "not inside a git repository" in output


def test_unified_diff_parsing_edge_cases():
    diff = "\n".join(
        [
            "diff --git a/x.md b/x.md",
            "--- a/x.md",
            "+++ b/x.md",
            "@@ -3,2 +3,0 @@",
            "--- a deleted line that looks like a header",
            "-++ another",
            "@@ -10 +8,2 @@",
            "-old",
            "+++ an added line that looks like a header",
            "+new",
            "\\ No newline at end of file",
            "diff --git a/new.md b/new.md",
            "new file mode 100644",
            "--- /dev/null",
            '+++ "b/caf\\303\\251 \\"q\\".md"',
            "@@ -0,0 +1 @@",
            "+hello",
        ]
    )
    assert parse_unified_diff(diff) == {"x.md": {3, 4, 8, 9}, 'café "q".md': None}
