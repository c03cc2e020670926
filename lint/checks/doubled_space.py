"""doubled-space: two or more spaces between words where readers will see them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks.base import Check, Example, HouseStyle, option
from lint.constants import SeverityName
from lint.document.model import Document
from lint.document.span import Span
from lint.findings import Finding, Fix, Severity
from lint.patterns import lazy_re

# Plain spaces: 2 or 3 between two visible characters on one line. Longer runs are column
# alignment, and runs at the start or end of a line are indentation or a Markdown hard break.
_PLAIN_RUN = lazy_re(r"(?<=[^\s\ufffc]) {2,3}(?=[^\s\ufffc])")
# A no-break space next to another space never collapses, in Markdown or HTML either.
_NBSP_RUN = lazy_re(r"(?<=[^\s\ufffc])(?:\u00a0[ \u00a0]|[ \u00a0]\u00a0)[ \u00a0]*(?=[^\s\ufffc])")


@dataclass(frozen=True)
class Options:
    markup_plain_spaces: bool = option(
        False,
        "Also report runs of plain spaces in Markdown and HTML, which collapse them when rendered (readers never see "
        "them).",
    )
    nbsp_severity: SeverityName = option(
        "info",
        "Severity for a no-break space beside a space: it shows as a wide gap on the page; often pasted from a word "
        "processor.",
    )


class DoubledSpace(Check):
    id = "doubled-space"
    category = "typography"
    severity = Severity.WARNING
    Options = Options
    summary = "Two or more spaces between words where the reader sees them."
    why = (
        "A doubled space shows as a gap in plain text and wherever a no-break space is involved. "
        "Markdown and HTML collapse runs of ordinary spaces, so those are left alone there, as are "
        "indentation, line-end hard breaks and table alignment."
    )
    # In plain text; Markdown and HTML collapse plain spaces (see markup_plain_spaces).
    bad = Example("The council met on Tuesday.  It voted  to close the library.", name="article.txt")
    good = "The council met on Tuesday. It voted to close the library."

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        plain_visible = doc.format == "text" or options.markup_plain_spaces
        for block in doc.prose_blocks:
            prose = block.text.text
            for m in _NBSP_RUN.finditer(prose) if "\u00a0" in prose else ():  # most texts have none
                yield self._report(
                    block.text.span(m.start(), m.end()),
                    doc,
                    Severity(options.nbsp_severity),
                    "a no-break space beside another space",
                )
            if plain_visible:
                for m in _PLAIN_RUN.finditer(prose):
                    span = block.text.span(m.start(), m.end())
                    if doc.source[span.start : span.end] == m.group():  # not an entity or markup
                        yield self._report(span, doc, None, f"{len(m.group())} spaces")

    def _report(self, span: Span, doc: Document, severity: Severity | None, what: str) -> Finding:
        return self.finding(
            span,
            f"Doubled space ({what}) between words: use one space.",
            fix=Fix(span, " ", safe=True),
            severity=severity,
        )
