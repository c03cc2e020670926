"""dash-style: dashes between words in the outlet's style (style.dashes: spaced | closed)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks._tokens import prose_texts
from lint.checks.base import Check, Example, HouseStyle, option
from lint.document.model import Document
from lint.findings import Finding, Fix, Severity
from lint.patterns import lazy_re

# A dash with spaces on both sides between words: "talks — which".
_SPACED = lazy_re(r"(?<=[^\W_])[ \u00a0]+(?P<dash>[—–])[ \u00a0]+(?=[^\W_])")
# An em dash between letters with no spaces: "talks—which". (Closed en dashes are ranges: 2019–2020.)
_CLOSED = lazy_re(r"(?<=[^\W\d_])(?P<dash>—)(?=[^\W\d_])")
# Two hyphens typed for a dash: "talks -- which", "talks--which".
_DOUBLE_HYPHEN = lazy_re(r"(?<=[^\W_])(?P<space> ?)--(?P=space)(?=[^\W_])")


@dataclass(frozen=True)
class Options:
    spaced_dash: str = option(
        "–",
        "The dash to write with spaces around it (style.dashes: spaced); often an en dash (–).",
    )
    closed_dash: str = option(
        "—",
        "The dash to write closed up between words (style.dashes: closed); an em dash (—) in US style.",
    )


class DashStyle(Check):
    id = "dash-style"
    category = "typography"
    severity = Severity.WARNING
    Options = Options
    summary = "Dashes between words not in the outlet's style (style.dashes: spaced or closed)."
    why = (
        "An outlet sets its dashes either closed (“talks—which”) or spaced (“talks – which”); mixing them "
        'looks careless. With the default "any" this check says nothing. Ranges (2019–2020) are left alone.'
    )
    bad = Example("The talks — which began in May—stalled.", settings={"style": {"dashes": "closed"}})
    good = "The talks—which began in May—stalled."

    @classmethod
    def inactive(cls, options: Options, house: HouseStyle) -> str:
        return "" if house.dashes in ("spaced", "closed") else "style.dashes is any"

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        if house.dashes not in ("spaced", "closed"):
            return
        want = options.spaced_dash if house.dashes == "spaced" else options.closed_dash
        for text in prose_texts(doc):
            prose = text.text
            for m in _DOUBLE_HYPHEN.finditer(prose):
                right = f" {want} " if house.dashes == "spaced" else want
                span = text.span(m.start(), m.end())
                yield self.finding(
                    span,
                    f"Two hyphens typed for a dash: write “{right.strip()}”"
                    f"{' with a space on each side' if house.dashes == 'spaced' else ''}.",
                    fix=Fix(span, right, safe=True),
                )
            if house.dashes == "closed":
                for m in _SPACED.finditer(prose):
                    if m.group("dash") == "–" and want == "—" and _between_numbers(prose, m):
                        continue
                    span = text.span(m.start(), m.end())
                    yield self.finding(
                        span,
                        f"Spaced dash: this outlet closes its dashes up (“word{want}word”).",
                        fix=Fix(span, want, safe=True),
                    )
            else:
                for m in _CLOSED.finditer(prose):
                    span = text.span(m.start(), m.end())
                    yield self.finding(
                        span,
                        f"Closed-up dash: this outlet puts a space on each side (“word {want} word”).",
                        fix=Fix(span, f" {want} ", safe=True),
                    )


def _between_numbers(prose: str, m: re.Match[str]) -> bool:
    return prose[m.start() - 1].isdigit() and prose[m.end()].isdigit()
