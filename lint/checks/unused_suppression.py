"""unused-suppression: a suppression comment that hides no finding."""

from __future__ import annotations

from collections.abc import Iterator

from lint.checks.base import Check, HouseStyle
from lint.document.model import Document
from lint.findings import Finding, Severity


class UnusedSuppression(Check):
    """Switch it on in the config or with `newslint check --report-unused-suppressions`. Only
    checks that ran on the file are judged, so --select does not make suppressions look unused."""

    # The suppression step (lint/suppress.py) reports these findings: it alone knows which
    # suppression hid what. `run` has nothing to do.

    id = "unused-suppression"
    category = "structure"
    severity = Severity.WARNING
    enabled_by_default = False
    summary = "A newslint-disable comment that hides no finding."
    why = (
        "Suppressions outlive the problem they were added for. One that hides nothing any more "
        "would silently hide the next real problem in that place."
    )
    bad = "<!-- newslint-disable-next-line placeholder-text -->\nSales rose 4 percent."
    good = "Sales rose 4 percent."

    def run(self, doc: Document, options: object, house: HouseStyle) -> Iterator[Finding]:
        return iter(())
