"""Regular expressions written by outlets in their config, run safely.

An outlet's pattern may backtrack catastrophically ("(a+)+$"); run with the standard engine it
could hang a pre-commit hook forever. User patterns therefore run on the `regex` engine with a
time budget per article shared by all its searches (a limit per search would still allow one
slow search per paragraph), and a pattern that runs out of time is reported, not waited for.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from time import monotonic
from typing import Any

TIME_LIMIT_SECONDS = 0.5


class PatternTimeout(Exception):
    """A user pattern took longer than the time limit on some text."""


class Budget:
    """The time an article's user patterns may take, all searches together."""

    def __init__(self, seconds: float = TIME_LIMIT_SECONDS) -> None:
        self.seconds = seconds
        self.deadline = monotonic() + seconds

    def remaining(self) -> float:
        return self.deadline - monotonic()


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


def find_all(pattern: str, text: str, ignore_case: bool = True, budget: Budget | None = None) -> Iterator[Match]:
    """Every match of a user pattern in `text`; PatternTimeout when the budget runs out."""
    budget = budget or Budget()
    compiled = compile_user_pattern(pattern, ignore_case)
    stopped = PatternTimeout(f"pattern {pattern!r} took over {budget.seconds:g} s and was stopped")
    left = budget.remaining()
    if left <= 0:
        raise stopped
    try:
        for m in compiled.finditer(text, timeout=left):
            if m.end() > m.start():
                yield Match(m.start(), m.end(), m.group())
    except TimeoutError:
        raise stopped from None
