"""What a run produces and what it was asked for: the types the engine, cache, suppressions,
baseline, git filter and reporters share. Kept apart from the engine so that none of them has to
import the engine (and the engine none of them back)."""

from __future__ import annotations

from dataclasses import dataclass, field

from lint.findings import Finding


@dataclass
class FileResult:
    """One article's outcome: its findings, or the one-line reason it could not be linted."""

    path: str
    format: str = "text"
    words: int = 0
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None  # the file could not be linted; one line
    warnings: list[str] = field(default_factory=list)  # a check could not run; shown once per run
    fatal_warning: bool = False  # one of those checks was required (exit 2)
    internal: bool = False  # the error is a bug in newslint (a check or parser crashed): exit 3
    metrics: dict[str, float] = field(default_factory=dict)
    cached: bool = False


@dataclass(frozen=True)
class Selection:
    """--select / --ignore: check ids or categories."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    report_unused_suppressions: bool = False  # --report-unused-suppressions (lint/suppress.py)

    def wants(self, check_id: str, category: str) -> bool:
        if self.select and check_id not in self.select and category not in self.select:
            return False
        return check_id not in self.ignore and category not in self.ignore
