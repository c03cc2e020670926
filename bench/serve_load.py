"""Load test of `newslint serve` on loopback: N requests of one article at a fixed concurrency.

    .venv/bin/python bench/serve_load.py                       # the seed, 500 requests, concurrency 8
    .venv/bin/python bench/serve_load.py ARTICLE --requests 500 --concurrency 8 --workers 2

Starts the server on a free loopback port with the `default` preset, waits for /health, warms it
with one request, then sends the requests (httpx, asyncio) and prints p50/p95/max latency,
throughput, errors (anything but a 200 with the same findings as the first answer) and the
resident memory of the server and its workers (summed over the process tree) after warm-up,
after the first fifth of the requests and at the end: flat memory means no leak per request.
Every request goes to 127.0.0.1 only; the run is bounded by --requests and stops the server.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = ROOT.parent / "shared" / "seed"
NEWSLINT = Path(sys.executable).parent / "newslint"


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MB (Linux /proc)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")))
            for task in Path(f"/proc/{current}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, StopIteration):
            continue
    return total / 1024


def start_server(workers: int, cwd: Path, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    with log.open("wb") as err:
        proc = subprocess.Popen([str(NEWSLINT), "serve", "--port", "0", "--workers", str(workers)],
                                cwd=cwd, stdout=subprocess.DEVNULL, stderr=err)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        lines = log.read_text().splitlines()
        if lines and lines[0].startswith("newslint serve: http://"):
            url = lines[0].split()[2]
            try:
                if httpx.get(url + "/health", timeout=5).status_code == 200:
                    return proc, url
            except httpx.HTTPError:
                pass
        if proc.poll() is not None:
            sys.exit(f"server exited: {log.read_text()}")
        time.sleep(0.2)
    proc.kill()
    sys.exit("server did not start in 60 s")


async def load(url: str, body: bytes, requests: int, concurrency: int, pid: int) -> dict[str, object]:
    latencies: list[float] = []
    errors: list[str] = []
    memory: dict[str, float] = {}
    queue: asyncio.Queue[int] = asyncio.Queue()
    for n in range(requests):
        queue.put_nowait(n)
    async with httpx.AsyncClient(base_url=url, timeout=60, limits=httpx.Limits(max_connections=concurrency)) as client:
        first = await client.post("/v1/check", content=body, headers={"content-type": "application/json"})
        expected = json.loads(first.content)["findings"]
        memory["after warm-up"] = tree_rss_mb(pid)

        async def worker() -> None:
            while True:
                try:
                    n = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                began = time.perf_counter()
                try:
                    answer = await client.post("/v1/check", content=body, headers={"content-type": "application/json"})
                    latencies.append(time.perf_counter() - began)
                    if answer.status_code != 200:
                        errors.append(f"status {answer.status_code}")
                    elif json.loads(answer.content)["findings"] != expected:
                        errors.append("different findings")
                except httpx.HTTPError as err:
                    errors.append(type(err).__name__)
                if n + 1 == requests // 5:
                    memory[f"after {requests // 5} requests"] = tree_rss_mb(pid)

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - began
        memory[f"after {requests} requests"] = tree_rss_mb(pid)
    return {"latencies": latencies, "errors": errors, "memory": memory, "elapsed": elapsed,
            "findings": len(expected)}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("article", nargs="?", type=Path, default=None, help="default: the shared seed article")
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    article = args.article or next(iter(sorted(SEED_DIR.glob("*.txt"))), None)
    if article is None:
        sys.exit(f"no article given and no seed in {SEED_DIR}")
    text = article.read_text(encoding="utf-8")
    body = json.dumps({"text": text, "filename": article.name}).encode("utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "server.log"
        proc, url = start_server(args.workers, Path(tmp), log)
        try:
            load_before = os.getloadavg()[0]
            result = asyncio.run(load(url, body, args.requests, args.concurrency, proc.pid))
            load_after = os.getloadavg()[0]
        finally:
            proc.terminate()
            proc.wait(15)
        access_lines = sum(1 for line in log.read_text().splitlines() if '"POST /v1/check"' in line)
    lat = [x * 1000 for x in result["latencies"]]  # type: ignore[union-attr]
    errors: list[str] = result["errors"]  # type: ignore[assignment]
    print(f"article: {article.name} ({len(text):,} characters, {result['findings']} findings per answer)")
    print(f"server: {args.workers} workers; {args.requests} requests at concurrency {args.concurrency}; "
          f"load average {load_before:.1f} before, {load_after:.1f} after")
    print(f"latency ms: p50 {statistics.median(lat):.1f}, p95 {percentile(lat, 0.95):.1f}, "
          f"max {max(lat):.1f}, mean {statistics.mean(lat):.1f}")
    print(f"throughput: {args.requests / result['elapsed']:.1f} requests/s "  # type: ignore[operator]
          f"({result['elapsed']:.1f} s)")
    print(f"errors: {len(errors)}" + (f" ({', '.join(sorted(set(errors)))})" if errors else ""))
    print("memory (server + workers, RSS): " + ", ".join(f"{k} {v:.0f} MB" for k, v in result["memory"].items()))
    print(f"access log lines for /v1/check: {access_lines}")


if __name__ == "__main__":
    main()
