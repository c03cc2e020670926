"""Bad inputs through the real command line: each gets one clear line, and the run goes on.

Every case lints a bad file next to a good article with a known defect; the good article's
finding must still be reported (the run went on), stderr must hold no traceback, and the exit
code says what happened (1: findings, 2: a file could not be read or a config is broken).
The command runs in a subprocess, as in a pre-commit hook, except where a test has to patch
the process (file permissions when the tests run as root).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from lint.cli import cli

GOOD = "# Council vote\n\nThe council added TK dollars to the budget.\n"
GOOD_FINDING = "good.md:3:19: error [placeholder-text]"
HANG_GUARD_SECONDS = 300  # not a timing assertion: only stops a hung run from hanging CI


@dataclass
class Run:
    code: int
    out: str
    err: str


def newslint(cwd: Path, *args: str) -> Run:
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "lint", "check", "--no-cache", "--jobs", "1", *args],
        cwd=cwd, capture_output=True, env=env, timeout=HANG_GUARD_SECONDS,
    )
    return Run(proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))


def assert_clean_failure(run: Run) -> None:
    assert "Traceback" not in run.err, run.err
    assert "Traceback" not in run.out


def error_lines(run: Run) -> list[str]:
    return [line for line in run.err.splitlines() if ": error: " in line]


@dataclass(frozen=True)
class Case:
    name: str
    file: str
    content: Callable[[], bytes]
    exit_code: int
    error: str | None = None  # the one-line error expected on stderr for the bad file
    finding: str | None = None  # a finding expected in the output for the bad file
    args: tuple[str, ...] = ()
    config: str | None = None


def _table(columns: int) -> bytes:
    """A wide table whose second body row lacks a cell, then a paragraph with a placeholder."""
    header = "| " + " | ".join(f"h{i}" for i in range(columns)) + " |"
    rule = "|" + "---|" * columns
    row = "| " + " | ".join("ok" for _ in range(columns)) + " |"
    short = "| " + " | ".join("ok" for _ in range(columns - 1)) + " |"
    return f"# Table\n\n{header}\n{rule}\n{row}\n{short}\n{row}\n\nAfter the TK table.\n".encode()


SELECT_FAST = ("--select", "placeholder-text,parse-error")  # huge inputs: the pipeline, few checks

CASES = [
    Case("empty file", "empty.md", lambda: b"", 1),
    Case("only front matter", "meta.md", lambda: b"---\ntitle: Budget\ndate: 2024-01-02\n---\n", 1),
    Case("front matter that is not YAML", "broken.md",
         lambda: b"---\ntitle: [unclosed\nauthor: x\n---\n\nBody text here.\n", 1,
         finding="broken.md:3:1: error [parse-error]"),
    Case("binary", "photo.md", lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, 2,
         error="photo.md: error: binary file"),
    Case("invalid UTF-8", "latin.md", lambda: b"# Caf\xe9\n\nThe caf\xe9 opened \xff\xfe today.\n", 2,
         error="latin.md: error: not valid UTF-8 (first bad byte at offset 5)"),
    Case("UTF-16 with BOM", "wide.md", lambda: "# Vote\n\nThe mayor added TK seats.\n".encode("utf-16"), 1,
         finding="wide.md:3:17: error [placeholder-text]"),
    Case("mixed line endings", "endings.md",
         lambda: b"# Title\r\n\r\nFirst paragraph here.\n\nSecond TK paragraph.\r\rThird one.\n", 1,
         finding="endings.md:5:8: error [placeholder-text]"),
    Case("one 20 MB line over the size limit", "huge.md", lambda: b"word " * 4_000_000 + b"TK.\n", 2,
         error="huge.md: error: file is 20.0 MB, over the 5 MB limit (files.max_size_mb)"),
    Case("one 20 MB line, limits raised", "huge.txt", lambda: b"word " * 4_000_000 + b"TK.\n", 1,
         finding=f"huge.txt:1:{5 * 4_000_000 + 1}: error [placeholder-text]", args=SELECT_FAST,
         config="files:\n  max_size_mb: 30\n  max_line_length: 0\n  max_words: 0\n"),
    Case("one 20 MB line, size limit raised", "long.txt", lambda: b"word " * 4_000_000 + b"TK.\n", 2,
         error="long.txt: error: line 1 is 20,000,003 characters long, over the 200,000 limit "
         "(files.max_line_length)", config="files:\n  max_size_mb: 30\n"),
    Case("100,000 tiny lines", "tiny.md", lambda: b"x\n\n" * 100_000 + b"Last TK line.\n", 1,
         finding="tiny.md:200001:6: error [placeholder-text]", args=SELECT_FAST, config="files:\n  max_words: 0\n"),
    Case("100,000 nested divs", "nested.html",
         lambda: b"<html><body>" + b"<div>" * 100_000 + b"<p>Deep TK text.</p>" + b"</div>" * 100_000
         + b"</body></html>",
         1, finding=f"nested.html:1:{12 + 5 * 100_000 + 9}: error [placeholder-text]", args=SELECT_FAST,
         config="files:\n  max_line_length: 0\n"),
    Case("100,000 nested divs in Markdown", "nested.md",
         lambda: b"# Title\n\n" + b"<div>" * 100_000 + b"Deep TK text." + b"</div>" * 100_000 + b"\n",
         1, finding=f"nested.md:3:{5 * 100_000 + 6}: error [placeholder-text]", args=SELECT_FAST,
         config="files:\n  max_line_length: 0\n"),
    Case("unclosed HTML tags", "unclosed.html",
         lambda: b"<html><body><article><p>Open <b>bold <i>and TK here<p>Next <a href='x'>link", 1,
         finding="unclosed.html:1:45: error [placeholder-text]"),
    Case("unclosed tags to the end", "tags.html", lambda: b"<p>Text TK.</p>" + b"<a " * 50_000, 1,
         finding="tags.html:1:9: error [placeholder-text]", args=SELECT_FAST,
         config="files:\n  max_words: 0\n"),  # 50,000 words of "<a": the parser's growth, not the limit
    # Hostile runs through every check (no --select): each once made some regex quadratic.
    Case("50,000 nested brackets", "brackets.md", lambda: b"[" * 50_000 + b"TK" + b"]" * 50_000 + b"\n", 1,
         finding="brackets.md:1:50000: error [placeholder-text]"),
    Case("a line of unclosed template tags", "tags.md",
         lambda: b"The mayor added TK seats.\n\n" + b"{{< " * 20_000 + b"<!-- " * 20_000 + b"\n", 1,
         finding="tags.md:1:17: error [placeholder-text]"),
    Case("50,000 nested block quotes", "quotes.md",
         lambda: b"The mayor added TK seats.\n\n" + b"> " * 50_000 + b"deep\n", 1,
         finding="quotes.md:1:17: error [placeholder-text]"),
    Case("Markdown table with 500 columns", "wide-table.md", lambda: _table(500), 1,
         finding="wide-table.md:9:11: error [placeholder-text]"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input(case: Case, tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / case.file).write_bytes(case.content())
    if case.config:
        (tmp_path / ".newslint.yaml").write_text(case.config, encoding="utf-8")
    run = newslint(tmp_path, *case.args, case.file, "good.md")
    assert_clean_failure(run)
    assert GOOD_FINDING in run.out, run.out + run.err  # the run went on to the good article
    assert run.code == case.exit_code, run.out + run.err
    errors = error_lines(run)
    if case.error:
        assert errors == [next(line for line in errors if line.startswith(case.error))], run.err
    else:
        assert errors == [], run.err
    if case.finding:
        assert case.finding in run.out, run.out


def test_wide_table_row_is_placed(tmp_path: Path) -> None:
    (tmp_path / "wide-table.md").write_bytes(_table(500))
    run = newslint(tmp_path, "--select", "table-cell-count", "wide-table.md")
    assert_clean_failure(run)
    assert run.out.splitlines()[0].startswith("wide-table.md:6:1: info [table-cell-count] this table row has 499 cells")


def test_folder_path_lints_what_is_inside(tmp_path: Path) -> None:
    folder = tmp_path / "section.md"  # a folder named like an article
    folder.mkdir()
    (folder / "inside.md").write_text("# Inside\n\nAnother TK here.\n", encoding="utf-8")
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    run = newslint(tmp_path, "section.md", "good.md")
    assert_clean_failure(run)
    assert run.code == 1
    assert "section.md/inside.md:3:9: error [placeholder-text]" in run.out
    assert GOOD_FINDING in run.out


def test_broken_symlink(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "gone.md").symlink_to(tmp_path / "missing.md")
    run = newslint(tmp_path, "gone.md", "good.md")
    assert_clean_failure(run)
    assert run.code == 2
    assert error_lines(run) == ["gone.md: error: broken symbolic link (its target does not exist)"]
    assert GOOD_FINDING in run.out


def test_broken_symlink_inside_a_folder(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "good.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "site" / "gone.md").symlink_to(tmp_path / "missing.md")
    run = newslint(tmp_path, "site")
    assert_clean_failure(run)
    assert run.code == 2
    assert len(error_lines(run)) == 1 and error_lines(run)[0].startswith("site/gone.md: error: ")
    assert "site/good.md:3:19: error [placeholder-text]" in run.out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_in_a_folder_does_not_hang_the_run(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "good.md").write_text(GOOD, encoding="utf-8")
    os.mkfifo(tmp_path / "site" / "pipe.md")  # reading it would wait for a writer forever
    run = newslint(tmp_path, "site")
    assert_clean_failure(run)
    assert run.code == 2
    assert error_lines(run) == ["site/pipe.md: error: not a regular file (a named pipe, socket or device)"]
    assert "site/good.md:3:19: error [placeholder-text]" in run.out


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file; see the simulated test below")
def test_unreadable_file(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    locked = tmp_path / "locked.md"
    locked.write_text("# Locked\n", encoding="utf-8")
    locked.chmod(0)
    try:
        run = newslint(tmp_path, "locked.md", "good.md")
    finally:
        locked.chmod(0o644)
    assert_clean_failure(run)
    assert run.code == 2
    assert error_lines(run) == ["locked.md: error: permission denied"]


def test_unreadable_file_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests run as root in CI, and root can read anything: make reading one file fail the
    way it does for other users, in process, through the same command."""
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "locked.md").write_text("# Locked\n", encoding="utf-8")
    real_read_bytes = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "locked.md":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "--no-cache", "--jobs", "1", "locked.md", "good.md"])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 2
    assert "locked.md: error: permission denied" in result.output
    assert GOOD_FINDING in result.output


def test_catastrophic_user_pattern_is_stopped(tmp_path: Path) -> None:
    (tmp_path / ".newslint.yaml").write_text(
        'checks:\n  placeholder-text:\n    extra_patterns: ["(a|aa)+$"]\n', encoding="utf-8")
    many_paragraphs = "".join(f"Paragraph {i} {'a' * 40}!\n\n" for i in range(30))
    (tmp_path / "slow.md").write_text("# Title\n\n" + many_paragraphs, encoding="utf-8")
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    run = newslint(tmp_path, "slow.md", "good.md")
    assert_clean_failure(run)
    assert run.code == 1
    warnings = [line for line in run.err.splitlines() if line.startswith("newslint: warning:")]
    assert warnings == [
        "newslint: warning: placeholder-text: pattern '(a|aa)+$' took over 0.5 s and was stopped "
        "(simplify the extra_patterns entry in the config)"
    ]
    assert GOOD_FINDING in run.out


def test_invalid_user_pattern_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / ".newslint.yaml").write_text(
        'checks:\n  placeholder-text:\n    extra_patterns: ["(unclosed"]\n', encoding="utf-8")
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    run = newslint(tmp_path, "good.md")
    assert_clean_failure(run)
    assert run.code == 2
    assert len(error_lines(run)) == 1


def test_config_that_extends_itself(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / ".newslint.yaml").write_text("extends: .newslint.yaml\n", encoding="utf-8")
    (desk / "story.md").write_text("# Story\n\nText.\n", encoding="utf-8")
    run = newslint(tmp_path, "desk/story.md", "good.md")
    assert_clean_failure(run)
    assert run.code == 2
    errors = error_lines(run)
    assert len(errors) == 1 and errors[0].endswith("config extends itself (.newslint.yaml -> .newslint.yaml)")
    assert GOOD_FINDING in run.out


def test_config_that_extends_itself_through_another(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("extends: b.yaml\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("extends: a.yaml\n", encoding="utf-8")
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    run = newslint(tmp_path, "--config", "a.yaml", "good.md")
    assert_clean_failure(run)
    assert run.code == 2
    assert "config extends itself (a.yaml -> b.yaml -> a.yaml)" in run.err


def _hashes(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*")) if p.is_file() and ".newslint_cache" not in p.parts
    }


def test_check_never_writes_to_articles(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "quotes.md").write_text('# Title\n\nHe said "hello"  twice -- TK.\n', encoding="utf-8")
    (tmp_path / "page.html").write_text("<p>Lorem ipsum dolor sit amet, TK.</p>", encoding="utf-8")
    (tmp_path / "crlf.txt").write_bytes(b"Title\r\n\r\nThe  vote TK passed.\r\n")
    before = _hashes(tmp_path)
    for args in ((), ("--format", "json"), ("--jobs", "2")):
        run = newslint(tmp_path, *args, ".")
        assert_clean_failure(run)
        assert run.code == 1
    cached = subprocess.run([sys.executable, "-m", "lint", "check", "."], cwd=tmp_path, capture_output=True,
                            timeout=HANG_GUARD_SECONDS)
    assert cached.returncode == 1
    assert _hashes(tmp_path) == before


def test_binary_on_standard_input(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "lint", "check", "--no-cache", "--stdin-filename", "story.md", "-"],
        cwd=tmp_path, input=b"\x00\x01\x02binary\xff", capture_output=True, timeout=HANG_GUARD_SECONDS,
    )
    err = proc.stderr.decode("utf-8")
    assert "Traceback" not in err
    assert proc.returncode == 2
    assert "story.md: error: binary file" in err
