"""Results cached by file content, config and newslint version, so unchanged files cost nothing.

One small JSON file per result under the cache folder; a damaged or unreadable entry is a miss,
and a cache folder that cannot be written is silently not used.
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path
from typing import Any

from lint import __version__
from lint.atomic import write_bytes_atomic
from lint.config import Resolved
from lint.document.span import Span
from lint.findings import Finding, Fix, Severity
from lint.results import FileResult, Selection

DEFAULT_DIR = ".newslint_cache"


def default_cache_dir() -> Path:
    return Path(os.environ.get("NEWSLINT_CACHE_DIR") or DEFAULT_DIR)


def cache_key(source: str, display: str, resolved: Resolved, selection: Selection) -> str:
    import hashlib  # here: a run without the cache (--no-cache) never imports it

    h = hashlib.sha256()
    code = code_fingerprint(tuple(sorted({rc.check.__module__ for rc in resolved.checks})))
    for part in (__version__, code, resolved.fingerprint, repr(selection), display):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    h.update(source.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


@functools.cache
def code_fingerprint(check_modules: tuple[str, ...]) -> str:
    """Size and modification time of newslint's own files and of every check's module.

    An edited check (in a checkout, or a plugin file) must not be answered from results the old
    code produced; the version number alone does not change between commits. Reading the stat
    of a few hundred files costs a few milliseconds, once per process.
    """
    import hashlib

    h = hashlib.sha256()
    package = Path(__file__).resolve().parent
    files = sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for name in check_modules:
        module_file = getattr(sys.modules.get(name), "__file__", None)
        if module_file:
            files.append(Path(module_file))
    for path in files:
        try:
            info = path.stat()
        except OSError:
            continue
        h.update(f"{path}\0{info.st_size}\0{info.st_mtime_ns}\0".encode("utf-8", "surrogateescape"))
    return h.hexdigest()


def _entry(cache_dir: Path, key: str) -> Path:
    return cache_dir / __version__ / key[:2] / f"{key}.json"


def load(cache_dir: Path, key: str) -> FileResult | None:
    """The cached result, or None for a miss; anything damaged or unexpected is a miss too."""
    import json  # here, like hashlib: a run without the cache never imports it

    try:
        data = json.loads(_entry(cache_dir, key).read_text(encoding="utf-8"), parse_constant=_refuse)
        if not (isinstance(data, dict) and isinstance(data.get("findings"), list)
                and isinstance(data.get("metrics"), dict)):
            return None
        result = FileResult(
            path=_typed(data["path"], str), format=_typed(data["format"], str), words=_typed(data["words"], int),
            findings=[_finding(f) for f in data["findings"]],
            metrics={_typed(k, str): _typed(v, (int, float)) for k, v in data["metrics"].items()}, cached=True,
        )
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        # RecursionError: a planted entry nested thousands deep.
        return None
    return result


def _refuse(name: str) -> Any:
    raise ValueError(f"{name} in a cache entry")


def _typed(value: Any, kind: type | tuple[type, ...]) -> Any:
    """The value when it has the expected JSON type (bools are not numbers), else TypeError."""
    if isinstance(value, bool) or not isinstance(value, kind):
        raise TypeError(f"unexpected {type(value).__name__} in a cache entry")
    return value


def store(cache_dir: Path, key: str, result: FileResult) -> None:
    entry = _entry(cache_dir, key)
    data = {
        "path": result.path, "format": result.format, "words": result.words, "metrics": result.metrics,
        "findings": [_plain(f) for f in result.findings],
    }
    try:
        if not entry.parent.is_dir():
            cache_dir.parent.mkdir(parents=True, exist_ok=True)
            _own_folder(cache_dir)
            _own_folder(cache_dir / __version__)
            entry.parent.mkdir(exist_ok=True)
        import json

        write_bytes_atomic(entry, json.dumps(data).encode("utf-8"))
    except OSError:
        pass


def _own_folder(folder: Path) -> None:
    """Create a cache folder; only one newslint created itself gets a `*` .gitignore. An existing
    folder (`--cache-dir .`, say) is never given one: it would hide every new article from git."""
    try:
        folder.mkdir()
    except FileExistsError:
        return
    (folder / ".gitignore").write_text("# created by newslint: its result cache\n*\n", encoding="utf-8")


def _plain(f: Finding) -> dict[str, Any]:
    return {
        "rule": f.rule, "category": f.category, "severity": f.severity.value, "span": [f.span.start, f.span.end],
        "message": f.message,
        "fix": None if f.fix is None else _plain_fix(f.fix),
        "path": f.path, "pos": [f.line, f.column, f.end_line, f.end_column],
        "more_fixes": [_plain_fix(x) for x in f.more_fixes],
    }


def _plain_fix(fix: Fix) -> list[Any]:
    return [fix.span.start, fix.span.end, fix.replacement, fix.safe, fix.label,
            fix.line, fix.column, fix.end_line, fix.end_column]


def _fix(item: Any) -> Fix:
    a, b, text, safe, label, *pos = item
    if not isinstance(safe, bool):
        raise TypeError("fix safety must be true or false")
    if len(pos) != 4:
        raise TypeError("a fix has four position numbers")
    return Fix(Span(_typed(a, int), _typed(b, int)), _typed(text, str), safe, _typed(label, str),
               *(_typed(n, int) for n in pos))


def _finding(d: dict[str, Any]) -> Finding:
    fix = None if d["fix"] is None else _fix(d["fix"])
    more = tuple(_fix(item) for item in _typed(d.get("more_fixes", []), list))
    line, col, end_line, end_col = (_typed(n, int) for n in d["pos"])
    start, end = (_typed(n, int) for n in d["span"])
    return Finding(
        _typed(d["rule"], str), _typed(d["category"], str), Severity(d["severity"]), Span(start, end),
        _typed(d["message"], str), fix, _typed(d["path"], str), line, col, end_line, end_col, more,
    )
