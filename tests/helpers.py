"""Shared test helpers: lint text in memory with a config given as a Python mapping."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lint.config import RawConfig, build_config, deep_merge, load_raw, presets_dir
from lint.engine import lint_text
from lint.findings import Finding
from lint.results import FileResult, Selection


def make_config(settings: dict[str, Any] | None = None, preset: str | None = "default"):
    """A validated Config from a mapping, on top of a preset (None: bare check defaults)."""
    settings = settings or {}
    if preset:
        base = load_raw(presets_dir() / f"{preset}.yaml")
        data = deep_merge(base.data, settings)
        raw = RawConfig(data, dict(base.where), list(base.files), Path.cwd())
    else:
        raw = RawConfig(dict(settings), {}, [], Path.cwd())
    return build_config(raw)


def lint(text: str, name: str = "article.md", settings: dict[str, Any] | None = None,
         select: tuple[str, ...] = (), preset: str | None = "default") -> FileResult:
    config = make_config(settings, preset)
    return lint_text(name, text, config.for_file(Path(name)), Selection(select=select))


def findings(text: str, name: str = "article.md", settings: dict[str, Any] | None = None,
             select: tuple[str, ...] = (), preset: str | None = "default") -> list[Finding]:
    result = lint(text, name, settings, select, preset)
    assert result.error is None, result.error
    return result.findings


def located(items: list[Finding]) -> list[tuple[str, int, int, int, int]]:
    """(rule, line, column, end_line, end_column) for exact position assertions."""
    return [(f.rule, f.line, f.column, f.end_line, f.end_column) for f in items]


def snippet(text: str, f: Finding) -> str:
    """The source characters a finding points at."""
    return text[f.span.start : f.span.end]
