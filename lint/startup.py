"""The start and the end of a command-line process: what a one-article run pays besides linting.

A pre-commit hook starts newslint once per commit to lint one article, so the fixed costs of a
process are most of what it waits for. Four of them are not about linting at all, and the
command line (`lint.cli.main`, nothing else: a program that imports newslint keeps its own
interpreter as it is) trims them:

- Python's `dataclasses` writes each dataclass's methods (`__init__`, `__repr__`, `__eq__`,
  `__setattr__` ...) as source text and compiles it when the class is defined: a quarter of a
  one-article run for the hundred-odd dataclasses of the checks and the document model.
  `CodeStore` keeps what was compiled between runs, as Python keeps bytecode, in the folder of
  the compiled-pattern store (`lint/patterns.py`; `NEWSLINT_PATTERN_CACHE=off` turns both off).
  The text is the key, so a stored method is exactly what compiling its text gives. A dataclass
  without a docstring also gets its `__init__` signature worked out as its `__doc__` (about 5 ms
  for a hundred classes): in the command line that doc is the class name alone.
- Importing some 250 modules means searching the path and reading a bytecode file for each:
  `lint/module_store.py` keeps the compiled modules of earlier runs in one file instead, each
  checked against its source's size and time as Python checks bytecode.
- The cyclic garbage collector scans the objects start-up builds (modules, classes, word
  lists) again and again though they live as long as the process: it is off until start-up is
  over (`settled`), and what start-up built is then frozen out of later scans.
- Tearing the interpreter down at exit frees every object one by one; `exit_now` runs the exit
  handlers, flushes the output and ends the process without that.
"""

from __future__ import annotations

import atexit
import functools
import gc
import importlib
import marshal
import mmap
import os
import sys
import threading
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from collections.abc import Callable

_MAX_STORED = 4_000  # entries kept in a store's file; past that, new ones are compiled each run
_KEEP_SAVES = 8  # a RecentStore entry no run used in this many saves is left out of the file


def store_path(kind: str) -> Path | None:
    """The file of one of the stores kept between runs ("regex-programs", "lexicon"...), or None when
    `NEWSLINT_PATTERN_CACHE` is off. The name carries the interpreter's version: another Python
    (another bytecode, another regex engine) uses other files."""
    import zlib

    setting = os.environ.get("NEWSLINT_PATTERN_CACHE", "")
    if setting.lower() in ("off", "0", "no", "false"):
        return None
    if setting:
        folder = Path(setting)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = Path(base) / "newslint"
    try:
        import _sre

        engine = f"{_sre.MAGIC}-{_sre.CODESIZE}"
    except (ImportError, AttributeError):
        return None
    interpreter = f"{sys.implementation.cache_tag}-{sys.version}-{engine}"
    return folder / f"{kind}-{zlib.crc32(interpreter.encode()):08x}.marshal"


def _first_read(path: Path | None, save: Callable[[], None]) -> Any:
    """What a store's file holds, or None when the store is off, or there is no file yet or a
    damaged one (start afresh). A store that is on is saved at exit from then on."""
    if path is None:
        return None
    atexit.register(save)
    try:
        # Read through a mapping of the file, not a copy of it: a store of some megabytes read
        # into memory first would cost a fault for every page of the copy.
        with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
            return marshal.loads(mapped)
    except (OSError, ValueError, EOFError, TypeError):  # (an empty file cannot be mapped: ValueError)
        return None


def _write_marshal(path: Path, data: Any) -> bool:
    """Replace a store file whole (a half-written one is never read); False when the folder
    cannot be written, and the store is then simply not kept."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(marshal.dumps(data))
        os.replace(temporary, path)
        return True
    except (OSError, ValueError):
        return False


class MarshalStore:
    """A dict kept between runs in a marshal file: read on first use, written at exit when the run
    added to it. Holds tables the checks build (lint/checks/_needles.py, _names.py)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path  # None: the store is off, nothing is read or kept
        self._entries: dict[Any, Any] | None = None
        self.added = 0  # entries this run added that are not written yet

    def entries(self) -> dict[Any, Any]:
        if self._entries is None:
            loaded = _first_read(self.path, self.save)
            self._entries = loaded if isinstance(loaded, dict) else {}
        return self._entries

    def has_room(self) -> bool:
        """True when a new entry would be kept (the store is on and not full)."""
        return self.path is not None and len(self.entries()) < _MAX_STORED

    def add(self, key: Any, value: Any) -> None:
        """Keep `value` under `key` from now on; an entry marshal cannot write (an enum member, an
        object) is refused here, so that it cannot stop the whole store from being saved."""
        try:
            marshal.dumps((key, value))
        except ValueError:
            return
        self.entries()[key] = value
        self.added += 1

    def save(self) -> None:
        """Write the store if this run added something (a folder that cannot be written is not used)."""
        if not self.added or self.path is None or self._entries is None:
            return
        if _write_marshal(self.path, self._entries):
            self.added = 0


@functools.cache
def marshal_store(kind: str) -> MarshalStore:
    """The process's one `MarshalStore` of this kind."""
    return MarshalStore(store_path(kind))


def kept_value(kind: str, key: Any, build: Callable[[], Any]) -> Any:
    """`build()`, kept between runs in the store `kind` under `key` (which says what it was built
    from: a file's identity and size, a version): an earlier run's value when its key is the same.
    The store keeps one value: storing a new one drops the others (an older file's, say)."""
    store = marshal_store(kind)
    entries = store.entries()
    value = entries.get(key)
    if value is None:
        value = build()
        if store.has_room():
            entries.clear()
            store.add(key, value)
    return value


class RecentStore:
    """A dict kept between runs that holds what recent runs used: the compiled regex programs
    (lint/patterns.py) and dataclass methods (CodeStore) every start-up would otherwise rebuild.

    Read whole on first use (one marshal load is faster than decoding entries one by one), and
    written at exit when the run added something. Entries that none of the last `_KEEP_SAVES`
    saving runs used are then left out: what an older newslint or a configuration no longer in
    use stored would otherwise be read by every run. The file holds
    `(saves so far, {key: value}, {key: the save that last used it})`.

    With `decode_each`, each value is kept marshalled on its own and decoded when first asked
    for, and the file holds `(_EACH, saves so far, {key: marshalled value}, {key: save})`: for a
    store of big values a run uses a part of (the modules' code, data files: a one-article run
    reads a fraction of what a corpus run or another command stored), decoding the rest was a
    tenth of the run.
    """

    def __init__(self, path: Path | None, decode_each: bool = False) -> None:
        self.path = path  # None: the store is off, nothing is read or kept
        self._decode_each = decode_each
        self._entries: dict[Any, Any] | None = None  # marshalled values, with decode_each
        self._decoded: dict[Any, Any] = {}  # with decode_each: the values decoded so far
        self._last_used: dict[Any, int] = {}
        self._generation = 0
        self._used: set[Any] = set()  # keys this run read or added
        self.added = 0  # entries this run added that are not written yet

    def _loaded(self) -> dict[Any, Any]:
        if self._entries is None:
            self._entries = {}
            loaded = _first_read(self.path, self.save)
            if self._decode_each:  # (a file of the other layout is not read: the store starts afresh)
                loaded = loaded[1:] if isinstance(loaded, tuple) and len(loaded) == 4 and loaded[0] == _EACH else None
            if isinstance(loaded, tuple) and len(loaded) == 3:
                generation, entries, last_used = loaded
                if isinstance(generation, int) and isinstance(entries, dict) and isinstance(last_used, dict):
                    self._generation, self._entries, self._last_used = generation, entries, last_used
        return self._entries

    def get(self, key: Any) -> Any:
        """The value stored under `key`, or None."""
        if self._decode_each:
            value = self._decoded.get(key)
            if value is None:
                value = self._decode(key)
        else:
            value = self._loaded().get(key)
        if value is not None:
            self._used.add(key)
        return value

    def _decode(self, key: Any) -> Any:
        stored = self._loaded().get(key)
        if stored is None:
            return None
        try:
            value = marshal.loads(stored)
        except (EOFError, ValueError, TypeError):  # a damaged entry: as if there were none
            self.discard(key)
            return None
        self._decoded[key] = value
        return value

    def discard(self, key: Any) -> None:
        """Forget an entry the caller found unusable."""
        self._loaded().pop(key, None)
        self._decoded.pop(key, None)
        self._used.discard(key)

    def has_room(self) -> bool:
        """True when a new entry would be kept (the store is on and not full)."""
        return self.path is not None and len(self._loaded()) < _MAX_STORED

    def put(self, key: Any, value: Any) -> None:
        """Keep `value` under `key` from now on, when there is room; an entry marshal cannot
        write (an enum member, an object) is refused."""
        if not self.has_room():
            return
        try:
            marshal.dumps(key)
            encoded = marshal.dumps(value)
        except ValueError:
            return
        self._loaded()[key] = encoded if self._decode_each else value
        if self._decode_each:
            self._decoded[key] = value
        self._used.add(key)
        self.added += 1

    def save(self) -> None:
        """Write the store if this run added something (a folder that cannot be written is not used)."""
        if not self.added or self.path is None or self._entries is None:
            return
        generation = self._generation + 1
        last_used = {key: generation if key in self._used else self._last_used.get(key, 0)
                     for key in self._entries}
        kept = {key: value for key, value in self._entries.items() if last_used[key] > generation - _KEEP_SAVES}
        kept_used = {key: last_used[key] for key in kept}
        layout = (_EACH, generation, kept, kept_used) if self._decode_each else (generation, kept, kept_used)
        if _write_marshal(self.path, layout):
            self._generation, self._entries, self.added, self._last_used = generation, kept, 0, kept_used


_EACH = "values marshalled one by one"  # the first item of a `decode_each` store's file


class CodeStore:
    """Compiled source texts of earlier runs: `exec(text, ...)` without compiling a known text."""

    def __init__(self, path: Path | None) -> None:
        self._store = RecentStore(path)

    def exec(self, source: Any, globals: dict[str, Any] | None = None,  # noqa: A002 (exec's own names)
             locals: dict[str, Any] | None = None) -> None:  # noqa: A002
        if not isinstance(source, str):
            exec(source, globals, locals)
            return
        code = self._store.get(source)
        if code is None:
            # What exec(source) compiles: file name "<string>", and no future flags (dataclasses has none).
            code = compile(source, "<string>", "exec", dont_inherit=True)
            self._store.put(source, code)
        exec(code, globals, locals)

    @property
    def added(self) -> int:
        """Methods this run compiled that are not written yet."""
        return self._store.added

    def save(self) -> None:
        self._store.save()


def begin() -> None:
    """The command line's first step, before it imports the rest of newslint: no cyclic garbage
    collection until `settled`, modules' compiled code (lint/module_store.py) and dataclass
    methods from the stores."""
    gc.disable()
    from lint import module_store

    module_store.install(RecentStore(store_path(module_store.store_kind()), decode_each=True))
    # Without `inspect`: dataclasses imports it only for the signatures set aside below.
    dataclasses = import_deferring("dataclasses", "inspect")
    if "exec" not in vars(dataclasses):
        # dataclasses calls the built-in exec by name; a module attribute of that name comes first.
        dataclasses.exec = CodeStore(store_path("dataclass-methods")).exec  # type: ignore[attr-defined]
        # Its only use of `inspect` is the signature for an undocumented class's __doc__; a
        # ValueError there is what it already handles (the doc is then the bare class name).
        dataclasses.inspect = _NoSignatures()  # type: ignore[attr-defined]


def import_deferring(name: str, deferred: str) -> ModuleType:
    """Import module `name` while module `deferred`, if nothing has imported it yet, stands for a
    placeholder that imports it on first use; the placeholder is then taken out of `sys.modules`,
    so a later `import` gets the real module.

    `dataclasses` and markdown-it's renderer import `inspect`, and with it `ast`, `dis` and
    `tokenize` (3 to 4 ms of a one-article run), for work a lint run never asks of them."""
    if name in sys.modules or deferred in sys.modules:
        return importlib.import_module(name)
    placeholder = _Deferred(deferred)
    sys.modules[deferred] = placeholder
    try:
        return importlib.import_module(name)
    finally:
        if sys.modules.get(deferred) is placeholder:
            del sys.modules[deferred]


class _Deferred(ModuleType):
    """A module imported on the first use of one of its attributes (see `import_deferring`)."""

    def __getattr__(self, attribute: str) -> Any:
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        return getattr(importlib.import_module(self.__name__), attribute)


class _NoSignatures:
    """Stands in for `inspect` inside `dataclasses` (see `begin`)."""

    @staticmethod
    def signature(obj: Any) -> NoReturn:
        raise ValueError("signatures are not worked out for docs in the command line")


def settled() -> None:
    """Start-up is over (config read, checks imported): the collector runs again, and skips what
    start-up built for the rest of the run (and in forked workers, which then share it); `re`
    compiles as usual again (`lint.patterns.store_start_up_compiles`)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
    import re

    compiler = re._compiler  # type: ignore[attr-defined]
    if getattr(compiler.compile, "_newslint_store", False):
        compiler.compile = compiler.compile._original


def run_to_exit(work: Callable[[], object]) -> None:
    """Run the command line's work; the `sys.exit` that ends it ends the process the quick way."""
    try:
        work()
    except SystemExit as done:
        if done.code is None or isinstance(done.code, int):
            exit_now(done.code or 0)
        raise


def exit_now(code: int) -> NoReturn:
    """End the process with `code` without tearing the interpreter down.

    Exit handlers run (stores are saved, worker pools and their queues closed) and the output is
    flushed, as at a normal exit; freeing every object one by one is left to the operating system.
    A program still running threads of its own exits the normal way.
    """
    if any(t is not threading.main_thread() and not t.daemon for t in threading.enumerate()):
        sys.exit(code)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (newslint ... | head): nothing more to say
            pass
    os._exit(code)
