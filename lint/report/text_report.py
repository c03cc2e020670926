"""Text for people: ruff-style lines `path:line:col: severity [rule] message (fix in words)`.

Options (`RunReport.view`): `sort` (file order, or errors first), `group_by` (file, category or
severity, each section with a header line), `statistics` (a count per check instead of each
finding), `show_source` (the line cut around the span, with carets under it) and `quiet`
(findings only). A file with more than HEADER_AFTER findings gets a header line: its quality
score, words, Flesch reading ease (when the readability check scored it) and counts. The last line is the summary.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from lint.constants import SEVERITY_NAMES
from lint.findings import Finding, Severity
from lint.printable import no_commands, printable, safe_line
from lint.report import RunReport

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"
HEADER_AFTER = 3  # more findings than this in a file: a header line with its score and counts
SOURCE_WIDTH = 100  # --show-source cuts longer lines to this many columns around the span


def render(report: RunReport) -> str:
    view = report.view
    if view.statistics:
        lines = statistics(report)
    elif view.group_by == "file":
        lines = _by_file(report)
    else:
        lines = _by_key(report, view.group_by)
    if not view.quiet:
        lines.extend(_fix_hint(report.findings))
        lines.append(summary(report))
    # Lines quote articles and file names: none may read as a GitHub workflow command.
    return "\n".join(no_commands(line) for line in lines)


def _ordered(report: RunReport, findings: Iterable[Finding]) -> list[Finding]:
    if report.view.sort == "severity":
        return sorted(findings, key=lambda f: (-f.severity.rank, *f.sort_key))
    return sorted(findings, key=lambda f: f.sort_key)


def _by_file(report: RunReport) -> list[str]:
    lines: list[str] = []
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for f in report.findings:
        by_path[f.path].append(f)
    for r in report.results:
        found = by_path.pop(r.path, [])
        if len(found) > HEADER_AFTER and not report.view.quiet:
            if lines:
                lines.append("")
            score = report.score(r)
            scored = f" · score {score}/100" if score is not None else ""
            ease = r.metrics.get("flesch_reading_ease")
            readable = f" · reading ease {ease:.0f}" if ease is not None else ""
            summary = f"{printable(r.path)}{scored} · {r.words:,} words{readable} · {_counts(found)}"
            lines.append(_header(report, summary))
        lines.extend(_finding_lines(report, _ordered(report, found)))
    for rest in by_path.values():  # findings of a path with no result (not expected): still shown
        lines.extend(_finding_lines(report, _ordered(report, rest)))
    return lines


def _by_key(report: RunReport, key: str) -> list[str]:
    groups: dict[str, list[Finding]] = defaultdict(list)
    for f in report.findings:
        groups[f.category if key == "category" else f.severity.value].append(f)
    if key == "severity":
        names = [s.value for s in sorted(Severity, key=lambda s: -s.rank) if s.value in groups]
    else:  # worst categories first
        names = sorted(groups, key=lambda c: (*(-_severity_count(groups[c], s) for s in ("error", "warning")),
                                              -len(groups[c]), c))
    lines: list[str] = []
    for name in names:
        if not report.view.quiet:
            if lines:
                lines.append("")
            n = len(groups[name])
            title = f"{n} {name}{'s' if n != 1 else ''}" if key == "severity" else f"{name}: {_counts(groups[name])}"
            lines.append(_header(report, title))
        lines.extend(_finding_lines(report, _ordered(report, groups[name])))
    return lines


def _severity_count(findings: Sequence[Finding], severity: str) -> int:
    return sum(1 for f in findings if f.severity.value == severity)


def _counts(findings: Sequence[Finding]) -> str:
    counts = Counter(f.severity.value for f in findings)
    parts = ", ".join(f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in SEVERITY_NAMES
                      if counts[s])
    return f"{len(findings)} finding{'s' if len(findings) != 1 else ''}" + (f" ({parts})" if parts else "")


def _header(report: RunReport, text: str) -> str:
    return f"{_BOLD}── {text}{_RESET}" if report.color else f"── {text}"


def _finding_lines(report: RunReport, findings: Iterable[Finding]) -> list[str]:
    lines = []
    for f in findings:
        lines.append(finding_line(f, report.color))
        if report.view.show_source:
            text = report.sources.get(f.path)
            if text is not None:
                lines.extend(source_excerpt(text, f, report.color))
    return lines


def finding_line(f: Finding, color: bool = False) -> str:
    severity = f.severity.value
    rule = f"[{f.rule}]"
    # Paths, messages and fixes quote file names and the article verbatim: escape what a
    # terminal or a CI log would act on (lint/printable.py).
    path, message = safe_line(f.path), printable(f.message)
    fix = f" ({printable(fix_words(f))})" if f.fix is not None else ""
    if color:
        return (f"{_BOLD}{path}:{f.line}:{f.column}:{_RESET} {_COLORS[severity]}{severity}{_RESET} "
                f"{_DIM}{rule}{_RESET} {message}{_DIM}{fix}{_RESET}")
    return no_commands(f"{path}:{f.line}:{f.column}: {severity} {rule} {message}{fix}")


def fix_words(f: Finding) -> str:
    """"safe fix: insert a space after a comma", or "suggested fix: ..." for unsafe ones."""
    assert f.fix is not None
    label = f.fix.label or ("delete this" if not f.fix.replacement else f"write “{f.fix.replacement}”")
    return f"{'safe fix' if f.fix.safe else 'suggested fix'}: {label}"


# -- --show-source ----------------------------------------------------------------------------------

def source_excerpt(text: str, f: Finding, color: bool = False, width: int = SOURCE_WIDTH) -> list[str]:
    """The finding's first line, cut to `width` columns around the span, and carets under the span."""
    starts = f.span.start - (f.column - 1)  # the column counts code points from the line's start
    if not 0 <= starts <= len(text) or (starts and text[starts - 1] != "\n"):
        return []  # the text is not the one that was linted
    end_of_line = text.find("\n", starts)
    line = text[starts : end_of_line if end_of_line != -1 else len(text)].rstrip("\r")
    shown = [_visible(ch) for ch in line]
    start = min(max(f.column - 1, 0), len(line))
    end = min(f.end_column - 1, len(line)) if f.end_line == f.line else len(line)
    end = max(end, start)
    left, right = _window(len(line), start, end, width)
    before = "".join(shown[left:start])
    marked = "".join(shown[start : min(end, right)])
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(line) else ""
    gutter = f"{f.line:>6} | "
    carets = "^" * max(1, _columns(marked))
    if end > right or (f.end_line > f.line):
        carets += "…"
    pad = " " * (_columns(prefix + before))
    if color:
        carets = f"{_COLORS[f.severity.value]}{carets}{_RESET}"
    return [f"{gutter}{prefix}{''.join(shown[left:right])}{suffix}", f"{' ' * 6} | {pad}{carets}"]


def _window(length: int, start: int, end: int, width: int) -> tuple[int, int]:
    """Columns [left, right) of a line to show so that the span's start (and most of it) is seen."""
    if length <= width:
        return 0, length
    span = end - start
    context = max(10, (width - span) // 2) if span < width - 20 else 20
    left = max(0, start - context)
    right = min(length, left + width)
    left = max(0, right - width)
    return left, right


def _visible(ch: str) -> str:
    """One printable character per source character, so the carets stay under the span."""
    if ch == "\t":
        return " "
    category = unicodedata.category(ch)
    if category[0] == "C" or category in ("Zl", "Zp", "Mn", "Me") or (category == "Zs" and ch != " "):
        return "·"  # invisible, zero-width or combining: shown as a dot, one column
    return ch


def _columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


# -- --statistics, the fix hint and the summary ---------------------------------------------------------

def statistics(report: RunReport) -> list[str]:
    """One line per check, most findings first: count, check, worst severity, category, fixes."""
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    for f in report.findings:
        by_rule[f.rule].append(f)
    if not by_rule:
        return []
    width = max(len(rule) for rule in by_rule)
    count_width = len(str(max(len(v) for v in by_rule.values())))
    lines = []
    for rule, items in sorted(by_rule.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        worst = max((f.severity for f in items), key=lambda s: s.rank).value
        safe = sum(1 for f in items if f.fix is not None and f.fix.safe)
        suggested = sum(1 for f in items if f.fix is not None and not f.fix.safe)
        fixes = ", ".join(part for part in (f"{safe} safe fix{'es' if safe != 1 else ''}" if safe else "",
                                            f"{suggested} suggested" if suggested else "") if part)
        lines.append(f"{len(items):>{count_width}}  {rule:<{width}}  {worst:<7}  {items[0].category:<12} {fixes}"
                     .rstrip())
    return lines


def _fix_hint(findings: Sequence[Finding]) -> list[str]:
    safe = sum(1 for f in findings if f.fix is not None and f.fix.safe)
    unsafe = sum(1 for f in findings if f.fix is not None and not f.fix.safe)
    if not safe and not unsafe:
        return []
    if not safe:
        return [f"{unsafe} finding{'s' if unsafe != 1 else ''} can be fixed with --fix --unsafe-fixes."]
    more = f" ({unsafe} more with --fix --unsafe-fixes)" if unsafe else ""
    return [f"{safe} finding{'s' if safe != 1 else ''} can be fixed with --fix{more}."]


def summary(report: RunReport) -> str:
    counts = report.counts()
    total = sum(counts.values())
    errors = len(report.errors)
    files = len(report.results) - errors
    parts = ", ".join(f"{n} {sev}{'s' if n != 1 else ''}" for sev, n in counts.items() if n)
    broken = f"; {errors} could not be linted (see the errors above)" if errors else ""
    if any(r.fatal_warning for r in report.results):
        broken += "; a required check could not run (see the error above)"
    noun = "file" if files == 1 else "files"
    if not total:
        return f"{'No findings' if broken else 'All clear: no findings'} in {files} {noun}{broken}."
    return f"Found {total} finding{'s' if total != 1 else ''} ({parts}) in {files} {noun}{broken}."
