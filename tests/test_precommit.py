"""The real pre-commit, with this checkout's hook, in a throw-away article repository.

Slow (pre-commit builds a virtualenv and pip installs newslint from the package registry once per
run), so it shares one PRE_COMMIT_HOME across its steps. It runs in CI; set
NEWSLINT_SKIP_PRECOMMIT=1 to leave it out while iterating on something else.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parent.parent
PRE_COMMIT = Path(sys.executable).parent / "pre-commit"

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("NEWSLINT_SKIP_PRECOMMIT")), reason="NEWSLINT_SKIP_PRECOMMIT is set"
)

BAD = "# Budget vote\n\nThe council approved the budget by TK votes on Monday.\n"
GOOD = "# Budget vote\n\nThe council approved the budget by seven votes to two on Monday.\n"


def run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


def test_the_hook_blocks_a_bad_article_and_lets_a_good_one_through(tmp_path: Path):
    if not PRE_COMMIT.exists() or shutil.which("git") is None:
        pytest.skip("pre-commit or git is not installed")
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=CHECKOUT, capture_output=True, text=True)
    if head.returncode != 0:
        pytest.skip("this checkout is not a git repository")
    if not (CHECKOUT / ".pre-commit-hooks.yaml").exists():
        pytest.skip("no .pre-commit-hooks.yaml")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_AUTHOR_NAME": "Desk",
        "GIT_AUTHOR_EMAIL": "desk@example.com",
        "GIT_COMMITTER_NAME": "Desk",
        "GIT_COMMITTER_EMAIL": "desk@example.com",
        # No git settings or hooks of the machine or its user; HOME stays, so pip's cache is used.
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "NEWSLINT_CACHE_DIR": str(tmp_path / "cache"),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
    env.pop("VIRTUAL_ENV", None)
    repo = tmp_path / "articles"
    repo.mkdir()
    run(["git", "init", "-q", "-b", "main"], repo, env)
    (repo / ".newslint.yaml").write_text("outlet:\n  name: Springfield Daily\n", encoding="utf-8")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {CHECKOUT.as_posix()}\n    rev: {head.stdout.strip()}\n"
        "    hooks:\n      - id: newslint\n",
        encoding="utf-8",
    )
    (repo / "notes.py").write_text("TODO = 'TK'\n", encoding="utf-8")  # not an article: the hook skips it
    installed = run([str(PRE_COMMIT), "install"], repo, env)
    assert installed.returncode == 0, installed.stdout + installed.stderr

    (repo / "budget.md").write_text(BAD, encoding="utf-8")
    run(["git", "add", "."], repo, env)
    blocked = run(["git", "commit", "-m", "budget story"], repo, env)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "budget.md:3:36: error [placeholder-text]" in output
    assert "notes.py" not in output
    assert run(["git", "rev-parse", "--verify", "HEAD"], repo, env).returncode != 0  # nothing was committed

    (repo / "budget.md").write_text(GOOD, encoding="utf-8")
    run(["git", "add", "budget.md"], repo, env)
    passed = run(["git", "commit", "-m", "budget story"], repo, env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "newslint" in passed.stdout + passed.stderr and "Passed" in passed.stdout + passed.stderr
