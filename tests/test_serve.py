"""`newslint serve` end to end: a real server process on a loopback port, real HTTP requests."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

httpx = pytest.importorskip("httpx")
pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

from serve_helpers import NEWSLINT, Server, start, stop  # noqa: E402

HERE = Path(__file__).resolve().parent
SLOW_PLUGIN = HERE / "plugins" / "slow_check.py"
SEEDS = sorted((HERE.parents[1] / "shared" / "seed").glob("*.txt"))
STORY = "# Harbor vote\n\nThe council met in the united states embassy.  It was TK.\n"


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("newsroom")
    shutil.copy(SLOW_PLUGIN, root / SLOW_PLUGIN.name)  # plugin files must be inside the config's folder
    (root / ".newslint.yaml").write_text(
        f"plugins: [{SLOW_PLUGIN.name}]\nchecks:\n  sentence-length: {{max_words: 30}}\n"
        "score:\n  weights: {warning: 0.5}\n", encoding="utf-8"
    )
    return root


@pytest.fixture(scope="module")
def server(newsroom: Path) -> Iterator[Server]:
    running = start(newsroom, "--timeout", "3")
    yield running
    stop(running)


@pytest.mark.skipif(not SEEDS, reason="../shared/seed is not beside the repository")
def test_check_returns_exactly_the_clis_json_for_the_seed(server: Server, newsroom: Path):
    seed = SEEDS[0]
    cli = subprocess.run([str(NEWSLINT), "check", "--no-cache", "--config", ".newslint.yaml", "--format", "json",
                          str(seed)],
                         cwd=newsroom, capture_output=True, text=True, timeout=120)
    assert cli.returncode == 1, cli.stderr
    expected = json.loads(cli.stdout)
    with server.client() as client:
        answer = client.post("/v1/check", json={"text": seed.read_text(encoding="utf-8"), "filename": str(seed)})
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/json"
    assert answer.headers["x-newslint-exit-code"] == "1"
    got = answer.json()
    assert len(expected["findings"]) > 20
    assert got["findings"] == expected["findings"]  # same lines, columns, rules, messages, fixes
    assert got == expected  # the whole report


def test_limits_and_bad_requests_get_error_objects_and_the_server_stays_up(server: Server):
    with server.client() as client:
        big = client.post("/v1/check", content=json.dumps({"text": "word " * (3 * 1024 * 1024 // 5)}),
                          headers={"content-type": "application/json"})
        assert big.status_code == 413 and big.json()["error"]["code"] == "too_large"

        def chunks() -> Iterator[bytes]:  # no Content-Length: counted while it arrives
            yield b'{"text": "'
            for _ in range(3):
                yield b"x" * (1024 * 1024)

        assert client.post("/v1/check", content=chunks()).status_code == 413
        cases = [
            (b"this is not json", "bad_json"),
            (b"\xff\xfe{}", "bad_json"),
            (b'["text"]', "bad_json"),
            (b"[" * 100_000, "bad_json"),
            (b'{"filename": "a.md"}', "bad_request"),
            (b'{"text": 42}', "bad_request"),
            (b'{"text": "x", "config": "/etc/newslint.yaml"}', "bad_request"),
            (b'{"text": "x", "plugins": ["evil.py"]}', "bad_request"),
            (b'{"text": "x", "select": ["no-such-check"]}', "bad_request"),
            (b'{"text": "x", "filename": "a\\u0000.md"}', "bad_request"),
            (b'{"text": "\\ud800"}', "bad_request"),
            (b'{"text": "x", "fail_on": "never"}', "bad_request"),
        ]
        for body, code in cases:
            answer = client.post("/v1/check", content=body)
            assert answer.status_code == 400, body[:40]
            assert answer.json()["error"]["code"] == code, body[:40]
        assert "unknown field 'config'" in client.post("/v1/check", content=cases[6][0]).json()["error"]["message"]
        missing = client.get("/v2/anything")
        assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
        assert client.get("/v1/check").status_code == 405
        assert client.get("/health").json()["status"] == "ok"
    assert server.process.poll() is None


def test_select_ignore_and_fail_on_narrow_the_servers_config(server: Server):
    with server.client() as client:
        def rules(**fields: object) -> list[str]:
            return [f["rule"] for f in client.post("/v1/check", json={"text": STORY, **fields}).json()["findings"]]

        assert rules() == ["proper-noun-case", "placeholder-text"]
        assert rules(select=["casing"]) == ["proper-noun-case"]
        assert rules(ignore="casing,placeholder") == []
        # quote-style is off in this server's config: selecting it turns nothing on.
        assert rules(select=["quote-style"]) == []
        info_only = {"text": "# Notes\n\nAll is well here.\n", "filename": "n.md"}
        assert client.post("/v1/check", json=info_only).headers["x-newslint-exit-code"] == "0"
        doubled = {"text": "We met  on Monday.\n", "filename": "n.txt", "fail_on": "warning"}
        warn = client.post("/v1/check", json=doubled)
        assert warn.headers["x-newslint-exit-code"] == "1"
        assert [f["rule"] for f in warn.json()["findings"]] == ["doubled-space"]


def test_fix_returns_the_fixed_text_and_what_was_applied(server: Server):
    with server.client() as client:
        answer = client.post("/v1/fix", json={"text": STORY, "filename": "story.md"})
    assert answer.status_code == 200
    data = answer.json()
    assert data["text"] == STORY.replace("united states", "United States")
    assert data["changed"] is True
    assert [(a["rule"], a["line"], a["column"], a["end_column"], a["replacement"]) for a in data["applied"]] == [
        ("proper-noun-case", 3, 24, 37, "United States"),
    ]
    assert [f["rule"] for f in data["report"]["findings"]] == ["placeholder-text"]


def test_rules_list_the_checks_of_the_servers_config(server: Server):
    with server.client() as client:
        listed = {r["id"]: r for r in client.get("/v1/rules").json()}
    assert listed["proper-noun-case"] == {
        "id": "proper-noun-case", "category": "casing", "severity": "error", "enabled": True,
        "enabled_by_default": True, "summary": listed["proper-noun-case"]["summary"],
    }
    assert "slow-check" in listed and listed["unused-suppression"]["enabled"] is False


def test_a_request_over_the_time_limit_is_503_and_the_next_one_is_served(server: Server):
    with server.client() as client:
        began = time.monotonic()
        slow = client.post("/v1/check", json={"text": "SLOW-MARKER in the copy.\n", "filename": "s.txt"})
        took = time.monotonic() - began
        assert slow.status_code == 503 and slow.json()["error"]["code"] == "timeout"
        assert took < 8
        after = client.post("/v1/check", json={"text": STORY, "filename": "story.md"})
        assert after.status_code == 200 and len(after.json()["findings"]) == 2
    assert server.process.poll() is None


def test_one_access_log_line_per_request(server: Server):
    before = len(server.log_lines())
    with server.client() as client:
        client.get("/health")
        client.post("/v1/check", content=b"{")
    # Only access lines: a pool worker's warning from an earlier test may land in the log meanwhile.
    lines = [line for line in server.log_lines()[before:] if '127.0.0.1 "' in line]
    assert len(lines) == 2
    assert '127.0.0.1 "GET /health" 200 ' in lines[0]
    assert '127.0.0.1 "POST /v1/check" 400 ' in lines[1] and lines[1].endswith("ms")


def test_a_foreign_host_name_is_refused_on_loopback(server: Server):
    with server.client() as client:
        answer = client.get("/health", headers={"host": "attacker.example"})
    assert answer.status_code == 400 and answer.json()["error"]["code"] == "bad_host"


def test_the_page_posts_to_the_report(server: Server):
    with server.client() as client:
        page = client.get("/")
        assert page.status_code == 200 and '<form method="post" action="/report"' in page.text
        assert "script-src" not in page.headers["content-security-policy"]
        story = {"text": "We met the united states team. <b>Note</b>", "filename": "a.txt"}
        report = client.post("/report", data=story)
    assert report.status_code == 200
    assert "sandbox" in report.headers["content-security-policy"]
    assert 'data-rule="proper-noun-case"' in report.text
    assert "&lt;b&gt;" in report.text and "<b>" not in report.text


def test_a_token_guards_the_api(tmp_path: Path):
    (tmp_path / "token").write_text("s3cret-token\n", encoding="utf-8")
    running = start(tmp_path, "--token-file", "token")
    try:
        with running.client() as client:
            assert client.post("/v1/check", json={"text": STORY}).status_code == 401
            wrong = client.post("/v1/check", json={"text": STORY}, headers={"authorization": "Bearer nope"})
            assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
            right = client.post("/v1/check", json={"text": STORY}, headers={"authorization": "Bearer s3cret-token"})
            assert right.status_code == 200
            assert client.get("/v1/rules").status_code == 401
            assert client.post("/report", data={"text": "x"}).status_code == 401
            assert client.post("/report", data={"text": "x", "token": "s3cret-token"}).status_code == 200
            assert client.get("/health").status_code == 200
            assert 'name="token"' in client.get("/").text
    finally:
        stop(running)


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(NEWSLINT), *args], cwd=cwd, capture_output=True, text=True, timeout=60)


def test_startup_problems_are_one_line_and_exit_2(tmp_path: Path):
    (tmp_path / "bad.yaml").write_text("checks:\n  no-such-check: true\n", encoding="utf-8")
    broken = run_cli("serve", "--config", "bad.yaml", cwd=tmp_path)
    assert broken.returncode == 2 and broken.stderr.count("\n") == 1
    assert "bad.yaml:2: unknown check 'no-such-check'" in broken.stderr
    (tmp_path / "empty-token").write_text("\n", encoding="utf-8")
    empty = run_cli("serve", "--token-file", "empty-token", cwd=tmp_path)
    assert empty.returncode == 2 and "the token file must hold one token" in empty.stderr
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = str(taken.getsockname()[1])
        busy = run_cli("serve", "--port", port, cwd=tmp_path)
    assert busy.returncode == 2 and busy.stderr.strip() == f"newslint: error: cannot listen on 127.0.0.1:{port}: " \
                                                          "Address already in use"


def test_without_the_extra_the_command_says_what_to_install(tmp_path: Path):
    # Hide starlette from the import system, as in an install without newslint[serve].
    code = (
        "import sys\n"
        "sys.modules['starlette'] = sys.modules['uvicorn'] = None\n"
        "sys.argv = ['newslint', 'serve']\n"
        "from lint.cli import main; main()\n"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=60,
                         env={**os.environ, "PYTHONPATH": str(HERE.parent)})
    assert run.returncode == 2
    assert run.stderr == ("newslint: error: 'newslint serve' needs the serve extra: "
                          "pip install 'newslint[serve]' (missing: starlette)\n")


def descendants(pid: int) -> set[int]:
    """Every process below `pid` (Linux /proc): the forkserver, the workers, the resource tracker."""
    found: set[int] = set()
    todo = [pid]
    while todo:
        current = todo.pop()
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                children = {int(c) for c in (task / "children").read_text().split()}
                todo.extend(children - found)
                found |= children
        except OSError:
            continue
    return found


def gone(pids: set[int], within: float) -> set[int]:
    """The pids still alive after waiting up to `within` seconds."""
    deadline = time.monotonic() + within
    alive = set(pids)
    while alive and time.monotonic() < deadline:
        alive = {p for p in alive if Path(f"/proc/{p}").exists() and "zombie" not in _state(p)}
        time.sleep(0.2)
    return alive


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/status").read_text().split("State:")[1].split("\n")[0].lower()
    except (OSError, IndexError):
        return "zombie"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_no_worker_outlives_the_server(newsroom: Path, tmp_path: Path):
    # Killed outright: the workers notice and end, and the forkserver with them.
    killed = start(tmp_path)
    below = descendants(killed.process.pid)
    assert len(below) >= 4  # resource tracker, forkserver, two workers
    killed.process.kill()
    killed.process.wait(5)
    assert gone(below, 10) == set()
    # Stopped while a timed-out pool is still being retired: its stuck worker is stopped too.
    (tmp_path / "slow").mkdir()
    (tmp_path / "slow" / ".newslint.yaml").write_text((newsroom / ".newslint.yaml").read_text(), encoding="utf-8")
    shutil.copy(SLOW_PLUGIN, tmp_path / "slow" / SLOW_PLUGIN.name)
    slow = start(tmp_path / "slow", "--timeout", "1")
    with slow.client() as client:
        assert client.post("/v1/check", json={"text": "SLOW-MARKER\n", "filename": "s.txt"}).status_code == 503
    below = descendants(slow.process.pid)
    stop(slow)
    assert gone(below, 10) == set()
