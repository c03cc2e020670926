"""JUnit XML for CI test views (GitLab, Jenkins, Azure): one test case per file, a failure per finding."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from lint.findings import Finding
from lint.report import RunReport
from lint.results import FileResult

# XML 1.0 cannot carry most control characters, even escaped; an invisible-character finding may quote one.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _testcase(result: FileResult, findings: list[Finding]) -> ET.Element:
    case = ET.Element(
        "testcase",
        {"classname": "newslint", "name": _clean(result.path), "file": _clean(result.path), "time": "0"},
    )
    if result.error:
        error = ET.SubElement(case, "error", {"message": _clean(result.error), "type": "not-linted"})
        error.text = _clean(f"{result.path}: {result.error}")
    for f in findings:
        failure = ET.SubElement(
            case,
            "failure",
            {
                "message": _clean(f"{f.line}:{f.column} [{f.rule}] {f.message}"),
                "type": f.rule,
            },
        )
        failure.text = _clean(f"{f.path}:{f.line}:{f.column}: {f.severity.value} [{f.rule}] {f.message}")
    return case


def render(report: RunReport) -> str:
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for f in report.findings:
        by_path[f.path].append(f)
    cases = [_testcase(r, by_path.get(r.path, [])) for r in report.results]
    failures = sum(len(c.findall("failure")) for c in cases)
    errors = len(report.errors)
    counts = {
        "tests": str(len(cases)),
        "failures": str(failures),
        "errors": str(errors),
        "skipped": "0",
        "time": "0",
    }
    root = ET.Element("testsuites", {"name": "newslint", **counts})
    suite = ET.SubElement(root, "testsuite", {"name": "newslint", **counts})
    suite.extend(cases)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")
