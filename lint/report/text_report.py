"""ruff/flake8-style lines: `path:line:col: severity [rule] message`, then a summary."""

from __future__ import annotations

from lint.report import RunReport

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def render(report: RunReport) -> str:
    lines = []
    for f in report.findings:
        severity = f.severity.value
        rule = f"[{f.rule}]"
        fix = f" (fix: {_show(f.fix.replacement)})" if f.fix is not None else ""
        if report.color:
            lines.append(
                f"{_BOLD}{f.path}:{f.line}:{f.column}:{_RESET} {_COLORS[severity]}{severity}{_RESET} "
                f"{_DIM}{rule}{_RESET} {f.message}{_DIM}{fix}{_RESET}"
            )
        else:
            lines.append(f"{f.path}:{f.line}:{f.column}: {severity} {rule} {f.message}{fix}")
    lines.append(summary(report))
    return "\n".join(lines)


def summary(report: RunReport) -> str:
    counts = report.counts()
    total = sum(counts.values())
    errors = len(report.errors)
    files = len(report.results) - errors
    parts = ", ".join(f"{n} {sev}{'s' if n != 1 else ''}" for sev, n in counts.items() if n)
    broken = f"; {errors} could not be linted (see the errors above)" if errors else ""
    noun = "file" if files == 1 else "files"
    if not total:
        return f"{'No findings' if errors else 'All clear: no findings'} in {files} {noun}{broken}."
    return f"Found {total} finding{'s' if total != 1 else ''} ({parts}) in {files} {noun}{broken}."


def _show(text: str) -> str:
    if not text:
        return "remove"
    short = text if len(text) <= 40 else text[:37] + "..."
    return repr(short)
