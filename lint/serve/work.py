"""What the server's worker processes run. Each loads the server's config once and keeps it.

These functions take and return plain picklable data, because they cross a process boundary.
"""

from __future__ import annotations

import functools
import os

from lint import api
from lint.results import FileResult

# Linting this at start-up builds what the checks make on first use (patterns, word lists), so
# the first real request is as fast as the others.
_WARM_UP = "# Warm up\n\nThe council met in the united states on Monday. It was TK.\n"


@functools.cache
def _config(config_path: str | None) -> api.Config:
    return api.load_config(config_path)


def prepare(config_path: str | None) -> None:
    """Worker initializer: load the config and warm the checks up."""
    api.lint_text(_WARM_UP, "warm-up.md", _config(config_path))


def pid() -> int:
    return os.getpid()


def check(config_path: str | None, text: str, filename: str, select: tuple[str, ...],
          ignore: tuple[str, ...]) -> FileResult:
    try:
        return api.lint_text(text, filename, _config(config_path), select=select, ignore=ignore)
    except RecursionError:
        return FileResult(filename, error="too deeply nested to parse")
    except Exception as err:  # a parser bug on one odd text must not cost the worker
        return FileResult(filename, error=f"newslint could not lint this text ({type(err).__name__}: {err})")


def fix(config_path: str | None, text: str, filename: str, select: tuple[str, ...],
        ignore: tuple[str, ...]) -> api.FixResult:
    try:
        return api.fix_text(text, filename, _config(config_path), select=select, ignore=ignore)
    except RecursionError:
        return api.FixResult(text, text, [], FileResult(filename, error="too deeply nested to parse"))
    except Exception as err:
        failed = FileResult(filename, error=f"newslint could not lint this text ({type(err).__name__}: {err})")
        return api.FixResult(text, text, [], failed)
