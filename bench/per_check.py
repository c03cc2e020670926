"""Time per check over a corpus, in one process: which checks a whole-archive run waits for.

    python bench/per_check.py [CORPUS_DIR] [--limit N]

Parsing (with sentences and words, which the checks share) is timed on its own; each check's
time is its `run` over every file. The numbers add up to about a `--jobs 1` run less start-up.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=0, help="only the first N files")
    options = parser.parse_args(argv)

    from lint.document import parse
    from lint.engine import ConfigCache, discover, read_source
    from lint.results import Selection

    errors: list = []
    targets = discover([str(options.corpus)], ConfigCache(None), errors)
    if options.limit:
        targets = targets[: options.limit]
    per_check: dict[str, float] = defaultdict(float)
    parse_seconds = 0.0
    words = 0
    started = time.perf_counter()
    for target in targets:
        resolved = target.config.for_file(target.path)
        try:
            source = read_source(target.path, target.config.max_size_mb, target.config.encodings)
        except Exception:
            continue
        t = time.perf_counter()
        doc = parse(target.display, source, resolved.parse)
        for block in doc.blocks:  # shared by the checks; charged to parsing
            if block.is_prose:
                for sentence in block.sentences:
                    _ = sentence.words
        words += doc.word_count
        parse_seconds += time.perf_counter() - t
        for rc in resolved.checks:
            if not Selection().wants(rc.check.id, rc.check.category):
                continue
            t = time.perf_counter()
            try:
                list(rc.check().run(doc, rc.options, resolved.house))
            except Exception:
                pass
            per_check[rc.check.id] += time.perf_counter() - t
    total = time.perf_counter() - started
    print(f"{len(targets)} files, {words:,} words, {total:.1f} s in all")
    print(f"{'parse (with sentences and words)':<34} {parse_seconds:8.2f} s {parse_seconds / total:6.1%}")
    for check_id, seconds in sorted(per_check.items(), key=lambda kv: -kv[1]):
        print(f"{check_id:<34} {seconds:8.2f} s {seconds / total:6.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
