"""The `newslint` program's quick way in: a plain `check` command line read without click.

A pre-commit hook runs `newslint check FILES` on every commit, and importing click and building
the command line's options is a twentieth of such a run. A `check` command line made only of
paths and the simplest options is read here into exactly the values click would give the
command (tests/test_quick.py compares the two on many command lines), and `lint.command.check`
runs without click, which is imported only to print. Anything else goes to click as before:
help, a path or value click would refuse or convert otherwise, an option written `--opt=value`
or in a cluster (`-qj2`), `--`, options this table does not know, shell completion.

An exception out of the run (an interrupt, a closed pipe, a bug) is handed to click and
`lint.cli`, which answer it as if it had been raised inside click (`lint.cli.replay`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from lint.constants import FORMATS, GROUPS, SEVERITY_NAMES, SORTS

# The `check` command's values when its command line gives none: click's defaults (tested).
DEFAULTS: dict[str, Any] = {
    "paths": (), "fmt": "text", "config_path": None, "select": (), "ignore": (), "fail_on": None,
    "stdin_filename": None, "jobs": None, "no_cache": False, "cache_dir": None, "quiet": False, "color": None,
    "output": None, "changed": False, "base_ref": None, "changed_lines": False,
    "report_unused_suppressions": False, "baseline_path": None, "write_baseline_path": None,
    "profile_path": None, "apply_fix": False, "show_diff": False, "dask_address": None, "shard_spec": None,
    "unsafe_fixes": False, "sort": "position", "group_by": "file", "statistics": False, "show_source": False,
    "min_score": None, "no_plugins": False,
}
# Options without a value: the value each sets (None: --debug, which main() reads itself).
FLAGS: dict[str, tuple[str | None, bool]] = {
    "--no-cache": ("no_cache", True), "--quiet": ("quiet", True), "-q": ("quiet", True),
    "--color": ("color", True), "--no-color": ("color", False), "--changed": ("changed", True),
    "--changed-lines": ("changed_lines", True), "--report-unused-suppressions": ("report_unused_suppressions", True),
    "--fix": ("apply_fix", True), "--diff": ("show_diff", True), "--unsafe-fixes": ("unsafe_fixes", True),
    "--statistics": ("statistics", True), "--show-source": ("show_source", True),
    "--no-plugins": ("no_plugins", True), "--debug": (None, True),
}
# Options with one of a few words as their value.
CHOICES: dict[str, tuple[str, tuple[str, ...]]] = {
    "--format": ("fmt", FORMATS), "--fail-on": ("fail_on", SEVERITY_NAMES), "--sort": ("sort", SORTS),
    "--group-by": ("group_by", GROUPS),
}
# Options given as often as wanted, any text each time.
REPEATED: dict[str, str] = {"--select": "select", "--ignore": "ignore"}
JOBS = ("--jobs", "-j")  # a whole number, 0 or more
CONFIG = "--config"  # a file that need not exist, but a folder or an unreadable file is refused


def check_arguments(args: list[str]) -> dict[str, Any] | None:
    """The values click would call `check` with for the command line `args` (without the program
    name), or None when the command line is not one read here."""
    if not args or args[0] != "check" or os.environ.get("_NEWSLINT_COMPLETE"):
        return None
    values = dict(DEFAULTS)
    paths: list[str] = []
    rest = args[1:]
    i = 0
    while i < len(rest):
        token = rest[i]
        i += 1
        if len(token) < 2 or not token.startswith("-"):  # a path ("" and "-" too, as click reads them)
            if token == "-" or not _readable_or_missing(token):
                return None
            paths.append(token)
            continue
        if token in FLAGS:
            name, value = FLAGS[token]
            if name is not None:
                values[name] = value
            continue
        if i >= len(rest):  # an option without its value (or one not known here)
            return None
        value, i = rest[i], i + 1  # click takes the next word as the value, whatever it looks like
        if token in CHOICES:
            name, allowed = CHOICES[token]
            if value not in allowed:
                return None
            values[name] = value
        elif token in REPEATED:
            values[REPEATED[token]] += (value,)
        elif token in JOBS:
            if not (value.isascii() and value.isdigit()):
                return None
            values["jobs"] = int(value)
        elif token == CONFIG:
            if not _readable_or_missing(value, folder_ok=False):
                return None
            values["config_path"] = Path(value)
        else:
            return None
    values["paths"] = tuple(paths)
    return values


def _readable_or_missing(path: str, folder_ok: bool = True) -> bool:
    """What click.Path (not required to exist) lets through as it is: a path that does not exist,
    or one that can be read (and, unless `folder_ok`, is not a folder)."""
    import stat

    try:
        status = os.stat(path)
    except OSError:
        return True
    except ValueError:  # a NUL in the name: left to click
        return False
    if not folder_ok and stat.S_ISDIR(status.st_mode):
        return False
    return os.access(path, os.R_OK)


def run(args: list[str]) -> None:
    """The `newslint` program with the command line `args`: a plain `check` runs here, anything
    else through click (lint/cli.py). Ends the process."""
    from lint import startup

    values = check_arguments(args)
    if values is None:
        from lint.cli import main

        startup.run_to_exit(lambda: main(args))  # main(args): start-up has begun (lint/__main__.py)
        return

    def work() -> None:
        try:
            from lint.command import check

            check(**values)
        except SystemExit:
            raise
        except BaseException as error:
            from lint.cli import replay

            replay(args, error)
        sys.exit(0)  # as click ends a command that returns

    startup.run_to_exit(work)
