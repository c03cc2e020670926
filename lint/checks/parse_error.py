"""parse-error: the article's front matter (or other structure) could not be parsed."""

from __future__ import annotations

from collections.abc import Iterator

from lint.checks.base import Check, HouseStyle, NoOptions
from lint.document.model import Document
from lint.findings import Finding, Severity


class ParseError(Check):
    id = "parse-error"
    category = "structure"
    severity = Severity.ERROR
    summary = "Front matter or markup that the parser could not read."
    why = (
        "Broken front matter makes the CMS drop the title, date or slug, or publish the metadata "
        "as the first paragraph of the article."
    )
    bad = "---\ntitle: Talks resume: a new round\n---"
    good = "---\ntitle: \"Talks resume: a new round\"\n---"

    def run(self, doc: Document, options: NoOptions, house: HouseStyle) -> Iterator[Finding]:
        for problem in doc.problems:
            yield self.finding(problem.span, problem.message)
