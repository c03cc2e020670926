"""Where a one-file run's time goes: importing each check module, then its first and second run.

    python bench/startup.py [ARTICLE]

A pre-commit hook lints one article per process, so everything a check builds on first use
(compiled patterns, word lists) is paid on every commit. The first run minus the second is
that one-off cost. Shared imports are charged to the first module that needs them.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_ARTICLE = REPO / "examples" / "bad-article.md"


def main(argv: list[str]) -> int:
    started = time.perf_counter()
    article = Path(argv[0]) if argv else DEFAULT_ARTICLE
    import lint.checks as package
    from lint.document import parse
    from lint.engine import ConfigCache

    base_import = time.perf_counter() - started
    imports: dict[str, float] = {}
    for info in pkgutil.iter_modules(package.__path__):
        t = time.perf_counter()
        importlib.import_module(f"lint.checks.{info.name}")
        imports[info.name] = time.perf_counter() - t

    t = time.perf_counter()
    config = ConfigCache(None).for_dir(article.parent)
    config_time = time.perf_counter() - t
    resolved = config.for_file(article)
    t = time.perf_counter()
    doc = parse(str(article), article.read_text(encoding="utf-8"), resolved.parse)
    _ = doc.sentences  # split now, so the checks below are timed alone
    parse_time = time.perf_counter() - t

    rows = []
    for rc in resolved.checks:
        timings = []
        for _ in range(2):
            t = time.perf_counter()
            try:
                list(rc.check().run(doc, rc.options, resolved.house))
            except Exception:  # unavailable checks (a server that is down) still cost their attempt
                pass
            timings.append(time.perf_counter() - t)
        module = rc.check.__module__.rsplit(".", 1)[-1]
        rows.append((imports.get(module, 0.0) + timings[0] - timings[1], timings[1], rc.check.id, module))
    rows.sort(reverse=True)
    print(f"{article} ({doc.word_count} words)")
    print(f"core imports {base_import:.3f} s, config {config_time:.3f} s, parse {parse_time:.3f} s")
    print(f"{'check':<30} {'one-off s':>9} {'per run s':>9}")
    for one_off, per_run, check_id, _ in rows:
        print(f"{check_id:<30} {one_off:>9.3f} {per_run:>9.3f}")
    print(f"{'all checks':<30} {sum(r[0] for r in rows):>9.3f} {sum(r[1] for r in rows):>9.3f}")
    print(f"total in process {time.perf_counter() - started:.3f} s (plus interpreter start-up)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
