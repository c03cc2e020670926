"""JUnit XML: one test case per file, one failure per finding, always well-formed XML."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from lint.document.span import Span
from lint.findings import Finding, Severity
from lint.report import RunReport, renderer
from lint.results import FileResult


def finding(path: str, line: int, message: str) -> Finding:
    return Finding(
        "placeholder-text",
        "placeholder",
        Severity.ERROR,
        Span(0, 2),
        message,
        path=path,
        line=line,
        column=5,
        end_line=line,
        end_column=7,
    )


def parse(report: RunReport) -> ET.Element:
    return ET.fromstring(renderer("junit")(report).encode("utf-8"))


def test_one_case_per_file_and_a_failure_per_finding():
    results = [
        FileResult("a.md", findings=[finding("a.md", 1, "first"), finding("a.md", 4, "second")]),
        FileResult("clean.md"),
        FileResult("bad.bin", error="binary file"),
    ]
    root = parse(RunReport(results, "1.0"))
    assert (root.tag, root.get("tests"), root.get("failures"), root.get("errors")) == (
        "testsuites",
        "3",
        "2",
        "1",
    )
    cases = root.findall("./testsuite/testcase")
    assert [c.get("name") for c in cases] == ["a.md", "clean.md", "bad.bin"]
    failures = cases[0].findall("failure")
    assert [f.get("message") for f in failures] == [
        "1:5 [placeholder-text] first",
        "4:5 [placeholder-text] second",
    ]
    assert failures[1].text == "a.md:4:5: error [placeholder-text] second"
    assert cases[1].findall("failure") == [] and cases[1].findall("error") == []
    assert cases[2].find("error").get("message") == "binary file"


def test_markup_and_control_characters_in_messages_stay_well_formed():
    message = "“<b>” & a stray \x0b vertical tab"
    root = parse(RunReport([FileResult("a.md", findings=[finding("a.md", 2, message)])], "1.0"))
    failure = root.find("./testsuite/testcase/failure")
    assert failure.get("message") == "2:5 [placeholder-text] “<b>” & a stray \\u000b vertical tab"
