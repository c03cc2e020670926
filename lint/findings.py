"""What checks report: findings with spans, messages and optional fixes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from lint.document.span import Span


class Severity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}

CATEGORIES = (
    "casing",
    "seo",
    "placeholder",
    "duplicate",
    "readability",
    "structure",
    "typography",
    "boilerplate",
    "terminology",
    "grammar",
)


@dataclass(frozen=True)
class Fix:
    """Replace the source text at `span` with `replacement`.

    `safe` fixes are applied by `--fix`; the others only with `--unsafe-fixes`. `label` says
    what the fix does in words; the engine derives it (lint/fix_labels.py) when a check leaves
    it empty, and places the fix (line and column of its span) like the finding.
    """

    span: Span
    replacement: str
    safe: bool = True
    label: str = ""
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0


@dataclass(frozen=True)
class Finding:
    rule: str
    category: str
    severity: Severity
    span: Span
    message: str
    fix: Fix | None = None
    # Filled in by the engine once the finding is placed in its file.
    path: str = ""
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    # The fixes of the same problem's other occurrences, when the engine folded repeats of one
    # problem into this finding (lint/dedupe.py); --fix applies them with this one's.
    more_fixes: tuple[Fix, ...] = ()

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.rule)
