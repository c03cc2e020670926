"""YAML (---) and TOML (+++) front matter: metadata, never prose."""

from __future__ import annotations

import re

from lint.document.model import Document, Problem
from lint.document.span import Span
from lint.patterns import lazy_re
from lint.safe_yaml import YamlError, load_yaml

_YAML = lazy_re(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)(?:^|\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_TOML = lazy_re(r"\A\+\+\+[ \t]*\r?\n(.*?)(?:^|\n)\+\+\+[ \t]*(?:\r?\n|\Z)", re.S)


def split_front_matter(source: str, doc: Document) -> int:
    """Fill doc.front_matter from the front matter block; return where the body starts."""
    m = _YAML.match(source)
    if m:
        doc.front_matter_span = Span(0, m.end())
        try:
            data, _ = load_yaml(m.group(1))
        except YamlError as err:
            where = Span(0, m.end())
            if err.line is not None:
                line_start = _line_offset(source, err.line)  # the block starts on line 2
                where = Span(line_start, line_start)
            doc.problems.append(Problem(where, f"front matter is not valid YAML: {err.problem}"))
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
        except RecursionError:  # tomllib recurses once per nested array or table
            doc.problems.append(Problem(Span(0, 3), "front matter is not valid TOML: nested too deeply"))
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
