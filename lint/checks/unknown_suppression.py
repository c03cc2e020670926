"""unknown-suppression: a suppression comment names no known check or category."""

from __future__ import annotations

from collections.abc import Iterator

from lint.checks.base import Check, HouseStyle
from lint.document.model import Document
from lint.findings import Finding, Severity


class UnknownSuppression(Check):
    """Names in newslint-disable comments and in the front matter's `newslint: {disable: [...]}`
    must be check ids or categories; the finding points at the unknown name and suggests the
    closest real one."""

    # The suppression step (lint/suppress.py) reports these findings: it sees every check id,
    # enabled or not. `run` has nothing to do.

    id = "unknown-suppression"
    category = "structure"
    severity = Severity.WARNING
    summary = "A newslint-disable comment names a check or category that does not exist."
    why = (
        "A misspelt check id in a suppression hides nothing, so the finding it was meant to silence "
        "keeps coming back and nobody knows why. Check ids are listed by 'newslint rules'."
    )
    bad = "<!-- newslint-disable-next-line placeholder-txt -->"
    good = "<!-- newslint-disable-next-line placeholder-text -->"

    def run(self, doc: Document, options: object, house: HouseStyle) -> Iterator[Finding]:
        return iter(())
