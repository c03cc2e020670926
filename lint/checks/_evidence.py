"""Weak signals added up: the detectors that decide from several clues rather than one phrase.

A `Signal` is one kind of evidence (a regular expression and the points it is worth). A line's
evidence is the signals found in it, each counted once, outside quotation marks (an article may
quote a chatbot or a web page). A detector flags a line whose points reach its threshold and
quotes the strongest clue in its message, so an editor sees why.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from lint.checks._needles import Substrings, Texts
from lint.patterns import compile_pattern, lazy_re

# Quoted passages: “…”, "…", ‘…’ (not apostrophes: ‘ must open and ’ close a run without ‘ inside).
_QUOTED = lazy_re(r"“[^“”]{0,600}”|\"[^\"\n]{0,600}\"|‘[^‘’\n]{0,300}’(?!\w)")


@dataclass(frozen=True)
class Signal:
    name: str
    points: int
    pattern: str
    flags: int = re.IGNORECASE
    # Lowercase strings one of which every match contains: a line without any of them is not
    # searched (most lines of an article hold none, and a substring test is cheap).
    needles: tuple[str, ...] = ()
    # More such strings, when given: a line is searched only if it holds one of each set (a
    # signal whose every match holds "you" and one of "provided", "shared", ...).
    also: tuple[str, ...] = ()

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return compile_pattern(self.pattern, self.flags)


@dataclass(frozen=True)
class Clue:
    signal: Signal
    start: int  # offset in the text searched
    end: int
    text: str


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _QUOTED.finditer(text)]


class Signals:
    """A detector's signals, with an index of their needles: one pass of an Aho-Corasick
    automaton over the folded lines of an article (see _needles.fold) names the signals that can
    match in each line (most lines can match none), instead of a substring test per needle per
    signal."""

    def __init__(self, signals: Iterable[Signal]) -> None:
        self.signals = tuple(signals)
        # Signals without needles are always searched.
        self._always = sum(1 << i for i, s in enumerate(self.signals) if not s.needles)
        self._with_also = sum(1 << i for i, s in enumerate(self.signals) if s.also)
        self._candidates: dict[int, tuple[tuple[Signal, ...], int]] = {}  # by mask: the signals, their points

    @cached_property
    def _needles(self) -> Substrings:
        # Bit i: a needle of signal i; bit n + i: a string of its `also`.
        return Substrings([s.needles for s in self.signals] + [s.also for s in self.signals])

    def masks(self, texts: Texts | Sequence[str]) -> list[int]:
        """For each text, the bits of the signals that have no needles or one of whose needles
        (and one of whose `also`, if any) is in its folded form."""
        n = len(self.signals)
        every = (1 << n) - 1
        always, with_also = self._always, self._with_also
        # A signal with `also` keeps its bit only when its `also` bit is set too.
        return [
            always | (m & every & ~(with_also & ~(m >> n))) if m else always
            for m in self._needles.masks(texts, folded=True)
        ]

    def clues(self, text: str, mask: int, skip_quoted: bool = True, at_least: int = 0) -> list[Clue]:
        """The first match in `text` that is not inside quotation marks of each signal in `mask`
        (from `masks`); none at all when those signals are worth fewer than `at_least` points
        together (a detector that ignores such a line need not search it)."""
        if not mask:
            return []
        known = self._candidates.get(mask)
        if known is None:  # (few masks recur: each is worked out once)
            chosen = tuple(s for i, s in enumerate(self.signals) if mask >> i & 1)
            known = self._candidates[mask] = (chosen, sum(s.points for s in chosen))
        candidates, worth = known
        if worth < at_least:
            return []
        quoted: list[tuple[int, int]] | None = None  # (found at the first match: most lines have none)
        found = []
        for signal in candidates:
            for m in signal.regex.finditer(text):
                if m.end() == m.start():
                    continue
                if quoted is None:
                    quoted = quoted_ranges(text) if skip_quoted else []
                if any(a <= m.start() < b for a, b in quoted):
                    continue
                found.append(Clue(signal, m.start(), m.end(), m.group()))
                break
        return found


def points(found: Iterable[Clue]) -> int:
    return sum(c.signal.points for c in found)


def strongest(found: list[tuple[Clue, str]]) -> tuple[Clue, str]:
    """The clue worth most points (the earliest of equals), with the line it was found in."""
    return max(found, key=lambda pair: pair[0].signal.points)


_SENTENCE_END = lazy_re(r"[.!?:](?=\s|$)")


def quote_clue(line: str, clue: Clue, limit: int = 70) -> str:
    """A clue as a message quotes it: from the clue to the end of its sentence, trimmed, and cut
    with an ellipsis when long, so the editor reads the words that gave the line away."""
    end = _SENTENCE_END.search(line, clue.end)
    text = " ".join(line[clue.start : end.end() if end else len(line)].split()).strip(" ,;")
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > len(clue.text) // 2 else limit].rstrip(" ,;") + "…"
