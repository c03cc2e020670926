"""newslint's shipped data (word, name and phrase lists under lint/data/): where it is and how a
list file is read. Checks name their files relative to lint/data/, never by a path of their own.

A one-article run reads a few dozen of these files; what reading one gives (its lines, its YAML)
is kept between runs in a store (lint/startup.py, `NEWSLINT_PATTERN_CACHE=off` turns it off),
keyed by the file's name, size and modification time as Python keys bytecode: a file that
changes is read afresh.
"""

from __future__ import annotations

import mmap
import os
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from lint.startup import RecentStore

DATA_DIR = Path(__file__).resolve().parent / "data"

K = TypeVar("K")
V = TypeVar("V")


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

    # (Not "data-files", the name of the store's earlier layout: an older newslint sharing the
    # cache folder would rewrite the file each run.)
    return RecentStore(store_path("data-file-entries"), decode_each=True)


class MadeOnLookup(Mapping[K, V], Generic[K, V]):
    """A read-only table whose values are made from their fields the first time each is looked up.

    A shipped list gives thousands of entries (names, spellings) while an article looks up a few
    dozen: making every entry an object up front would be most of the table's cost in a one-article
    run. `make(*fields)` is called once per key looked up. A subclass may keep the fields under
    other keys (`_stored_key`) or in another form (`_made_from`)."""

    def __init__(self, fields: dict[K, tuple[Any, ...]], make: Callable[..., V]) -> None:
        self._fields = fields
        self._make = make
        self._made: dict[K, V] = {}

    def _stored_key(self, key: object) -> Any:
        """Where the fields of `key` are kept."""
        return key

    def _made_from(self, fields: Any) -> V:
        return self._make(*fields)

    def get(self, key: K, default: Any = None) -> Any:
        value = self._made.get(key)
        if value is None:
            fields = self._fields.get(self._stored_key(key))
            if fields is None:
                return default
            value = self._made[key] = self._made_from(fields)
        return value

    def __getitem__(self, key: K) -> V:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value  # type: ignore[no-any-return]

    def __iter__(self) -> Iterator[K]:
        return iter(self._fields)

    def __len__(self) -> int:
        return len(self._fields)

    def __contains__(self, key: object) -> bool:
        return self._stored_key(key) in self._fields


def mapped_file(path: Path) -> tuple[Any, tuple[Any, ...]]:
    """A file's bytes mapped into memory (read whole when it cannot be mapped), and its identity
    (path, size, modification time): the key of what is kept between runs about it. Raises
    OSError when it cannot be opened."""
    with path.open("rb") as handle:
        status = os.fstat(handle.fileno())
        identity = (str(path), status.st_size, status.st_mtime_ns)
        try:
            return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ), identity
        except (OSError, ValueError):  # not a file that can be mapped (an empty one, say)
            return handle.read(), identity


def sampled_lines(data: Any, start: int, step: int,
                  key: Callable[[bytes], bytes] | None = None) -> tuple[list[int], list[bytes]]:
    """A sorted file's lines noted every `step` bytes, for looking words up in place (bisect the
    noted lines, then search the few kilobytes between two): where the line at `start` and the
    line after every `step` bytes from there begin, and those lines (or `key` of each)."""
    size = len(data)
    starts = [data.find(b"\n", at) + 1 for at in range(start + step, size, step)]
    offsets = [start, *(begin for begin in starts if 0 < begin < size)]
    ends = [data.find(b"\n", begin) for begin in offsets]
    lines = [data[begin : end if end >= 0 else size] for begin, end in zip(offsets, ends, strict=True)]
    return offsets, lines if key is None else [key(line) for line in lines]


def kept_samples(kind: str, identity: tuple[Any, ...] | None, data: Any, start: int, step: int,
                 key: Callable[[bytes], bytes] | None = None) -> tuple[list[int], list[bytes]]:
    """`sampled_lines`, kept between runs in the store `kind` (lint/startup.py) under the file's
    identity (path, size, modification time): noting the lines is a fiftieth of a one-article
    run. Without an identity they are noted afresh."""
    if identity is None:
        return sampled_lines(data, start, step, key)
    from lint.startup import kept_value

    return kept_value(kind, (*identity, step), lambda: sampled_lines(data, start, step, key))  # type: ignore[no-any-return]
