"""Patterns that cost nothing until a check uses them: lazy regular expressions and phrase matchers.

A pre-commit hook lints one article per process, so whatever a module builds when it is imported
is paid on every commit, for every check, enabled or not. Module-level patterns are therefore
declared with `lazy_re` (compiled on first use, then as fast as a compiled pattern), and long
lists of literal phrases are searched with `PhraseMatcher`, an Aho-Corasick automaton built in C
(pyahocorasick), instead of being compiled into one giant regex alternation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, Generic, TypeVar, cast

V = TypeVar("V")


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
            self._compiled = re.compile(self._source, self._flags)
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
