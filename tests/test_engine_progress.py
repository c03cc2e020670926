"""The progress bar: on a terminal for more than a handful of files, never in pipes or under --quiet.

stderr is made a real pseudo-terminal, as in an editor's shell, so the CLI's own terminal test
decides; stdout stays a pipe, as when the report is redirected to a file.
"""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

HANG_GUARD_SECONDS = 120  # only stops a hung run from hanging CI
ARTICLE = "# Title {n}\n\nThe council voted on the budget today.\n"


def _articles(folder: Path, count: int) -> None:
    for n in range(count):
        (folder / f"story{n:02}.md").write_text(ARTICLE.format(n=n), encoding="utf-8")


def _run_with_terminal_stderr(cwd: Path, *args: str) -> tuple[int, str]:
    """Run `newslint check` with stderr on a pseudo-terminal; return the exit code and stderr."""
    master, slave = pty.openpty()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "lint", "check", "--no-cache", "--jobs", "1", *args],
            cwd=cwd, stdout=subprocess.PIPE, stderr=slave, env={**os.environ, "NO_COLOR": "1"},
        )
        os.close(slave)
        chunks: list[bytes] = []
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:  # the terminal closes when the child exits
                break
            if not data:
                break
            chunks.append(data)
        assert proc.stdout is not None
        proc.stdout.read()
        code = proc.wait(timeout=HANG_GUARD_SECONDS)
    finally:
        os.close(master)
    return code, b"".join(chunks).decode("utf-8", "replace")


def _run_with_pipes(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lint", "check", "--no-cache", "--jobs", "1", *args],
        cwd=cwd, capture_output=True, text=True, timeout=HANG_GUARD_SECONDS,
    )


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    _articles(tmp_path, 8)
    code, err = _run_with_terminal_stderr(tmp_path, ".")
    assert code in (0, 1)
    assert "8/8 files" in err
    assert "[" + "#" * 30 + "]" in err


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_no_progress_bar_under_quiet(tmp_path: Path) -> None:
    _articles(tmp_path, 8)
    code, err = _run_with_terminal_stderr(tmp_path, "--quiet", ".")
    assert code in (0, 1)
    assert "files" not in err and "#" not in err


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_no_progress_bar_for_a_handful_of_files(tmp_path: Path) -> None:
    _articles(tmp_path, 3)
    code, err = _run_with_terminal_stderr(tmp_path, ".")
    assert code in (0, 1)
    assert "3/3 files" not in err and "#" not in err


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    _articles(tmp_path, 8)
    run = _run_with_pipes(tmp_path, ".")
    assert run.returncode in (0, 1)
    assert "/8 files" not in run.stderr and "\r" not in run.stderr and "#" not in run.stderr
