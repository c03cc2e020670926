"""The compiled code of the modules a command-line run imports, kept between runs in one file.

A one-article run imports some 250 modules of newslint, its libraries and the standard library.
For each, Python's import system searches the path, looks at the source file and its bytecode
file, opens and reads the bytecode and checks its header: about a tenth of the run, before any
module's code has run. `ModuleStore` is an import finder, first on `sys.meta_path` in the command
line only (`lint.startup.begin`), that answers for modules an earlier run imported: their code
objects are read at once from one store file (lint/startup.py's `RecentStore`, one file per
search path: `store_kind`), and each module's
source is looked at with one `stat`, as Python checks bytecode against its source: a module whose
size or modification time changed is imported the usual way, and its new code is stored at exit.

What is stored is exactly what the module's own loader compiled (`SourceFileLoader.get_code`), and
a stored module is loaded by a `SourceFileLoader` of its own file (resources, `__file__`,
`__cached__` as usual). Only modules found the usual way through source files are stored, in the
file of the run's search path (`sys.path`): another path (another environment, a test runner)
finds what it would have found, and a run reads only its own environment's modules.
"""

from __future__ import annotations

import atexit
import os
import sys
import zlib
from importlib.machinery import ModuleSpec, SourceFileLoader
from pathlib import Path
from types import CodeType, ModuleType
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from collections.abc import Sequence


class Store(Protocol):
    """What the finder needs of its store (lint/startup.py's `RecentStore`)."""

    path: Path | None

    def get(self, key: Any) -> Any: ...

    def discard(self, key: Any) -> None: ...

    def put(self, key: Any, value: Any) -> None: ...

    def save(self) -> None: ...


class _StoredLoader(SourceFileLoader):
    """A module's own source loader, with its compiled code already at hand."""

    def __init__(self, fullname: str, path: str, code: CodeType) -> None:
        super().__init__(fullname, path)
        self._code = code

    def get_code(self, fullname: str) -> CodeType:
        return self._code


class ModuleStore:
    """An import finder for the modules stored by earlier runs (see the module docstring)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._missed: list[str] = []  # modules imported the usual way: stored at exit

    def find_spec(self, name: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        entry = self._store.get(name)
        if entry is None:
            self._missed.append(name)
            return None
        try:
            origin, is_package, size, mtime, code = entry
            status = os.stat(origin)
        except (OSError, TypeError, ValueError):
            status = None
        if status is None or (status.st_size, status.st_mtime_ns) != (size, mtime) or not isinstance(code, CodeType):
            self._store.discard(name)
            self._missed.append(name)
            return None
        spec = ModuleSpec(name, _StoredLoader(name, origin, code), origin=origin, is_package=is_package)
        spec.has_location = True
        if is_package:
            spec.submodule_search_locations = [os.path.dirname(origin)]
        return spec

    def store_missed(self) -> bool:
        """Store the code of the modules this run imported the usual way from their source; True
        when there was any."""
        stored = False
        for name in self._missed:
            module = sys.modules.get(name)
            spec = getattr(module, "__spec__", None)
            loader = getattr(spec, "loader", None)
            if type(loader) is not SourceFileLoader or not isinstance(spec.origin, str):  # type: ignore[union-attr]
                continue  # a built-in, frozen, extension or zipped module, or one no longer there
            origin: str = spec.origin  # type: ignore[union-attr]
            try:
                status = os.stat(origin)
                code = loader.get_code(name)
            except (OSError, ImportError, SyntaxError, ValueError):
                continue
            if code is not None:
                entry = (origin, spec.submodule_search_locations is not None,  # type: ignore[union-attr]
                         status.st_size, status.st_mtime_ns, code)
                self._store.put(name, entry)
                stored = True
        self._missed.clear()
        return stored


def store_kind() -> str:
    """The store of this search path's modules ("module-code-" and a digest of `sys.path`)."""
    return f"module-code-{zlib.crc32(chr(10).join(sys.path).encode('utf-8', 'surrogatepass')):08x}"


def install(store: Store) -> ModuleStore | None:
    """Put a `ModuleStore` first on `sys.meta_path` (the store must be on); modules imported the
    usual way from then on are stored when the process exits."""
    if store.path is None or any(isinstance(finder, ModuleStore) for finder in sys.meta_path):
        return None
    finder = ModuleStore(store)
    sys.meta_path.insert(0, finder)
    atexit.register(_save, finder, store)  # registered last, run first: before the store's own save
    return finder


_KEEP_FILES = 8  # the search paths whose stores are kept (`python -m lint` has one per folder)


def _save(finder: ModuleStore, store: Store) -> None:
    stored = finder.store_missed()
    store.save()
    if stored and store.path is not None:
        _prune(store.path)


def _prune(path: Path) -> None:
    """Remove all but the `_KEEP_FILES` most recently written module stores of the folder: each
    search path has its own, and `python -m lint` run in many folders would leave one in each."""
    try:
        stores = sorted(path.parent.glob("module-code-*.marshal"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in stores[_KEEP_FILES:]:
            old.unlink()
    except OSError:
        pass  # another run removed one first, or the folder cannot be written: nothing to tidy
