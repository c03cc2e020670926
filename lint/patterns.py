"""Patterns that cost nothing until a check uses them: lazy regular expressions and phrase matchers.

A pre-commit hook lints one article per process, so whatever a module builds when it is imported
is paid on every commit, for every check, enabled or not. Module-level patterns are therefore
declared with `lazy_re` (compiled on first use, then as fast as a compiled pattern), and long
lists of literal phrases are searched with `PhraseMatcher`, an Aho-Corasick automaton built in C
(pyahocorasick), instead of being compiled into one giant regex alternation.

A default run still uses a few hundred patterns, and Python's `re` compiles each one in Python
code on every start (a third of a one-article run). `compile_pattern` keeps what the compiler
produced between runs, as Python keeps bytecode: the parsed and optimised program of each pattern
is stored in the user's cache folder, keyed by the Python version and the regex engine's magic
number, and handed straight to the engine (which checks it) next time. Results cannot differ: a
stored program is exactly what `re.compile` would build, and anything unexpected (another Python,
a damaged or unwritable file) falls back to `re.compile`. `NEWSLINT_PATTERN_CACHE` names another
folder, or turns it off with `off`.
"""

from __future__ import annotations

import functools
import re
from array import array
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

if TYPE_CHECKING:
    from lint.startup import RecentStore

V = TypeVar("V")


class _ProgramStore:
    """Compiled regex programs of earlier runs, loaded on the first compile of a process."""

    def __init__(self) -> None:
        self._store: RecentStore | None = None

    def compile(self, pattern: str, flags: int, fallback: Callable[[str, int], Any] = re.compile) -> re.Pattern[str]:
        store = self._load()
        key = (pattern, flags)
        program = store.get(key)
        if program is not None:
            try:
                return _from_program(pattern, program)
            except Exception:  # another engine, a damaged entry: compile it afresh
                store.discard(key)
        if not store.has_room():
            return cast(re.Pattern[str], fallback(pattern, flags))
        try:
            program = _program(pattern, flags)
            compiled = _from_program(pattern, program)
        except re.error:
            raise
        except Exception:  # another interpreter's re internals: nothing to store
            return cast(re.Pattern[str], fallback(pattern, flags))
        store.put(key, program)
        return compiled

    def _load(self) -> RecentStore:
        if self._store is None:
            from lint.startup import RecentStore, store_path

            self._store = RecentStore(store_path("regex-programs"))
        return self._store

    @property
    def added(self) -> int:
        """Programs this run compiled that are not written yet."""
        return self._store.added if self._store is not None else 0

    def save(self) -> None:
        """Write the programs compiled in this run (at exit; a cache that cannot be written is not used)."""
        if self._store is not None:
            self._store.save()


def _program(pattern: str, flags: int) -> tuple[Any, ...]:
    """What `re._compiler.compile` hands the engine for this pattern, its code packed as bytes."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # Plain ints (the compiler mixes in named int constants, which marshal does not store), packed
    # as the engine's code words: a store of int lists took a thirtieth of a one-article run to read.
    return (int(flags | parsed.state.flags), _packed_code([int(c) for c in code]), parsed.state.groups - 1,
            groupindex, tuple(indexgroup))


def _from_program(pattern: str, program: tuple[Any, ...]) -> re.Pattern[str]:
    import _sre

    final_flags, code, groups, groupindex, indexgroup = program
    if isinstance(code, bytes):
        code = array(_code_word(), code).tolist()
    return cast(re.Pattern[str], _sre.compile(pattern, final_flags, code, groups, groupindex, indexgroup))


def _packed_code(code: list[int]) -> bytes | list[int]:
    """The code as bytes of the engine's word size (as a list when no array type fits)."""
    typecode = _code_word()
    return array(typecode, code).tobytes() if typecode else code


@functools.cache
def _code_word() -> str:
    """The array type code of the regex engine's code words ("" when none has their size)."""
    import _sre

    return next((t for t in "IHL" if array(t).itemsize == _sre.CODESIZE), "")


_STORE = _ProgramStore()


def compile_pattern(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the program stored by an earlier run when there is one."""
    return _STORE.compile(pattern, int(flags))


def stored_program_compile(pattern: Any, flags: int, compiler: Callable[[Any, int], Any]) -> Any:
    """What `compiler(pattern, flags)` (`re._compiler.compile`) returns, from the store for a text
    pattern; bytes patterns and debugging flags go straight to `compiler`."""
    flags = int(flags)
    if not isinstance(pattern, str) or flags & re.DEBUG:
        return compiler(pattern, flags)
    return _STORE.compile(pattern, flags, compiler)


def store_start_up_compiles() -> None:
    """Until start-up is over (`lint.startup.settled`), every `re.compile` of the process (click's,
    YAML's, Markdown's, the standard library's, not only newslint's own) takes its program from
    the store. For the command line only (`lint/__main__.py`).

    `re` caches compiled patterns per process only; the libraries newslint imports compile about
    180 of them at import time, a tenth of a one-article run. `re._compile` calls
    `re._compiler.compile` for a pattern it has not seen in this process: that one function is
    replaced, so `re`'s own cache, flags and errors stay as they are. Only start-up: patterns a
    library builds later may differ from run to run (markdown-it joins a set of characters into
    a class), and each would be one more entry in the store."""
    compiler = re._compiler  # type: ignore[attr-defined]
    original = compiler.compile
    if getattr(original, "_newslint_store", False):
        return

    def compile(pattern: Any, flags: int = 0) -> Any:  # noqa: A001 (the name re calls)
        return stored_program_compile(pattern, flags, original)

    compile._newslint_store = True  # type: ignore[attr-defined]
    compile._original = original  # type: ignore[attr-defined]
    compiler.compile = compile


class LazyPattern:
    """A regular expression compiled the first time any of its methods is used.

    After that first use each method is looked up once and kept on the instance, so later calls
    go straight to the compiled pattern's C methods.
    """

    def __init__(self, pattern: str, flags: int | re.RegexFlag = 0) -> None:
        self._source = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = compile_pattern(self._source, self._flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        # Only called for attributes the instance lacks: search, finditer, sub, pattern ...
        if name.startswith("__"):
            raise AttributeError(name)
        value = getattr(self.compiled, name)
        setattr(self, name, value)
        return value

    def __repr__(self) -> str:
        return f"lazy_re({self._source!r})"


def lazy_re(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """`re.compile`, deferred to the first use (typed as the pattern it stands for)."""
    return cast(re.Pattern[str], LazyPattern(pattern, flags))


class PhraseMatcher(Generic[V]):
    """Whole-word, case-insensitive search for many literal phrases at once.

    Finds what `re.finditer(r"(?<![\\w-])(?:phrase|...)(?![\\w-])", text, re.I)` finds: left to
    right, at each place the longest phrase whose ends are word boundaries, never overlapping.
    `boundary` holds the extra characters that, like letters and digits, may not touch a phrase.
    """

    def __init__(self, phrases: Mapping[str, V], boundary: str = "-") -> None:
        import ahocorasick

        self._boundary = boundary
        self._automaton: Any = ahocorasick.Automaton()
        for phrase, value in phrases.items():
            key = _fold(phrase)
            if key:
                self._automaton.add_word(key, (len(key), value))
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def finditer(self, text: str) -> Iterator[tuple[int, int, V]]:
        """(start, end, value) of each phrase found in `text`, in order."""
        if self._empty or not text:
            return
        folded = _fold(text)
        if len(folded) != len(text):  # a letter whose lowercase is longer ("İ"): keep it as it is
            folded = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        longest: dict[int, tuple[int, V]] = {}
        for last, (length, value) in self._automaton.iter(folded):
            start, end = last + 1 - length, last + 1
            if self._touches(text, start, end):
                continue
            if end > longest.get(start, (-1, None))[0]:
                longest[start] = (end, value)
        position = 0
        for start in sorted(longest):
            if start < position:
                continue
            end, value = longest[start]
            yield start, end, value
            position = end

    def _touches(self, text: str, start: int, end: int) -> bool:
        before = text[start - 1] if start > 0 else ""
        after = text[end] if end < len(text) else ""
        return any(c and (c.isalnum() or c == "_" or c in self._boundary) for c in (before, after))


def _fold(text: str) -> str:
    return text.lower()
