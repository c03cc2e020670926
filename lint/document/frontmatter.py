"""YAML (---) and TOML (+++) front matter: metadata, never prose."""

from __future__ import annotations

import re

import yaml

from lint.document.model import Document, Problem
from lint.document.span import Span

_YAML = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)(?:^|\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
# libyaml's loader is about ten times faster than the pure-Python one, and as safe.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TOML = re.compile(r"\A\+\+\+[ \t]*\r?\n(.*?)(?:^|\n)\+\+\+[ \t]*(?:\r?\n|\Z)", re.S)


def split_front_matter(source: str, doc: Document) -> int:
    """Fill doc.front_matter from the front matter block; return where the body starts."""
    m = _YAML.match(source)
    if m:
        doc.front_matter_span = Span(0, m.end())
        try:
            data = yaml.load(m.group(1), Loader=_SAFE_LOADER)
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            where = Span(0, m.end())
            detail = getattr(err, "problem", None) or "not valid YAML"
            if mark is not None:
                line_start = _line_offset(source, mark.line + 1)
                where = Span(line_start, line_start)
            doc.problems.append(Problem(where, f"front matter is not valid YAML: {detail}"))
            return m.end()
        if isinstance(data, dict):
            doc.front_matter = data
        elif data is not None:
            doc.problems.append(Problem(Span(0, 3), "front matter is not a mapping of keys to values"))
        return m.end()
    m = _TOML.match(source)
    if m:
        doc.front_matter_span = Span(0, m.end())
        import tomllib

        try:
            doc.front_matter = tomllib.loads(m.group(1))
        except tomllib.TOMLDecodeError as err:
            doc.problems.append(Problem(Span(0, 3), f"front matter is not valid TOML: {err}"))
        return m.end()
    if source.startswith("---\n") or source.startswith("---\r\n"):
        doc.problems.append(Problem(Span(0, 3), "front matter opens with --- but never closes"))
    return 0


def _line_offset(source: str, line: int) -> int:
    """Offset where 0-based `line` starts."""
    pos = 0
    for _ in range(line):
        nxt = source.find("\n", pos)
        if nxt == -1:
            return len(source)
        pos = nxt + 1
    return pos
