"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

`::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE`, with `notice` for
info findings. Values are escaped as the Actions runner expects (%, CR, LF; and `:` `,` in
properties), so a message can never end the command early or forge another one.

GitHub shows at most 10 annotations of each kind (error, warning, notice) per step and drops the
rest without a word; when a run has more, a first notice says how many are not shown and where
they all are (the job log, the step summary).
"""

from __future__ import annotations

from lint.findings import Severity
from lint.printable import printable
from lint.report import RunReport

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
SHOWN_PER_KIND = 10  # annotations of one kind GitHub shows per step


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(name: str, properties: dict[str, object], message: str) -> str:
    # printable: the log and the annotation show escape sequences and bidi controls as text.
    props = ",".join(
        f"{key}={escape_property(printable(str(value), keep_line_breaks=True))}" for key, value in properties.items()
    )
    return f"::{name} {props}::{escape_data(printable(message, keep_line_breaks=True))}"


def render(report: RunReport) -> str:
    lines = []
    for f in report.findings:
        properties = {
            "file": f.path.replace("\\", "/"),
            "line": f.line,
            "col": f.column,
            "endLine": f.end_line,
            "endColumn": f.end_column,
            "title": f"newslint ({f.rule})",
        }
        lines.append(_command(COMMANDS[f.severity], properties, f"{f.message} [{f.rule}]"))
    for r in report.errors:
        lines.append(
            _command(
                "error",
                {"file": r.path.replace("\\", "/"), "title": "newslint"},
                f"could not be linted: {r.error}",
            )
        )
    counts = {kind: sum(1 for line in lines if line.startswith(f"::{kind} ")) for kind in ("error", "warning",
                                                                                          "notice")}
    # The notice itself takes one of the notices' places; it goes first so it is always shown.
    hidden = {kind: n - (SHOWN_PER_KIND - 1 if kind == "notice" else SHOWN_PER_KIND) for kind, n in counts.items()}
    hidden = {kind: n for kind, n in hidden.items() if n > 0}
    if hidden:
        plural = {"error": "errors", "warning": "warnings", "notice": "notices"}
        missing = ", ".join(f"{n} {plural[kind] if n != 1 else kind}" for kind, n in hidden.items())
        lines.insert(0, _command("notice", {"title": "newslint"}, (
            f"GitHub shows {SHOWN_PER_KIND} annotations of each kind per step: {missing} are not shown here. "
            "Every finding is in the job log and the step summary.")))
    return "\n".join(lines)
