"""Spans are offsets into the decoded source string; lines and columns come from one index."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from itertools import accumulate

_PLUS_ONE = (1).__add__


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Half-open range [start, end) of code-point offsets into the source text."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based, in code points


class LineIndex:
    """Turns offsets into 1-based line and column. Lines end at "\\n" only."""

    def __init__(self, source: str) -> None:
        # Each line starts one past the end of the one before: running sums of the lines'
        # lengths plus one, made in C (the last sum, one past the end of the text, is dropped).
        starts = list(accumulate(map(_PLUS_ONE, map(len, source.split("\n"))), initial=0))
        starts.pop()
        self._starts = starts

    @property
    def starts(self) -> list[int]:
        """Where each line starts, in order (not to be changed)."""
        return self._starts

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]

    def position(self, offset: int) -> Position:
        line = bisect.bisect_right(self._starts, offset)
        return Position(line, offset - self._starts[line - 1] + 1)

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset)
