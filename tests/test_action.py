"""The GitHub Action (action.yml): its lint step run here with bash, as the runner would run it.

GitHub's `${{ }}` expressions are given as the environment they would fill in; GITHUB_OUTPUT and
GITHUB_STEP_SUMMARY are files, as on a runner.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
GOOD = "# Council vote\n\nThe council added TK dollars to the budget.\n"

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="the action's steps are bash")


def action() -> dict[str, Any]:
    return yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))


def step(name: str) -> dict[str, Any]:
    return next(s for s in action()["runs"]["steps"] if s.get("name") == name)


def run_lint_step(folder: Path, **env: str) -> tuple[subprocess.CompletedProcess[str], dict[str, str], str]:
    """Run the action's "Run newslint" step in `folder`; (process, step outputs, step summary)."""
    outputs, summary = folder / "github-output", folder / "step-summary"
    outputs.write_text("")
    summary.write_text("")
    bindir = str(Path(sys.executable).parent)  # where this environment's `newslint` is
    full_env = {
        **os.environ, "PATH": bindir + os.pathsep + os.environ.get("PATH", ""),
        "GITHUB_OUTPUT": str(outputs), "GITHUB_STEP_SUMMARY": str(summary), "RUNNER_TEMP": str(folder),
        "NEWSLINT_PATHS": "articles", "NEWSLINT_ARGS": "--no-cache --jobs 1", "NEWSLINT_SARIF": "newslint.sarif",
        "NEWSLINT_UPLOAD_SARIF": "false", "NEWSLINT_FORK": "false", **env,
    }
    proc = subprocess.run(["bash", "-e", "-c", step("Run newslint")["run"]], cwd=folder, env=full_env,
                          capture_output=True, text=True, timeout=300)
    values = dict(line.split("=", 1) for line in outputs.read_text().splitlines() if "=" in line)
    return proc, values, summary.read_text()


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(12):
        (folder / f"story{i:02}.md").write_text(GOOD)
    return tmp_path


def test_findings_are_in_the_job_log_and_the_step_summary(articles: Path) -> None:
    proc, outputs, summary = run_lint_step(articles)
    assert proc.returncode == 0, proc.stderr  # findings: the later "Fail on findings" step fails the job
    assert outputs["exit-code"] == "1"
    log = proc.stdout.splitlines()
    for i in range(12):
        assert f"articles/story{i:02}.md:3:19: error [placeholder-text] Placeholder “TK” left in the copy: put in " \
               "the real text before publishing." in log
    assert "Found 12 findings (12 errors) in 12 files." in log
    assert summary.startswith("## newslint\n\n````text\n")
    assert "articles/story00.md:3:19: error [placeholder-text]" in summary
    assert "Found 12 findings (12 errors) in 12 files." in summary


def test_annotations_say_how_many_github_does_not_show(articles: Path) -> None:
    proc, _, _ = run_lint_step(articles)
    commands = [line for line in proc.stdout.splitlines() if line.startswith("::")]
    assert commands[0] == (
        "::notice title=newslint::GitHub shows 10 annotations of each kind per step: 2 errors are not shown "
        "here. Every finding is in the job log and the step summary."
    )
    assert sum(1 for line in commands if line.startswith("::error file=articles/story")) == 12


def test_sarif_is_not_written_unless_asked_for(articles: Path) -> None:
    _, outputs, _ = run_lint_step(articles)
    assert "sarif-written" not in outputs
    assert not (articles / "newslint.sarif").exists()
    assert action()["inputs"]["upload-sarif"]["default"] == "false"


def test_sarif_when_asked_for(articles: Path) -> None:
    proc, outputs, _ = run_lint_step(articles, NEWSLINT_UPLOAD_SARIF="true")
    assert outputs.get("sarif-written") == "true", proc.stderr
    assert '"version": "2.1.0"' in (articles / "newslint.sarif").read_text()
    upload = step("Upload SARIF")
    assert "inputs.upload-sarif == 'true'" in upload["if"] and "sarif-written == 'true'" in upload["if"]


def test_sarif_is_skipped_for_a_pull_request_from_a_fork(articles: Path) -> None:
    proc, outputs, _ = run_lint_step(articles, NEWSLINT_UPLOAD_SARIF="true", NEWSLINT_FORK="true")
    assert "sarif-written" not in outputs and not (articles / "newslint.sarif").exists()
    assert ("::notice title=newslint::SARIF upload skipped: pull requests from forks cannot upload to code "
            "scanning.") in proc.stdout.splitlines()
    assert "github.event.pull_request.head.repo.fork" in step("Run newslint")["env"]["NEWSLINT_FORK"]


def test_a_broken_config_fails_the_step(articles: Path) -> None:
    (articles / ".newslint.yaml").write_text("checks: [nonsense\n")
    proc, outputs, _ = run_lint_step(articles)
    assert proc.returncode == 2 and outputs["exit-code"] == "2"


def test_the_documented_permissions_include_what_the_sarif_upload_needs() -> None:
    header = (REPO / "action.yml").read_text(encoding="utf-8").split("\nname:", 1)[0]
    docs = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    for text in (header, docs):
        assert "security-events: write" in text and "actions: read" in text


def test_docs_install_from_the_repository_not_the_package_index() -> None:
    for path in (REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))):
        text = path.read_text(encoding="utf-8")
        assert "pip install newslint" not in text and "pip install --quiet newslint" not in text, path
