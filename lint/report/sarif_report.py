"""SARIF 2.1.0 for code-scanning tools (GitHub code scanning, Azure DevOps, IDE viewers).

Rule metadata comes from the registry (summary, why, bad and good examples); fixes become SARIF
fixes. Columns are code points, like every newslint position (run.columnKind says so).
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from lint.docs import example_label
from lint.findings import Finding, Severity
from lint.printable import json_text
from lint.report import RunReport
from lint.report.fingerprint import stable_fingerprints

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/newslint/newslint"
SRCROOT = "SRCROOT"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_uri(path: str) -> dict[str, str]:
    """A relative path stays relative to the checkout (SRCROOT); an absolute one becomes a file URI."""
    posix = path.replace("\\", "/")
    if Path(path).is_absolute():
        return {"uri": Path(path).as_uri()}
    # The bytes of the name, percent-encoded: a name that is not UTF-8 still points at its file.
    raw = str(PurePosixPath(posix)).encode("utf-8", "surrogateescape")
    return {"uri": quote(raw, safe="/"), "uriBaseId": SRCROOT}


def _region(f: Finding) -> dict[str, int]:
    return {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line, "endColumn": f.end_column}


def _rule(check: Any) -> dict[str, Any]:
    summary = check.summary or check.id
    text = [summary]
    markdown = [summary]
    if check.why:
        text += ["", check.why]
        markdown += ["", check.why]
    bad, good = check.examples()
    if bad is not None:
        text += ["", f"{example_label('Bad', bad)}: {bad.text}"]
        markdown += ["", f"{example_label('Bad', bad)}:", "```", bad.text, "```"]
    if good is not None:
        text += [f"{example_label('Good', good)}: {good.text}"]
        markdown += ["", f"{example_label('Good', good)}:", "```", good.text, "```"]
    text += ["", f"Run 'newslint explain {check.id}' for its options."]
    return {
        "id": check.id,
        "name": "".join(part.capitalize() for part in check.id.split("-")),
        "shortDescription": {"text": summary},
        "fullDescription": {"text": check.why or summary},
        "help": {"text": "\n".join(text), "markdown": "\n".join(markdown)},
        "defaultConfiguration": {"level": LEVELS[check.severity], "enabled": bool(check.enabled_by_default)},
        "properties": {"category": check.category, "tags": ["newslint", check.category]},
    }


def _fix(f: Finding) -> dict[str, Any]:
    assert f.fix is not None
    fix = f.fix
    if fix.span == f.span:
        deleted: dict[str, int] = _region(f)
    else:  # the fix reaches beyond the finding; offsets are code points, as columnKind says
        deleted = {"charOffset": fix.span.start, "charLength": fix.span.end - fix.span.start}
    description = fix.label or (f"Replace with “{fix.replacement}”" if fix.replacement else "Remove it")
    return {
        "description": {"text": description},
        "artifactChanges": [
            {
                "artifactLocation": artifact_uri(f.path),
                "replacements": [{"deletedRegion": deleted, "insertedContent": {"text": fix.replacement}}],
            }
        ],
        "properties": {"safe": fix.safe},
    }


def _result(f: Finding, fingerprint: str, rule_index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": f.rule,
        "level": LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {"artifactLocation": artifact_uri(f.path), "region": _region(f)}}],
        "partialFingerprints": {"newslintFindingHash/v1": fingerprint},
        "properties": {"category": f.category},
    }
    if f.rule in rule_index:
        result["ruleIndex"] = rule_index[f.rule]
    if f.fix is not None:
        result["fixes"] = [_fix(f)]
    return result


def _notifications(report: RunReport) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for r in report.errors:
        out.append(
            {
                "level": "error",
                "message": {"text": f"{r.path}: {r.error}"},
                "locations": [{"physicalLocation": {"artifactLocation": artifact_uri(r.path)}}],
            }
        )
    for warning in dict.fromkeys(w for r in report.results for w in r.warnings):
        out.append({"level": "warning", "message": {"text": warning}})
    return out


def build(report: RunReport) -> dict[str, Any]:
    """The SARIF log as a JSON-ready mapping."""
    checks = sorted(report.rules.values(), key=lambda c: c.id)  # type: ignore[attr-defined]
    rule_index = {c.id: i for i, c in enumerate(checks)}  # type: ignore[attr-defined]
    findings = report.findings
    fingerprints = stable_fingerprints(findings)
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "newslint",
                "version": report.version,
                "semanticVersion": report.version,
                "informationUri": INFORMATION_URI,
                "rules": [_rule(c) for c in checks],
            }
        },
        "originalUriBaseIds": {SRCROOT: {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "invocations": [
            {
                "executionSuccessful": not report.errors,
                "toolExecutionNotifications": _notifications(report),
            }
        ],
        "results": [_result(f, fp, rule_index) for f, fp in zip(findings, fingerprints, strict=True)],
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(report: RunReport) -> str:
    return json_text(json.dumps(build(report), indent=2, ensure_ascii=False))
