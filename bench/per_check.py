"""Time per check over a corpus, in one process: which checks a whole-archive run waits for.

    python bench/per_check.py [CORPUS_DIR] [--limit N]

Parsing (with sentences and word texts, which the checks share) is timed on its own; each check's
time is its `run` over every file, less the work it asked of `Document.shared` that was not done
yet: that work (masked texts, tokens, paragraph masks) serves several checks, and is shown in rows
of its own, by what computes it, instead of being charged to whichever check happens to run first.
Times are CPU seconds of this thread (`time.thread_time`), so other work on a shared machine does
not inflate them; they add up to about the CPU time of a `--jobs 1` run less start-up.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=0, help="only the first N files")
    options = parser.parse_args(argv)

    from lint.document import parse
    from lint.document.model import Document
    from lint.engine import ConfigCache, discover, read_source
    from lint.results import Selection

    errors: list = []
    targets = discover([str(options.corpus)], ConfigCache(None), errors)
    if options.limit:
        targets = targets[: options.limit]
    per_check: dict[str, float] = defaultdict(float)
    shared = _SharedWork()
    shared.watch(Document)
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
            charged = shared.seconds
            try:
                list(rc.check().run(doc, rc.options, resolved.house))
            except Exception:
                pass
            per_check[rc.check.id] += time.thread_time() - t - (shared.seconds - charged)
    total = time.thread_time() - started
    print(f"{len(targets)} files, {words:,} words, {total:.1f} s in all")
    print(f"{'parse (with sentences, word texts)':<34} {parse_seconds:8.2f} s {parse_seconds / total:6.1%}")
    rows = [*per_check.items(), *((f"shared: {name}", s) for name, s in shared.by_name.items())]
    for label, seconds in sorted(rows, key=lambda kv: -kv[1]):
        print(f"{label:<34} {seconds:8.2f} s {seconds / total:6.1%}")
    return 0


class _SharedWork:
    """Times the work `Document.shared` and `shared_whole` compute (not the look-ups of work
    already done), by the name of what computes it; work done inside other shared work counts
    once, in the outer one."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.by_name: dict[str, float] = defaultdict(float)
        self._depth = 0

    def watch(self, document_class: type) -> None:
        for method in ("shared", "shared_whole"):
            setattr(document_class, method, self._timed(getattr(document_class, method)))

    def _timed(self, method: Callable[..., Any]) -> Callable[..., Any]:
        def timed(doc: Any, compute: Callable[..., Any], *args: Any) -> Any:
            if self._depth or doc.is_shared(compute, *args):
                return method(doc, compute, *args)
            self._depth += 1
            started = time.thread_time()
            try:
                return method(doc, compute, *args)
            finally:
                spent = time.thread_time() - started
                self._depth -= 1
                self.seconds += spent
                self.by_name[getattr(compute, "__qualname__", repr(compute))] += spent

        return timed


if __name__ == "__main__":
    sys.exit(main())
