"""A tiny fixable check for the --fix, baseline and CI-format tests (loaded with `plugins:`).

It knows two typos with safe fixes, one word with an unsafe (suggested only) fix, and marks
"ABCD" with two overlapping safe fixes so overlap handling can be seen.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.checks.base import Check, HouseStyle
from lint.document.model import Document
from lint.findings import Finding, Fix, Severity

SAFE = {"teh": "the", "recieve": "receive"}
UNSAFE = {"utilize": "use"}
_WORD = re.compile(r"\b(?:teh|recieve|utilize)\b|ABCD")


class DemoFix(Check):
    id = "demo-fix"
    category = "typography"
    severity = Severity.WARNING
    summary = "Test-only typos with fixes."
    why = "Exercises --fix."
    bad = "teh cat"
    good = "the cat"

    def run(self, doc: Document, options: object, house: HouseStyle) -> Iterator[Finding]:
        for block in doc.prose_blocks:
            for m in _WORD.finditer(block.text.text):
                word = m.group()
                span = block.text.span(m.start(), m.end())
                if word == "ABCD":
                    first = block.text.span(m.start(), m.start() + 3)
                    second = block.text.span(m.start() + 1, m.end())
                    yield self.finding(first, "ABC should be X", fix=Fix(first, "X"))
                    yield self.finding(second, "BCD should be Y", fix=Fix(second, "Y"))
                elif word in SAFE:
                    yield self.finding(span, f"“{word}” should be “{SAFE[word]}”", fix=Fix(span, SAFE[word]))
                else:
                    yield self.finding(
                        span, f"write “{UNSAFE[word]}”", fix=Fix(span, UNSAFE[word], safe=False)
                    )
