"""newslint against proselint, whole process by whole process, on a corpus of articles.

    python bench/run.py [CORPUS_DIR] [--repeats N] [--no-proselint]

CORPUS_DIR defaults to ../shared/corpus next to the repository. proselint 0.16 is installed
from the package registry into bench/.venv-proselint on first use. Each figure is a whole
`newslint check` / `proselint check` process, as a pre-commit hook or a CI job sees it: wall
time, CPU time (user + system of the process and its workers) and peak memory (the largest
resident set of the process or any of its workers), all from wait4. Every newslint figure is
printed beside proselint's on the same files, measured in the same run, pair by pair.
newslint runs with its default preset (the grammar check is off by default) and, unless the
row says otherwise, without its cache (--no-cache).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
PROSELINT_VERSION = "0.16.0"
PROSELINT_VENV = REPO / "bench" / ".venv-proselint"
SINGLE_ARTICLE_WORDS = 1_000
GROWTH_WORDS = tuple(int(x) for x in os.environ.get("BENCH_GROWTH_WORDS", "50000,100000,200000").split(","))
_WORD = re.compile(r"\w+")
_FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)\r?\n.*?\n(?:---|\+\+\+)[ \t]*\r?\n", re.S)


@dataclass(frozen=True)
class Timing:
    seconds: float
    peak_mb: float
    exit_code: int
    cpu: float = 0.0  # user + system seconds of the process and its reaped workers


@dataclass(frozen=True)
class Row:
    label: str
    files: int
    words: int
    newslint: Timing
    proselint: Timing | None = None


# -- running a whole process ------------------------------------------------------------------------

def _child_env() -> dict[str, str]:
    # Installed tools run from compiled bytecode; a shell that forbids writing it (as CI images
    # often do) would charge both tools for compiling their sources on every run.
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["NO_COLOR"] = "1"
    return env


def run_process(cmd: Sequence[str], cwd: Path | None = None) -> Timing:
    """Wall time and peak resident memory of one whole process (and its worker processes)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=_child_env())
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        tail = err.decode("utf-8", "replace").strip().splitlines()[-3:]
        print(f"  ! {' '.join(cmd[:3])} ... exited {proc.returncode}: {' / '.join(tail)}", file=sys.stderr)
    # wait4's usage covers the process and the workers it waited for: CPU of the whole run.
    cpu = usage.ru_utime + usage.ru_stime
    return Timing(seconds, usage.ru_maxrss / 1024, proc.returncode, cpu)  # ru_maxrss is in KiB on Linux


def median_timing(timings: list[Timing]) -> Timing:
    ordered = sorted(timings, key=lambda t: t.seconds)
    middle = ordered[len(ordered) // 2]
    return Timing(statistics.median(t.seconds for t in timings), max(t.peak_mb for t in timings), middle.exit_code,
                  statistics.median(t.cpu for t in timings))


def newslint_command() -> list[str]:
    script = Path(sys.executable).parent / "newslint"
    return [str(script)] if script.exists() else [sys.executable, "-m", "lint"]


def proselint_command() -> list[str]:
    """proselint in its own virtual environment, installed with pip on first use."""
    exe = PROSELINT_VENV / "bin" / "proselint"
    if not exe.exists():
        print(f"installing proselint {PROSELINT_VERSION} into {PROSELINT_VENV} ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(PROSELINT_VENV)], check=True)
        subprocess.run([str(PROSELINT_VENV / "bin" / "pip"), "install", "--quiet", f"proselint=={PROSELINT_VERSION}"],
                       check=True)
    return [str(exe)]


# -- the work -----------------------------------------------------------------------------------

def words_in(path: Path) -> int:
    """Words as both tools see them roughly: the file's text less its front matter."""
    text = path.read_text(encoding="utf-8", errors="replace")
    return len(_WORD.findall(_FRONT_MATTER.sub("", text, count=1)))


def corpus_files(corpus: Path) -> tuple[list[Path], list[Path]]:
    markdown = sorted(corpus.rglob("*.md"))
    markdown = [p for p in markdown if p.name != "SOURCES.md"]
    html = sorted(corpus.rglob("*.html"))
    return markdown, html


def article_near(files: list[Path], words: int) -> tuple[Path, int]:
    counted = [(abs(words_in(p) - words), p) for p in files]
    _, best = min(counted)
    return best, words_in(best)


_VOCABULARY = (
    "council budget vote mayor school road water city county state police report plan tax bridge "
    "hospital park housing transit election court judge committee meeting resident business market "
    "river library clinic project contract grant audit survey policy agency officer teacher student "
    "family worker driver neighbor season program proposal decision estimate increase decline"
).split()
_VERBS = "approved rejected delayed discussed funded reviewed announced expanded reduced questioned".split()
_NAMES = ["Maria Lopez", "John Chen", "Aisha Patel", "Tom Berg", "the Board of Supervisors", "City Hall"]


def generated_article(words: int, seed: int = 7) -> str:
    """A Markdown article of about `words` words: headings, paragraphs, lists, quotes, no repeats."""
    rng = random.Random(seed)
    out = ["---", "title: Generated article for the growth test", "---", "", "# Growth test", ""]
    count = 0
    section = 0
    while count < words:
        if count // 1500 > section:
            section = count // 1500
            out += [f"## Section {section}", ""]
        sentences = []
        for _ in range(rng.randint(2, 5)):
            body = " ".join(rng.choice(_VOCABULARY) for _ in range(rng.randint(6, 18)))
            number = rng.randint(2, 98_000)
            sentence = f"{rng.choice(_NAMES)} {rng.choice(_VERBS)} the {body} plan {number} on Tuesday."
            if rng.random() < 0.2:
                sentence = f"“{sentence[:-1]},” {rng.choice(_NAMES)} said."
            sentences.append(sentence)
            count += len(_WORD.findall(sentence))
        if rng.random() < 0.1:
            out += [f"- {s}" for s in sentences] + [""]
        else:
            out += [" ".join(sentences), ""]
    return "\n".join(out) + "\n"


# -- the benchmark ------------------------------------------------------------------------------

def bench_single(newslint: list[str], proselint: list[str] | None, article: Path, words: int,
                 repeats: int) -> Row:
    ours: list[Timing] = []
    theirs: list[Timing] = []
    run_process([*newslint, "check", "--no-cache", "--quiet", str(article)])  # warm-up: bytecode, disk cache
    if proselint:
        run_process([*proselint, "check", str(article)])
    for _ in range(repeats):  # pair by pair, so load from other work falls on both alike
        ours.append(run_process([*newslint, "check", "--no-cache", "--quiet", str(article)]))
        if proselint:
            theirs.append(run_process([*proselint, "check", str(article)]))
    return Row(f"one article ({words:,} words), median of {repeats}", 1, words, median_timing(ours),
               median_timing(theirs) if theirs else None)


def bench_corpus(newslint: list[str], proselint: list[str] | None, label: str, files: list[Path],
                 jobs: str | None, repeats: int = 1) -> Row:
    words = sum(words_in(p) for p in files)
    args = [*newslint, "check", "--no-cache", "--quiet", *(["--jobs", jobs] if jobs else []), *map(str, files)]
    ours: list[Timing] = []
    theirs: list[Timing] = []
    for _ in range(repeats):  # pair by pair, like the single article
        ours.append(run_process(args))
        if proselint:
            theirs.append(run_process([*proselint, "check", *map(str, files)]))
    label = f"{label}, median of {repeats}" if repeats > 1 else label
    return Row(label, len(files), words, median_timing(ours), median_timing(theirs) if theirs else None)


def bench_cache(newslint: list[str], files: list[Path]) -> tuple[Timing, Timing]:
    with tempfile.TemporaryDirectory(prefix="newslint-bench-cache-") as cache:
        args = [*newslint, "check", "--quiet", "--cache-dir", cache, *map(str, files)]
        cold = run_process(args)
        warm = run_process(args)
    return cold, warm


def bench_growth(newslint: list[str], proselint: list[str] | None) -> list[tuple[int, Timing, Timing | None]]:
    out = []
    with tempfile.TemporaryDirectory(prefix="newslint-bench-growth-") as folder:
        # The growth test goes past files.max_words (50,000 by default) on purpose: lifted here.
        (Path(folder) / ".newslint.yaml").write_text("files:\n  max_words: 0\n", encoding="utf-8")
        for words in GROWTH_WORDS:
            path = Path(folder) / f"growth-{words}.md"
            path.write_text(generated_article(words), encoding="utf-8")
            ours = run_process([*newslint, "check", "--no-cache", "--quiet", str(path)])
            theirs = run_process([*proselint, "check", str(path)]) if proselint else None
            out.append((words, ours, theirs))
    return out


# -- printing -----------------------------------------------------------------------------------

def _rate(count: int, seconds: float) -> str:
    return f"{count / seconds:,.0f}" if seconds > 0 else "-"


def _speedup(ours: Timing, theirs: Timing | None) -> str:
    """proselint's time / newslint's (above 1: newslint faster), wall and CPU."""
    if theirs is None or ours.seconds <= 0 or ours.cpu <= 0:
        return ""
    return f"{theirs.seconds / ours.seconds:.2f}x / {theirs.cpu / ours.cpu:.2f}x"


def print_table(rows: list[Row]) -> None:
    header = (f"{'work':<52} {'tool':<10} {'files':>6} {'wall s':>8} {'cpu s':>8} {'files/s':>8} {'words/s':>9} "
              f"{'words/cpu-s':>11} {'peak MB':>8} {'prose/news wall / cpu':>22}")
    print(header)
    print("-" * len(header))
    for row in rows:
        tools = [("newslint", row.newslint)] + ([("proselint", row.proselint)] if row.proselint else [])
        for i, (tool, t) in enumerate(tools):
            ratio = _speedup(row.newslint, row.proselint) if tool == "newslint" else ""
            label = row.label if i == 0 else ""
            print(f"{label:<52} {tool:<10} {row.files:>6} {t.seconds:>8.2f} {t.cpu:>8.2f} "
                  f"{_rate(row.files, t.seconds):>8} {_rate(row.words, t.seconds):>9} {_rate(row.words, t.cpu):>11} "
                  f"{t.peak_mb:>8.0f} {ratio:>22}")
    print("prose/news: proselint's time / newslint's on the same files in the same run (above 1: newslint faster);"
          " words/cpu-s: words per CPU second, the per-core rate of docs/scale.md's cost model")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeats", type=int, default=5, help="runs of the single-article pair (median)")
    parser.add_argument("--corpus-repeats", type=int, default=1, help="runs of each corpus pair (median)")
    parser.add_argument("--no-proselint", action="store_true", help="newslint figures only")
    parser.add_argument("--skip-jobs-cache", action="store_true",
                        help="leave out the --jobs 1 / --jobs 2 and cache runs "
                             "(not issue 14 targets; a quarter of the time)")
    options = parser.parse_args(argv)
    corpus: Path = options.corpus
    if not corpus.is_dir():
        print(f"bench: {corpus} is not a folder", file=sys.stderr)
        return 2
    newslint = newslint_command()
    proselint = None if options.no_proselint else proselint_command()
    markdown, html = corpus_files(corpus)
    everything = markdown + html
    if not markdown:
        print(f"bench: no Markdown articles under {corpus}", file=sys.stderr)
        return 2
    cores = os.cpu_count() or 1
    print(f"corpus {corpus}: {len(markdown)} Markdown, {len(html)} HTML files; {cores} cores; "
          f"{time.strftime('%Y-%m-%d %H:%M %Z')}; load average {_load()}", flush=True)

    article, words = article_near(markdown, SINGLE_ARTICLE_WORDS)
    print(f"single article: {article.name}", flush=True)
    rows = [bench_single(newslint, proselint, article, words, options.repeats)]
    repeats = options.corpus_repeats
    rows.append(bench_corpus(newslint, proselint, "Markdown corpus, newslint --jobs 1", markdown, "1", repeats))
    rows.append(bench_corpus(newslint, proselint, "whole corpus (Markdown + HTML), default jobs", everything,
                             None, repeats))
    print()
    print_table(rows)

    if not options.skip_jobs_cache:
        bench_jobs_and_cache(newslint, rows[2].proselint, everything)
    bench_growth_and_targets(newslint, proselint, rows)
    return 0


def bench_jobs_and_cache(newslint: list[str], theirs: Timing | None, everything: list[Path]) -> None:
    """The whole corpus with --jobs 1 and --jobs 2, and the result cache, beside proselint's whole-corpus time."""
    ref = f"proselint {theirs.seconds:6.2f} s wall, {theirs.cpu:6.2f} s cpu" if theirs else "proselint not run"
    print(f"\nwhole corpus, jobs and cache ({ref} on the same files, from the table)")
    one = run_process([*newslint, "check", "--no-cache", "--quiet", "--jobs", "1", *map(str, everything)])
    two = run_process([*newslint, "check", "--no-cache", "--quiet", "--jobs", "2", *map(str, everything)])
    print(f"  --jobs 1: {one.seconds:6.2f} s wall {one.cpu:6.2f} s cpu  prose/news {_speedup(one, theirs)}")
    print(f"  --jobs 2: {two.seconds:6.2f} s wall {two.cpu:6.2f} s cpu  prose/news {_speedup(two, theirs)}")
    print(f"  --jobs 2 speed-up over --jobs 1: {one.seconds / two.seconds:.2f}x   "
          f"peak MB per process {one.peak_mb:.0f} / {two.peak_mb:.0f}")
    cold, warm = bench_cache(newslint, everything)
    print(f"  cache: first run {cold.seconds:6.2f} s (prose/news {_speedup(cold, theirs)}), second run on the "
          f"unchanged corpus {warm.seconds:6.2f} s = {warm.seconds / cold.seconds:.0%} of the first "
          f"(prose/news {_speedup(warm, theirs)})")


def bench_growth_and_targets(newslint: list[str], proselint: list[str] | None, rows: list[Row]) -> None:
    print("\ngrowth: one generated Markdown article, whole process, each tool")
    growth = bench_growth(newslint, proselint)
    base_words, base, _ = growth[0]
    for words, t, p in growth:
        beside = f"  proselint {p.seconds:6.2f} s, prose/news {_speedup(t, p)}" if p else ""
        print(f"  {words:>7,} words: {t.seconds:6.2f} s wall, {t.cpu:6.2f} s cpu ({t.cpu / words * 10_000:.3f} cpu s "
              f"per 10k words; linear from {base_words:,} would be {base.cpu * words / base_words:.2f})  "
              f"peak {t.peak_mb:.0f} MB  exit {t.exit_code}{beside}")
    print("\nissue 14 targets (proselint's time / newslint's, wall; cpu in brackets):")
    for name, row, goal in (("one 1,000-word article", rows[0], 1.0), ("Markdown corpus --jobs 1", rows[1], 1.5),
                            ("whole corpus default jobs", rows[2], 2.5)):
        if row.proselint is None:
            continue
        wall = row.proselint.seconds / row.newslint.seconds
        cpu = row.proselint.cpu / row.newslint.cpu if row.newslint.cpu else 0.0
        print(f"  {name:<28} {wall:5.2f}x ({cpu:.2f}x)  goal >= {goal:g}: {'met' if wall >= goal else 'NOT met'}")
    print(f"load average at the end {_load()} (other work on the machine slows both tools alike)")


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


if __name__ == "__main__":
    sys.exit(main())
