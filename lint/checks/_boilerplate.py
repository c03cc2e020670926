"""Shared by the boilerplate checks: the shipped phrase lists, compiled once per process."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from lint.checks._needles import NeedleIndex, Source, Substrings, Texts, needles
from lint.checks._tokens import DOMAIN_LIKE
from lint.datafiles import data_lines
from lint.findings import Severity
from lint.patterns import compile_pattern, lazy_re

# A capitalised name of one to three words ("Archyde", "Example News"); case-sensitive even
# inside patterns matched without case.
CAPITALISED_NAME = r"(?-i:(?<!\w)[A-Z][\w&'’-]{0,40}(?:\s+[A-Z][\w&'’-]{0,40}){0,2})"


def pattern_lines(name: str) -> tuple[str, ...]:
    """The entries of a list file in lint/data/boilerplate/."""
    return data_lines(f"boilerplate/{name}")


@cache
def alternation(name: str, extra_phrases: tuple[str, ...] = ()) -> Alternation:
    """One case-insensitive regex of every pattern line of `name` plus literal extra phrases."""
    parts = [f"(?:{p})" for p in pattern_lines(name)]
    parts += [literal_phrase(p) for p in extra_phrases if p.strip()]
    return Alternation(tuple(parts), re.IGNORECASE | re.MULTILINE)


class Alternation:
    """`part|part|...` searched as one regex, but built of only the parts whose needles are in
    the text (see checks/_needles.py): a part that cannot match anywhere in the text is never
    the one that matches at any place, so dropping it changes no match, and the few parts left
    run far faster than the whole alternation, which tries every part at every position."""

    def __init__(self, parts: tuple[str, ...], flags: int) -> None:
        self.parts = parts
        self.flags = flags
        self._needles = NeedleIndex([Source(p, flags) for p in parts])
        self._regexes: dict[int, re.Pattern[str]] = {}  # by the bit mask of the parts kept

    def masks(self, texts: Texts | Sequence[str]) -> list[int]:
        """For each text, the parts that can match in it, for `finditer` (one pass for all)."""
        return self._needles.masks(texts)

    def finditer(self, text: str, kept: int | None = None) -> Iterator[re.Match[str]]:
        """The matches of the whole alternation in `text`; `kept` is its mask from `masks`."""
        if kept is None:
            kept = self._needles.mask(text)
        if not kept:
            return iter(())
        regex = self._regexes.get(kept)
        if regex is None:
            chosen = [p for i, p in enumerate(self.parts) if kept >> i & 1]
            regex = self._regexes[kept] = compile_pattern("|".join(chosen), self.flags)
        return regex.finditer(text)


def literal_phrase(phrase: str) -> str:
    """A phrase as a regex: its words in order, any white space between them, whole words only."""
    words = [re.escape(w) for w in phrase.split()]
    return r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"


@dataclass(frozen=True)
class PromoPattern:
    severity: Severity
    regex: re.Pattern[str]


_SPACES = lazy_re(r"\s+")


def _outlet_alternatives(outlet_name: str, domains: tuple[str, ...]) -> list[str]:
    names = [literal_phrase(n) for n in (outlet_name, *domains) if n.strip()]
    # "Example News" is often written "ExampleNews.com" or "examplenews.com".
    if outlet_name.strip():
        squashed = re.escape(_SPACES.sub("", outlet_name))
        names.append(rf"(?<!\w){squashed}(?:\.[a-z]{{2,6}})+\b")
    return names


@cache
def self_promotion_patterns(outlet_name: str, domains: tuple[str, ...]) -> tuple[PromoPattern, ...]:
    """The self-promotion lines, with {outlet} filled in for this outlet (cached per outlet)."""
    configured = _outlet_alternatives(outlet_name, domains)
    out = []
    for line in pattern_lines("self_promotion.txt"):
        severity_word, scope, pattern = line.split(None, 2)
        names = list(configured)
        if scope in ("generic", "domain"):
            names.append(DOMAIN_LIKE)
        if scope == "generic":
            names.append(CAPITALISED_NAME)
        elif scope not in ("domain", "outlet"):
            raise ValueError(f"self_promotion.txt: scope must be generic, domain or outlet, not {scope!r}")
        if "{outlet}" in pattern:
            if not names:
                continue
            pattern = pattern.replace("{outlet}", "(?:" + "|".join(names) + ")")
        out.append(PromoPattern(Severity(severity_word), compile_pattern(pattern, re.IGNORECASE)))
    return tuple(out)


def best_per_span(matches: Iterable[tuple[int, int, Severity]]) -> list[tuple[int, int, Severity]]:
    """Overlapping matches collapse to one: the most severe, then the longest."""
    ordered = sorted(matches, key=lambda m: (-m[2].rank, -(m[1] - m[0]), m[0]))
    kept: list[tuple[int, int, Severity]] = []  # disjoint, in source order: one bisection per match
    for start, end, severity in ordered:
        i = bisect.bisect_left(kept, (end, end))
        before = kept[i - 1] if i else None
        if before is not None and before[1] > start and before[0] < end:
            continue
        if i < len(kept) and kept[i][0] < end and start < kept[i][1]:
            continue
        kept.insert(i, (start, end, severity))
    return kept


@dataclass(frozen=True)
class SiteVoice:
    """The site-voice patterns, searched in the lowercased line. Patterns anchored at the start
    are one alternation tried at the start only; the others run one by one with their leading
    word boundary checked by hand, which lets the regex engine jump to its literal prefix (seven
    times faster than case-insensitive matching on this machine). Most lines hold none of the
    literal strings the floating patterns need (`needles`): only those whose needles are in the
    line are run."""

    anchored: re.Pattern[str] | None
    anchored_kinds: tuple[str, ...]
    floating: tuple[tuple[str, re.Pattern[str], bool], ...]  # kind, pattern, needs a word boundary
    needles: NeedleIndex  # of the floating patterns
    # The floating patterns' needles cut at spaces (each needle's longest piece), and the
    # patterns without needles: for `paragraph_masks`.
    pieces: Substrings
    unpieced: int

    def search(self, text: str, candidates: int | None = None) -> tuple[str, re.Match[str]] | None:
        """The first site-voice match in `text`; `candidates` is the text's mask from `masks`."""
        lowered = _lowered(text)
        if self.anchored is not None:
            m = self.anchored.match(lowered)
            if m is not None and m.lastgroup is not None:
                return self.anchored_kinds[int(m.lastgroup[1:])], m
        if candidates is None:
            candidates = self.needles.mask(lowered)
        if not candidates:
            return None
        for i, (kind, pattern, boundary) in enumerate(self.floating):
            if not candidates >> i & 1:
                continue
            for m in pattern.finditer(lowered):
                before = lowered[m.start() - 1] if m.start() else " "
                if not boundary or not (before.isalnum() or before == "_"):
                    return kind, m
        return None

    def masks(self, texts: Sequence[str]) -> list[int]:
        """For each text, the floating patterns that can match in it (for `search`), in one pass."""
        return self.needles.masks([_lowered(text) for text in texts])

    def paragraph_masks(self, paragraphs: Texts) -> list[int]:
        """`masks` of each paragraph's text with its spacing made single, or more: a needle in
        that text lowercased holds no white space but single spaces, so each piece of it between
        spaces is in one word of the paragraph, found in its folded text (see _needles.fold).
        Found in the pass over the paragraphs that other checks share."""
        return [m | self.unpieced for m in self.pieces.masks(paragraphs, folded=True)]


def _lowered(text: str) -> str:
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lowercase is longer: keep offsets true
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return lowered


@cache
def site_voice(extra_phrases: tuple[str, ...]) -> SiteVoice:
    anchored: list[tuple[str, str]] = []
    floating: list[tuple[str, re.Pattern[str], bool]] = []
    entries = [tuple(line.split(None, 1)) for line in pattern_lines("site_voice.txt")]
    for phrase in extra_phrases:
        words = [re.escape(w.lower()) for w in phrase.split()]
        if words:
            entries.append(("outlet", r"\b" + r"\s+".join(words) + r"(?!\w)"))
    for kind, pattern in entries:
        if pattern.startswith("^"):
            anchored.append((kind, pattern))
        elif pattern.startswith(r"\b"):
            floating.append((kind, compile_pattern(pattern[2:]), True))
        else:
            floating.append((kind, compile_pattern(pattern), False))
    # compile_pattern: the programs come from the store of earlier runs (lint/patterns.py), which
    # spares a one-article run compiling these forty-odd patterns afresh.
    combined = "|".join(f"(?P<g{i}>{p})" for i, (_, p) in enumerate(anchored))
    pieces: list[set[str]] = []
    unpieced = 0
    for i, (_, regex, _) in enumerate(floating):
        found = needles(regex.pattern, regex.flags) or needles(regex.pattern, regex.flags, folded=True)
        pieces.append({max(n.split(), key=len) for n in found or () if n.split()})
        if not found or any(not n.split() for n in found):
            unpieced |= 1 << i
    return SiteVoice(
        compile_pattern(combined) if anchored else None, tuple(k for k, _ in anchored), tuple(floating),
        NeedleIndex([p for _, p, _ in floating]), Substrings([sorted(p) for p in pieces]), unpieced,
    )
