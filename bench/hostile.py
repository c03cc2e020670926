"""The hostile-input table of issue 16 at full size: time and peak memory per row.

    python bench/hostile.py            # every row
    python bench/hostile.py --only lines paragraphs
    python bench/hostile.py --list

Each row is one whole `newslint check` process (default preset, --no-cache, --jobs 1 unless the
row says otherwise) on generated input, as a user or an attacker would run it. Printed per row:
wall time, CPU time (user + system, the process and its workers), peak resident memory (the
largest of the process and its workers, from wait4), the exit code and the first line newslint
wrote to stderr. The target (issue 16): every row under 10 s and 500 MB, or refused with one
clear line. Timings on a shared machine move with its load: the load average is printed before
and after, and CPU time is the steadier figure.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SENTENCE = "The governor of texas said on Monday that the state budget would pass next week."


@dataclass(frozen=True)
class Row:
    name: str
    files: Callable[[], dict[str, bytes]]  # file name -> content, written to a fresh folder
    args: tuple[str, ...] = ()
    run: str = "check"  # "check", "languagetool" or "kill-parent"


@dataclass
class Result:
    seconds: float
    cpu: float
    peak_mb: float
    code: int
    said: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def lines(n: int) -> bytes:
    return ("# Budget\n\n" + "\n".join([SENTENCE] * n) + "\n").encode()


def paragraphs(n: int) -> bytes:
    return ("# Budget\n\n" + "\n\n".join([SENTENCE] * n) + "\n").encode()


def letters(n: int, tail: str = "") -> bytes:
    rnd = random.Random(16)
    run = "".join(rnd.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(n))
    return ("# Budget\n\n" + run + tail + "\n").encode()


def alias_bomb(levels: int) -> bytes:
    out = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels + 1):
        out.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    return f"glossary: *a{levels}\n".encode() + "\n".join(out).encode() + b"\n"


STORY = b"# Council vote\n\nThe council added TK dollars to the budget.\n"

ROWS = [
    Row("200,000 short lines (16 MB), default limits", lambda: {"big.md": b"\n".join([SENTENCE.encode()] * 200_000)}),
    # Just under the default word limit (files.max_words, 50,000): the most a default run lints.
    Row("3,300 lines of one sentence in one paragraph (49,501 words)", lambda: {"lines.md": lines(3_300)}),
    Row("3,300 one-line paragraphs (49,501 words)", lambda: {"paragraphs.md": paragraphs(3_300)}),
    *(Row(f"{n:,} lines of one sentence in one paragraph", lambda n=n: {"lines.md": lines(n)})
      for n in (5_000, 10_000, 20_000)),
    *(Row(f"{n:,} one-line paragraphs", lambda n=n: {"paragraphs.md": paragraphs(n)})
      for n in (5_000, 10_000, 20_000)),
    *(Row(f"one run of {n:,} letters, no space", lambda n=n: {"run.md": letters(n)}) for n in (3_000, 9_000)),
    Row("9,000 letters then a NUL byte", lambda: {"nul.md": letters(9_000, "\0")}),
    Row("200,000 letters, no space", lambda: {"run.md": letters(200_000)}),
    # The word limit lifted (files.max_words: 0): what the refused rows above cost, to show the
    # growth is linear in the article, not what a default run does.
    *(Row(f"{n:,} one-line paragraphs, word limit off", lambda n=n: {
        "paragraphs.md": paragraphs(n), ".newslint.yaml": b"files:\n  max_words: 0\n"})
      for n in (5_000, 10_000, 20_000)),
    Row("config: YAML aliases nine deep", lambda: {".newslint.yaml": alias_bomb(9), "story.md": STORY}),
    Row("LanguageTool sends a byte at a time (timeout: 5)", lambda: {"story.md": STORY}, run="languagetool"),
    Row("--jobs 2 parent SIGKILLed: workers gone after", lambda: {}, run="kill-parent"),
    # Repeats that each once made one check quadratic.
    Row("2,000 glued datelines in one paragraph", lambda: {"glued.md": (
        "# Wire\n\n" + " ".join(["Rail Strike Ends After Deal on PayLondon – December 7, 2025 – Drivers agreed."]
                                * 2_000) + "\n").encode()}),
    Row("5,000 headings repeating the title", lambda: {"title.md": (
        "# Bridge to close for repairs\n\n" + "".join("## Bridge to close for repairs\n\nThe county said so.\n\n"
                                                      for _ in range(5_000))).encode()}),
    Row("40,000 zero-width spaces in one word", lambda: {"zw.md": ("# T\n\n" + "a\u200b" * 40_000 + "\n").encode()}),
    Row("2,000 self-promotion sentences in one paragraph", lambda: {"promo.md": (
        "# T\n\n" + " ".join(["Talks resume. Stay tuned to Example News for further updates."] * 2_000)
        + "\n").encode()}),
    Row("2 x 5,000 distinct headings, all repeated", lambda: {"headings.md": (
        "# T\n\n" + "".join(f"## Heading number {i}\n\nText.\n\n" for i in range(5_000)) * 2).encode()}),
]


def newslint() -> list[str]:
    script = Path(sys.executable).parent / "newslint"
    return [str(script)] if script.exists() else [sys.executable, "-m", "lint"]


def measure(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> Result:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    said = err.decode("utf-8", "replace").strip().splitlines()
    return Result(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode,
                  said[0] if said else "")


def run_row(row: Row, folder: Path) -> Result:
    for name, data in row.files().items():
        (folder / name).write_bytes(data)
    names = sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
    if row.run == "languagetool":
        return _languagetool(folder, names)
    if row.run == "kill-parent":
        return _kill_parent(folder)
    return measure([*newslint(), "check", "--no-cache", "--jobs", "1", *row.args, *names], folder)


def _languagetool(folder: Path, names: list[str]) -> Result:
    sys.path.insert(0, str(REPO / "tests"))
    from lt_server import FakeLanguageTool

    with FakeLanguageTool(behaviour="dribble") as server:
        (folder / ".newslint.yaml").write_text(
            f"languagetool:\n  mode: remote\n  url: {server.url}\n  timeout: 5\n", encoding="utf-8")
        return measure([*newslint(), "check", "--no-cache", "--jobs", "1", *names], folder)


SLEEPY = '''
import os, time
from pathlib import Path
from lint.checks.base import Check


class Sleepy(Check):
    id = "sleepy"
    category = "typography"
    summary = "A minute per article."

    def run(self, doc, options, house):
        if "SLOW" in doc.source:
            Path(os.environ["MARKERS"], str(os.getpid())).write_text(doc.path)
            time.sleep(60)
        return []
'''


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def _kill_parent(folder: Path) -> Result:
    """Seconds from SIGKILL of a --jobs 2 run to the end of its last worker."""
    markers = folder / "markers"
    markers.mkdir()
    (folder / "sleepy.py").write_text(SLEEPY, encoding="utf-8")
    (folder / ".newslint.yaml").write_text("plugins: [sleepy.py]\nfiles:\n  max_seconds: 0\n", encoding="utf-8")
    (folder / "first.md").write_bytes(STORY)
    names = ["first.md"]
    for i in range(6):
        (folder / f"slow{i}.md").write_text(f"# Story {i}\n\nThis one is SLOW.\n", encoding="utf-8")
        names.append(f"slow{i}.md")
    proc = subprocess.Popen([*newslint(), "check", "--no-cache", "--jobs", "2", *names], cwd=folder,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "MARKERS": str(markers)})
    deadline = time.monotonic() + 120
    while len(list(markers.iterdir())) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = [int(p.name) for p in markers.iterdir()]
    proc.send_signal(signal.SIGKILL)
    killed = time.perf_counter()
    proc.wait()
    while any(_alive(pid) for pid in workers) and time.perf_counter() - killed < 90:
        time.sleep(0.02)
    seconds = time.perf_counter() - killed
    left = [pid for pid in workers if _alive(pid)]
    for pid in left:  # never leave them behind, even when the row fails
        os.kill(pid, signal.SIGKILL)
    return Result(seconds, 0.0, 0.0, -9, f"{len(workers)} workers, {len(left)} still alive")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="*", default=[], help="rows whose name contains one of these words")
    parser.add_argument("--list", action="store_true", help="list the rows and exit")
    options = parser.parse_args(argv)
    if options.list:
        for row in ROWS:
            print(row.name)
        return 0
    rows = [r for r in ROWS if not options.only or any(w in r.name for w in options.only)]
    print(f"load average at the start: {' '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)
    print("| input | wall | CPU | peak memory | exit | newslint said |")
    print("| --- | --- | --- | --- | --- | --- |", flush=True)
    worst = 0.0
    for row in rows:
        with tempfile.TemporaryDirectory(prefix="newslint-hostile-") as tmp:
            result = run_row(row, Path(tmp))
        worst = max(worst, result.seconds)
        memory = f"{result.peak_mb:.0f} MB" if result.peak_mb else "-"
        cpu = f"{result.cpu:.1f} s" if result.cpu else "-"
        said = result.said.replace("|", "\\|").replace(tmp + "/", "")
        if len(said) > 110:
            said = said[:107] + "..."
        print(f"| {row.name} | {result.seconds:.1f} s | {cpu} | {memory} | {result.code} | {said} |", flush=True)
    print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
