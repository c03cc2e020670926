"""One defect, one finding: when two checks flag the same words, keep the more specific one.

A check says which checks it is more specific than (`Check.supersedes`): official-name over
proper-noun-case, glued-heading over missing-space, headline-case over sentence-start-case,
placeholder-text's newsroom markers over placeholder-slot's general slots. A finding of a
superseded check is dropped where it overlaps a finding of a check that supersedes it. The
`grammar` check (LanguageTool) yields to every other category on the same words.

Spans are compared by sorting and bisection, never pairwise, so an article with thousands of
findings costs n log n.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Mapping

from lint.document.span import Span
from lint.findings import Finding


class _Cover:
    """Sorted spans that answer "does any of them overlap this span?" in log time."""

    def __init__(self, spans: Iterable[Span]) -> None:
        ordered = sorted((s.start, s.end) for s in spans)
        self.starts = [s for s, _ in ordered]
        self.max_end: list[int] = []
        reach = -1
        for _, end in ordered:
            reach = max(reach, end)
            self.max_end.append(reach)

    def overlaps(self, span: Span, slack: int = 0) -> bool:
        # Spans starting before `span` ends; the furthest any of them reaches decides.
        k = bisect.bisect_left(self.starts, span.end if span.end > span.start else span.start + 1)
        return k > 0 and self.max_end[k - 1] > span.start - slack


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
                if cover.overlaps(f.span):
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
