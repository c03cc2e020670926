"""`newslint check` end to end with LanguageTool: the real CLI in a subprocess, the test server here."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from lt_server import FakeLanguageTool, closed_port_url

MARKDOWN = "---\ntitle: teh title\n---\n\n# Teh vote\n\nThe council could of voted.\n\n```\nteh\n```\n"
HTML = (
    "<html><body><article>\n<h1>Vote</h1>\n"
    "<p>Caf&eacute; owners said <b>teh</b> plan works.</p>\n</article></body></html>\n"
)
TEXT = "Budget vote\n\nThe mayor said teh plan works in order to help.\n"


@pytest.fixture
def lt() -> Iterator[FakeLanguageTool]:
    with FakeLanguageTool() as server:
        yield server


def write_articles(folder: Path, url: str, extra: str = "", timeout: float = 5) -> None:
    (folder / ".newslint.yaml").write_text(
        f"languagetool:\n  mode: remote\n  url: {url}\n  timeout: {timeout}\n{extra}", encoding="utf-8"
    )
    (folder / "story.md").write_text(MARKDOWN, encoding="utf-8")
    (folder / "page.html").write_text(HTML, encoding="utf-8")
    (folder / "wire.txt").write_text(TEXT, encoding="utf-8")


def newslint(folder: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "lint",
            "check",
            "--no-cache",
            "--format",
            "json",
            "--select",
            "grammar,placeholder",
            *args,
            ".",
        ],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def places(run: subprocess.CompletedProcess[str]) -> list[tuple[str, int, int, int, int, str, str]]:
    return [
        (f["path"], f["line"], f["column"], f["end_line"], f["end_column"], f["rule"], f["severity"])
        for f in json.loads(run.stdout)["findings"]
    ]


EXPECTED = [
    ("page.html", 3, 31, 3, 34, "grammar", "warning"),
    ("story.md", 7, 13, 7, 21, "grammar", "warning"),
    ("wire.txt", 3, 16, 3, 19, "grammar", "warning"),
    ("wire.txt", 3, 31, 3, 42, "grammar", "info"),
]


def test_markdown_html_and_text_findings_at_the_right_places(tmp_path: Path, lt: FakeLanguageTool) -> None:
    write_articles(tmp_path, lt.url)
    run = newslint(tmp_path, "--jobs", "1")
    assert run.returncode == 0, run.stderr  # warnings and infos only; fail_on is error
    assert places(run) == EXPECTED
    assert run.stderr == ""
    assert newslint(tmp_path, "--jobs", "1", "--fail-on", "warning").returncode == 1


def test_several_worker_processes_give_the_same_findings(tmp_path: Path, lt: FakeLanguageTool) -> None:
    write_articles(tmp_path, lt.url)
    for i in range(4):
        (tmp_path / f"extra{i}.md").write_text(f"Extra story {i} with teh typo.\n", encoding="utf-8")
    run = newslint(tmp_path, "--jobs", "2")
    assert run.returncode == 0, run.stderr
    extra = [(f"extra{i}.md", 1, 20, 1, 23, "grammar", "warning") for i in range(4)]
    assert sorted(places(run)) == sorted(EXPECTED + extra)


def test_server_down_keeps_other_findings_and_warns_once(tmp_path: Path) -> None:
    url = closed_port_url()
    write_articles(tmp_path, url)
    (tmp_path / "draft.md").write_text("Sales rose TK percent and teh rest.\n", encoding="utf-8")
    run = newslint(tmp_path, "--jobs", "2")
    assert places(run) == [("draft.md", 1, 12, 1, 14, "placeholder-text", "error")]
    assert run.stderr.splitlines() == [
        f"newslint: warning: grammar: cannot use LanguageTool server {url}: cannot connect "
        "(is the server running, and is languagetool.url right?)"
    ]
    assert run.returncode == 1  # the placeholder is an error; the warning alone does not fail the run


def test_server_down_without_other_findings_exits_by_fail_on(tmp_path: Path) -> None:
    write_articles(tmp_path, closed_port_url())
    run = newslint(tmp_path, "--jobs", "1", "--fail-on", "info")
    assert run.returncode == 0 and places(run) == []
    assert len(run.stderr.splitlines()) == 1 and "Traceback" not in run.stderr


def test_required_languagetool_that_is_down_exits_2(tmp_path: Path) -> None:
    write_articles(tmp_path, closed_port_url(), extra="  required: true\n")
    run = newslint(tmp_path, "--jobs", "1")
    assert run.returncode == 2
    assert run.stderr.startswith("newslint: error: grammar: cannot use LanguageTool server")
    assert len(run.stderr.splitlines()) == 1


def test_required_languagetool_that_is_down_is_not_all_clear(tmp_path: Path) -> None:
    url = closed_port_url()
    write_articles(tmp_path, url, extra="  required: true\n")
    run = subprocess.run([sys.executable, "-m", "lint", "check", "--no-cache", "--jobs", "1", "--select", "grammar",
                          "."], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert run.stderr.splitlines() == [
        f"newslint: error: grammar: cannot use LanguageTool server {url}: cannot connect "
        "(is the server running, and is languagetool.url right?)"
    ]
    assert run.stdout.splitlines() == [
        "No findings in 3 files; a required check could not run (see the error above)."
    ]


def test_slow_server_times_out_without_a_traceback(tmp_path: Path) -> None:
    with FakeLanguageTool(behaviour="slow", delay=10) as server:
        write_articles(tmp_path, server.url, timeout=1.5)
        run = newslint(tmp_path, "--jobs", "1")
    assert run.returncode == 0 and places(run) == []
    assert run.stderr.splitlines() == [
        f"newslint: warning: grammar: LanguageTool server {server.url} failed: "
        "no answer within 1.5 s (languagetool.timeout)"
    ]


def test_bad_severity_in_config_is_a_config_error(tmp_path: Path, lt: FakeLanguageTool) -> None:
    write_articles(tmp_path, lt.url, extra="  severities:\n    TYPOS: loud\n")
    run = newslint(tmp_path)
    assert run.returncode == 2
    assert ".newslint.yaml:6:" in run.stderr and "languagetool.severities" in run.stderr


def test_local_mode_that_cannot_download_is_one_warning(tmp_path: Path) -> None:
    import os

    (tmp_path / ".newslint.yaml").write_text(
        f"languagetool:\n  mode: local\n  cache_dir: {tmp_path / 'lt-cache'}\n", encoding="utf-8"
    )
    (tmp_path / "story.md").write_text("Sales rose TK percent.\n", encoding="utf-8")
    # Point every download host at a closed loopback port: the test never touches the network.
    closed = closed_port_url()
    env = {k: v for k, v in os.environ.items() if not k.startswith("LTP_")}
    for name in ("NEW_RELEASES", "RELEASE", "ARCHIVE", "SNAPSHOT"):
        env[f"LTP_DOWNLOAD_HOST_{name}"] = f"{closed}/{{version}}/"
    run = newslint(tmp_path, env=env)
    assert places(run) == [("story.md", 1, 12, 1, 14, "placeholder-text", "error")]
    (line,) = run.stderr.splitlines()
    assert line.startswith(
        f"newslint: warning: grammar: cannot download LanguageTool 6.8 into {tmp_path / 'lt-cache'}: "
    )
    assert run.returncode == 1


def test_a_server_that_answers_a_byte_at_a_time_is_given_up_on(tmp_path: Path) -> None:
    # Each byte comes well within the socket timeout: only a deadline for the whole request ends it.
    with FakeLanguageTool(behaviour="dribble") as server:
        write_articles(tmp_path, server.url, timeout=1.5)
        run = newslint(tmp_path, "--jobs", "1")
    assert run.returncode == 0 and places(run) == []
    assert run.stderr.splitlines() == [
        f"newslint: warning: grammar: LanguageTool server {server.url} failed: "
        "no answer within 1.5 s (languagetool.timeout)"
    ]
