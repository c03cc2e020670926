"""The JSON contract: {"tool", "files", "findings", "summary"}; positions 1-based, end exclusive."""

from __future__ import annotations

import json
from typing import Any

from lint.findings import Finding
from lint.report import RunReport


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
        "fix": None if f.fix is None else f.fix.replacement,
    }


def render(report: RunReport) -> str:
    files = []
    for r in report.results:
        entry: dict[str, Any] = {"path": r.path, "format": r.format, "words": r.words, "findings": len(r.findings)}
        if r.metrics:
            entry["metrics"] = r.metrics
        if r.error:
            entry["error"] = r.error
        files.append(entry)
    data = {
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
    return json.dumps(data, indent=2, ensure_ascii=False)
