"""A test-only check that takes 20 seconds on a text holding "SLOW-MARKER", for the server's
time limit (loaded with `plugins:` in the server's config)."""

from __future__ import annotations

import time
from collections.abc import Iterator

from lint.checks.base import Check, HouseStyle
from lint.document.model import Document
from lint.findings import Finding, Severity


class SlowCheck(Check):
    id = "slow-check"
    category = "structure"
    severity = Severity.INFO
    summary = "Test-only: slow on a marker."
    why = "Exercises the server's time limit."
    bad = "SLOW-MARKER"
    good = "fast"

    def run(self, doc: Document, options: object, house: HouseStyle) -> Iterator[Finding]:
        if "SLOW-MARKER" in doc.source:
            time.sleep(20)
        return iter(())
