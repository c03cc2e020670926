"""--dask ADDRESS: a real scheduler and two workers on 127.0.0.1 give the report of a local run.

The scheduler and workers are separate processes started with Dask's own command line, in another
working folder, so the workers lint only the text they are sent (they cannot read the files).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("distributed")

from lint import cluster  # noqa: E402
from lint.cli import cli  # noqa: E402

PLUGIN = Path(__file__).resolve().parent / "plugins" / "demo_fix.py"


def _article(n: int) -> str:
    parts = [f"# Harbor council story {n}", "", f"The council added TK dollars to the plan for pier {n}."]
    if n % 3 == 0:
        parts += ["", "The mayor said [INSERT QUOTE] after teh vote in illinois."]
    if n % 4 == 0:
        parts += ["", "SEO Notes:", "Focus keyphrase: harbor council vote"]
    if n % 5 == 0:
        parts += ["", "| a | b |", "|---|---|", "| 1 | 2 | 3 |"]
    return "\n".join(parts) + "\n"


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A scheduler and two one-thread workers on 127.0.0.1; yields the scheduler's address."""
    home = tmp_path_factory.mktemp("dask-cluster")
    info = home / "scheduler.json"
    dask = [sys.executable, "-m", "dask"]
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    procs = [subprocess.Popen([*dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                               "--scheduler-file", str(info)], cwd=home, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        _wait_for(lambda: info.is_file() and "address" in info.read_text(encoding="utf-8"), "the scheduler")
        for _ in range(2):
            procs.append(subprocess.Popen([*dask, "worker", "--scheduler-file", str(info), "--nthreads", "1",
                                           "--no-nanny", "--no-dashboard", "--host", "127.0.0.1"], cwd=home, env=env,
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        address = json.loads(info.read_text(encoding="utf-8"))["address"]
        from distributed import Client

        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
        yield address
    finally:
        for proc in reversed(procs):
            proc.send_signal(signal.SIGTERM)
        for proc in reversed(procs):
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _wait_for(ready, what: str, seconds: float = 120) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not ready():
        if time.monotonic() > deadline:
            pytest.fail(f"{what} did not start in {seconds:.0f} s")
        time.sleep(0.2)


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for n in range(45):
        folder = tmp_path / "content" / ("news" if n % 2 else "features")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"story-{n:02}.md").write_text(_article(n), encoding="utf-8")
    (tmp_path / "content" / "page.html").write_text(
        "<html><body><article><h1>Pier plan</h1><p>Lorem ipsum dolor sit amet, TK.</p></article></body></html>",
        encoding="utf-8")
    (tmp_path / "content" / "broken.md").write_bytes(b"\x00\x01binary\xff\xfe")
    (tmp_path / "house_checks.py").write_text(PLUGIN.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text(
        "extends: default\nplugins: [house_checks.py]\noverrides:\n"
        "  - files: ['content/features/**']\n    checks: {sentence-length: {max_words: 8}}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _check(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["check", "--format", "json", *args], catch_exceptions=False)
    return result.exit_code, result.stdout


def test_the_cluster_gives_the_local_report(archive: Path, scheduler: str) -> None:
    local_code, local = _check("--no-cache", "--jobs", "1", "content")
    dask_code, remote = _check("--no-cache", "--dask", scheduler, "content")
    assert (dask_code, remote) == (local_code, local)
    report = json.loads(remote)
    assert report["summary"]["files"] == 47
    rules = {f["rule"] for f in report["findings"]}
    assert {"placeholder-text", "seo-leftover", "demo-fix", "sentence-length"} <= rules  # plugin, override
    assert all("/features/" in f["path"] for f in report["findings"] if f["rule"] == "sentence-length")
    assert [f["path"] for f in report["files"] if f.get("error")] == ["content/broken.md"]


def test_results_stream_into_the_cache(archive: Path, scheduler: str, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = _check("--cache-dir", str(cache), "--dask", scheduler, "content")
    assert len(list(cache.rglob("*.json"))) == 46  # every article but the unreadable one
    again = _check("--cache-dir", str(cache), "--dask", scheduler, "--shard", "1/2", "content")
    whole = json.loads(first[1])
    half = json.loads(again[1])
    assert 10 < half["summary"]["files"] < 40
    in_half = {f["path"] for f in half["files"]}
    assert half["findings"] == [f for f in whole["findings"] if f["path"] in in_half]


def test_an_unreachable_scheduler_is_one_line(archive: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cluster, "CONNECT_SECONDS", 1)
    result = CliRunner().invoke(cli, ["check", "--no-cache", "--dask", "tcp://127.0.0.1:9", "content"])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newslint: error: --dask: cannot reach the Dask scheduler at "
                                                   "tcp://127.0.0.1:9")
