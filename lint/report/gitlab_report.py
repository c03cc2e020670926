"""GitLab Code Quality JSON: findings appear in merge request widgets and diffs.

Fingerprints come from file, rule and message (not line numbers), so GitLab does not see a
finding as fixed and new again when text above it moves.
"""

from __future__ import annotations

import json
from typing import Any

from lint.findings import Severity
from lint.printable import json_text
from lint.report import RunReport
from lint.report.fingerprint import stable_fingerprints

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def render(report: RunReport) -> str:
    findings = report.findings
    issues: list[dict[str, Any]] = []
    for f, fingerprint in zip(findings, stable_fingerprints(findings), strict=True):
        issues.append(
            {
                "type": "issue",
                "description": f"{f.message} [{f.rule}]",
                "check_name": f.rule,
                "engine_name": "newslint",
                "categories": ["Style"],
                "fingerprint": fingerprint,
                "severity": SEVERITIES[f.severity],
                "location": {
                    "path": f.path.replace("\\", "/"),
                    "positions": {
                        "begin": {"line": f.line, "column": f.column},
                        "end": {"line": f.end_line, "column": f.end_column},
                    },
                },
            }
        )
    return json_text(json.dumps(issues, indent=2, ensure_ascii=False))
