"""Hostile input, hostile config, broken servers (issue 16): nothing hangs, nothing leaks.

Two kinds of tests:
- limits: a file over a hard limit (size, line length, words, time) is one error line, exit 2, and the
  other files are still linted;
- growth: the rows of the issue's table at scaled sizes. Each row is linted at a size n and at
  4n and the work must grow about 4 times, not 16: the ratio is compared, never a wall-clock
  threshold, and the sizes are small enough that linear code runs in a second or two.
  `bench/hostile.py` runs the full-size table and prints time and memory per row.
"""

from __future__ import annotations

import gc
import os
import random
import string
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest

GOOD = "# Council vote\n\nThe council added TK dollars to the budget.\n"
GOOD_FINDING = "good.md:3:19: error [placeholder-text]"
HANG_GUARD_SECONDS = 300  # not a timing assertion: only stops a hung run from hanging CI


def newslint(cwd: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "lint", "check", "--no-cache", *args],
        cwd=cwd, input=stdin.decode("utf-8", "replace") if stdin is not None else None,
        capture_output=True, text=True, env=env, timeout=HANG_GUARD_SECONDS,
    )


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ": error: " in line]


# -- hard limits ------------------------------------------------------------------------------------

def test_a_line_over_the_limit_is_one_error_line_and_the_rest_is_linted(tmp_path: Path) -> None:
    (tmp_path / ".newslint.yaml").write_text("files:\n  max_line_length: 100\n")
    (tmp_path / "good.md").write_text(GOOD)
    (tmp_path / "long.md").write_text("# Title\n\nShort line.\n" + "word " * 60 + "\n")
    run = newslint(tmp_path, "--jobs", "1", "good.md", "long.md")
    assert run.returncode == 2
    assert error_lines(run.stderr) == [
        "long.md: error: line 4 is 300 characters long, over the 100 limit (files.max_line_length)"
    ]
    assert GOOD_FINDING in run.stdout
    assert "Traceback" not in run.stderr


def test_the_default_line_limit_refuses_a_quarter_million_characters(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text(GOOD)
    (tmp_path / "run.md").write_text("x" * 250_000 + "\n")
    run = newslint(tmp_path, "--jobs", "1", "good.md", "run.md")
    assert run.returncode == 2
    assert error_lines(run.stderr) == [
        "run.md: error: line 1 is 250,000 characters long, over the 200,000 limit (files.max_line_length)"
    ]
    assert GOOD_FINDING in run.stdout


def test_zero_turns_the_line_limit_off(tmp_path: Path) -> None:
    (tmp_path / ".newslint.yaml").write_text("files:\n  max_line_length: 0\n")
    (tmp_path / "run.md").write_text("x" * 250_000 + " TK.\n")
    run = newslint(tmp_path, "--jobs", "1", "--select", "placeholder-text", "run.md")
    assert run.returncode == 1, run.stderr
    assert "run.md:1:250002: error [placeholder-text]" in run.stdout


def test_standard_input_has_the_size_limit_too(tmp_path: Path) -> None:
    (tmp_path / ".newslint.yaml").write_text("files:\n  max_size_mb: 0.001\n")
    run = newslint(tmp_path, "-", stdin=b"The council met. " * 100)
    assert run.returncode == 2
    assert error_lines(run.stderr) == [
        "stdin.txt: error: standard input is over the 0.001 MB limit (files.max_size_mb)"
    ]


def test_standard_input_has_the_line_limit_too(tmp_path: Path) -> None:
    (tmp_path / ".newslint.yaml").write_text("files:\n  max_line_length: 50\n")
    run = newslint(tmp_path, "-", "--stdin-filename", "story.md", stdin=b"# Vote\n\n" + b"word " * 20 + b"\n")
    assert run.returncode == 2
    assert error_lines(run.stderr) == [
        "story.md: error: line 3 is 100 characters long, over the 50 limit (files.max_line_length)"
    ]


def test_an_article_over_the_word_limit_is_one_error_line_and_the_rest_is_linted(tmp_path: Path) -> None:
    (tmp_path / ".newslint.yaml").write_text("files:\n  max_words: 44\n")
    (tmp_path / "good.md").write_text(GOOD)
    # 5 words in the heading, 8 in each paragraph: 45 words, one over.
    story = "# The budget vote is today\n\n" + "The council met on Monday to vote TK.\n\n" * 5
    (tmp_path / "long.md").write_text(story)
    run = newslint(tmp_path, "--jobs", "1", "good.md", "long.md")
    assert run.returncode == 2
    assert error_lines(run.stderr) == ["long.md: error: article is 45 words long, over the 44 limit (files.max_words)"]
    assert GOOD_FINDING in run.stdout
    assert "long.md:" not in run.stdout


def test_the_default_word_limit_refuses_seventy_five_thousand_words(tmp_path: Path) -> None:
    (tmp_path / "many.md").write_text("# Budget\n\n" + "\n\n".join([SENTENCE] * 5_000) + "\n")
    run = newslint(tmp_path, "many.md")
    assert run.returncode == 2
    assert error_lines(run.stderr) == [
        "many.md: error: article is 75,001 words long, over the 50,000 limit (files.max_words)"]


def test_zero_turns_the_word_limit_off_and_standard_input_has_it_too(tmp_path: Path) -> None:
    text = "# The budget vote is today\n\n" + "The council met on Monday to vote TK.\n\n" * 5
    (tmp_path / ".newslint.yaml").write_text("files:\n  max_words: 44\n")
    run = newslint(tmp_path, "-", stdin=text.encode())
    assert run.returncode == 2
    refused = "stdin.txt: error: article is 45 words long, over the 44 limit (files.max_words)"
    assert error_lines(run.stderr) == [refused]
    (tmp_path / ".newslint.yaml").write_text("files:\n  max_words: 0\n")
    run = newslint(tmp_path, "-", "--select", "placeholder-text", stdin=text.encode())
    assert run.returncode == 1, run.stderr
    assert "placeholder-text" in run.stdout


def test_a_negative_limit_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / ".newslint.yaml").write_text("files:\n  max_seconds: -1\n")
    (tmp_path / "good.md").write_text(GOOD)
    run = newslint(tmp_path, "good.md")
    assert run.returncode == 2
    assert run.stderr.strip().endswith("'files.max_seconds' must be 0 (no limit) or more, not -1.0")


# A check that never ends on an article holding "HANG": a stand-in for a bug or a pattern that
# backtracks for ever. The second one is stuck inside the `re` engine, in C.
SLOW_PLUGIN = '''
import re
from lint.checks.base import Check
from lint.findings import Severity


class Spin(Check):
    id = "spin"
    category = "typography"
    severity = Severity.WARNING
    summary = "Never ends on HANG."

    def run(self, doc, options, house):
        while "HANG" in doc.source:
            pass
        return []


class Backtrack(Check):
    id = "backtrack"
    category = "typography"
    severity = Severity.WARNING
    summary = "Backtracks for ever on REGEX."

    def run(self, doc, options, house):
        if "REGEX" in doc.source:
            re.match(r"(a+)+$", "a" * 60 + "b")
        return []
'''


@pytest.mark.parametrize(("trigger", "jobs"), [("HANG", "1"), ("REGEX", "2"), ("REGEX", "1")])
def test_a_file_over_its_time_budget_is_reported_and_skipped(tmp_path: Path, jobs: str, trigger: str) -> None:
    (tmp_path / "slow.py").write_text(SLOW_PLUGIN)
    # Generous, so that a good file never runs out of time on a loaded machine.
    (tmp_path / ".newslint.yaml").write_text("plugins: [slow.py]\nfiles:\n  max_seconds: 6\n")
    names = []
    for i in range(4):  # enough files for worker processes
        (tmp_path / f"good{i}.md").write_text(GOOD)
        names.append(f"good{i}.md")
    (tmp_path / "slow.md").write_text(f"# Title\n\nThis one {trigger}s.\n")
    run = newslint(tmp_path, "--jobs", jobs, *names[:2], "slow.md", *names[2:])
    assert run.returncode == 2, run.stderr
    assert error_lines(run.stderr) == [
        "slow.md: error: gave up after 6 s (files.max_seconds): the file is too large or too unusual to lint in time"
    ]
    for name in names:
        assert f"{name}:3:19: error [placeholder-text]" in run.stdout
    assert "Traceback" not in run.stderr


def test_the_time_budget_leaves_the_alarm_as_it_found_it() -> None:
    import signal

    from lint.engine import time_budget

    before = signal.getsignal(signal.SIGALRM)
    with time_budget(5):
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 0
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) == before


def test_over_limits_names_the_first_longest_line() -> None:
    from lint.config import Limits
    from lint.engine import over_limits

    text = textwrap.dedent("""\
        short
        a line of thirty characters ..
        tiny
        another of thirty characters .
    """)
    assert over_limits(text, Limits(max_line_length=30)) is None
    assert over_limits(text, Limits(max_line_length=29)) == (
        "line 2 is 30 characters long, over the 29 limit (files.max_line_length)"
    )


# -- worker processes ------------------------------------------------------------------------------

# Each article holding "SLOW" takes a minute in a worker and says which process took it.
SLEEPY_PLUGIN = '''
import os
import time
from pathlib import Path
from lint.checks.base import Check
from lint.findings import Severity


class Sleepy(Check):
    id = "sleepy"
    category = "typography"
    severity = Severity.WARNING
    summary = "A minute on SLOW articles."

    def run(self, doc, options, house):
        if "SLOW" in doc.source:
            Path(os.environ["MARKERS"], str(os.getpid())).write_text(doc.path)
            for _ in range(600):
                time.sleep(0.1)
        return []
'''


def _alive(pid: int) -> bool:
    """True while `pid` runs (a zombie waiting to be reaped has ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False
    return state != "Z"


def _wait_for(condition, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads process states from /proc")
def test_workers_end_when_their_parent_is_killed(tmp_path: Path) -> None:
    import signal

    markers = tmp_path / "markers"
    markers.mkdir()
    (tmp_path / "sleepy.py").write_text(SLEEPY_PLUGIN)
    (tmp_path / ".newslint.yaml").write_text("plugins: [sleepy.py]\nfiles:\n  max_seconds: 0\n")
    (tmp_path / "first.md").write_text(GOOD)  # linted in the parent before the workers start
    names = ["first.md"]
    for i in range(6):
        (tmp_path / f"slow{i}.md").write_text(f"# Story {i}\n\nThis one is SLOW.\n")
        names.append(f"slow{i}.md")
    parent = subprocess.Popen(
        [sys.executable, "-m", "lint", "check", "--no-cache", "--jobs", "2", *names],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, "MARKERS": str(markers)},
    )
    try:
        assert _wait_for(lambda: len(list(markers.iterdir())) == 2, 120), "two workers never started"
        workers = [int(p.name) for p in markers.iterdir()]
        assert parent.pid not in workers and all(_alive(pid) for pid in workers)
        parent.send_signal(signal.SIGKILL)
        # The workers notice within a fraction of a second; the check would keep them a minute.
        assert _wait_for(lambda: not any(_alive(pid) for pid in workers), 20), "workers outlived their parent"
        parent.communicate(timeout=20)  # nobody holds the output pipes open any more
    finally:  # a failed run must not leave its workers behind either
        parent.kill()
        for marker in markers.iterdir():
            if _alive(int(marker.name)):
                os.kill(int(marker.name), signal.SIGKILL)
        parent.communicate(timeout=HANG_GUARD_SECONDS)


def test_jobs_are_capped_by_the_number_of_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import concurrent.futures

    from lint.engine import ConfigCache, discover, lint_targets

    asked: list[int] = []
    real = concurrent.futures.ProcessPoolExecutor

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(kwargs["max_workers"])
        return real(*args, **kwargs)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", spy)
    for i in range(5):
        (tmp_path / f"story{i}.md").write_text(GOOD)
    targets = discover([str(tmp_path)], ConfigCache(None), [])
    results = lint_targets(targets, jobs=32)
    assert [r.path.rsplit("/", 1)[-1] for r in results] == [f"story{i}.md" for i in range(5)]
    assert all(r.findings for r in results)
    assert asked == [4]  # the first file is linted in the parent; four are left for workers


# -- the table's rows, scaled: work grows with the article, not with its square -------------------

SENTENCE = "The governor of texas said on Monday that the state budget would pass next week."
_LETTERS = "".join(random.Random(16).choices(string.ascii_letters, k=40_000))


def _all_checks():  # type: ignore[no-untyped-def]
    from helpers import make_config

    base = make_config()
    return make_config({"checks": {c.id: True for c in base.registry if c.id != "grammar"}}).for_file(Path("a.md"))


def _check_seconds(resolved, source: str, repeats: int = 1) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """CPU seconds each check takes on `source` (best of `repeats`), parsing not counted."""
    from lint.document import parse

    doc = parse("a.md", source, resolved.parse, "markdown")
    for block in doc.blocks:  # sentences and words are shared by the checks: build them first
        if block.is_prose:
            for sentence in block.sentences:
                _ = sentence.words
    seconds: dict[str, float] = {}
    # The collector off while timing: a full collection, set off by what the large document
    # allocated, would be charged to whichever check was running (as the engine does, lint/engine.py).
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        for rc in resolved.checks:
            best = float("inf")
            for _ in range(repeats):
                start = time.process_time()
                list(rc.check().run(doc, rc.options, resolved.house))
                best = min(best, time.process_time() - start)
            seconds[rc.check.id] = best
    finally:
        if enabled:
            gc.enable()
    return seconds


def _superlinear(make: Callable[[int], str], n: int, factor: int = 4, limit: float = 11.0,
                 floor: float = 0.02) -> dict[str, float]:
    """Checks whose work grows more than `limit` times when the input grows `factor` times.

    A ratio, not a time: linear code gives about `factor` (4), quadratic code `factor` squared (16);
    the limit sits between with room for a loaded machine (8 was crossed by linear checks under load).
    Checks too fast to measure at the larger size (under `floor` CPU seconds) are not judged; a
    check over the limit is measured again, best of three, before it counts.
    """
    resolved = _all_checks()
    _check_seconds(resolved, make(n // 4))  # what checks build on first use is not growth
    small, large = _check_seconds(resolved, make(n)), _check_seconds(resolved, make(factor * n))
    suspects = {c for c in large if large[c] >= floor and large[c] > limit * small[c]}
    if not suspects:
        return {}
    small, large = _check_seconds(resolved, make(n), 3), _check_seconds(resolved, make(factor * n), 3)
    return {c: round(large[c] / max(small[c], 1e-6), 1) for c in suspects if large[c] > limit * small[c]}


ROWS: dict[str, tuple[Callable[[int], str], int]] = {
    # the table: one sentence with a lowercase state name, repeated
    "lines of one sentence in one paragraph": (lambda n: "# Budget\n\n" + "\n".join([SENTENCE] * n) + "\n", 300),
    "one-line paragraphs": (lambda n: "# Budget\n\n" + "\n\n".join([SENTENCE] * n) + "\n", 600),
    "one run of letters, no space": (lambda n: "# Budget\n\n" + _LETTERS[:n] + "\n", 1_500),
    "one run of letters, then a NUL": (lambda n: "# Budget\n\n" + _LETTERS[:n] + "\0\n", 1_500),
    # repeats that each made one check quadratic
    "glued datelines": (lambda n: "# Wire\n\n" + " ".join(
        ["Rail Strike Ends After Deal on PayLondon – December 7, 2025 – Drivers agreed."] * n) + "\n", 250),
    "headings repeating the title": (lambda n: "# Bridge to close for repairs\n\nThe county said so.\n\n" + "".join(
        "## Bridge to close for repairs\n\nThe county said more.\n\n" for _ in range(n)), 200),
    "zero-width spaces in one word": (lambda n: "# T\n\n" + "a\u200b" * n + "\n", 1_000),
    "self-promotion sentences": (lambda n: "# T\n\n" + " ".join(
        ["Talks resume on Monday. Stay tuned to Example News for further updates."] * n) + "\n", 200),
    "distinct headings, all repeated": (lambda n: "# T\n\n" + "".join(
        f"## Heading number {i}\n\nText.\n\n" for i in range(n)) * 2, 1_600),  # smaller, a check's ~1 ms was noise
}


@pytest.mark.parametrize("row", list(ROWS))
def test_work_grows_linearly(row: str) -> None:
    make, n = ROWS[row]
    assert _superlinear(make, n) == {}


def test_the_growth_measure_catches_quadratic_work() -> None:
    # A stand-in for the bugs fixed above: a scan of everything before each paragraph.
    from lint.checks.base import Check

    class Rescan(Check):
        id = "rescan"
        category = "typography"

        def run(self, doc, options, house):  # type: ignore[no-untyped-def]
            for block in doc.blocks:
                _ = doc.source[: block.span.start].count("governor")
            return []

    resolved = _all_checks()
    import dataclasses

    from lint.checks.base import NoOptions
    from lint.config import ResolvedCheck

    with_rescan = dataclasses.replace(resolved, checks=(ResolvedCheck(Rescan, NoOptions(), None),))
    make, n = ROWS["one-line paragraphs"]
    _check_seconds(with_rescan, make(n // 4))
    small, large = _check_seconds(with_rescan, make(n), 3), _check_seconds(with_rescan, make(4 * n), 3)
    assert large["rescan"] > 8 * small["rescan"]


def test_two_hundred_thousand_lines_are_refused_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text(GOOD)
    (tmp_path / "big.md").write_bytes("\n".join([SENTENCE] * 200_000).encode())
    run = newslint(tmp_path, "--jobs", "1", "good.md", "big.md")
    assert run.returncode == 2
    assert error_lines(run.stderr) == ["big.md: error: file is 16.2 MB, over the 5 MB limit (files.max_size_mb)"]
    assert GOOD_FINDING in run.stdout


def test_a_config_alias_bomb_nine_deep_is_one_error_line(tmp_path: Path) -> None:
    levels = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    levels += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    (tmp_path / ".newslint.yaml").write_text("glossary: *a9\n" + "\n".join(levels) + "\n")
    (tmp_path / "good.md").write_text(GOOD)
    run = newslint(tmp_path, "good.md")
    assert run.returncode == 2
    assert len(run.stderr.splitlines()) == 1
    assert run.stderr.startswith(f"newslint: error: {tmp_path / '.newslint.yaml'}:1: config is not valid YAML: ")
    assert "alias" in run.stderr
