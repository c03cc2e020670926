"""GitHub workflow commands: one annotation per finding, escaped so messages cannot break out."""

from __future__ import annotations

from lint.document.span import Span
from lint.findings import Finding, Severity
from lint.report import RunReport, renderer
from lint.results import FileResult


def finding(
    path: str, message: str, severity: Severity = Severity.ERROR, rule: str = "placeholder-text"
) -> Finding:
    return Finding(
        rule,
        "placeholder",
        severity,
        Span(0, 2),
        message,
        path=path,
        line=3,
        column=12,
        end_line=3,
        end_column=14,
    )


def test_one_annotation_per_finding_with_its_exact_place():
    report = RunReport(
        [FileResult("news/a.md", findings=[finding("news/a.md", "placeholder left in copy: 'TK'")])], "1.0"
    )
    assert renderer("github")(report) == (
        "::error file=news/a.md,line=3,col=12,endLine=3,endColumn=14,title=newslint (placeholder-text)"
        "::placeholder left in copy: 'TK' [placeholder-text]"
    )


def test_severities_map_to_error_warning_and_notice():
    results = [FileResult("a.md", findings=[finding("a.md", "m", s) for s in Severity])]
    lines = renderer("github")(RunReport(results, "1.0")).splitlines()
    assert sorted(line.split(" ", 1)[0] for line in lines) == ["::error", "::notice", "::warning"]


def test_newlines_percent_colons_and_commas_are_escaped():
    path = "news/50%, off: sale.md"
    message = "100% wrong:\nsecond line\r"
    line = renderer("github")(RunReport([FileResult(path, findings=[finding(path, message)])], "1.0"))
    assert "\n" not in line and "\r" not in line
    assert line.startswith("::error file=news/50%25%2C off%3A sale.md,line=3,")
    assert line.endswith("::100% wrong:%0Asecond line%0D [placeholder-text]".replace("100%", "100%25"))


def test_files_that_could_not_be_linted_are_annotated_too():
    report = RunReport([FileResult("broken.md", error="binary file")], "1.0")
    assert (
        renderer("github")(report)
        == "::error file=broken.md,title=newslint::could not be linted: binary file"
    )
