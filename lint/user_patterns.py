"""Regular expressions written by outlets in their config, run safely.

An outlet's pattern may backtrack catastrophically ("(a+)+$"); run with the standard engine it
could hang a pre-commit hook forever. User patterns therefore run on the `regex` engine with a
time limit per search, and a pattern that runs out of time is reported, not waited for.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

TIME_LIMIT_SECONDS = 0.5


class PatternTimeout(Exception):
    """A user pattern took longer than the time limit on some text."""


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    text: str


@cache
def compile_user_pattern(pattern: str, ignore_case: bool = True) -> Any:
    """Compile an outlet's pattern; ValueError with a one-line reason if it is not valid."""
    import regex

    try:
        return regex.compile(pattern, regex.IGNORECASE | regex.V0 if ignore_case else regex.V0)
    except regex.error as err:
        raise ValueError(f"invalid regular expression {pattern!r}: {err}") from None


def find_all(pattern: str, text: str, ignore_case: bool = True,
             time_limit: float = TIME_LIMIT_SECONDS) -> Iterator[Match]:
    """Every match of a user pattern in `text`; PatternTimeout when it runs too long."""
    compiled = compile_user_pattern(pattern, ignore_case)
    try:
        for m in compiled.finditer(text, timeout=time_limit):
            if m.end() > m.start():
                yield Match(m.start(), m.end(), m.group())
    except TimeoutError:
        raise PatternTimeout(f"pattern {pattern!r} took over {time_limit:g} s and was stopped") from None
