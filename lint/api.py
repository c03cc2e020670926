"""newslint's Python API: lint and fix article text in memory, load configs, list the checks.

The stable names are those in `__all__`; docs/api.md documents them with examples. They give
the same findings as `newslint check` for the same text, file name and config, because they
run the same engine. Everything else under `lint` is internal and may change.

    from lint import api
    config = api.load_config("newsroom/.newslint.yaml")
    result = api.lint_text("The united states said...", "story.md", config)
    for f in result.findings:
        print(f.line, f.column, f.rule, f.message)
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from lint.config import Config, ConfigError
from lint.config import load_config as _load_config_file
from lint.engine import ConfigCache, Target, lint_target, valid_selectors
from lint.engine import lint_text as _lint_text
from lint.findings import CATEGORIES, Finding, Fix, Severity
from lint.results import FileResult, Selection

__all__ = [
    "AppliedFix", "CATEGORIES", "CheckInfo", "Config", "ConfigError", "FileResult", "Finding", "Fix",
    "FixResult", "SelectionError", "Severity", "checks", "config_for", "exit_code", "fix_text", "html_report",
    "json_report",
    "lint_file", "lint_text", "load_config",
]

StrPath = str | os.PathLike[str]


class SelectionError(ValueError):
    """`select` or `ignore` names something that is neither a check id nor a category."""


@dataclass(frozen=True)
class CheckInfo:
    """One check as `newslint rules` lists it."""

    id: str
    category: str
    severity: Severity
    enabled: bool  # on in this config (its default, or the config's setting)
    enabled_by_default: bool
    summary: str
    origin: str  # "built-in", an entry point or a plugin file


@dataclass(frozen=True)
class AppliedFix:
    """A safe fix that `fix_text` applied; the position is in the text as its pass found it."""

    finding: Finding
    pass_number: int  # 1 for the first pass over the original text


@dataclass(frozen=True)
class FixResult:
    original: str
    text: str  # the fixed text (the original when nothing applied)
    applied: list[AppliedFix] = field(default_factory=list)
    result: FileResult = field(default_factory=lambda: FileResult(""))  # the lint of the fixed text

    @property
    def changed(self) -> bool:
        return self.text != self.original


def load_config(path: StrPath | None = None) -> Config:
    """Load and validate a config file (with its `extends`); None gives the `default` preset.

    Raises ConfigError with one line naming the file, the line and the problem.
    """
    return _load_config_file(Path(path) if path is not None else None)


def config_for(path: StrPath) -> Config:
    """The config the CLI would use for this article or folder: the nearest `.newslint.yaml`
    from its folder upward, else the `default` preset."""
    where = Path(path)
    folder = where if where.is_dir() else where.parent
    return ConfigCache(None).for_dir(folder)


def _config(config: Config | StrPath | None) -> Config:
    if isinstance(config, Config):
        return config
    return load_config(config)


def _selection(config: Config, select: Iterable[str], ignore: Iterable[str]) -> Selection:
    chosen = Selection(tuple(select), tuple(ignore))
    unknown = valid_selectors((*chosen.select, *chosen.ignore), config.registry.ids())
    if unknown:
        raise SelectionError(f"unknown check or category {unknown[0]!r}")
    return chosen


def lint_text(
    text: str,
    filename: str = "article.md",
    config: Config | StrPath | None = None,
    *,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> FileResult:
    """Lint article text in memory.

    `filename` picks the format by its suffix (.md, .html, .txt) and the config's `overrides`;
    nothing is read from it. `config` is a loaded Config, a config file's path, or None for the
    `default` preset. `select`/`ignore` take check ids or categories and can only narrow what
    the config turns on. Findings come sorted by position with 1-based lines and columns.
    """
    loaded = _config(config)
    return _lint_text(filename, text, loaded.for_file(Path(filename)), _selection(loaded, select, ignore))


def lint_file(
    path: StrPath,
    config: Config | StrPath | None = None,
    *,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> FileResult:
    """Read and lint one article file as `newslint check PATH` does (size limit, encodings).

    With config=None the nearest `.newslint.yaml` applies, as on the command line. A file that
    cannot be read is a result whose `error` says why, not an exception.
    """
    where = Path(path)
    loaded = config_for(where) if config is None else _config(config)
    target = Target(where, os.fspath(path), loaded, explicit=True)
    return lint_target(target, _selection(loaded, select, ignore), cache_dir=None)


def fix_text(
    text: str,
    filename: str = "article.md",
    config: Config | StrPath | None = None,
    *,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> FixResult:
    """Apply the safe fixes in memory, pass after pass, as `newslint check --fix` does."""
    from lint.document import format_for
    from lint.document.reader import _newline as line_ending  # the reader's rule, as for a file
    from lint.fix import fix_text as _fix_text

    loaded = _config(config)
    chosen = _selection(loaded, select, ignore)
    newline = line_ending(text)
    log: list[tuple[int, Finding]] = []
    fixed, _, result = _fix_text(filename, text, loaded.for_file(Path(filename)), chosen, format_for(filename),
                                 newline, log=log)
    return FixResult(text, fixed, [AppliedFix(f, n) for n, f in log], result)


def checks(config: Config | StrPath | None = None) -> list[CheckInfo]:
    """Every check the config knows (built-ins and plugins), as `newslint rules` lists them."""
    loaded = _config(config)
    enabled = {rc.check.id for rc in loaded.for_file(None).checks}
    return [
        CheckInfo(c.id, c.category, c.severity, c.id in enabled, c.enabled_by_default, c.summary,
                  loaded.registry.origin[c.id])
        for c in loaded.registry
    ]


def _report(results: Iterable[FileResult], config: Config | None, sources: Mapping[str, str] | None = None):
    from lint import __version__
    from lint.report import RunReport

    loaded = config if config is not None else load_config(None)
    return RunReport(list(results), __version__, rules=dict(loaded.registry.checks), scoring=loaded.scoring,
                     sources=dict(sources or {}))


def json_report(results: Iterable[FileResult], config: Config | None = None) -> str:
    """The report `newslint check --format json` prints for these results; `config` gives the
    quality score's settings and the checks' metadata (None: the `default` preset)."""
    from lint.report import renderer

    return renderer("json")(_report(results, config))


def html_report(results: Iterable[FileResult], sources: Mapping[str, str], config: Config | None = None) -> str:
    """The self-contained page `newslint check --format html` writes; `sources` maps each
    result's path to its text, whose findings are marked in it."""
    from lint.report import renderer

    return renderer("html")(_report(results, config, sources))


def exit_code(results: Iterable[FileResult], fail_on: Severity | str = Severity.ERROR) -> int:
    """The CLI's exit code for these results: 3 for a crash inside newslint, 2 for a file that
    could not be linted (or a required check that could not run), 1 for a finding at or above
    `fail_on`, else 0."""
    items = list(results)
    threshold = Severity(fail_on)
    if any(r.internal for r in items):
        return 3
    if any(r.error or r.fatal_warning for r in items):
        return 2
    if any(f.severity.rank >= threshold.rank for r in items for f in r.findings):
        return 1
    return 0
