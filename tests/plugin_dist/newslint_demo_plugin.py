"""A third-party check: doubled exclamation marks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lint.checks.base import Check
from lint.findings import Fix, Severity


@dataclass(frozen=True)
class Options:
    max_marks: int = 1


class DoubledExclamation(Check):
    id = "demo-exclamation"
    category = "typography"
    severity = Severity.WARNING
    Options = Options
    summary = "More exclamation marks than the outlet allows."
    why = "Serious news does not shout."
    bad = "Prices fell!!"
    good = "Prices fell."

    def run(self, doc, options, house):
        pattern = re.compile(f"!{{{options.max_marks + 1},}}")
        for block in doc.prose_blocks:
            for m in pattern.finditer(block.text.text):
                span = block.text.span(m.start(), m.end())
                yield self.finding(span, "too many exclamation marks", fix=Fix(span, "!"))
