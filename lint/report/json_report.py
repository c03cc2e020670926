"""The JSON contract: {"schema_version", "tool", "files", "findings", "summary"}; positions 1-based,
end exclusive.

Version 2: each file has its quality `score` (lint/score.py; null when it could not be linted),
and `fix` is an object {replacement, range: {line, column, end_line, end_column}, safe, label}
(it was the replacement string in version 1).
"""

from __future__ import annotations

import json
from typing import Any

from lint.findings import Finding, Fix
from lint.printable import json_text
from lint.report import RunReport

SCHEMA_VERSION = 2


def fix_dict(fix: Fix) -> dict[str, Any]:
    return {
        "replacement": fix.replacement,
        "range": {"line": fix.line, "column": fix.column, "end_line": fix.end_line, "end_column": fix.end_column},
        "safe": fix.safe,
        "label": fix.label,
    }


def finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "path": f.path,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "rule": f.rule,
        "category": f.category,
        "severity": f.severity.value,
        "message": f.message,
        "fix": None if f.fix is None else fix_dict(f.fix),
    }


def render(report: RunReport) -> str:
    files = []
    for r in report.results:
        entry: dict[str, Any] = {"path": r.path, "format": r.format, "words": r.words, "findings": len(r.findings),
                                 "score": report.score(r)}
        if r.metrics:
            entry["metrics"] = r.metrics
        if r.error:
            entry["error"] = r.error
        files.append(entry)
    data = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "newslint", "version": report.version},
        "files": files,
        "findings": [finding_dict(f) for f in report.findings],
        "summary": {
            "files": len(report.results),
            "findings": len(report.findings),
            "by_severity": report.counts(),
            "errors": len(report.errors),
        },
    }
    return json_text(json.dumps(data, indent=2, ensure_ascii=False))
