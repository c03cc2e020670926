"""empty-link: links that go nowhere or show nothing."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.checks.base import Check, HouseStyle
from lint.document.mapped import ATOM
from lint.document.model import Document
from lint.findings import Finding, Severity
from lint.patterns import lazy_re

_EMPTY_HREF = lazy_re(r"""^<a\b[^>]*\bhref\s*=\s*(?:""|''|"\s+"|(?=[\s>]))""", re.I)
# Markdown: "[text]()", "[text](<>)" or "[text](#)" at the end of the link.
_EMPTY_TARGET = lazy_re(r"\]\(\s*(?:<\s*>|#)?\s*\)$")


class EmptyLink(Check):
    """`[text]()`, `[text](#)` and `<a href="">text</a>` have no address: the writer meant to paste
    one. Named anchors (`<a name="top"></a>`) are not links and are left alone, and so is
    `<a href="#">` in HTML, which scripts use for buttons."""

    id = "empty-link"
    category = "placeholder"
    severity = Severity.ERROR
    summary = "A link with no address: [text]() or <a href=\"\">."
    why = "A link without an address goes nowhere: the writer meant to paste one and readers click in vain."
    bad = "Read [the full report]() on the council's site."
    good = "Read [the full report](https://example.gov/report.pdf) on the council's site."

    def run(self, doc: Document, options: object, house: HouseStyle) -> Iterator[Finding]:
        for link in doc.links:
            raw = doc.source[link.span.start : link.span.end]
            if raw.startswith("<"):
                empty = bool(_EMPTY_HREF.match(raw))  # <a name="..."> without href is an anchor
            else:
                empty = bool(_EMPTY_TARGET.search(raw))
            if empty:
                label = " ".join(link.text.replace(ATOM, " ").split()) or "link"
                yield self.finding(
                    link.span,
                    f"The link “{label}” has no address: add the URL it should point to, or remove the link.",
                )
