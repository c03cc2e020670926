"""One defect, one finding: when two checks flag the same words, keep the more specific one;
when one problem repeats through an article, report it once with a count and the lines.

A check says which checks it is more specific than (`Check.supersedes`): official-name over
proper-noun-case, glued-heading over missing-space, headline-case over sentence-start-case,
placeholder-text's newsroom markers over placeholder-slot's general slots. A finding of a
superseded check is dropped where a finding of a check that supersedes it covers at least half
of its words; a wider finding (a wall of text around a glued heading) is another defect and stays. The
`grammar` check (LanguageTool) yields to every other category on the same words.

Spans are compared by sorting and bisection, never pairwise, so an article with thousands of
findings costs n log n.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Mapping

from lint.document.span import Span
from lint.findings import Finding
from lint.patterns import lazy_re


class _Cover:
    """One check's spans, sorted, answering "does one of them cover most of this span?"."""

    # Spans looked at per question at most: enough for any real article, and a bound on a
    # crafted one with thousands of findings stacked on the same words.
    _MAX_LOOKED_AT = 64

    def __init__(self, spans: Iterable[Span]) -> None:
        self.spans = sorted((s.start, s.end) for s in spans)
        self.starts = [start for start, _ in self.spans]
        self.longest = max((end - start for start, end in self.spans), default=0)

    def covers_most_of(self, span: Span) -> bool:
        """True when a span here overlaps at least half of `span` (both flag the same words)."""
        size = max(1, span.end - span.start)
        k = bisect.bisect_left(self.starts, max(span.end, span.start + 1))
        looked = 0
        while k > 0 and looked < self._MAX_LOOKED_AT:
            k -= 1
            start, end = self.spans[k]
            if start + self.longest <= span.start:
                break
            overlap = min(end, span.end) - max(start, span.start)
            if overlap > 0 and 2 * overlap >= size:
                return True
            looked += 1
        return False


def one_finding_per_defect(findings: list[Finding], supersedes: Mapping[str, Iterable[str]]) -> list[Finding]:
    """Drop findings that repeat a more specific finding about the same words."""
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_rule[f.rule].append(f)
    dropped: set[int] = set()
    for winner, losers in supersedes.items():
        if winner not in by_rule:
            continue
        cover = _Cover(f.span for f in by_rule[winner])
        for loser in losers:
            for f in by_rule.get(loser, ()):
                if cover.covers_most_of(f.span):
                    dropped.add(id(f))
    kept = [f for f in findings if id(f) not in dropped]
    return _drop_grammar_repeats(kept)


def _drop_grammar_repeats(findings: list[Finding]) -> list[Finding]:
    """LanguageTool's matches that overlap another category's finding about the same words
    (casing, typography...) are dropped; the dedicated check's message is the better one.
    Findings about a whole sentence or paragraph (20 characters longer) do not count."""
    if not any(f.category == "grammar" for f in findings):
        return findings  # the usual case: the grammar check is off
    others = sorted((f.span for f in findings if f.category != "grammar"), key=lambda s: (s.start, s.end))
    starts = [s.start for s in others]

    def repeats(f: Finding) -> bool:
        a = f.span
        # Candidates start before `a` ends and are at most 20 characters longer than `a`, so
        # they start no earlier than 20 + len(a) characters before it.
        lo = bisect.bisect_left(starts, a.start - len(a) - 21)
        hi = bisect.bisect_right(starts, max(a.end, a.start))
        return any((a.overlaps(b) or a == b) and len(b) <= len(a) + 20 for b in others[lo:hi])

    return [f for f in findings if f.category != "grammar" or not repeats(f)]


# Repeats of one problem are folded from this many occurrences up.
FOLD_FROM = 5
_QUOTED = lazy_re(r"“[^”]*”")


def fold_repeats(source: str, findings: list[Finding], fold_from: int = FOLD_FROM) -> list[Finding]:
    """Findings of one check about the same characters with the same message (quotations set
    aside) become one finding from the first occurrence to the last: "... (×16, lines 5–35)". The others'
    fixes ride along (`Finding.more_fixes`), so --fix still mends every occurrence. Findings
    must be placed (lines known) and in reading order."""
    if len(findings) < fold_from:
        return findings
    groups: dict[tuple[str, str, str], list[Finding]] = defaultdict(list)
    for f in findings:
        groups[(f.rule, _QUOTED.sub("“…”", f.message), source[f.span.start : f.span.end])].append(f)
    folded: dict[int, Finding] = {}
    dropped: set[int] = set()
    for group in groups.values():
        if len(group) < fold_from:
            continue
        first, last = group[0], group[-1]
        where = f"line {first.line}" if first.line == last.line else f"lines {first.line}–{last.line}"
        more = tuple(f.fix for f in group[1:] if f.fix is not None)
        # The folded finding covers the stretch from the first occurrence to the last.
        folded[id(first)] = dataclasses.replace(
            first, message=f"{first.message} (×{len(group)}, {where})", more_fixes=first.more_fixes + more,
            span=Span(first.span.start, max(f.span.end for f in group)),
            end_line=max(f.end_line for f in group), end_column=_end_column(group),
        )
        dropped.update(id(f) for f in group[1:])
    if not folded:
        return findings
    return [folded.get(id(f), f) for f in findings if id(f) not in dropped]


def _end_column(group: list[Finding]) -> int:
    last = max(group, key=lambda f: (f.end_line, f.end_column))
    return last.end_column
