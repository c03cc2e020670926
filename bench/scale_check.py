"""The scale features give the findings of a plain run, on a real corpus.

    python bench/scale_check.py [CORPUS_DIR] [--dask-files N]

- `--shard 1/3`, `2/3` and `3/3` over the whole corpus together report exactly the findings of
  one plain run, each file in exactly one shard;
- `--dask` on a scheduler and two workers started here on 127.0.0.1 reports the same JSON as a
  local run on the first N Markdown articles (default 200); needs `distributed` (newslint[dask]).

Prints one line per comparison and exits 1 if any differs. A correctness check, not a timing.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"


def newslint(*args: str, cwd: Path) -> dict:
    cmd = [sys.executable, "-m", "lint", "check", "--no-cache", "--format", "json", *args]
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        raise SystemExit(f"newslint exited {done.returncode}: {done.stderr.strip()[-300:]}")
    return json.loads(done.stdout)


def findings(report: dict) -> list[tuple]:
    return sorted((f["path"], f["line"], f["column"], f["end_line"], f["end_column"], f["rule"], f["message"])
                  for f in report["findings"])


def check_shards(corpus: Path) -> bool:
    full = newslint(".", cwd=corpus)
    parts = [newslint("--shard", f"{k}/3", ".", cwd=corpus) for k in (1, 2, 3)]
    files = [p for part in parts for p in (f["path"] for f in part["files"])]
    same_files = sorted(files) == sorted(f["path"] for f in full["files"]) and len(set(files)) == len(files)
    same = sorted(f for part in parts for f in findings(part)) == findings(full)
    sizes = ", ".join(str(len(part["files"])) for part in parts)
    print(f"--shard 1/3 + 2/3 + 3/3 ({sizes} files) vs one run ({len(full['files'])} files, "
          f"{len(full['findings'])} findings): files {'same' if same_files else 'DIFFER'}, "
          f"findings {'same' if same else 'DIFFER'}")
    return same and same_files


def check_dask(corpus: Path, count: int) -> bool:
    try:
        import distributed  # noqa: F401
    except ImportError:
        print("--dask: skipped (pip install 'newslint[dask]')")
        return True
    articles = sorted(str(p.relative_to(corpus)) for p in corpus.rglob("*.md") if p.name != "SOURCES.md")[:count]
    with tempfile.TemporaryDirectory(prefix="newslint-dask-") as home:
        info = Path(home) / "scheduler.json"
        dask = [sys.executable, "-m", "dask"]
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "cwd": home}
        procs = [subprocess.Popen([*dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                                   "--scheduler-file", str(info)], **quiet)]
        try:
            deadline = time.monotonic() + 120
            while not (info.is_file() and "address" in info.read_text(encoding="utf-8")):
                if time.monotonic() > deadline:
                    raise SystemExit("the scheduler did not start")
                time.sleep(0.2)
            for _ in range(2):
                procs.append(subprocess.Popen([*dask, "worker", "--scheduler-file", str(info), "--nthreads", "1",
                                               "--no-nanny", "--no-dashboard", "--host", "127.0.0.1"], **quiet))
            address = json.loads(info.read_text(encoding="utf-8"))["address"]
            local = newslint("--jobs", "1", *articles, cwd=corpus)
            remote = newslint("--dask", address, *articles, cwd=corpus)
        finally:
            for proc in procs:
                proc.send_signal(signal.SIGTERM)
            for proc in procs:
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.kill()
    same = remote == local
    print(f"--dask on a scheduler and two workers vs a local run, {len(articles)} articles "
          f"({len(local['findings'])} findings): JSON report {'identical' if same else 'DIFFERS'}")
    return same


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--dask-files", type=int, default=200)
    options = parser.parse_args(argv)
    os.environ.setdefault("NO_COLOR", "1")
    ok = check_shards(options.corpus)
    ok = check_dask(options.corpus, options.dask_files) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
