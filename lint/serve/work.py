"""What the server's worker processes run. Each loads the server's config once and keeps it.

These functions take and return plain picklable data, because they cross a process boundary.
"""

from __future__ import annotations

import functools
import os
import threading
import time

from lint import api
from lint.results import FileResult

# Linting this at start-up builds what the checks make on first use (patterns, word lists), so
# the first real request is as fast as the others.
_WARM_UP = "# Warm up\n\nThe council met in the united states on Monday. It was TK.\n"


@functools.cache
def _config(config_path: str | None) -> api.Config:
    return api.load_config(config_path)


def prepare(config_path: str | None, server_pid: int) -> None:
    """Worker initializer: follow the server, load the config and warm the checks up."""
    _follow(server_pid)
    api.lint_text(_WARM_UP, "warm-up.md", _config(config_path))


def _follow(server_pid: int) -> None:
    """End this worker when the server is gone. Workers are children of the forkserver, not of
    the server, so a server killed outright (SIGKILL, out of memory) would leave them waiting
    for work for ever, and the forkserver with them."""
    def watch() -> None:
        while True:
            try:
                os.kill(server_pid, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:
                pass  # the pid exists (owned by another user after reuse: rare, and harmless)
            time.sleep(0.5)

    threading.Thread(target=watch, name="newslint-server-watch", daemon=True).start()


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
