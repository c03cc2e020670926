"""Suppressions: an editor's way to say "this finding is wrong here" inside the article.

Applied by the engine after the checks ran and before findings are placed:

- `<!-- newslint-disable RULE[, RULE] -->` ... `<!-- newslint-enable RULE -->`: a stretch of the
  article (to the end of the file when never enabled again);
- `<!-- newslint-disable-next-line RULE -->`: the next line that has text on it;
- `<!-- newslint-disable-line RULE -->`: the line the comment is on;
- plain text: the same words on a line of their own as `# newslint-disable RULE` or
  `[newslint-disable RULE]`;
- front matter `newslint: {disable: [RULE, ...]}`: the whole article.

RULE is a check id or a category; no RULE (or `all`) means every check. Text after ` -- ` is
a reason for the reader. Names that are neither a check nor a category are reported as
`unknown-suppression`; with `--report-unused-suppressions` (or the `unused-suppression` check
on in the config) a suppression that hides nothing is reported too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from lint.config import Resolved
from lint.document.directives import find_directives
from lint.document.model import BlockKind, Document
from lint.document.span import Span
from lint.findings import CATEGORIES, Finding, Severity
from lint.patterns import lazy_re
from lint.results import Selection

UNKNOWN_ID = "unknown-suppression"
UNUSED_ID = "unused-suppression"
META_IDS = frozenset({UNKNOWN_ID, UNUSED_ID})
ALL = "all"
FRONT_MATTER_KEY = "newslint"

_NAME = lazy_re(r"[^\s,]+")
_REASON = lazy_re(r"(?:^|\s)--(?:\s|$)")  # the " -- " before a reason
_FRONT_MATTER_KEY_LINE = lazy_re(rf"(?m)^{FRONT_MATTER_KEY}\s*:")


@dataclass
class Suppression:
    """One directive's reach: which rules (empty: all), over which source offsets or line."""

    kind: str  # disable | disable-next-line | disable-line | front-matter
    names: tuple[str, ...]
    name_spans: tuple[Span, ...]
    span: Span  # the directive itself, where its own findings point
    start: int = 0  # offsets covered, for disable and front-matter
    end: int = 0
    line: int = 0  # the line covered, for the line kinds
    used: set[str] = field(default_factory=set)  # names that hid a finding ("" for all rules)

    def covers(self, finding: Finding, line: int) -> str | None:
        """The name that hides this finding ("" for all rules), or None."""
        if self.kind in ("disable-next-line", "disable-line"):
            if line != self.line:
                return None
        elif not (self.start <= finding.span.start < self.end):
            return None
        if not self.names:
            return ""
        for name in self.names:
            if name in (finding.rule, finding.category):
                return name
        return None


@dataclass(frozen=True)
class _Meta:
    """How the two suppression checks are configured for this file, or None when off."""

    unknown: Severity | None
    unused: Severity | None


def apply_suppressions(
    doc: Document, findings: list[Finding], resolved: Resolved, selection: Selection
) -> list[Finding]:
    """The findings that no suppression hides, plus findings about the suppressions themselves."""
    suppressions = collect(doc)
    if not suppressions:
        return findings
    directive_spans = [s.span for s in suppressions if s.kind != "front-matter"]
    kept: list[Finding] = []
    for finding in findings:
        if finding.rule not in META_IDS and any(_inside(finding.span, d) for d in directive_spans):
            continue  # a directive is not prose, whatever a check made of it
        line = doc.lines.line_of(min(max(finding.span.start, 0), len(doc.source)))
        hidden = False
        for suppression in suppressions:
            name = suppression.covers(finding, line)
            if name is not None:
                suppression.used.add(name)
                hidden = True
        if not hidden or finding.rule in META_IDS:
            kept.append(finding)
    meta = _meta(resolved, selection)
    if meta.unknown is not None and resolved.known_ids:
        kept.extend(_unknown_names(suppressions, resolved.known_ids, meta.unknown))
    if meta.unused is not None:
        kept.extend(_unused(suppressions, _ran(resolved, selection), meta.unused))
    return kept


def _inside(span: Span, directive: Span) -> bool:
    """A finding about the directive's own text (an empty span only strictly inside it)."""
    if span.start == span.end:
        return directive.start < span.start < directive.end
    return directive.contains(span)


def collect(doc: Document) -> list[Suppression]:
    """Every suppression in the article, with the reach of each resolved."""
    out = _front_matter(doc)
    code = [b.span for b in doc.blocks if b.kind is BlockKind.CODE]
    open_blocks: dict[str, list[Suppression]] = {}  # name ("" for all) -> disables still open
    for raw in find_directives(doc.source, doc.format):
        if any(c.contains(raw.span) for c in code):
            continue  # an example of the syntax, shown in a code block
        names, spans = _names(raw.body, raw.body_start)
        if raw.kind == "enable":
            for key in names or tuple(open_blocks):
                for block in open_blocks.pop(key, []):
                    block.end = raw.span.start
            continue
        if raw.kind == "disable":
            # One suppression per name, so that enabling one name ends only that one.
            for name, span in zip(names, spans, strict=True) if names else [("", None)]:
                block = Suppression(
                    "disable",
                    (name,) if name else (),
                    (span,) if span else (),
                    raw.span,
                    start=raw.span.end,
                    end=len(doc.source),
                )
                open_blocks.setdefault(name, []).append(block)
                out.append(block)
            continue
        suppression = Suppression(raw.kind, names, spans, raw.span)
        if raw.kind == "disable-line":
            suppression.line = doc.lines.line_of(raw.span.start)
        else:
            suppression.line = _next_text_line(doc, raw.span.end)
        out.append(suppression)
    return out


def _names(body: str, offset: int) -> tuple[tuple[str, ...], tuple[Span, ...]]:
    """Rule names and their source spans; text after " -- " is a reason and is skipped."""
    reason = _REASON.search(body)
    if reason:
        body = body[: reason.start()]
    names: list[str] = []
    spans: list[Span] = []
    for m in _NAME.finditer(body):
        name = m.group().lower()
        if name == ALL:
            return (), ()
        names.append(name)
        spans.append(Span(offset + m.start(), offset + m.end()))
    return tuple(names), tuple(spans)


def _next_text_line(doc: Document, offset: int) -> int:
    """The first line after the one holding `offset` that has more than white space."""
    line = doc.lines.line_of(max(offset - 1, 0))
    source = doc.source
    while line < doc.lines.line_count:
        line += 1
        start = doc.lines.line_start(line)
        nxt = source.find("\n", start)
        if source[start : nxt if nxt != -1 else len(source)].strip():
            return line
    return line + 1


def _front_matter(doc: Document) -> list[Suppression]:
    setting = doc.front_matter.get(FRONT_MATTER_KEY) if doc.front_matter else None
    if not isinstance(setting, dict) or "disable" not in setting:
        return []
    value = setting["disable"]
    raw_names = [value] if isinstance(value, (str, bool)) else list(value or [])
    span = doc.front_matter_span or Span(0, 0)
    region = doc.source[span.start : span.end]
    key = _FRONT_MATTER_KEY_LINE.search(region)
    key_span = (
        Span(span.start + key.start(), span.start + key.end() - 1) if key else Span(span.start, span.start)
    )
    names: list[str] = []
    spans: list[Span] = []
    for item in raw_names:
        name = str(item).strip().lower()
        if item is True or name == ALL:
            names, spans = [], []
            break
        found = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", region[key.end() if key else 0 :], re.I)
        base = span.start + (key.end() if key else 0)
        spans.append(Span(base + found.start(), base + found.end()) if found else key_span)
        names.append(name)
    return [Suppression("front-matter", tuple(names), tuple(spans), key_span, 0, len(doc.source))]


def _meta(resolved: Resolved, selection: Selection) -> _Meta:
    wants = selection.wants
    severities: dict[str, Severity | None] = {}
    for rc in resolved.checks:
        if rc.check.id in META_IDS and wants(rc.check.id, rc.check.category):
            severities[rc.check.id] = rc.severity or rc.check.severity
    unused = severities.get(UNUSED_ID)
    # The explicit flag outranks --select, but not --ignore.
    ignored = {UNUSED_ID, "structure"} & set(selection.ignore)
    if unused is None and selection.report_unused_suppressions and not ignored:
        unused = Severity.WARNING
    return _Meta(severities.get(UNKNOWN_ID), unused)


def _ran(resolved: Resolved, selection: Selection) -> set[str]:
    """Check ids and categories of the checks that ran on this file."""
    wants = selection.wants
    ran: set[str] = set()
    for rc in resolved.checks:
        if rc.check.id not in META_IDS and wants(rc.check.id, rc.check.category):
            ran.update((rc.check.id, rc.check.category))
    return ran


def _finding(rule: str, severity: Severity, span: Span, message: str) -> Finding:
    return Finding(rule, "structure", severity, span, message)


def _unknown_names(
    suppressions: Iterable[Suppression], known: frozenset[str], severity: Severity
) -> list[Finding]:
    valid = set(known) | set(CATEGORIES)
    out = []
    for suppression in suppressions:
        for name, span in zip(suppression.names, suppression.name_spans, strict=True):
            if name in valid:
                continue
            import difflib  # only for a misspelt name

            close = difflib.get_close_matches(name, sorted(valid), n=1, cutoff=0.7)
            hint = f"; did you mean “{close[0]}”?" if close else "; 'newslint rules' lists them"
            out.append(
                _finding(
                    UNKNOWN_ID,
                    severity,
                    span,
                    f"“{name}” in this suppression is not a newslint check or category, "
                    f"so it hides nothing{hint}",
                )
            )
    return out


def _unused(suppressions: Iterable[Suppression], ran: set[str], severity: Severity) -> list[Finding]:
    out = []
    for suppression in suppressions:
        if not suppression.names:
            if "" not in suppression.used and ran:
                out.append(
                    _finding(
                        UNUSED_ID, severity, suppression.span, "this suppression hides no finding; remove it"
                    )
                )
            continue
        for name, span in zip(suppression.names, suppression.name_spans, strict=True):
            # Only a check that ran here can tell; a check switched off would look unused.
            if name in ran and name not in suppression.used:
                out.append(
                    _finding(
                        UNUSED_ID,
                        severity,
                        span,
                        f"this suppression of “{name}” hides no finding; remove “{name}” from it",
                    )
                )
    return out
