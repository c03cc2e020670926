"""The house profile's figures: learning time and memory, file sizes, determinism, --update,
paragraph-index query time, and what `check --profile` adds per article.

    python bench/house.py [CORPUS_DIR] [--sample N]

Runs `newslint learn` on the corpus in a fresh process with the default jobs (peak memory is the
sum of the resident sets of the process and its workers, sampled every 50 ms), learns it again
and with --update to compare bytes, times index queries, then lints N articles (default 300)
with --jobs 1 with and without --profile.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NEWSLINT = str(Path(sys.executable).with_name("newslint"))


def run_measured(args: list[str]) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds of the tree, peak summed RSS in MB) of a command."""
    import psutil

    started = time.perf_counter()
    proc = psutil.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak, cpu = 0, {}
    while proc.poll() is None:
        try:
            tree = [proc, *proc.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree))
            for p in tree:
                cpu[p.pid] = sum(p.cpu_times()[:2])
        except psutil.Error:
            pass
        time.sleep(0.05)
    wall = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(args)} failed ({proc.returncode}): {proc.stderr.read().decode()[-500:]}")
    return wall, sum(cpu.values()), peak / 1e6


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?", default=str(REPO.parent / "shared" / "corpus"))
    parser.add_argument("--sample", type=int, default=300)
    args = parser.parse_args()
    corpus = Path(args.corpus)
    work = Path(tempfile.mkdtemp(prefix="newslint-house-"))
    try:
        print(f"load average before: {os.getloadavg()[0]:.1f}")
        wall, cpu, peak = run_measured([NEWSLINT, "learn", str(corpus), "-o", str(work / "house.json"), "-q"])
        profile, index = work / "house.json", work / "house.index"
        print(f"learn, default jobs ({os.cpu_count()} cores): {wall:.1f} s wall, {cpu:.1f} s CPU, "
              f"peak {peak:.0f} MB (process and workers)")
        print(f"profile: {profile.stat().st_size / 1e3:.0f} KB; paragraph index: {index.stat().st_size / 1e6:.1f} MB")
        subprocess.run([NEWSLINT, "learn", str(corpus), "-o", str(work / "again.json"), "-q"], check=True)
        same = (profile.read_text().replace("house.index", "again.index") == (work / "again.json").read_text()
                and index.read_bytes() == (work / "again.index").read_bytes())
        print(f"learned twice: {'byte-identical' if same else 'DIFFERENT'}")
        _update(corpus, work)
        _queries(profile)
        _per_article(corpus, profile, args.sample)
        print(f"load average after: {os.getloadavg()[0]:.1f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _update(corpus: Path, work: Path) -> None:
    """Learn 90% of a copy, add the rest and change one article, --update; compare with a rebuild."""
    copy = work / "copy"
    shutil.copytree(corpus, copy)
    files = sorted(p for p in copy.rglob("*") if p.suffix in (".md", ".html"))
    later = files[::10]
    aside = work / "aside"
    for p in later:
        target = aside / p.relative_to(copy)
        target.parent.mkdir(parents=True, exist_ok=True)
        p.rename(target)
    subprocess.run([NEWSLINT, "learn", str(copy), "-o", str(copy / "house.json"), "-q"], check=True, cwd=copy)
    for p in later:
        (aside / p.relative_to(copy)).rename(p)
    changed = files[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nOne more paragraph, added later.\n", encoding="utf-8")
    started = time.perf_counter()
    subprocess.run([NEWSLINT, "learn", ".", "-o", "house.json", "--update", "-q"], check=True, cwd=copy)
    took = time.perf_counter() - started
    subprocess.run([NEWSLINT, "learn", ".", "-o", "rebuilt.json", "-q"], check=True, cwd=copy)
    same = ((copy / "house.json").read_text().replace("house.index", "rebuilt.index")
            == (copy / "rebuilt.json").read_text()
            and (copy / "house.index").read_bytes() == (copy / "rebuilt.index").read_bytes())
    print(f"--update with {len(later) + 1} new or changed articles: {took:.1f} s; "
          f"{'byte-identical to a rebuild' if same else 'DIFFERENT from a rebuild'}")


def _queries(profile_path: Path) -> None:
    import numpy as np

    from lint.house.profile import load_profile

    profile = load_profile(profile_path)
    started = time.perf_counter()
    index = profile.paragraph_index()
    opened = time.perf_counter() - started
    assert index is not None and index.params is not None
    n = index.header["paragraphs"]
    sample = index._array("signatures", "<u4", (n, index.params.num_perm))[:: max(1, n // 2000)]
    started = time.perf_counter()
    index.find(np.array(sample), index.params.threshold)
    per = (time.perf_counter() - started) / len(sample)
    print(f"index: {n} paragraphs ({index.header['indexed']} indexed), opened in {opened * 1000:.1f} ms; "
          f"query {per * 1000:.2f} ms per paragraph ({len(sample)} queries)")


def _per_article(corpus: Path, profile: Path, sample: int) -> None:
    files = sorted(str(p) for p in corpus.rglob("*") if p.suffix in (".md", ".html"))
    files = files[:: max(1, len(files) // sample)][:sample]
    base = [NEWSLINT, "check", "--no-cache", "-j", "1", "-q", "--format", "json"]
    times = {}
    for label, extra in (("without", []), ("with", ["--profile", str(profile)])):
        started = time.perf_counter()
        subprocess.run([*base, *extra, *files], stdout=subprocess.DEVNULL, check=False)
        times[label] = time.perf_counter() - started
    added = (times["with"] - times["without"]) / len(files)
    print(f"check --jobs 1 on {len(files)} articles: {times['without']:.1f} s without the profile, "
          f"{times['with']:.1f} s with it: {added * 1000:+.1f} ms per article")


if __name__ == "__main__":
    sys.exit(main())
