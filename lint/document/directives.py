"""Where newslint's own suppression directives sit in an article's source.

The parsers need to know this (a directive line in a plain-text article is not prose) and so
does the suppression step (`lint/suppress.py`), which gives the directives their meaning.

Forms:
- `<!-- newslint-disable RULE, RULE -- reason -->` in any format (an HTML comment);
- plain text only, on a line of its own: `# newslint-disable RULE` or `[newslint-disable RULE]`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from lint.document.span import Span
from lint.patterns import compile_pattern

KINDS = ("disable-next-line", "disable-line", "disable", "enable")
MARKER = "newslint-"


@dataclass(frozen=True)
class RawDirective:
    kind: str  # one of KINDS
    body: str  # what follows the keyword: rule names, then an optional "-- reason"
    body_start: int  # source offset of `body`
    span: Span  # the whole comment or line


@cache
def _comment_re() -> re.Pattern[str]:
    kinds = "|".join(KINDS)
    return compile_pattern(rf"<!--[ \t\r\n]*newslint-({kinds})(?![\w-])([^>]{{0,500}}?)-->")


@cache
def _line_re() -> re.Pattern[str]:
    kinds = "|".join(KINDS)
    return compile_pattern(
        rf"^[ \t]*(?:#[ \t]*newslint-({kinds})(?![\w-])([^\n]*?)"
        rf"|\[[ \t]*newslint-({kinds})(?![\w-])([^\]\n]*)\])"
        r"[ \t]*\r?$",
        re.M,
    )


def find_directives(source: str, fmt: str) -> Iterator[RawDirective]:
    """Every directive in the source, in order; plain-text line forms only for fmt "text"."""
    if MARKER not in source:
        return
    found = [
        RawDirective(m.group(1), m.group(2), m.start(2), Span(m.start(), m.end()))
        for m in _comment_re().finditer(source)
    ]
    if fmt == "text":
        for m in _line_re().finditer(source):
            group = 1 if m.group(1) else 3
            end = m.end() - 1 if m.group().endswith("\r") else m.end()
            found.append(
                RawDirective(m.group(group), m.group(group + 1), m.start(group + 1), Span(m.start(), end))
            )
    yield from sorted(found, key=lambda d: d.span.start)


def is_directive_line(line: str) -> bool:
    """A plain-text line that holds only a directive (so it is not prose)."""
    return MARKER in line and _line_re().fullmatch(line) is not None
