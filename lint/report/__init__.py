"""Reporters: one module per output format, each a `render(RunReport) -> str`."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from lint.constants import FORMATS, GroupName, SortName
from lint.findings import Finding, Severity
from lint.results import FileResult
from lint.score import Scoring, score_of


@dataclass(frozen=True)
class View:
    """How people want the findings shown (the text report's options)."""

    sort: SortName = "position"
    group_by: GroupName = "file"
    statistics: bool = False  # a count per check instead of each finding
    show_source: bool = False  # the line around each finding, with a caret
    quiet: bool = False  # findings only: no headers, no summary


@dataclass
class RunReport:
    """Everything a reporter may show about one run."""

    results: list[FileResult]
    version: str
    color: bool = False
    rules: dict[str, object] = field(default_factory=dict)  # id -> check class, for rule metadata
    scoring: Scoring = field(default_factory=Scoring)
    view: View = field(default_factory=View)
    sources: Mapping[str, str] = field(default_factory=dict)  # path -> article text, for html and --show-source

    def score(self, result: FileResult) -> int | None:
        return score_of(result, self.scoring)

    @property
    def findings(self) -> list[Finding]:
        return sorted((f for r in self.results for f in r.findings), key=lambda f: f.sort_key)

    @property
    def errors(self) -> list[FileResult]:
        return [r for r in self.results if r.error]

    def counts(self) -> dict[str, int]:
        counts = {s.value: 0 for s in reversed(Severity)}
        for f in self.findings:
            counts[f.severity.value] += 1
        return counts


def renderer(name: str) -> Callable[[RunReport], str]:
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r} (valid: {', '.join(FORMATS)})")
    module = importlib.import_module(f"lint.report.{name}_report")
    return module.render
