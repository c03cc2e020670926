"""placeholder-text: placeholder words left in copy (TK, lorem ipsum, [Insert ...])."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks.base import Check, HouseStyle
from lint.document.model import Document
from lint.findings import Finding, Severity

_PLACEHOLDER = re.compile(
    r"\bTK(?:TK)*\b|\blorem ipsum\b|\[(?:insert|add|placeholder|image|photo|link|citation needed)\b[^\]]*\]"
    r"|\bINSERT (?:QUOTE|LINK|NAME|IMAGE|PHOTO)\b",
    re.I,
)


@dataclass(frozen=True)
class Options:
    extra_patterns: tuple[str, ...] = ()


class PlaceholderText(Check):
    id = "placeholder-text"
    category = "placeholder"
    severity = Severity.ERROR
    Options = Options
    summary = "Placeholder text left in the copy (TK, lorem ipsum, [Insert ...])."
    why = "Readers see an unfinished article; placeholders are the clearest sign that copy was not edited."
    bad = "Sales rose TK percent. [Insert quote from CEO]"
    good = "Sales rose 4 percent, the company said."

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        for block in doc.prose_blocks:
            for m in _PLACEHOLDER.finditer(block.text.text):
                yield self.finding(block.text.span(m.start(), m.end()), f"placeholder left in copy: {m.group()!r}")
