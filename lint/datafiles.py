"""newslint's shipped data (word, name and phrase lists under lint/data/): where it is and how a
list file is read. Checks name their files relative to lint/data/, never by a path of their own.

A one-article run reads a few dozen of these files; what reading one gives (its lines, its YAML)
is kept between runs in a store (lint/startup.py, `NEWSLINT_PATTERN_CACHE=off` turns it off),
keyed by the file's name, size and modification time as Python keys bytecode: a file that
changes is read afresh.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lint.startup import RecentStore

DATA_DIR = Path(__file__).resolve().parent / "data"


def data_path(relative: str) -> Path:
    """The file `relative` ("names/cities.txt") under lint/data/."""
    return DATA_DIR / relative


@cache
def data_yaml(relative: str) -> Any:
    """A YAML data file under lint/data/, read once per process with libyaml where it is there.

    Shipped data is trusted (unlike configs and front matter, see lint/safe_yaml.py), and the
    C loader reads it ten times faster than the pure-Python one a one-article run would wait for.
    """
    return _stored("yaml", relative, _read_yaml)


@cache
def data_lines(relative: str) -> tuple[str, ...]:
    """The entries of a list file under lint/data/: its lines stripped, without blank lines and
    # comment lines. Read once per process."""
    return _stored("lines", relative, _read_lines)  # type: ignore[no-any-return]


def _read_yaml(path: Path) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


def _read_lines(path: Path) -> tuple[str, ...]:
    text = path.read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


def _stored(kind: str, relative: str, read: Callable[[Path], Any]) -> Any:
    """What `read` gives for the data file, from the store when the file is as it was then."""
    path = data_path(relative)
    try:
        status = path.stat()
    except OSError:
        return read(path)  # read() says what is wrong
    key = (kind, relative, status.st_size, status.st_mtime_ns)
    store = _store()
    value = store.get(key)
    if value is None:
        value = read(path)
        store.put(key, value)  # a value marshal cannot keep (a YAML date) is read every run
    return value


@cache
def _store() -> RecentStore:
    from lint.startup import RecentStore, store_path

    return RecentStore(store_path("data-files"))
