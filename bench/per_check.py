"""Time per check over a corpus, in one process: which checks a whole-archive run waits for.

    python bench/per_check.py [CORPUS_DIR] [--limit N]

Parsing (with sentences and word texts, which the checks share) is timed on its own; each check's
time is its `run` over every file. Times are CPU seconds of this thread (`time.thread_time`), so
other work on a shared machine does not inflate them; they add up to about the CPU time of a
`--jobs 1` run less start-up.
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
    started = time.thread_time()
    for target in targets:
        resolved = target.config.for_file(target.path)
        try:
            source = read_source(target.path, target.config.max_size_mb, target.config.encodings)
        except Exception:
            continue
        t = time.thread_time()
        doc = parse(target.display, source, resolved.parse)
        # Sentences and word texts are shared by most checks: charged to parsing. Mapped words
        # (`block.words`) are built only for the few checks that want them, and charged to them.
        for block in doc.blocks:
            if block.is_prose:
                _ = block.sentences, block.word_texts
        words += doc.word_count
        parse_seconds += time.thread_time() - t
        for rc in resolved.checks:
            if not Selection().wants(rc.check.id, rc.check.category):
                continue
            t = time.thread_time()
            try:
                list(rc.check().run(doc, rc.options, resolved.house))
            except Exception:
                pass
            per_check[rc.check.id] += time.thread_time() - t
    total = time.thread_time() - started
    print(f"{len(targets)} files, {words:,} words, {total:.1f} s in all")
    print(f"{'parse (with sentences, word texts)':<34} {parse_seconds:8.2f} s {parse_seconds / total:6.1%}")
    for check_id, seconds in sorted(per_check.items(), key=lambda kv: -kv[1]):
        print(f"{check_id:<34} {seconds:8.2f} s {seconds / total:6.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
